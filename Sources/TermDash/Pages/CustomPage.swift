/// A page the user defines (`[[pages]]` in the config, or `termdash page push`): a tab of its own with panes of SQL.
struct CustomPage: Equatable, Sendable {
    /// Its name in `page list` / `page remove` and on the tab line.
    var title: String
    /// The key that shows it.
    var key: String
    /// Whether customer-scoped sessions see it (their queries get `:customer`).
    var customers: Bool
    var panes: [CustomPane]
}
