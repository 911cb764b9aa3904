/// One customer's view of the store: what `termdash portal --customer C` (and `--customer` on the read commands)
/// reads through. A reader wrapped in a scope (`ScopedStoreReader`) hands over that customer's calls, accounts and
/// invoices only, so no figure, name or total of another customer can reach a view, a copy or an export: the
/// boundary is the read itself, not each view.
public struct CustomerScope: Sendable, Hashable {
    /// The customer's row id.
    public var customerID: Int64
    /// Whether carriers keep their names; otherwise they read "Route 1", "Route 2"… by carrier id
    /// (`[portal] show_carrier_names`).
    public var showCarrierNames: Bool

    public init(customerID: Int64, showCarrierNames: Bool = false) {
        self.customerID = customerID
        self.showCarrierNames = showCarrierNames
    }

    /// The name a carrier shows under this scope: its own, or its place among the carriers shown.
    public func carrierName(_ name: String, index: Int) -> String {
        showCarrierNames ? name : "Route \(index + 1)"
    }
}
