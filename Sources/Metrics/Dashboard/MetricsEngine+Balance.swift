/// The balance pane.
extension MetricsEngine {
    /// The balance of every active customer together, or of `customerID` alone (whatever its status).
    public func accountBalance(customerID: Int64? = nil) throws -> AccountBalance {
        try store.read { session in AccountBalance(try session.customers(), customerID: customerID) }
    }
}
