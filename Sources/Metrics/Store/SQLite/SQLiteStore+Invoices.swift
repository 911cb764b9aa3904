import GRDB

/// The invoice ledger's requirements, each in one write transaction.
extension SQLiteStore: InvoiceLedger {
    public func setBillingProfile(_ profile: BillingProfile, customerID: Int64) throws {
        throw InvoiceError.unknownCustomer("not yet")
    }

    public func createDraft(customerID: Int64, period: Period, at now: Int64) throws -> Invoice {
        throw InvoiceError.unknownCustomer("not yet")
    }

    public func issueInvoice(id: Int64, at now: Int64) throws -> Invoice {
        throw InvoiceError.unknownInvoice(id)
    }

    public func recordPayment(invoiceID: Int64, amount: Money, paidAt: Int64, at now: Int64) throws -> Invoice {
        throw InvoiceError.unknownInvoice(invoiceID)
    }

    public func voidInvoice(id: Int64, at now: Int64) throws -> Invoice {
        throw InvoiceError.unknownInvoice(id)
    }
}
