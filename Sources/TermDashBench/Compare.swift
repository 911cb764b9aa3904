import Foundation
import Metrics
import SQLiteReference

/// Where the engine's figures and plain SQL's differ, one line per difference; empty when they agree.
enum Comparison {
    private static var fields: [(String, KeyPath<RollupCounts, Int64>)] { [
        ("attempts", \.attempts), ("answered", \.answered), ("busy", \.busy), ("no_answer", \.noAnswer),
        ("failed", \.failed), ("billsec", \.billsec), ("dtmf_known", \.dtmfKnown), ("dtmf_calls", \.dtmfCalls),
        ("dtmf_digits", \.dtmfDigits), ("sell_micros", \.sellMicros), ("buy_micros", \.buyMicros),
        ("unrated_sell", \.unratedSell), ("unrated_buy", \.unratedBuy),
    ] }

    static func differences(engine: PaneFigures, sql: PaneFigures) -> [String] {
        var lines: [String] = []
        dashboard(engine.dashboard, sql.dashboard, into: &lines)
        grid("summary live", engine.liveSummary, sql.liveSummary, into: &lines)
        grid("summary daily", engine.dailySummary, sql.dailySummary, into: &lines)
        totals("totals per carrier", engine.carrierTotals, sql.carrierTotals, into: &lines)
        totals("totals per customer", engine.customerTotals, sql.customerTotals, into: &lines)
        totals("last 24 h", engine.last24Hours.mapValues { NamedCounts(name: "all", counts: $0) },
               sql.last24Hours.mapValues { NamedCounts(name: "all", counts: $0) }, into: &lines)
        if engine.checklist != sql.checklist {
            lines.append("checklist: engine \(engine.checklist.prefix(12)) sql \(sql.checklist.prefix(12))")
        }
        if lines.isEmpty, engine != sql { lines.append("the figures differ in a way this report does not describe") }
        return lines
    }

    /// What was compared, for the report.
    static func extent(of figures: PaneFigures) -> String {
        let d = figures.dashboard
        return """
            5 counters, \(d.liveChannels.count) s of live channels, \(d.topCustomers.count)+\(d.bottomCustomers.count) \
            channel-table rows; live summary \(figures.liveSummary.rows.count) rows x \
            \(figures.liveSummary.buckets.count) hours; daily summary \(figures.dailySummary.rows.count) rows x \
            \(figures.dailySummary.buckets.count) days; \(figures.carrierTotals.count) carrier and \
            \(figures.customerTotals.count) customer totals; the 24 h network total \
            (\(figures.last24Hours[0]?.attempts ?? 0) attempts) — all 13 counters of every cell; \
            \(d.history?.range.label ?? "no") history (\(d.history?.count ?? 0) buckets: counters, busiest second, \
            occupancy, registrations; 7 days of profit); \(d.quality?.carriers.count ?? 0) carriers' quality; \
            \((d.channelTables?.topCarriers.count ?? 0) + (d.channelTables?.bottomCarriers.count ?? 0))+\
            \((d.channelTables?.topDIDs.count ?? 0) + (d.channelTables?.bottomDIDs.count ?? 0)) carrier+DID table \
            rows; \(figures.checklist.count) checklist items; the balance of \(d.balance?.accounts ?? 0) accounts
            """
    }

    private static func history(_ engine: HistorySnapshot, _ sql: HistorySnapshot, into lines: inout [String]) {
        guard engine != sql else { return }
        if (engine.from, engine.step, engine.count) != (sql.from, sql.step, sql.count) {
            lines.append("history: buckets from \(engine.from) step \(engine.step) x \(engine.count) vs "
                         + "\(sql.from) step \(sql.step) x \(sql.count)")
            return
        }
        var reported = 0
        func report(_ line: String) {
            reported += 1
            if reported <= 20 { lines.append("history " + line) }
        }
        for (index, bucket) in engine.bucketStarts.enumerated() {
            if let difference = counts(engine.figures[index].counts, sql.figures[index].counts) {
                report("bucket \(bucket): \(difference)")
            }
            if engine.channelSeconds[index] != sql.channelSeconds[index] {
                report("bucket \(bucket): channel seconds engine \(engine.channelSeconds[index]) sql \(sql.channelSeconds[index])")
            }
            if engine.peakAttempts[index] != sql.peakAttempts[index] || engine.peakSeconds[index] != sql.peakSeconds[index] {
                report("bucket \(bucket): busiest second engine \(engine.peakAttempts[index]) at "
                       + "\(engine.peakSeconds[index] ?? -1) sql \(sql.peakAttempts[index]) at \(sql.peakSeconds[index] ?? -1)")
            }
            if engine.registrations[index] != sql.registrations[index] {
                report("bucket \(bucket): registrations engine \(engine.registrations[index]) sql \(sql.registrations[index])")
            }
        }
        if engine.daily != sql.daily { report("daily profit and loss: engine \(engine.daily) sql \(sql.daily)") }
        if reported > 20 { lines.append("history: \(reported - 20) more differences") }
    }

    private static func quality(_ engine: QualitySnapshot, _ sql: QualitySnapshot, into lines: inout [String]) {
        guard engine != sql else { return }
        if engine.carriers.map(\.id) != sql.carriers.map(\.id) {
            lines.append("quality: carriers in another order or set: engine \(engine.carriers.map(\.id).prefix(12)) "
                         + "sql \(sql.carriers.map(\.id).prefix(12))")
        }
        let sqlRows = Dictionary(sql.carriers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for row in engine.carriers {
            guard let other = sqlRows[row.id] else { continue }
            if (row.name, row.active) != (other.name, other.active) {
                lines.append("quality carrier \(row.id): '\(row.name)' \(row.active) vs '\(other.name)' \(other.active)")
            }
            if row.counts != other.counts {
                lines.append("quality carrier \(row.id): engine \(row.counts) sql \(other.counts)")
            }
        }
        if (engine.from, engine.to) != (sql.from, sql.to) {
            lines.append("quality window: engine [\(engine.from), \(engine.to)) sql [\(sql.from), \(sql.to))")
        }
    }

    private static func counts(_ engine: RollupCounts, _ sql: RollupCounts) -> String? {
        let differing = fields.filter { engine[keyPath: $0.1] != sql[keyPath: $0.1] }
        guard !differing.isEmpty else { return nil }
        return differing.map { "\($0.0) engine \(engine[keyPath: $0.1]) sql \(sql[keyPath: $0.1])" }
            .joined(separator: ", ")
    }

    private static func dashboard(_ engine: DashboardSnapshot, _ sql: DashboardSnapshot, into lines: inout [String]) {
        if engine.counters != sql.counters { lines.append("dashboard counters: engine \(engine.counters), sql \(sql.counters)") }
        if engine.liveChannels != sql.liveChannels {
            let differing = zip(engine.liveChannels, sql.liveChannels).enumerated().filter { $0.element.0 != $0.element.1 }
            lines.append("dashboard live channels: \(engine.liveChannels.count) vs \(sql.liveChannels.count) seconds, "
                         + "\(differing.count) differ; first: "
                         + (differing.prefix(5).map { "s\($0.offset) engine \($0.element.0) sql \($0.element.1)" }
                            .joined(separator: ", ")))
        }
        if engine.topCustomers != sql.topCustomers {
            lines.append("dashboard busiest customers: engine \(engine.topCustomers.prefix(5)) sql \(sql.topCustomers.prefix(5))")
        }
        if let left = engine.history, let right = sql.history { history(left, right, into: &lines) }
        if let left = engine.quality, let right = sql.quality { quality(left, right, into: &lines) }
        if (engine.history == nil) != (sql.history == nil) || (engine.quality == nil) != (sql.quality == nil) {
            lines.append("dashboard: history or quality missing on one side")
        }
        let tables = (engine.channelTables ?? ChannelTables(topCarriers: [], bottomCarriers: [], topDIDs: [], bottomDIDs: []),
                      sql.channelTables ?? ChannelTables(topCarriers: [], bottomCarriers: [], topDIDs: [], bottomDIDs: []))
        for (label, path) in [("busiest carriers", \ChannelTables.topCarriers), ("idlest carriers", \.bottomCarriers),
                              ("busiest DIDs", \.topDIDs), ("idlest DIDs", \.bottomDIDs)]
        where tables.0[keyPath: path] != tables.1[keyPath: path] {
            lines.append("dashboard channel tables, \(label): engine \(tables.0[keyPath: path].prefix(5)) "
                         + "sql \(tables.1[keyPath: path].prefix(5))")
        }
        if engine.balance != sql.balance {
            lines.append("dashboard balance: engine \(String(describing: engine.balance)) sql \(String(describing: sql.balance))")
        }
        if engine.bottomCustomers != sql.bottomCustomers {
            lines.append("dashboard idlest customers: engine \(engine.bottomCustomers.prefix(5)) sql \(sql.bottomCustomers.prefix(5))")
        }
        if engine.takenAt != sql.takenAt || engine.storePath != sql.storePath {
            lines.append("dashboard time or path: engine \(engine.takenAt) \(engine.storePath), sql \(sql.takenAt) \(sql.storePath)")
        }
    }

    private static func grid(_ label: String, _ engine: Grid, _ sql: Grid, into lines: inout [String]) {
        if engine.buckets != sql.buckets {
            lines.append("\(label): buckets engine \(engine.buckets.first ?? 0)…\(engine.buckets.last ?? 0) "
                         + "(\(engine.buckets.count)), sql \(sql.buckets.first ?? 0)…\(sql.buckets.last ?? 0) (\(sql.buckets.count))")
            return
        }
        if engine.rows.map(\.id) != sql.rows.map(\.id) {
            let engineIDs = Set(engine.rows.map(\.id))
            let sqlIDs = Set(sql.rows.map(\.id))
            lines.append("\(label): rows differ: only engine \(engineIDs.subtracting(sqlIDs).sorted().prefix(10)), "
                         + "only sql \(sqlIDs.subtracting(engineIDs).sorted().prefix(10)), or in another order")
        }
        let sqlRows = Dictionary(sql.rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var reported = 0
        for row in engine.rows {
            guard let other = sqlRows[row.id] else { continue }
            if row.name != other.name { lines.append("\(label) customer \(row.id): name '\(row.name)' vs '\(other.name)'") }
            for (index, bucket) in engine.buckets.enumerated() {
                guard let difference = counts(row.cells[index], other.cells[index]) else { continue }
                reported += 1
                if reported <= 20 { lines.append("\(label) customer \(row.id) bucket \(bucket): \(difference)") }
            }
        }
        if reported > 20 { lines.append("\(label): \(reported - 20) more cells differ") }
    }

    private static func totals(_ label: String, _ engine: [Int64: NamedCounts], _ sql: [Int64: NamedCounts],
                               into lines: inout [String]) {
        var reported = 0
        for id in Set(engine.keys).union(sql.keys).sorted() {
            let line: String?
            switch (engine[id], sql[id]) {
            case let (left?, right?):
                if left.name != right.name {
                    line = "name '\(left.name)' vs '\(right.name)'"
                } else {
                    line = counts(left.counts, right.counts)
                }
            case (nil, _?): line = "only in sql"
            case (_?, nil): line = "only in the engine"
            case (nil, nil): line = nil
            }
            guard let line else { continue }
            reported += 1
            if reported <= 20 { lines.append("\(label) id \(id): \(line)") }
        }
        if reported > 20 { lines.append("\(label): \(reported - 20) more rows differ") }
    }
}
