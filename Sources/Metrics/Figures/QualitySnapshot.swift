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
