/// The CDR billing dashboard's figures (DESIGN features 18–20), read in one store read: the books, the CDR files,
/// help tickets and invoices. Integers and exact money only; the view formats them.
public struct BillingFigures: Sendable, Equatable {
    /// Customer records in the store.
    public var customers: Int
    /// Bytes of the CDR files recorded, each path counted once (at its latest size).
    public var cdrBytes: Int64
    /// CDR files by outcome: imported, failed, and not processed yet (`waiting` or `processing`).
    public var filesSuccess: Int
    public var filesError: Int
    public var filesWaiting: Int
    /// The file whose processing finished last.
    public var lastFile: LastFile?
    /// Help tickets not closed.
    public var openTickets: Int
    /// CDR files processed (finished, success or error) per UTC month, oldest first: the month of `now` and the two
    /// before it.
    public var filesPerMonth: [MonthCount]
    /// Draft invoices.
    public var draftInvoices: Int
    /// Issued invoices not paid in full: how many, and what is left to pay on them.
    public var unpaidInvoices: Int
    public var unpaidValue: Money
    /// Their currency; nil when none are unpaid or they use more than one.
    public var unpaidCurrency: String?
    /// Customers with the highest invoice totals over the past month (`pastMonth`: issued and paid invoices whose
    /// period starts in it), highest first, at most 5.
    public var topCustomers: [CustomerTotal]

    public struct LastFile: Sendable, Equatable {
        public var name: String
        /// When its processing finished (UTC Unix seconds).
        public var finishedAt: Int64
        public var succeeded: Bool

        public init(name: String, finishedAt: Int64, succeeded: Bool) {
            self.name = name
            self.finishedAt = finishedAt
            self.succeeded = succeeded
        }
    }

    public struct MonthCount: Sendable, Equatable {
        /// The month's first instant (UTC).
        public var month: Int64
        public var files: Int

        public init(month: Int64, files: Int) {
            self.month = month
            self.files = files
        }
    }

    public struct CustomerTotal: Sendable, Equatable {
        public var customerID: Int64
        public var name: String
        public var total: Money
        /// nil when the customer's invoices use more than one currency.
        public var currency: String?

        public init(customerID: Int64, name: String, total: Money, currency: String? = nil) {
            self.customerID = customerID
            self.name = name
            self.total = total
            self.currency = currency
        }
    }

    public init(
        customers: Int = 0, cdrBytes: Int64 = 0, filesSuccess: Int = 0, filesError: Int = 0, filesWaiting: Int = 0,
        lastFile: LastFile? = nil, openTickets: Int = 0, filesPerMonth: [MonthCount] = [], draftInvoices: Int = 0,
        unpaidInvoices: Int = 0, unpaidValue: Money = Money(micros: 0), unpaidCurrency: String? = nil,
        topCustomers: [CustomerTotal] = []
    ) {
        self.customers = customers
        self.cdrBytes = cdrBytes
        self.filesSuccess = filesSuccess
        self.filesError = filesError
        self.filesWaiting = filesWaiting
        self.lastFile = lastFile
        self.openTickets = openTickets
        self.filesPerMonth = filesPerMonth
        self.draftInvoices = draftInvoices
        self.unpaidInvoices = unpaidInvoices
        self.unpaidValue = unpaidValue
        self.unpaidCurrency = unpaidCurrency
        self.topCustomers = topCustomers
    }

    /// "The past month" of the top customers: from the start of the previous UTC month to `now` (included), so
    /// that the invoices of last month, made in the first days of this one, count.
    public static func pastMonth(at now: Int64) -> Period? {
        Period(from: TimeBucket.month.start(of: TimeBucket.month.start(of: now) - 1), to: now + 1)
    }

    /// The three months `filesPerMonth` covers at `now`: the month of `now` and the two before, oldest first.
    public static func months(at now: Int64) -> [Int64] {
        let current = TimeBucket.month.start(of: now)
        let previous = TimeBucket.month.start(of: current - 1)
        return [TimeBucket.month.start(of: previous - 1), previous, current]
    }
}

extension BillingFigures {
    /// The invoices' part of the figures, from the invoices' own summary of the past month (read in the same read).
    public mutating func take(_ invoices: InvoiceSummary) {
        draftInvoices = invoices.drafts
        unpaidInvoices = invoices.unpaid
        unpaidValue = invoices.unpaidValue
        unpaidCurrency = invoices.unpaidCurrency
        topCustomers = invoices.topCustomers.prefix(5).map {
            CustomerTotal(customerID: $0.customerID, name: $0.name, total: $0.total, currency: $0.currency)
        }
    }
}
