import GRDB

/// One read of the SQLite store: a `Database` inside a read transaction, answering the engine's questions with
/// SQL. Its requirements are implemented by concern in the `SQLiteReadSession+…` files beside it.
struct SQLiteReadSession: StoreReadSession {
    let db: Database
}
