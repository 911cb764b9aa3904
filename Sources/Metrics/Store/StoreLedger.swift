/// The books: accounts (customers, carriers, DIDs), rate cards and the CDR files imported, with their rejected rows.
public protocol StoreLedger: AnyObject, Sendable {
}
