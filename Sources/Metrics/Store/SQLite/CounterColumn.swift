extension Counter {
    /// The column that holds the counter in every SQLite rollup table (docs/schema.md): its name.
    var column: String { name }
}
