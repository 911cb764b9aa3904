import ArgumentParser

/// Which store a command uses: one SQLite file (the default), or the ledger on PostgreSQL and CDRs on ClickHouse
/// (docs/scale-out.md).
enum StoreKind: String, ExpressibleByArgument, CaseIterable, Sendable {
    case embedded, servers
}
