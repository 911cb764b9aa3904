import ArgumentParser
import Metrics

/// `invoice show N` and the like: an invoice by id (as `invoice list` shows it) or by number ("INV-000042").
enum InvoiceReference: ExpressibleByArgument, Equatable {
    case id(Int64)
    case number(String)

    init?(argument: String) {
        if let id = Int64(argument), id > 0 {
            self = .id(id)
        } else if !argument.isEmpty {
            self = .number(argument)
        } else {
            return nil
        }
    }

    /// The invoice's id in `store`.
    func id(in store: any StoreReader) throws -> Int64 {
        switch self {
        case .id(let id): return id
        case .number(let number):
            guard let match = try store.read({ try $0.invoices(InvoiceFilter()) }).first(where: { $0.number == number })
            else { throw CLIError("no invoice numbered \(number)") }
            return match.id
        }
    }
}
