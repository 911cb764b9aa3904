struct KeyMapError: Error, CustomStringConvertible {
    var description: String
    /// The bindings the mistake is about, so the config can point at the line that made it.
    var ids: [String]
    init(_ description: String, ids: [String] = []) {
        self.description = description
        self.ids = ids
    }
}
