import Metrics

/// The read protocols not yet on servers: each says so (docs/scale-out.md) instead of answering empty.
extension ServerReadSession {
    /// Not yet on servers (docs/scale-out.md).
    public func registrationsByCustomer() throws -> [Int64: Int] {
        throw ServerStoreError.notYetSupported("read: registrationsByCustomer")
    }
}
