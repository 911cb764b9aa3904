extension FileLedger {
    /// A file's processing as begun (`StoreLedger.beginFile`): the entry it is recorded under, and the earlier
    /// entry of the same content it took over, if any — a failed run, or an interrupted one — as it was.
    public struct Attempt: Sendable, Equatable {
        public var id: Int64
        public var retried: Entry?

        public init(id: Int64, retried: Entry?) {
            self.id = id
            self.retried = retried
        }
    }
}
