/// A CDR file whose import is `processing` as stored, with the process importing it: the checklist lists it when
/// that process is gone (the import was interrupted).
public struct ImportInProgress: Sendable, Equatable {
    public var id: Int64
    /// The file's name, as stored.
    public var name: String
    /// The importing process; nil for an entry from before the ledger recorded it (left by a process that ended).
    public var owner: FileLedger.Owner?
    /// Whether the import still runs, as the store judges it: by the process on the embedded store, by the process
    /// and its connection on the servers (an importer on another machine is judged by its connection).
    public var isRunning: Bool

    public init(id: Int64, name: String, owner: FileLedger.Owner?, isRunning: Bool) {
        self.id = id
        self.name = name
        self.owner = owner
        self.isRunning = isRunning
    }

    /// The process importing the file is gone: nothing of it was kept, and it waits for a re-run.
    public var isInterrupted: Bool { !isRunning }
}
