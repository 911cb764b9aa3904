/// A storage backend as a whole: what writers hand over (`StoreSink`), what the engine reads (`StoreReader`), the
/// books (`StoreLedger`), an import's transaction (`ImportSink`), the invoices (`InvoiceLedger`, read through
/// `InvoiceReading`), help tickets (`TicketLedger`), number blocks (`BlockLedger`) and the portal's accounts
/// (`PortalLedger`). `SQLiteStore` is the embedded one; a server
/// backend is another conformance, and passes when it passes the store conformance suite (Tests/MetricsTests/Store).
public protocol MetricStore: StoreReader, StoreSink, StoreLedger, ImportSink, InvoiceLedger, TicketLedger, PageLedger,
    BlockLedger, PortalLedger {}
