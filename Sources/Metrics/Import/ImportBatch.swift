/// What the reading side of an import hands the writing side: the next rows of the file, ready to insert.
struct ImportBatch: Sendable {
    var records: [CallRecord] = []
    var rejects: [FileLedger.Reject] = []
    /// Accounts first named by these records (or earlier ones): the writer inserts them before the records.
    var creations: [AccountDirectory.Creation] = []
    /// The rollup rows of every record since the last batch that carried some, counted as if every record were
    /// new and derived ready to write; the writer takes out those of records the store already held, then writes
    /// them after this batch.
    var rollups: RollupDeltas?
    /// A native registrations file's samples, with the last batch.
    var registrations: RegistrationTotals?
    /// The file's first accepted row, with the batch that holds it.
    var firstRow: (line: Int, key: RowKey, start: Int64)?
    /// Where the reading side was when it sent the batch (for the progress bar).
    var bytesRead = 0
    var rowsRead = 0

    mutating func clear() {
        records.removeAll(keepingCapacity: true)
        rejects.removeAll(keepingCapacity: true)
        creations = []
        rollups = nil
        registrations = nil
        firstRow = nil
    }
}
