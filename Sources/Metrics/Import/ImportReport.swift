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
    /// The file's content was imported before, with this outcome; nothing was read again.
    public var alreadyImported: Bool
    public var firstError: String?
    /// The first rejected rows, for the command's report.
    public var rejects: [FileLedger.Reject]
    public var newCustomers: [String]
    public var newCarriers: [String]
}
