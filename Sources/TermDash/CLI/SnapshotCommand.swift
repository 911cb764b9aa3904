import ArgumentParser
import Foundation
import Metrics

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot", abstract: "Print the frame the monitor would show, as plain text (no terminal needed).")

    @OptionGroup var options: CommonOptions

    @Option(help: "Columns of the frame.")
    var width = 100

    @Option(help: "Rows of the frame.")
    var height = 30

    @Flag(help: "Draw with ASCII only (no box-drawing or block characters).")
    var ascii = false

    func run() throws {
        guard (0...1_000).contains(width), (0...1_000).contains(height) else {
            throw CLIError("--width and --height must be between 0 and 1000")
        }
        let settings = try options.settings()
        let store = try Store.openForCLI(path: settings.storePath, readOnly: true)
        let now = Date()
        let capabilities = TerminalCapabilities.detect(
            environment: ProcessInfo.processInfo.environment, codeset: ascii ? "ANSI_X3.4-1968" : currentCodeset(),
            terminalColors: 0)
        let glyphs = GlyphSet.choose(ascii ? "ascii" : settings.config.graphs, capabilities: capabilities)
        let snapshot = try MetricsEngine(store: store, retention: settings.config.retention).dashboard(
            at: Int64(now.timeIntervalSince1970),
            liveWindow: DashboardView.liveWindow(width: width, height: height, glyphs: glyphs),
            tableRows: min(settings.config.tableRows, max(1, height)))
        let formatter = ClockFormat.formatter(for: settings.timeZone)
        let context = ViewContext(
            version: BuildInfo.version, zone: settings.config.zone, clock: formatter.string(from: now),
            glyphs: glyphs, message: nil)
        var buffer = CellBuffer(width: width, height: height)
        DashboardView.render(snapshot, context: context, into: &buffer)
        for line in buffer.lines() {
            print(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        }
    }
}

/// The character set of the user's locale, as the monitor would see it after setlocale(LC_ALL, "").
func currentCodeset() -> String {
    setlocale(LC_ALL, "")
    return String(cString: nl_langinfo(nl_item(CODESET)))
}
