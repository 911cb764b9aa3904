import Foundation

/// Where an import's time goes on the servers, printed on stderr just before its commit and again at its very end
/// (with the commit and the rollups recomputed after it) when `TERMDASH_IMPORT_PHASES` is set (how
/// docs/scale-out.md's per-phase figures were measured): seconds per phase, the rest of the transaction (mostly
/// waiting for the reading thread, which parses, maps and rates the file), and the process's age.
final class ImportPhases {
    static let enabled = ProcessInfo.processInfo.environment["TERMDASH_IMPORT_PHASES"] != nil
    private let started = ImportPhases.now
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
    private var seconds: [(name: String, seconds: Double)] = []

    /// `body`, its time added to the phase `name`.
    func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard Self.enabled else { return try body() }
        let start = Self.now
        defer { add(name, Double(Self.now - start) / 1e9) }
        return try body()
    }

    /// The time from `start` (`ImportPhases.now`) to now, added to the phase `name`.
    func add(_ name: String, since start: UInt64) {
        guard Self.enabled else { return }
        add(name, Double(Self.now - start) / 1e9)
    }

    private func add(_ name: String, _ spent: Double) {
        if let index = seconds.firstIndex(where: { $0.name == name }) {
            seconds[index].seconds += spent
        } else {
            seconds.append((name, spent))
        }
    }

    func print(_ label: String) {
        guard Self.enabled else { return }
        let total = Double(Self.now - started) / 1e9
        func f(_ value: Double) -> String { String(format: "%.2f s", value) }
        let phases = seconds.map { "\($0.name) \(f($0.seconds))" }.joined(separator: ", ")
        let rest = total - seconds.reduce(0) { $0 + $1.seconds }
        // The process's age says what came before the transaction (start-up, reading and hashing the file, its entry).
        let age = Self.processAge.map { ", the process \(f($0)) old" } ?? ""
        FileHandle.standardError.write(
            Data("import phases (\(label)): \(f(total)): \(phases), other \(f(rest))\(age)\n".utf8))
    }

    /// Seconds since this process started (Linux: /proc), nil where not known.
    private static var processAge: Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
              let since = uptime.split(separator: " ").first.flatMap({ Double($0) }),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Field 22 (starttime, in clock ticks since boot), counted after the command name's closing parenthesis.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        return since - ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
