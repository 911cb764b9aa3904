extension FileLedger {
    /// Where a file is.
    public enum Status: String, Sendable, CaseIterable {
        /// Seen in a spool directory, not yet complete (still growing).
        case waiting
        case processing
        /// Imported, with at least one good row.
        case success
        /// Nothing usable: no good row, an unreadable file or an unknown format.
        case error
    }
}
