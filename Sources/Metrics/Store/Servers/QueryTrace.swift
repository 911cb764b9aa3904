import Foundation

/// Each statement sent to a server and how long its answer took, printed on stderr when `TERMDASH_TRACE_QUERIES`
/// is set (how docs/scale-out.md's per-query figures were measured); whole statements when it is `full` (to replay
/// them). Credentials never reach it: they travel in
/// headers and connection settings, not in the statement.
enum QueryTrace {
    static let enabled = ProcessInfo.processInfo.environment["TERMDASH_TRACE_QUERIES"] != nil
    private static let whole = ProcessInfo.processInfo.environment["TERMDASH_TRACE_QUERIES"] == "full"

    /// `body`, timed and printed as "trace <server> <ms> ms: <statement, on one line, cut at 300 characters>".
    static func timed<T>(_ server: String, _ statement: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            let line = statement.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: " ")
            FileHandle.standardError.write(Data(
                "trace \(server) \(String(format: "%.2f", milliseconds)) ms: \(whole ? line : String(line.prefix(300)))\n".utf8))
        }
        return try body()
    }
}
