/// A kind of account on the servers: its table, the column naming it, and its kind in `account_ids`.
enum ServerAccountKind: String {
    case customer, carrier, did

    var table: String {
        switch self {
        case .customer: "customers"
        case .carrier: "carriers"
        case .did: "dids"
        }
    }

    var nameColumn: String {
        switch self {
        case .customer: "account_code"
        case .carrier: "name"
        case .did: "number"
        }
    }

    /// The largest id of the kind, stored or reserved (0 for none), as SQL.
    var largestID: String {
        "greatest((SELECT coalesce(max(id), 0) FROM \(table)), "
            + "(SELECT coalesce(max(id), 0) FROM account_ids WHERE kind = '\(rawValue)'))"
    }
}
