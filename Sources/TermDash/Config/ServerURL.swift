import Foundation

/// Checks on a server URL given in the config or on the command line.
enum ServerURL {
    /// Whether `url` carries a password (`scheme://user:password@host`): refused, so that it is never printed.
    static func hasPassword(_ url: String) -> Bool {
        URLComponents(string: url)?.password != nil
    }
}
