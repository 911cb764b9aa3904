import GRDB

/// The invoice ledger's requirements, each in one write transaction (`BEGIN IMMEDIATE`, so two processes issuing at
/// once take the series' next number one after the other).
extension SQLiteStore: InvoiceLedger {
    public func setBillingProfile(_ profile: BillingProfile, customerID: Int64) throws {
        try write { (db: Database) in try SQLiteInvoices.setProfile(profile, customerID: customerID, in: db) }
    }

    public func createDraft(customerID: Int64, period: Period, at now: Int64) throws -> Invoice {
        try write { (db: Database) in try SQLiteInvoices.createDraft(customerID: customerID, period: period, at: now, in: db) }
    }

    public func issueInvoice(id: Int64, at now: Int64, numbering: InvoiceNumbering) throws -> Invoice {
        try write { (db: Database) in try SQLiteInvoices.issue(id: id, at: now, numbering: numbering, in: db) }
    }

    public func recordPayment(invoiceID: Int64, amount: Money, paidAt: Int64, at now: Int64) throws -> Invoice {
        try write { (db: Database) in
            try SQLiteInvoices.pay(id: invoiceID, amount: amount, paidAt: paidAt, at: now, in: db)
        }
    }

    public func voidInvoice(id: Int64, at now: Int64) throws -> Invoice {
        try write { (db: Database) in try SQLiteInvoices.void(id: id, at: now, in: db) }
    }
}
