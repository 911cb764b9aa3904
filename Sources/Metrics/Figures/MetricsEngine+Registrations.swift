/// Registrations per customer, read from the live registrations table (its size follows the endpoints, not the calls).
extension MetricsEngine {
    /// Registrations held now, per customer (0: endpoints of no known customer).
    public func registrationsByCustomer() throws -> [Int64: Int] {
        try store.read { session in try session.registrationsByCustomer() }
    }
}
