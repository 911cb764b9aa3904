import Foundation
import GRDB

/// When the checklist raises an item. The lead's config carries these; the defaults suit a small network.
public struct ChecklistThresholds: Sendable, Equatable {
    /// A carrier whose ASR over the last hour is under this percentage is an alert…
    public var minimumASR: Double
    /// …when it had at least this many attempts in that hour (one failed call is not a trend).
    public var minimumAttempts: Int64
    /// Items of one kind beyond this many are summed up in one last item ("and 12 more").
    public var maximumItemsPerKind: Int

    public init(minimumASR: Double = 20, minimumAttempts: Int64 = 20, maximumItemsPerKind: Int = 20) {
        self.minimumASR = minimumASR
        self.minimumAttempts = minimumAttempts
        self.maximumItemsPerKind = maximumItemsPerKind
    }
}

/// One outstanding item of the checklist.
public struct ChecklistItem: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case noCarriers, cdrFileError, balancePastLimit, lowASR, customerWithoutRateCard, carrierWithoutRateCard,
            profileNotVerified
    }

    public enum Severity: Int, Sendable, Comparable, CaseIterable {
        case warning = 1, alert = 2

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind
    public var severity: Severity
    /// A few words: "CDR file in error".
    public var title: String
    /// What and which, naming the thing as stored (views sanitise it): "Master.csv: line 3: broken quote".
    public var reason: String
    /// The customer, carrier or CDR file the item is about; nil for a network-wide or summing item.
    public var subjectID: Int64?

    public init(kind: Kind, severity: Severity, title: String, reason: String, subjectID: Int64?) {
        self.kind = kind
        self.severity = severity
        self.title = title
        self.reason = reason
        self.subjectID = subjectID
    }
}

extension ChecklistItem.Kind {
    public var severity: ChecklistItem.Severity {
        switch self {
        case .noCarriers, .cdrFileError, .balancePastLimit, .lowASR: return .alert
        case .customerWithoutRateCard, .carrierWithoutRateCard, .profileNotVerified: return .warning
        }
    }

    public var title: String {
        switch self {
        case .noCarriers: return "No carriers configured"
        case .cdrFileError: return "CDR file in error"
        case .balancePastLimit: return "Balance past debit limit"
        case .lowASR: return "ASR under threshold"
        case .customerWithoutRateCard: return "Customer without rate card"
        case .carrierWithoutRateCard: return "Carrier without rate card"
        case .profileNotVerified: return "Profile not verified"
        }
    }

    /// What the summing item says of the rest: "12 more files in error".
    fileprivate var more: String {
        switch self {
        case .noCarriers: return "more"
        case .cdrFileError: return "more files in error"
        case .balancePastLimit: return "more customers past their limit"
        case .lowASR: return "more carriers under the ASR threshold"
        case .customerWithoutRateCard: return "more customers without a rate card"
        case .carrierWithoutRateCard: return "more carriers without a rate card"
        case .profileNotVerified: return "more unverified profiles"
        }
    }
}

extension MetricsEngine {
    /// The outstanding items at `now`, alerts first. With `customerID`, only that customer's own items (rate card,
    /// balance, profile): carriers, files and carrier ASR describe other accounts.
    public func checklist(at now: Int64, thresholds: ChecklistThresholds = ChecklistThresholds(),
                          customerID: Int64? = nil) throws -> [ChecklistItem] {
        try store.read { db in
            try checklist(at: now, thresholds: thresholds, customerID: customerID, lastHour: nil, in: db)
        }
    }

    /// - Parameter lastHour: the 1 h quality table when the caller has it already (it is the ASR window).
    func checklist(at now: Int64, thresholds: ChecklistThresholds, customerID: Int64?, lastHour: QualitySnapshot?,
                   in db: Database) throws -> [ChecklistItem] {
        var items: [ChecklistItem.Kind: [ChecklistItem]] = [:]
        func add(_ kind: ChecklistItem.Kind, _ reason: String, subject: Int64?) {
            items[kind, default: []].append(ChecklistItem(
                kind: kind, severity: kind.severity, title: kind.title, reason: reason, subjectID: subject))
        }
        // An integer, so safe to write into the SQL.
        let customerFilter = customerID.map { "id = \($0)" } ?? "1"
        let joinedFilter = customerID.map { "c.id = \($0)" } ?? "1"

        if customerID == nil {
            let carriers = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), COALESCE(SUM(status = 'active'), 0) FROM carriers
                """)!
            if (carriers[0] as Int) == 0 {
                add(.noCarriers, "no carrier is configured: calls cannot be routed or costed", subject: nil)
            } else if (carriers[1] as Int) == 0 {
                add(.noCarriers, "none of the \(carriers[0] as Int) carriers is active", subject: nil)
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT id, name, first_error FROM cdr_files WHERE status = 'error' ORDER BY id
                """) {
                let error: String? = row[2]
                add(.cdrFileError, "\(row[1] as String): \(error ?? "import failed")", subject: row[0])
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT id, name FROM carriers WHERE status = 'active' AND rate_card_id IS NULL ORDER BY name, id
                """) {
                add(.carrierWithoutRateCard, "\(row[1] as String) has no buy rate card: its calls have no cost",
                    subject: row[0])
            }
            let lastHourCarriers = try lastHour?.carriers ?? lastHourAnswers(at: now, in: db)
            for carrier in lastHourCarriers where carrier.attempts >= max(1, thresholds.minimumAttempts) {
                guard let asr = carrier.asr, asr < thresholds.minimumASR else { continue }
                add(.lowASR, "\(carrier.name): ASR \(percent(asr)) over \(carrier.attempts) attempts in the last hour "
                    + "(threshold \(percent(thresholds.minimumASR)))", subject: carrier.id)
            }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT id, name, account_code FROM customers
            WHERE status = 'active' AND rate_card_id IS NULL AND \(customerFilter) ORDER BY name, id
            """) {
            add(.customerWithoutRateCard, "\(row[1] as String) (\(row[2] as String)) has no sell rate card: "
                + "its calls stay unrated", subject: row[0])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT id, name, balance_micros, debit_limit_micros, currency FROM customers
            WHERE status = 'active' AND balance_micros < -ABS(debit_limit_micros) AND \(customerFilter)
            ORDER BY balance_micros + ABS(debit_limit_micros), name, id
            """) {
            let currency: String = row[4]
            let balance = Money(micros: row[2]), floor = Money(micros: -abs(row[3] as Int64))
            add(.balancePastLimit, "\(row[1] as String): balance \(balance.formatted()) \(currency), "
                + "limit \(floor.formatted()) \(currency)", subject: row[0])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT c.id, c.name, c.account_code, f.name FROM customers c
            LEFT JOIN cdr_files f ON f.id = c.first_seen_file_id
            WHERE c.profile_verified = 0 AND \(joinedFilter)
            ORDER BY c.name, c.id
            """) {
            let file: String? = row[3]
            add(.profileNotVerified, "\(row[1] as String) (\(row[2] as String)) was created by "
                + (file.map { "importing \($0)" } ?? "an import"), subject: row[0])
        }

        var result: [ChecklistItem] = []
        // Alerts first; within a severity, kinds in their declared order.
        let order = ChecklistItem.Severity.allCases.reversed().flatMap { severity in
            ChecklistItem.Kind.allCases.filter { $0.severity == severity }
        }
        for kind in order {
            guard let list = items[kind] else { continue }
            let keep = max(1, thresholds.maximumItemsPerKind)
            if list.count <= keep {
                result += list
            } else {
                result += list.prefix(keep - 1)
                result.append(ChecklistItem(kind: kind, severity: kind.severity, title: kind.title,
                                            reason: "\(list.count - keep + 1) \(kind.more)", subjectID: nil))
            }
        }
        return result
    }
}

extension MetricsEngine {
    /// The carriers of the 1 h quality table with only their attempts and answered calls counted (the rest 0), in its
    /// order:
    /// three columns of the minute rollup instead of thirteen. Past the minute retention, the interval figures.
    func lastHourAnswers(at now: Int64, in db: Database) throws -> [CarrierQuality] {
        let (from, to) = HistoryRange.oneHour.window(at: now)
        guard from >= retention.minuteHorizon(at: Int64(Date().timeIntervalSince1970)) else {
            return try carrierQuality(.oneHour, at: now, in: db).carriers
        }
        var counts = SumsByID<QualityCounts>()
        try FastRows.forEach(db, sql: """
            SELECT carrier_id, attempts, answered FROM \(RollupTable.carrier(.minute).name) WHERE bucket >= ? AND bucket < ?
            """, arguments: [from, to]) { row in
            var add = QualityCounts()
            add.attempts = row.int(1)
            add.answered = row.int(2)
            counts[row.int(0)] += add
        }
        return try carrierRows(counts.dictionary, in: db)
    }
}

/// "12.5%": one decimal, as the quality table shows it.
func percent(_ value: Double) -> String {
    var text = String(Int64((value * 10).rounded(.toNearestOrAwayFromZero)))
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    if text.count < 2 { text = String(repeating: "0", count: 2 - text.count) + text }
    text.insert(".", at: text.index(before: text.endIndex))
    return (negative ? "-" : "") + text + "%"
}
