/// The exporter's figures: cumulative counters from the month rollups (exact, whatever the scrape interval) and the
/// calls in progress, in one consistent read.
extension MetricsEngine {
    /// The counters every exposition carries.
    static let exportedCounters: [Counter] = [.attempts, .answered, .billsec, .dtmfCalls, .dtmfDigits, .sellMicros,
                                              .buyMicros]

    /// What the exporter publishes at `now` (UTC Unix seconds; only the billing figures' months depend on it).
    public func exporterFigures(at now: Int64) throws -> ExporterFigures {
        try store.read { session in
            let live = try session.liveSummary()
            let everything = Int64.min..<Int64.max
            let customerCounts = try session.rollupTotals(.month, by: .customer, buckets: everything,
                                                          counters: Self.exportedCounters)
            let carrierCounts = try session.rollupTotals(.month, by: .carrier, buckets: everything,
                                                         counters: Self.exportedCounters)
            func accounts(_ entries: [(id: Int64, name: String, channels: Int)], live: [Int64: Int],
                          counts: [Int64: RollupCounts]) -> [ExporterFigures.Account] {
                var rows = entries.sorted { $0.id < $1.id }.map {
                    ExporterFigures.Account(id: $0.id, name: $0.name, inProgress: live[$0.id] ?? 0,
                                            channelsConfigured: $0.channels, counts: counts[$0.id] ?? .zero)
                }
                if (live[0] ?? 0) > 0 || counts[0] != nil, !entries.contains(where: { $0.id == 0 }) {
                    rows.insert(ExporterFigures.Account(id: 0, name: "", inProgress: live[0] ?? 0,
                                                        channelsConfigured: 0, counts: counts[0] ?? .zero), at: 0)
                }
                return rows
            }
            let billing = try session.billingFigures(at: now)
            return ExporterFigures(
                inProgress: live.count,
                customers: accounts(try session.customers().map { ($0.id, $0.name, $0.channelsConfigured) },
                                    live: live.byCustomer, counts: customerCounts),
                carriers: accounts(try session.carriers().map { ($0.id, $0.name, $0.channelsConfigured) },
                                   live: live.byCarrier, counts: carrierCounts),
                filesSuccess: billing.filesSuccess, filesError: billing.filesError, filesWaiting: billing.filesWaiting,
                draftInvoices: billing.draftInvoices, unpaidInvoices: billing.unpaidInvoices)
        }
    }
}
