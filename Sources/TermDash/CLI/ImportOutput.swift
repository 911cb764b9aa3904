import Foundation
import Logging
import Metrics

/// What `termdash import` tells its user: a progress bar on a terminal, plain lines otherwise, nothing but errors
/// with --quiet. Results go to stdout, rejected rows and errors to stderr. Every line is sanitised where it is
/// written: file names (a spool directory is written by others), reasons and names from the files may hold
/// escape sequences. Under `--watch` (a service) every line goes to the log instead, with its level.
final class ImportOutput {
    let quiet: Bool
    let logger: Logger?
    /// A live bar on stderr only when it is a terminal; logs and pipes get one line per file.
    let showsBar: Bool
    private var lastDraw = Date.distantPast
    private var barStarted = Date()
    /// Rejected rows printed per file; the rest are in the store.
    let rejectsShown = 10

    init(quiet: Bool, logger: Logger? = nil, stderrIsTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.quiet = quiet
        self.logger = logger
        showsBar = !quiet && logger == nil && stderrIsTerminal
    }

    /// Imports one file, printing its outcome; nil when the file could not be read at all.
    func importing(_ path: String, with importer: CDRImporter, source: ImportSource) -> ImportReport? {
        barStarted = Date()
        lastDraw = .distantPast
        do {
            let report = try importer.importFile(at: path, source: source) { [self] progress in
                drawBar(progress, path: path)
            }
            clearBar()
            printReport(report)
            return report
        } catch {
            clearBar()
            printError("\(error)")
            return nil
        }
    }

    func finish(_ totals: ImportTotals) {
        guard !quiet else { return }
        say("\(totals.read) read, \(totals.accepted) accepted, \(totals.rejected) rejected")
    }

    func printReport(_ report: ImportReport) {
        let name = report.path
        if let retried = report.retried, retried.status == .interrupted {
            let process = retried.owner.map { " (process \($0.pid) ended before it finished)" } ?? ""
            let now = report.alreadyImported ? "its content has been imported since" : "importing it again"
            say("\(name): file #\(retried.id)'s import was interrupted\(process); \(now)")
        }
        if report.alreadyImported {
            let original = report.original
            let copy = original.map { $0.path == report.path ? "" : " as \(Sanitizer.clean($0.name))" } ?? ""
            let entry = report.fileID.map { id in " (file #\(id)" + (original.map { ", a duplicate of #\($0.id))" } ?? ")") } ?? ""
            say("\(name): already imported\(copy) (\(report.read) read, \(report.accepted) accepted, \(report.rejected) rejected); nothing added\(entry)")
            return
        }
        for reject in report.rejects.prefix(rejectsShown) {
            printError("\(name):\(reject.line): \(Sanitizer.clean(reject.reason))", prefix: false)
        }
        if report.rejected > rejectsShown, let id = report.fileID {
            printError("\(name): \(report.rejected - rejectsShown) more rejected rows: termdash files --rejects \(id)", prefix: false)
        }
        if report.status == .error {
            let reason = Sanitizer.clean(report.firstError ?? "no good row")
            // A file refused as a whole (UTF-16, empty, read in another zone) has no rows to count: the reason first.
            if report.read == 0 {
                printError("\(name): \(reason); nothing imported")
            } else {
                printError("\(name): nothing imported (\(report.read) read, 0 accepted, \(report.rejected) rejected): \(reason)")
            }
            return
        }
        let format = (report.format.map { "; \($0)" } ?? "")
            + (report.original.map { "; a duplicate of file #\($0.id), \(Sanitizer.clean($0.name))" } ?? "")
        say("\(name): \(report.read) read, \(report.accepted) accepted, \(report.rejected) rejected (\(report.new) new\(format))")
        if !report.newCustomers.isEmpty {
            say("  new customers (unverified, on the checklist): \(Self.list(report.newCustomers))")
        }
        if !report.newCarriers.isEmpty {
            say("  new carriers (no rate card yet): \(Self.list(report.newCarriers))")
        }
    }

    func say(_ line: String) {
        guard !quiet else { return }
        if let logger { return logger.info("\(line)") }
        FileHandle.standardOutput.write(Data((Sanitizer.clean(line) + "\n").utf8))
    }

    /// An error, or with `prefix: false` a rejected row (a warning in the log: the rest of the file imported).
    func printError(_ message: String, prefix: Bool = true) {
        if let logger { return prefix ? logger.error("\(message)") : logger.warning("\(message)") }
        FileHandle.standardError.write(Data(((prefix ? "Error: " : "") + Sanitizer.clean(message) + "\n").utf8))
    }

    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(10).map { Sanitizer.clean($0) }.joined(separator: ", ")
        return names.count > 10 ? "\(shown) and \(names.count - 10) more" : shown
    }

    // MARK: the bar

    private func drawBar(_ progress: ImportProgress, path: String) {
        guard showsBar else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let line = Self.barLine(
            progress, elapsed: now.timeIntervalSince(barStarted), name: (path as NSString).lastPathComponent,
            width: Self.terminalWidth())
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    private func clearBar() {
        guard showsBar, lastDraw != .distantPast else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// "[██████░░░░░░]  48%  512,000 rows  231,400 rows/s  ETA 2s  Master.csv", fitted to `width`.
    static func barLine(_ progress: ImportProgress, elapsed: Double, name: String, width: Int) -> String {
        let fraction = progress.bytesTotal > 0 ? min(1, Double(progress.bytesRead) / Double(progress.bytesTotal)) : 1
        let rate = elapsed > 0 ? Double(progress.rows) / elapsed : 0
        let eta: String
        if fraction > 0, fraction < 1, elapsed > 0 {
            eta = "ETA \(Self.duration(elapsed * (1 - fraction) / fraction))"
        } else {
            eta = "ETA -"
        }
        let figures = String(format: "%3d%%  ", Int(fraction * 100)) + "\(NumberText.grouped(progress.rows)) rows  "
            + "\(NumberText.grouped(Int(rate))) rows/s  \(eta)  \(Sanitizer.clean(name))"
        let barWidth = max(10, min(30, width - DisplayWidth.of(figures) - 3))
        let filled = Int((Double(barWidth) * fraction).rounded(.down))
        let bar = "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled) + "] "
        return TextFit.prefix(bar + figures, width: max(1, width - 1))
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3_600 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
        return "\(whole / 3_600)h\(String(format: "%02d", whole / 60 % 60))m"
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
