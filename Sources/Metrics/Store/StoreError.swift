public enum StoreError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case cannotOpen(path: String, reason: String)
    case outdatedSchema(path: String, missing: [String])

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no store here (run `termdash simulate --db \(path)` to create one)"
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the store: \(reason)"
        case .outdatedSchema(let path, let missing):
            return "\(path): the store's schema is older than this build (missing \(missing.joined(separator: ", "))); open it once read-write to migrate"
        }
    }
}
