import ArgumentParser
import Foundation

/// `termdash-bench`: the bars of DESIGN.md, measured. `panes`, the default, and `import` are subcommands rather
/// than options of one command because ArgumentParser lets a parent's options follow a subcommand's name, and both
/// take --runs.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "termdash-bench",
        abstract: "Measures TermDash against the bars of DESIGN.md.",
        discussion: """
            Without a subcommand it runs panes: `termdash-bench --store PATH --cdrs N` is \
            `termdash-bench panes --store PATH --cdrs N`.
            """,
        subcommands: [Bench.self, ImportBench.self, ClusterBench.self],
        defaultSubcommand: Bench.self)

    static var build: String {
        #if DEBUG
            "DEBUG build: the bars are for release builds (swift build -c release)"
        #else
            "release build"
        #endif
    }

    /// An error of the measurement itself is one line, "termdash-bench: …", with status 1; usage errors are
    /// ArgumentParser's, with status 64.
    static func reportingErrors(_ measure: () throws -> Void) throws {
        do {
            try measure()
        } catch {
            note("termdash-bench: \(error)")
            throw ExitCode.failure
        }
    }
}
