import Metrics

/// The CDR files of the ledger on PostgreSQL (`ServerFileLedger` has the SQL): each call one transaction; those
/// that hand out or take over an entry hold `ServerLock.files`, so two importers never take the same one.
extension ServerStore {
    public func fileEntry(source: String, contentHash: String) throws -> FileLedger.Entry? {
        try transaction { try ServerFileLedger.entry(source: source, contentHash: contentHash, on: postgres) }
    }

    public func fileEntry(id: Int64) throws -> FileLedger.Entry? {
        try transaction { try ServerFileLedger.entry(id: id, on: postgres) }
    }

    public func fileEntries(limit: Int) throws -> [FileLedger.Entry] {
        try transaction { try ServerFileLedger.entries(limit: limit, on: postgres) }
    }

    public func rejects(ofFile file: Int64, limit: Int) throws -> [FileLedger.Reject] {
        try transaction { try ServerFileLedger.rejects(file: file, limit: limit, on: postgres) }
    }

    public func beginFile(
        source: String, path: String, name: String, size: Int64, contentHash: String, owner: FileLedger.Owner,
        at now: Int64
    ) throws -> FileLedger.Attempt {
        try transaction(locking: [.files]) {
            try ServerFileLedger.begin(
                source: source, path: path, name: name, size: size, contentHash: contentHash, owner: owner, at: now,
                on: postgres)
        }
    }

    public func recordCopy(of original: FileLedger.Entry, path: String, name: String, size: Int64, at now: Int64) throws
        -> FileLedger.Attempt
    {
        try transaction(locking: [.files]) {
            try ServerFileLedger.recordCopy(of: original, path: path, name: name, size: size, at: now, on: postgres)
        }
    }

    public func noteWaiting(source: String, path: String, name: String, size: Int64, at now: Int64) throws {
        try transaction(locking: [.files]) {
            try ServerFileLedger.noteWaiting(source: source, path: path, name: name, size: size, at: now, on: postgres)
        }
    }

    public func finishFile(_ file: Int64, _ outcome: FileLedger.Outcome, at now: Int64) throws {
        try transaction { try ServerFileLedger.finish(file, outcome, at: now, on: postgres) }
    }

    public func noteMoved(_ file: Int64, to path: String) throws {
        try transaction { try ServerFileLedger.moved(file, to: path, on: postgres) }
    }
}
