import Foundation
import Metrics

/// The ledger protocols not yet on PostgreSQL: each says so (docs/scale-out.md) instead of answering empty.
extension ServerStore {
    /// Not yet on servers (docs/scale-out.md).
    public func fileEntry(source: String, contentHash: String) throws -> FileLedger.Entry? {
        throw ServerStoreError.notYetSupported("ledger: fileEntry")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func fileEntry(id: Int64) throws -> FileLedger.Entry? {
        throw ServerStoreError.notYetSupported("ledger: fileEntry")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func fileEntries(limit: Int) throws -> [FileLedger.Entry] {
        throw ServerStoreError.notYetSupported("ledger: fileEntries")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func rejects(ofFile file: Int64, limit: Int) throws -> [FileLedger.Reject] {
        throw ServerStoreError.notYetSupported("ledger: rejects")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func beginFile(source: String, path: String, name: String, size: Int64, contentHash: String, owner: FileLedger.Owner, at now: Int64) throws -> FileLedger.Attempt {
        throw ServerStoreError.notYetSupported("ledger: beginFile")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func recordCopy(of original: FileLedger.Entry, path: String, name: String, size: Int64, at now: Int64) throws -> FileLedger.Attempt {
        throw ServerStoreError.notYetSupported("ledger: recordCopy")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func noteWaiting(source: String, path: String, name: String, size: Int64, at now: Int64) throws {
        throw ServerStoreError.notYetSupported("ledger: noteWaiting")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func finishFile(_ file: Int64, _ outcome: FileLedger.Outcome, at now: Int64) throws {
        throw ServerStoreError.notYetSupported("ledger: finishFile")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func noteMoved(_ file: Int64, to path: String) throws {
        throw ServerStoreError.notYetSupported("ledger: noteMoved")
    }

    public func importTransaction<T>(_ body: (any ImportTransaction) throws -> T) throws -> T {
        throw ServerStoreError.notYetSupported("import transactions")
    }

    public func rebuildAggregates(_ retention: Retention, at now: Int64) throws -> Int {
        throw ServerStoreError.notYetSupported("rebuild")
    }
}
