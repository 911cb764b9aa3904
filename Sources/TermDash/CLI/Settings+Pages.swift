import Metrics

extension Settings {
    /// The custom pages of a monitor or portal session: the config's `[[pages]]` (the file watched for changes) and
    /// the pages stored in `ledger`, their queries run read-only on the store's file. A customer's session
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
            queries: PageQueries(reader: SQLiteCustomQueries(path: storePath), customer: customer))
    }
}
