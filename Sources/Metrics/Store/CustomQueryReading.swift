/// The SQL of custom pages (`[[pages]]`, `termdash page push`): a read-only query the user wrote, run on a
/// connection that cannot write, with a time limit and a row limit. Anything that would change a database (insert,
/// update, delete, attach, create, drop, pragma, …) is refused before it runs. Errors are values, so a pane shows
/// them and the monitor goes on.
public protocol CustomQueryReading: AnyObject, Sendable {
    /// Runs one read-only statement. `customer`, when given, is bound to `:customer`, which the query must then
    /// use; without it the query must have no parameters.
    func run(_ sql: String, customer: Int64?, limits: CustomQueryLimits) -> Result<CustomQueryResult, CustomQueryError>
}
