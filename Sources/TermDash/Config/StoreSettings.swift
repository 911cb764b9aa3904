/// `[store]`: the embedded SQLite file (`path`), or the servers (`kind = "servers"`, `postgres`, `clickhouse`).
/// Passwords never appear here: they come from TERMDASH_POSTGRES_PASSWORD / TERMDASH_CLICKHOUSE_PASSWORD, or from
/// the files `postgres_password_file` / `clickhouse_password_file` name.
struct StoreSettings: Equatable {
    var kind = StoreKind.embedded
    /// `postgres://user@host:port/database`.
    var postgres: String?
    /// `http://host:port` of each ClickHouse server (more than one: the shards of `cluster`).
    var clickhouse: [String] = []
    var cluster = "termdash"
    var postgresPasswordFile: String?
    var clickhousePasswordFile: String?
    var timeoutSeconds = 10
}
