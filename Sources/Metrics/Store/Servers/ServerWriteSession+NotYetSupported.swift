import Metrics

/// The write requirements not yet on servers: each says so (docs/scale-out.md).
extension ServerWriteSession {
    /// Not yet on servers (docs/scale-out.md).
    public func updateRegistrations(adding added: [Registration], removing removedEndpoints: [String]) throws {
        throw ServerStoreError.notYetSupported("write: updateRegistrations")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func removeRegistrations(endpointSuffix suffix: String) throws {
        throw ServerStoreError.notYetSupported("write: removeRegistrations")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func accountDirectory() throws -> AccountDirectory {
        throw ServerStoreError.notYetSupported("write: accountDirectory")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func createAccounts(_ creations: [AccountDirectory.Creation], at now: Int64) throws {
        throw ServerStoreError.notYetSupported("write: createAccounts")
    }
}
