import ArgumentParser
import Foundation
import Metrics

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import CDR files from Asterisk, FreeSWITCH or the native CSV; rate them and update the aggregates.",
        discussion: """
            Each file is imported in one transaction: a killed import leaves nothing of it, and importing the same \
            rows again adds nothing. Bad rows are reported with their line and reason and kept in the store \
            (`termdash files --rejects ID`); the file's good rows still import.

            With --watch DIR, files in DIR are imported once they stop growing, then moved to DIR/processed or \
            DIR/failed (unless --keep); it runs until stopped, and what it reports goes to stderr as log lines \
            (--log-level).

            Exit status: 0 every row accepted; 3 some rows rejected (the rest imported); 1 a file failed as a \
            whole (unreadable, unknown format, or no good row); 64 bad usage.
            """)

    @Argument(help: ArgumentHelp("CDR files.", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("The files' CDR format (default: the source's, else auto).", valueName: "format"))
    var format: ImportFormat?

    @Option(help: ArgumentHelp("The [sources.NAME] of the config these files come from (mapping, time zone).", valueName: "name"))
    var source: String?

    @Option(help: ArgumentHelp("Watch a spool directory and import files as they complete.", valueName: "dir"))
    var watch: String?

    @Option(help: ArgumentHelp("With --watch: seconds between scans.", valueName: "seconds"))
    var interval: Double = 2

    @Flag(help: "With --watch: leave imported files where they are instead of moving them.")
    var keep = false

    @Flag(help: "With --watch: scan once, import what is complete, and exit.")
    var once = false

    @Flag(help: "Print nothing but errors (for scripts; the exit status tells the outcome).")
    var quiet = false

    @OptionGroup var options: CommonOptions

    @OptionGroup var logging: LoggingOptions

    static let exitRowsRejected: Int32 = 3

    func validate() throws {
        if watch == nil, files.isEmpty { throw ValidationError("Name at least one CDR file, or --watch DIR.") }
        if watch != nil, !files.isEmpty { throw ValidationError("Give files or --watch DIR, not both.") }
        if !(0.1...3_600).contains(interval) { throw ValidationError("--interval must be between 0.1 and 3600 seconds.") }
    }

    func run() throws {
        let settings = try options.settings()
        let importSource = try resolveSource(settings)
        let store = try settings.openStore(readOnly: false)
        // A watched spool is a service's work: its lines go to the log (journald under systemd).
        let output = ImportOutput(quiet: quiet, logger: watch == nil ? nil : logging.logger(label: "termdash.import"))
        let importer = CDRImporter(store: store)
        if let watch {
            let watcher = SpoolWatcher(
                directory: watch, importer: importer, source: importSource, output: output, moveWhenDone: !keep,
                interval: interval)
            try watcher.run(once: once)
            return
        }
        var totals = ImportTotals()
        for file in files {
            totals.add(output.importing(file, with: importer, source: importSource))
        }
        output.finish(totals)
        if totals.failedFiles > 0 { throw ExitCode.failure }
        if totals.rejected > 0 { throw ExitCode(Self.exitRowsRejected) }
    }

    private func resolveSource(_ settings: Settings) throws -> ImportSource {
        var resolved: ImportSource
        if let source {
            guard let configured = settings.config.sources[source] else {
                let known = settings.config.sources.keys.sorted()
                throw CLIError("--source \(source): no [sources.\(source)] in the config"
                    + (known.isEmpty ? "" : " (configured: \(known.joined(separator: ", ")))"))
            }
            resolved = configured
        } else {
            resolved = ImportSource(name: "import", zone: settings.timeZone)
        }
        if let format { resolved.format = format.cdrFormat }
        return resolved
    }
}
