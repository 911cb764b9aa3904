extension FileLedger {
    /// One file as the ledger knows it.
    public struct Entry: Sendable, Equatable {
        public var id: Int64
        public var source: String
        public var path: String
        public var name: String
        public var size: Int64
        public var contentHash: String?
        public var format: String?
        public var status: Status
        public var rowsRead: Int
        public var rowsAccepted: Int
        public var rowsRejected: Int
        /// Accepted rows that were not already in the store.
        public var rowsNew: Int
        public var firstError: String?
        public var discoveredAt: Int64
        public var startedAt: Int64?
        public var finishedAt: Int64?
        /// The entry that first imported the same content (of the same source), when this run stored no row of its
        /// own: a copy of the file under another name, a re-import, or an import that ran at the same time.
        public var duplicateOf: Int64?
        /// The process that imported (or is importing) the file; nil for a file never begun (`waiting`), a copy
        /// not read again, or an entry from before the ledger recorded it.
        public var owner: Owner?

        public init(
            id: Int64, source: String, path: String, name: String, size: Int64, contentHash: String?, format: String?,
            status: Status, rowsRead: Int, rowsAccepted: Int, rowsRejected: Int, rowsNew: Int, firstError: String?,
            discoveredAt: Int64, startedAt: Int64?, finishedAt: Int64?, duplicateOf: Int64? = nil, owner: Owner? = nil
        ) {
            self.id = id
            self.source = source
            self.path = path
            self.name = name
            self.size = size
            self.contentHash = contentHash
            self.format = format
            self.status = status
            self.rowsRead = rowsRead
            self.rowsAccepted = rowsAccepted
            self.rowsRejected = rowsRejected
            self.rowsNew = rowsNew
            self.firstError = firstError
            self.discoveredAt = discoveredAt
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.duplicateOf = duplicateOf
            self.owner = owner
        }
    }
}
