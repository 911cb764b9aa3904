import Foundation

/// The user's home directory as the shell knows it: `$HOME` when it is set to an absolute path, else the account's.
/// Foundation's `NSHomeDirectory()` (and `expandingTildeInPath`) on Linux read the account database and ignore
/// `$HOME`, so files would land elsewhere than the `~/…` the status bar names.
enum HomeDirectory {
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home = environment["HOME"], home.hasPrefix("/") { return home }
        return NSHomeDirectory()
    }

    /// `~` and `~/…` under `home`; other paths as they are.
    static func expandTilde(_ path: String, home: String = current()) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return (home as NSString).appendingPathComponent(String(path.dropFirst(2))) }
        return path
    }
}
