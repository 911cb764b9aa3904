import ArgumentParser
import Foundation
import Metrics

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print summaries, per-customer or per-carrier figures, or channels in use, for scripts.",
        discussion: """
            summary: one row per customer and UTC bucket (hour for live, day for daily, the Monday a week starts for weekly, month for monthly). \
            customers / carriers: totals over the period. channels: channels in use now. Money is exact \
            (six decimals in CSV and JSON, a string in JSON); ratios with no denominator are N/A (null in JSON). \
            With --from/--to or --month the report covers that period, [from, to) in UTC, instead of the last \
            24 hours, 31 days or 12 months (--period then sets the buckets of a summary: hours, days or months). \
            The JSON shape is documented in docs/report-json.md.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case summary, customers, carriers, channels }

    @Argument(help: "summary, customers, carriers or channels.")
    var kind: Kind = .summary

    @Option(help: "live (last 24 h by hour), daily (last 31 days), weekly (last 12 weeks) or monthly (last 12 months), in UTC.")
    var period: SummaryPeriod = .live

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    @OptionGroup var range: PeriodOptions

    @OptionGroup var options: CommonOptions

    @OptionGroup var scope: ScopeOption

    func validate() throws {
        if kind == .channels && range.isGiven {
            throw ValidationError("channels are those in use now: --from, --to and --month do not apply")
        }
    }

    func run() throws {
        let settings = try options.settings()
        let store = try scope.reader(try settings.openStore(readOnly: true),
                                     settings: settings)
        let engine = MetricsEngine(store: store, retention: settings.config.retention)
        let now = Date()
        let table = try build(engine: engine, at: Int64(now.timeIntervalSince1970))
        switch format {
        case .table: print(table.table(), terminator: "")
        case .csv: print(table.csv(), terminator: "")
        case .json: print(try table.json(version: BuildInfo.version, generatedAt: now), terminator: "")
        }
    }

    func build(engine: MetricsEngine, at now: Int64) throws -> ReportTable {
        var table = try build(engine: engine, over: try range.period(in: .utc), at: now)
        table.range = try range.period(in: .utc)
        return table
    }

    private func build(engine: MetricsEngine, over range: Period?, at now: Int64) throws -> ReportTable {
        switch kind {
        case .summary:
            let grid = try range.map { try engine.summary(period, over: $0, at: now) } ?? engine.summary(period, at: now)
            let formatter = ISO8601DateFormatter()
            var rows: [[ReportTable.Value]] = []
            for row in grid.rows {
                for (bucket, cell) in zip(grid.buckets, row.cells) where cell.attempts > 0 {
                    let start = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(bucket)))
                    rows.append([.text(row.name), .text(start)] + ReportTable.figureValues(cell))
                }
            }
            return ReportTable(report: kind.rawValue, period: period,
                               columns: ["customer", "bucket_utc"] + ReportTable.figureColumns, rows: rows)
        case .customers, .carriers:
            let grouping: FigureGrouping = kind == .customers ? .customer : .carrier
            let totals = try range.map { try engine.totals(grouping, over: $0, at: now) }
                ?? engine.totals(grouping, period: period, at: now)
            return ReportTable(
                report: kind.rawValue, period: period,
                columns: [kind == .customers ? "customer" : "carrier"] + ReportTable.figureColumns,
                rows: totals.map { [.text($0.name)] + ReportTable.figureValues($0.figures) })
        case .channels:
            var rows: [[ReportTable.Value]] = []
            for (label, byCarrier) in [("customer", false), ("carrier", true)] {
                for usage in try engine.channelUsage(byCarrier: byCarrier) {
                    rows.append([.text(label), .text(usage.name), .integer(Int64(usage.inUse)),
                                 .integer(Int64(usage.configured ?? 0))])
                }
            }
            return ReportTable(report: kind.rawValue, period: nil,
                               columns: ["kind", "name", "in_use", "configured"], rows: rows)
        }
    }
}

extension SummaryPeriod: ExpressibleByArgument {}
