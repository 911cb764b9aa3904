/// Where a servers store lives: the ledger's PostgreSQL and the CDRs' ClickHouse servers (one, or one per shard
/// behind Distributed tables), with credentials kept out of every URL and message.
public struct ServerSettings: Sendable, Equatable {
    /// `postgres://user@host:port/database`; the database's name is also the ClickHouse database's.
    public var postgres: String
    /// `http://host:port` of each ClickHouse server; more than one: the shards of `cluster`.
    public var clickhouse: [String]
    /// The `<remote_servers>` name the shards' configs declare (used only with more than one server).
    public var cluster: String
    public var postgresCredentials: ServerCredentials?
    public var clickhouseCredentials: ServerCredentials?
    /// How long a connection or a query may take before the server counts as unreachable.
    public var timeoutSeconds: Int

    public init(postgres: String, clickhouse: [String], cluster: String = "termdash",
                postgresCredentials: ServerCredentials? = nil, clickhouseCredentials: ServerCredentials? = nil,
                timeoutSeconds: Int = 10) {
        self.postgres = postgres
        self.clickhouse = clickhouse
        self.cluster = cluster
        self.postgresCredentials = postgresCredentials
        self.clickhouseCredentials = clickhouseCredentials
        self.timeoutSeconds = timeoutSeconds
    }
}
