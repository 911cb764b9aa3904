import Metrics
import ServerStore

extension Settings {
    /// The custom pages of a monitor or portal session: the config's `[[pages]]` (the file watched for changes) and
    /// the pages stored in `ledger`, their queries run read-only on the store (`pageQueries`). A customer's session
    /// (`customer`) keeps only pages marked for customers, and binds the customer to `:customer`. Fails, naming the
    /// config file, when a config page's key is one `keys` already uses.
    func customPages(store ledger: any PageLedger, customer: Int64?, keys: [KeyBinding]) throws -> PageSource {
        let mine = config.pages.filter { customer == nil || $0.customers }
        let refused = KeyBinding.withPages(mine, base: keys).refused
        if !refused.isEmpty {
            throw CLIError("\(configPath ?? "config"): [[pages]]: " + refused.joined(separator: "; ")
                + " (pick another key, or remap the other binding in [keys])")
        }
        return PageSource(
            catalog: PageCatalog(configPath: configPath, initialPages: config.pages, ledger: ledger,
                                 customersOnly: customer != nil),
            queries: try pageQueries(customer: customer, ledger: ledger))
    }

    /// The readers of the pages' queries: the store's file on the embedded store; on the servers, PostgreSQL for
    /// the ledger and ClickHouse for the CDRs, each on a connection of its own (of `ledger`'s servers when it is
    /// the servers store).
    private func pageQueries(customer: Int64?, ledger: any PageLedger) throws -> PageQueries {
        switch config.store.kind {
        case .embedded:
            return PageQueries(reader: SQLiteCustomQueries(path: storePath), customer: customer)
        case .servers:
            let readers = try ((ledger as? ServerStore) ?? openServers()).customQueries()
            return PageQueries(ledger: readers.ledger, cdrs: readers.cdrs, customer: customer)
        }
    }
}
