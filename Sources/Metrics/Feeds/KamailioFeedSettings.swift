/// How `termdash feed kamailio` (or a `[sources.NAME]` of kind "kamailio") reads one Kamailio.
public struct KamailioFeedSettings: Sendable, Equatable {
    /// The feed's name: the source of its CDRs and calls, and what the checklist calls it.
    public var name: String
    public var rpc: RPCEndpoint
    /// Kamailio's accounting database (db_sqlite), holding `acc_cdrs`.
    public var accPath: String
    public var columns = AccColumns()
    /// The dialog profile (or dialog variable) naming a call's customer, and its carrier.
    public var customerProfile = "customer"
    public var carrierProfile = "carrier"
    /// Seconds between refreshes.
    public var refresh = 1.0
    /// Whether registrations are read (`ul.dump`): off for a Kamailio that registers nobody.
    public var registrations = true
    /// The most CDRs stored in one transaction.
    public var batch = 5_000

    public init(name: String, rpc: RPCEndpoint, accPath: String) {
        self.name = name
        self.rpc = rpc
        self.accPath = accPath
    }
}
