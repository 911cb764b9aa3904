/// Everything the engine may ask within one read, by concern. Each requirement returns integers or names as stored,
/// never a ratio: the figures are computed once, in Metrics, from what these hand over.
public protocol StoreReadSession: TrafficReading, LiveReading, DirectoryReading, FileReading, InvoiceReading,
    BillingReading, FeedReading, AccountReading {}
