import GRDB

/// ASR, ACD and DTMF of one carrier over a window, kept as numerators and denominators.
public struct CarrierQuality: Sendable, Equatable {
    /// The carrier's id; 0 for calls of no known carrier.
    public var id: Int64
    /// As stored; views sanitise it.
    public var name: String
    /// False for a carrier whose status is `disabled`.
    public var active: Bool
    public var figures: TrafficFigures

    public init(id: Int64, name: String, active: Bool, figures: TrafficFigures) {
        self.id = id
        self.name = name
        self.active = active
        self.figures = figures
    }

    public var attempts: Int64 { figures.attempts }
    /// nil (N/A) with no attempts.
    public var asr: Double? { figures.asr }
    /// Seconds; nil (N/A) with nothing answered.
    public var acd: Double? { figures.acd }
    /// Percent of answered calls with a digit, among those whose DTMF is known; nil when none is known.
    public var dtmfShare: Double? { figures.dtmfShare }
    /// Digits sent in answered calls whose DTMF is known.
    public var dtmfDigits: Int64 { figures.counts.dtmfDigits }
}

/// The quality table of one range: every carrier, busiest first.
public struct QualitySnapshot: Sendable, Equatable {
    public var range: HistoryRange
    /// The calls counted started in [from, to): the buckets of the range, the last one holding `takenAt`.
    public var from: Int64
    public var to: Int64
    /// Every carrier (idle ones included, with N/A figures), then "(unknown carrier)" (id 0) when calls had none;
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
    public func total(excluding excluded: Set<Int64> = []) -> TrafficFigures {
        carriers.reduce(TrafficFigures()) { excluded.contains($1.id) ? $0 : $0 + $1.figures }
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
        let figures = try self.figures(from: from, to: to, groupedBy: .carrier, in: db)
        var rows: [CarrierQuality] = []
        var seen: Set<Int64> = []
        for row in try Row.fetchAll(db, sql: "SELECT id, name, status FROM carriers") {
            let id: Int64 = row[0]
            seen.insert(id)
            rows.append(CarrierQuality(id: id, name: row[1], active: (row[2] as String) == "active",
                                       figures: figures[id] ?? TrafficFigures()))
        }
        // Calls of a carrier that is not (or no longer) in the table are shown under its id, not dropped.
        for (id, figures) in figures where !seen.contains(id) {
            rows.append(CarrierQuality(id: id, name: id == 0 ? "(unknown carrier)" : "#\(id)", active: true,
                                       figures: figures))
        }
        rows.sort { ($1.attempts, $0.name, $0.id) < ($0.attempts, $1.name, $1.id) }
        return QualitySnapshot(range: range, from: from, to: to, carriers: rows)
    }
}
