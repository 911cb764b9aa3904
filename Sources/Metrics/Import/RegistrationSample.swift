/// One sample of a native registrations file: how many registrations were held at an instant, in total or for
/// one customer.
public struct RegistrationSample: Sendable, Equatable {
    public var line: Int
    /// UTC Unix seconds.
    public var at: Int64
    /// nil: the switch's total.
    public var customer: String?
    public var registrations: Int

    public init(line: Int, at: Int64, customer: String?, registrations: Int) {
        self.line = line
        self.at = at
        self.customer = customer
        self.registrations = registrations
    }
}
