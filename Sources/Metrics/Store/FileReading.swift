/// The CDR files as the checklist needs them beyond those in error: imports under way, each with its process, so
/// that the engine can tell an interrupted one (whose process is gone) from one still running.
public protocol FileReading {
    /// The CDR files whose import is `processing` as stored, by id.
    func importsInProgress() throws -> [ImportInProgress]
}
