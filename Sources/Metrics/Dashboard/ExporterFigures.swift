/// What `termdash exporter` publishes, read in one store read: calls in progress now, and counters of every finished
/// call the store has kept, per customer and per carrier. The counters are the month rollups summed over all months,
/// so they only grow while CDRs arrive (a pruned month or a `rebuild` may lower them, which Prometheus treats as a
/// counter reset). Integers and exact money only; the exposition formats them.
public struct ExporterFigures: Sendable, Equatable {
    /// One account (customer or carrier) with its figures. Id 0 stands for calls of no known account.
    public struct Account: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var inProgress: Int
        public var channelsConfigured: Int
        /// Every finished call the month rollups keep for this account.
        public var counts: RollupCounts

        public init(id: Int64, name: String, inProgress: Int, channelsConfigured: Int, counts: RollupCounts) {
            self.id = id
            self.name = name
            self.inProgress = inProgress
            self.channelsConfigured = channelsConfigured
            self.counts = counts
        }
    }

    public var inProgress: Int
    /// Customers and carriers in id order (the order they were created), the unknown account (id 0) first when it
    /// has calls.
    public var customers: [Account]
    public var carriers: [Account]
    public var filesSuccess: Int
    public var filesError: Int
    public var filesWaiting: Int
    public var draftInvoices: Int
    public var unpaidInvoices: Int

    public init(inProgress: Int, customers: [Account], carriers: [Account], filesSuccess: Int, filesError: Int,
                filesWaiting: Int, draftInvoices: Int, unpaidInvoices: Int) {
        self.inProgress = inProgress
        self.customers = customers
        self.carriers = carriers
        self.filesSuccess = filesSuccess
        self.filesError = filesError
        self.filesWaiting = filesWaiting
        self.draftInvoices = draftInvoices
        self.unpaidInvoices = unpaidInvoices
    }
}
