/// A user name and password for one server. The password is never part of a description, URL or message.
public struct ServerCredentials: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    public var description: String { "user \(user)" }
}
