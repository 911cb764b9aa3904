/// A CDR file whose import failed, as the checklist lists it.
public struct FailedFile: Sendable, Equatable {
    public var id: Int64
    /// The file's name, as stored.
    public var name: String
    /// The first error recorded, if any.
    public var firstError: String?

    public init(id: Int64, name: String, firstError: String?) {
        self.id = id
        self.name = name
        self.firstError = firstError
    }
}
