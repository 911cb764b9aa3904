/// The quality table: ASR, ACD and DTMF per carrier over a history range.
extension MetricsEngine {
    /// ASR, ACD and DTMF per carrier over the buckets of `range` at `now`.
    public func carrierQuality(_ range: HistoryRange, at now: Int64) throws -> QualitySnapshot {
        try store.read { session in try carrierQuality(range, at: now, carriers: try session.carriers(), in: session) }
    }

    func carrierQuality(_ range: HistoryRange, at now: Int64, carriers: [CarrierEntry],
                        in session: any StoreReadSession) throws -> QualitySnapshot {
        let (from, to) = range.window(at: now)
        // Whole buckets at both ends: carrier rollups only, no raw CDRs.
        let figures = try self.figures(from: from, to: to, groupedBy: .carrier, counters: QualityCounts.counters,
                                       at: now, in: session)
        return QualitySnapshot(range: range, from: from, to: to,
                               carriers: Self.carrierRows(figures.mapValues { QualityCounts($0.counts) }, carriers: carriers))
    }

    /// Every carrier with its figures (zero when it had no call), and the calls of unknown carriers; busiest first,
    /// then by name.
    static func carrierRows(_ counts: [Int64: QualityCounts], carriers: [CarrierEntry]) -> [CarrierQuality] {
        var rows: [CarrierQuality] = []
        var seen: Set<Int64> = []
        for carrier in carriers {
            seen.insert(carrier.id)
            rows.append(CarrierQuality(id: carrier.id, name: carrier.name, active: carrier.active,
                                       counts: counts[carrier.id] ?? QualityCounts()))
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
