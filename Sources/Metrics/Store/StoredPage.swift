/// A custom page as `termdash page push` stored it: its title, its definition as pushed (TOML text, parsed by the
/// monitor like `[[pages]]` in the config) and when (UTC Unix seconds).
public struct StoredPage: Sendable, Equatable {
    public var title: String
    public var definition: String
    public var pushedAt: Int64

    public init(title: String, definition: String, pushedAt: Int64) {
        self.title = title
        self.definition = definition
        self.pushedAt = pushedAt
    }
}
