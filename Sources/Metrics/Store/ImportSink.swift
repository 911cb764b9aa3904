/// The import's side of the store: a file's rows, the accounts they name first, their rejects and rollups, and the
/// file's entry, written in one transaction (`ImportTransaction`), so a killed import leaves nothing of the file and
/// running it again imports it whole.
public protocol ImportSink: StoreLedger {
    /// Runs `body` in one write transaction that holds the store's write lock from its start (the accounts it reads
    /// stay as they are, and the ids it hands out stay free); commits what `body` wrote when it returns, keeps nothing
    /// when it throws. `body` runs on the caller's thread; the transaction must not be used after it returns.
    func importTransaction<T>(_ body: (any ImportTransaction) throws -> T) throws -> T
}
