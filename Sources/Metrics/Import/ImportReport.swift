/// What importing one file did.
public struct ImportReport: Sendable, Equatable {
    public var path: String
    public var fileID: Int64?
    public var format: String?
    public var status: FileLedger.Status
    /// Rows read = accepted + rejected. Accepted rows are in the store (new, or already there from an earlier
    /// import of the same rows); rejected rows are in `cdr_rejects` with their line and reason.
    public var read: Int
    public var accepted: Int
    public var rejected: Int
    public var new: Int
    /// The file's content was imported before (`original`), with this outcome; nothing was read again.
    public var alreadyImported: Bool
    public var firstError: String?
    /// The first rejected rows, for the command's report.
    public var rejects: [FileLedger.Reject]
    public var newCustomers: [String]
    public var newCarriers: [String]
    /// The entry that first imported this content, when this run stored no row of its own (its entry is noted as
    /// a duplicate of it): a copy, a re-import, or an import of the same content that ran at the same time.
    public var original: FileLedger.Entry? = nil
    /// The earlier attempt at this content that this run retried in its place (`interrupted` or `error`), as it was.
    public var retried: FileLedger.Entry? = nil
}
