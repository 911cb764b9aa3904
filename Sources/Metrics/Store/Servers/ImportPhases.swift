import Foundation

/// Where an import's time goes on the servers, printed on stderr at its commit when `TERMDASH_IMPORT_PHASES` is
/// set (how docs/scale-out.md's per-phase figures were measured): seconds per phase, and the rest of the
/// transaction (mostly waiting for the reading thread, which parses, maps and rates the file).
final class ImportPhases {
    static let enabled = ProcessInfo.processInfo.environment["TERMDASH_IMPORT_PHASES"] != nil
    private let started = DispatchTime.now().uptimeNanoseconds
    private var seconds: [(name: String, seconds: Double)] = []

    /// `body`, its time added to the phase `name`.
    func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard Self.enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let spent = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if let index = seconds.firstIndex(where: { $0.name == name }) {
                seconds[index].seconds += spent
            } else {
                seconds.append((name, spent))
            }
        }
        return try body()
    }

    func print(_ label: String) {
        guard Self.enabled else { return }
        let total = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        func f(_ value: Double) -> String { String(format: "%.2f s", value) }
        let phases = seconds.map { "\($0.name) \(f($0.seconds))" }.joined(separator: ", ")
        let rest = total - seconds.reduce(0) { $0 + $1.seconds }
        FileHandle.standardError.write(Data("import phases (\(label)): \(f(total)): \(phases), other \(f(rest))\n".utf8))
    }
}
