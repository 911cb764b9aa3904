extension FileLedger {
    /// Where a file is.
    public enum Status: String, Sendable, CaseIterable {
        /// Seen in a spool directory, not yet complete (still growing).
        case waiting
        case processing
        /// Was `processing`, but the process importing it is gone (killed, or the machine restarted): nothing of
        /// it was kept, and importing the file again retries it. Never stored: the ledger tells it from
        /// `processing` by the entry's `Owner`.
        case interrupted
        /// Imported, with at least one good row.
        case success
        /// Nothing usable: no good row, an unreadable file or an unknown format.
        case error
    }
}
