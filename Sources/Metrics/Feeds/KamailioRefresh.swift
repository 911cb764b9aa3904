/// What one refresh of a Kamailio feed did.
public struct KamailioRefresh: Sendable, Equatable {
    /// Calls in progress after it (as last read when Kamailio did not answer).
    public var callsInProgress: Int
    /// CDRs new to the store.
    public var cdrs: Int
    /// Registered endpoints (nil: not read).
    public var registrations: Int?
    /// Why Kamailio (its JSON-RPC or its accounting database) could not be read; nil when it could.
    public var problem: String?
    /// More CDRs are waiting past this refresh's batches.
    public var behind: Bool

    public init(callsInProgress: Int, cdrs: Int, registrations: Int?, problem: String?, behind: Bool) {
        self.callsInProgress = callsInProgress
        self.cdrs = cdrs
        self.registrations = registrations
        self.problem = problem
        self.behind = behind
    }
}
