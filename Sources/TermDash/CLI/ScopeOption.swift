import ArgumentParser
import Metrics

/// `--customer C` on the read commands (monitor, snapshot, report): every read then goes through the customer's
/// `ScopedStoreReader`, as in `termdash portal`.
struct ScopeOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Only this customer's figures (account code, name or id), as their portal shows them.", valueName: "code"))
    var customer: String?

    /// The store as the command may read it: scoped when `--customer` is given.
    func reader(_ store: any StoreReader, settings: Settings) throws -> any StoreReader {
        guard let customer else { return store }
        return try PortalCommand.scopedReader(store, customer: customer, settings: settings)
    }
}
