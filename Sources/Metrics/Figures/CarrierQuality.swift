import GRDB

/// The counters ASR, ACD and DTMF are computed from, for any set of calls. Added up across carriers, they give
/// the weighted figures of the set (never an average of ratios).
public struct QualityCounts: Sendable, Equatable, AdditiveArithmetic {
    public var attempts: Int64 = 0
    public var answered: Int64 = 0
    /// Billed seconds of the answered calls.
    public var billsec: Int64 = 0
    /// Answered calls whose source records DTMF.
    public var dtmfKnown: Int64 = 0
    /// Of those, the calls with at least one digit.
    public var dtmfCalls: Int64 = 0
    /// Digits sent in answered calls whose DTMF is known.
    public var dtmfDigits: Int64 = 0

    public init() {}

    public init(_ counts: RollupCounts) {
        attempts = counts.attempts
        answered = counts.answered
        billsec = counts.billsec
        dtmfKnown = counts.dtmfKnown
        dtmfCalls = counts.dtmfCalls
        dtmfDigits = counts.dtmfDigits
    }

    /// The same definitions as `TrafficFigures`: ASR % (nil with no attempt), ACD s (nil with none answered),
    /// DTMF share % of the answered calls whose DTMF is known (nil when none is: unknown is left out).
    private var figures: TrafficFigures {
        var counts = RollupCounts()
        counts.attempts = attempts
        counts.answered = answered
        counts.billsec = billsec
        counts.dtmfKnown = dtmfKnown
        counts.dtmfCalls = dtmfCalls
        counts.dtmfDigits = dtmfDigits
        return TrafficFigures(counts)
    }

    public var asr: Double? { figures.asr }
    public var acd: Double? { figures.acd }
    public var dtmfShare: Double? { figures.dtmfShare }
    /// Answered calls whose source does not record DTMF.
    public var dtmfUnknown: Int64 { answered - dtmfKnown }

    public static var zero: QualityCounts { QualityCounts() }

    public static func + (lhs: QualityCounts, rhs: QualityCounts) -> QualityCounts {
        var sum = lhs
        sum.attempts += rhs.attempts
        sum.answered += rhs.answered
        sum.billsec += rhs.billsec
        sum.dtmfKnown += rhs.dtmfKnown
        sum.dtmfCalls += rhs.dtmfCalls
        sum.dtmfDigits += rhs.dtmfDigits
        return sum
    }

    public static func - (lhs: QualityCounts, rhs: QualityCounts) -> QualityCounts {
        var difference = lhs
        difference.attempts -= rhs.attempts
        difference.answered -= rhs.answered
        difference.billsec -= rhs.billsec
        difference.dtmfKnown -= rhs.dtmfKnown
        difference.dtmfCalls -= rhs.dtmfCalls
        difference.dtmfDigits -= rhs.dtmfDigits
        return difference
    }
}

/// ASR, ACD and DTMF of one carrier over a window.
public struct CarrierQuality: Sendable, Equatable {
    /// The carrier's id; 0 for calls of no known carrier.
    public var id: Int64
    /// As stored; views sanitise it.
    public var name: String
    /// False for a carrier whose status is `disabled`.
    public var active: Bool
    public var counts: QualityCounts

    public init(id: Int64, name: String, active: Bool, counts: QualityCounts) {
        self.id = id
        self.name = name
        self.active = active
        self.counts = counts
    }

    public var attempts: Int64 { counts.attempts }
    /// nil (N/A) with no attempts.
    public var asr: Double? { counts.asr }
    /// Seconds; nil (N/A) with nothing answered.
    public var acd: Double? { counts.acd }
    /// Percent of answered calls with a digit, among those whose DTMF is known; nil when none is known.
    public var dtmfShare: Double? { counts.dtmfShare }
    /// Digits sent in answered calls whose DTMF is known.
    public var dtmfDigits: Int64 { counts.dtmfDigits }
}

/// The quality table of one range: every carrier, busiest first.
public struct QualitySnapshot: Sendable, Equatable {
    public var range: HistoryRange
    /// The calls counted started in [from, to): the buckets of the range, the last one holding `takenAt`.
    public var from: Int64
    public var to: Int64
    /// Every carrier (idle ones included, with N/A figures) and "(unknown carrier)" (id 0) when calls had none;
    /// by attempts, most first, then by name.
    public var carriers: [CarrierQuality]

    public init(range: HistoryRange, from: Int64, to: Int64, carriers: [CarrierQuality]) {
        self.range = range
        self.from = from
        self.to = to
        self.carriers = carriers
    }

    /// The total line: the counters of the carriers toggled in, added up, so ASR, ACD and DTMF are recomputed from
    /// their numerators and denominators (never an average of the rows).
    public func total(excluding excluded: Set<Int64> = []) -> QualityCounts {
        carriers.reduce(QualityCounts()) { excluded.contains($1.id) ? $0 : $0 + $1.counts }
    }
}

extension MetricsEngine {
    /// ASR, ACD and DTMF per carrier over the buckets of `range` at `now`.
    public func carrierQuality(_ range: HistoryRange, at now: Int64) throws -> QualitySnapshot {
        try store.read { db in try carrierQuality(range, at: now, in: db) }
    }

    func carrierQuality(_ range: HistoryRange, at now: Int64, in db: Database) throws -> QualitySnapshot {
        let (from, to) = range.window(at: now)
        // Whole buckets at both ends: carrier rollups only, no raw CDRs.
        let figures = try self.figures(from: from, to: to, groupedBy: .carrier, counters: .quality, in: db)
        return QualitySnapshot(range: range, from: from, to: to,
                               carriers: try carrierRows(figures.mapValues { QualityCounts($0.counts) }, in: db))
    }

    /// Every carrier with its figures (zero when it had no call), and the calls of unknown carriers; busiest first,
    /// then by name.
    func carrierRows(_ counts: [Int64: QualityCounts], in db: Database) throws -> [CarrierQuality] {
        var rows: [CarrierQuality] = []
        var seen: Set<Int64> = []
        for row in try Row.fetchAll(db, sql: "SELECT id, name, status FROM carriers") {
            let id: Int64 = row[0]
            seen.insert(id)
            rows.append(CarrierQuality(id: id, name: row[1], active: (row[2] as String) == "active",
                                       counts: counts[id] ?? QualityCounts()))
        }
        // Calls of a carrier that is not (or no longer) in the table are shown under its id, not dropped.
        for (id, counts) in counts where !seen.contains(id) {
            rows.append(CarrierQuality(id: id, name: id == 0 ? "(unknown carrier)" : "#\(id)", active: true,
                                       counts: counts))
        }
        rows.sort { ($1.attempts, $0.name, $0.id) < ($0.attempts, $1.name, $1.id) }
        return rows
    }
}
