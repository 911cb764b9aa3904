extension FileLedger {
    /// How processing of a file ended: its format and row counts.
    public struct Outcome: Sendable, Equatable {
        public var format: String?
        public var read: Int
        public var accepted: Int
        public var rejected: Int
        public var new: Int
        public var firstError: String?
        /// The entry that first imported the same content, when this run stored no row of its own.
        public var duplicateOf: Int64?

        public init(
            format: String?, read: Int, accepted: Int, rejected: Int, new: Int, firstError: String?,
            duplicateOf: Int64? = nil
        ) {
            self.format = format
            self.read = read
            self.accepted = accepted
            self.rejected = rejected
            self.new = new
            self.firstError = firstError
            self.duplicateOf = duplicateOf
        }

        /// A file with no good row failed as a whole.
        public var status: Status { accepted > 0 ? .success : .error }
    }
}
