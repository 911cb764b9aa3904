import Metrics

/// The read protocols not yet on servers: each says so (docs/scale-out.md) instead of answering empty.
extension ServerReadSession {
    /// Not yet on servers (docs/scale-out.md).
    public func billingProfile(customerID: Int64) throws -> BillingProfile? {
        throw ServerStoreError.notYetSupported("read: billingProfile")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func invoices(_ filter: InvoiceFilter) throws -> [Invoice] {
        throw ServerStoreError.notYetSupported("read: invoices")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func invoice(id: Int64) throws -> Invoice? {
        throw ServerStoreError.notYetSupported("read: invoice")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func invoicedCDRs(invoiceID: Int64) throws -> [InvoicedCDR] {
        throw ServerStoreError.notYetSupported("read: invoicedCDRs")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func invoiceSummary(period: Period, top: Int) throws -> InvoiceSummary {
        throw ServerStoreError.notYetSupported("read: invoiceSummary")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func billingFigures(at now: Int64) throws -> BillingFigures {
        throw ServerStoreError.notYetSupported("read: billingFigures")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func numberBlocks(customerID: Int64?) throws -> [NumberBlock] {
        throw ServerStoreError.notYetSupported("read: numberBlocks")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func portalUser(customerID: Int64) throws -> PortalUser? {
        throw ServerStoreError.notYetSupported("read: portalUser")
    }

}
