/// A CDR file whose import is `processing` as stored, with the process importing it: the checklist lists it when
/// that process is gone (the import was interrupted).
public struct ImportInProgress: Sendable, Equatable {
    public var id: Int64
    /// The file's name, as stored.
    public var name: String
    /// The importing process; nil for an entry from before the ledger recorded it (left by a process that ended).
    public var owner: FileLedger.Owner?

    public init(id: Int64, name: String, owner: FileLedger.Owner?) {
        self.id = id
        self.name = name
        self.owner = owner
    }

    /// The process importing the file is gone: nothing of it was kept, and it waits for a re-run.
    public var isInterrupted: Bool { !(owner?.isRunning ?? false) }
}
