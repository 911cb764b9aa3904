extension FileLedger {
    /// A row that could not be used: its line, its text as written and why.
    public struct Reject: Sendable, Equatable {
        public var line: Int
        public var raw: String
        public var reason: String

        public init(line: Int, raw: String, reason: String) {
            self.line = line
            self.raw = raw
            self.reason = reason
        }
    }
}
