/// The writers' side of the store. Every write is idempotent where a writer may repeat it: a CDR batch stores each
/// record once (same start and `RowKey`) and updates the rollups in the same transaction, so a reader never sees a
/// CDR without its aggregates or the other way round.
public protocol StoreSink: AnyObject, Sendable {
}
