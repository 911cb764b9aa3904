import ArgumentParser
import Foundation

@main
struct TermDashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "termdash",
        abstract: "A terminal live monitor for VoIP switches and CDR billing.",
        discussion: """
            With no subcommand, runs the monitor on the store named by --db, the config, or the default \
            (\(Config.defaultStorePath)).
            """,
        version: BuildInfo.version,
        subcommands: [MonitorCommand.self, DemoCommand.self, SimulateCommand.self, SnapshotCommand.self,
                      ImportCommand.self, FeedCommand.self, FilesCommand.self, KeysCommand.self, RatesCommand.self,
                      ReportCommand.self, ExporterCommand.self, PageCommand.self, RebuildCommand.self, ReshardCommand.self,
                      InvoiceCommand.self, CustomerCommand.self, TicketCommand.self, BlocksCommand.self,
                      PortalCommand.self, ProfileCommand.self, VersionCommand.self],
        defaultSubcommand: MonitorCommand.self
    )

    /// ArgumentParser's main, with error messages sanitised: they quote paths, names and values from files and
    /// the store, which must not drive the terminal they are printed on.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success {
                if !text.isEmpty { print(text) }
            } else if !text.isEmpty {
                FileHandle.standardError.write(Data((Sanitizer.cleanLines(text) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
