import Metrics

/// `--customer C`: a customer by account code, else by name, else by id.
enum CustomerLookup {
    static func find(_ text: String, in customers: [CustomerEntry]) throws -> CustomerEntry {
        if let match = customers.first(where: { $0.accountCode == text }) { return match }
        let named = customers.filter { $0.name == text }
        if named.count == 1 { return named[0] }
        if named.count > 1 {
            throw CLIError("\(text): \(named.count) customers have this name; give the account code")
        }
        if let id = Int64(text), let match = customers.first(where: { $0.id == id }) { return match }
        throw InvoiceError.unknownCustomer(text)
    }
}
