import ArgumentParser
import Foundation
import Metrics
import XCTest

@testable import TermDash

/// Options whose value is one of a set or has a syntax: a bad value is a usage error (status 64) that names the
/// option and the values it takes, before any store or config is read; a good one parses to its case.
final class CommandLineOptionsTests: XCTestCase {
    /// The status and the message `termdash` ends with for a command line that does not parse, as its main prints
    /// them; nil when the command line parses.
    private func rejection(_ arguments: [String]) -> (status: Int32, message: String)? {
        do {
            _ = try TermDashCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return (TermDashCommand.exitCode(for: error).rawValue, TermDashCommand.fullMessage(for: error))
        }
    }

    private func assertUsageError(_ arguments: [String], says parts: [String], file: StaticString = #filePath,
                                  line: UInt = #line) {
        guard let (status, message) = rejection(arguments) else {
            return XCTFail("accepted: termdash \(arguments.joined(separator: " "))", file: file, line: line)
        }
        XCTAssertEqual(status, 64, message, file: file, line: line)
        for part in parts {
            XCTAssertTrue(message.contains(part), "\(part) is not in:\n\(message)", file: file, line: line)
        }
    }

    private func parse<Command: ParsableCommand>(_ arguments: [String], as type: Command.Type,
                                                  file: StaticString = #filePath, line: UInt = #line) throws -> Command {
        let parsed = try TermDashCommand.parseAsRoot(arguments)
        return try XCTUnwrap(parsed as? Command, "parsed as \(Swift.type(of: parsed))", file: file, line: line)
    }

    // MARK: A bad value names the option and the values it takes

    func testFixedSetsListTheirChoices() {
        assertUsageError(["version", "--theme", "dark"], says: [
            "The value 'dark' is invalid for '--theme <name>'", "'default', 'high-contrast' or 'monochrome'"])
        assertUsageError(["snapshot", "--graphs", "fancy"], says: [
            "The value 'fancy' is invalid for '--graphs <glyphs>'", "'auto', 'braille', 'block' or 'ascii'"])
        assertUsageError(["report", "--format", "xml"], says: [
            "The value 'xml' is invalid for '--format <format>'", "'table', 'csv' or 'json'"])
        assertUsageError(["files", "--format", "xml"], says: [
            "The value 'xml' is invalid for '--format <format>'", "'table', 'csv' or 'json'"])
        assertUsageError(["report", "--period", "yearly"], says: [
            "The value 'yearly' is invalid for '--period <period>'", "'live', 'daily', 'weekly' or 'monthly'"])
        assertUsageError(["report", "invoices"], says: [
            "The value 'invoices' is invalid for '<kind>'", "'summary', 'customers', 'carriers' or 'channels'"])
        assertUsageError(["snapshot", "--range", "2h"], says: [
            "The value '2h' is invalid for '--range <range>'", "'1h', '24h' or '7d'"])
        assertUsageError(["snapshot", "--view", "tickets"], says: [
            "The value 'tickets' is invalid for '--view <view>'",
            "  - overview\n  - channels\n  - history\n  - quality\n  - summary\n  - checklist\n  - billing\n  - invoices"])
        assertUsageError(["import", "--format", "csv", "Master.csv"], says: [
            "The value 'csv' is invalid for '--format <format>'",
            "'auto', 'asterisk', 'asterisk-custom', 'freeswitch' or 'native'"])
        assertUsageError(["rates", "import", "card.csv", "--card", "Retail", "--direction", "up"], says: [
            "The value 'up' is invalid for '--direction <direction>'", "'sell' and 'buy'"])
    }

    func testSyntaxesSayWhatTheyTake() {
        // Hundreds of zones: the help line says what one looks like instead of listing them.
        assertUsageError(["version", "--tz", "Mars/Olympus"], says: [
            "The value 'Mars/Olympus' is invalid for '--tz <zone>'", "IANA time zone", "Europe/Zurich"])
        assertUsageError(["monitor", "--tz", ""], says: ["The value '' is invalid for '--tz <zone>'"])
        for command in [["exporter"], ["feed", "kamailio"], ["import", "--watch", "spool"]] {
            assertUsageError(command + ["--log-level", "loud"], says: [
                "The value 'loud' is invalid for '--log-level <level>'", "error", "debug"])
        }
        for code in ["usd", "EURO", "US", "U$D"] {
            assertUsageError(["rates", "import", "card.csv", "--card", "Retail", "--currency", code], says: [
                "The value '\(code)' is invalid for '--currency <code>'", "ISO 4217 code such as USD or EUR"])
        }
    }

    func testRangesAndCombinationsAreUsageErrors() {
        assertUsageError(["import", "--watch", "spool", "--interval", "0"], says: [
            "--interval must be between 0.1 and 3600 seconds."])
        assertUsageError(["simulate", "--cps", "0"], says: ["--cps must be above 0 and at most 10000"])
        assertUsageError(["demo", "--cps", "10001"], says: ["--cps must be above 0 and at most 10000"])
        assertUsageError(["demo", "--history-days", "401"], says: ["--history-days must be between 0 and 400"])
        assertUsageError(["simulate", "--duration=-1"], says: ["--duration must be 0 or more seconds"])
        assertUsageError(["snapshot", "--width", "1001"], says: ["--width and --height must be between 0 and 1000"])
        assertUsageError(["snapshot", "--ascii", "--graphs", "braille"], says: [
            "--ascii draws ASCII graphs; leave out --graphs braille"])
        assertUsageError(["import"], says: ["Name at least one CDR file, or --watch DIR."])
        assertUsageError(["import", "--watch", "spool", "Master.csv"], says: ["Give files or --watch DIR, not both."])
    }

    // MARK: A good value parses to its case

    func testEveryListedValueParsesToItsCase() throws {
        for theme in ThemeName.allCases {
            XCTAssertEqual(try parse(["version", "--theme", theme.rawValue], as: VersionCommand.self).options.theme, theme)
        }
        for graphs in GraphsMode.allCases {
            XCTAssertEqual(try parse(["snapshot", "--graphs", graphs.rawValue], as: SnapshotCommand.self).options.graphs, graphs)
        }
        for format in OutputFormat.allCases {
            XCTAssertEqual(try parse(["report", "--format", format.rawValue], as: ReportCommand.self).format, format)
            XCTAssertEqual(try parse(["files", "--format", format.rawValue], as: FilesCommand.self).format, format)
        }
        for format in ImportFormat.allCases {
            XCTAssertEqual(try parse(["import", "--format", format.rawValue, "f.csv"], as: ImportCommand.self).format, format)
        }
        for period in SummaryPeriod.allCases {
            XCTAssertEqual(try parse(["report", "--period", period.rawValue], as: ReportCommand.self).period, period)
        }
        for kind in ReportCommand.Kind.allCases {
            XCTAssertEqual(try parse(["report", kind.rawValue], as: ReportCommand.self).kind, kind)
        }
        for view in MonitorView.builtIn {
            // The invoices and account views are a customer's: they need --customer.
            let scope = view == .invoices || view == .account ? ["--customer", "C1"] : []
            XCTAssertEqual(try parse(["snapshot", "--view", view.title.lowercased()] + scope, as: SnapshotCommand.self).view,
                           view)
        }
        for range in HistoryRange.allCases {
            XCTAssertEqual(try parse(["snapshot", "--range", range.rawValue], as: SnapshotCommand.self).range, range)
        }
        for direction in [RateDirection.sell, .buy] {
            let command = try parse(["rates", "import", "c.csv", "--card", "C", "--direction", direction.rawValue],
                                    as: RatesImportCommand.self)
            XCTAssertEqual(command.direction, direction)
        }
    }

    func testGoodValuesAsUsersWriteThem() throws {
        let defaults = try parse(["report"], as: ReportCommand.self)
        XCTAssertEqual([defaults.kind.rawValue, defaults.period.rawValue, defaults.format.rawValue], ["summary", "live", "table"])

        // Themes are matched as the config matches them: case and punctuation do not matter.
        XCTAssertEqual(try parse(["version", "--theme", "High-Contrast"], as: VersionCommand.self).options.theme, .highContrast)
        XCTAssertEqual(try parse(["version", "--theme", "highcontrast"], as: VersionCommand.self).options.theme, .highContrast)
        XCTAssertEqual(try parse(["snapshot", "--view", "Quality"], as: SnapshotCommand.self).view, .quality)

        XCTAssertEqual(try parse(["version", "--tz", "Europe/Zurich"], as: VersionCommand.self).options.tz?.identifier,
                       "Europe/Zurich")
        XCTAssertEqual(try parse(["version", "--tz", "UTC"], as: VersionCommand.self).options.tz?.identifier, "UTC")

        XCTAssertNil(try parse(["import", "--format", "auto", "f.csv"], as: ImportCommand.self).format?.cdrFormat,
                     "auto leaves the format to detection")
        XCTAssertEqual(try parse(["import", "--format", "asterisk-custom", "f.csv"], as: ImportCommand.self).format?.cdrFormat,
                       .asteriskCustom)

        let card = try parse(["rates", "import", "c.csv", "--card", "C"], as: RatesImportCommand.self)
        XCTAssertEqual([card.direction.rawValue, card.currency], ["sell", "USD"])
        XCTAssertEqual(try parse(["rates", "import", "c.csv", "--card", "C", "--currency", "EUR"],
                                 as: RatesImportCommand.self).currency, "EUR")

        let simulation = try parse(["simulate", "--cps", "10000", "--history-days", "0", "--duration", "0"],
                                   as: SimulateCommand.self)
        XCTAssertEqual(simulation.simulation.cps, 10_000)
        XCTAssertEqual(try parse(["snapshot", "--ascii", "--graphs", "ascii"], as: SnapshotCommand.self).ascii, true)
    }

    /// The command line wins over the config file, with the value as the option took it.
    func testOptionsReachTheSettings() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.toml")
        try "[display]\nzone = \"Asia/Tokyo\"\ntheme = \"monochrome\"\ngraphs = \"block\"\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let fromFile = try parse(["version", "--config", config.path], as: VersionCommand.self).options.settings().config
        XCTAssertEqual([fromFile.zone, fromFile.theme, fromFile.graphs], ["Asia/Tokyo", "monochrome", "block"])

        let overridden = try parse(["version", "--config", config.path, "--tz", "Europe/Zurich", "--theme", "High-Contrast",
                                    "--graphs", "braille"], as: VersionCommand.self).options.settings().config
        XCTAssertEqual([overridden.zone, overridden.theme, overridden.graphs], ["Europe/Zurich", "high-contrast", "braille"])
    }

    func testTheConfigMatchesThemesAsTheOptionDoes() throws {
        XCTAssertEqual(try Config.parse("[display]\ntheme = \"High-Contrast\"\n", path: "c.toml").theme, "High-Contrast")
        XCTAssertEqual(try Config.parse("[sources.pbx1]\nformat = \"auto\"\n", path: "c.toml").sources["pbx1"]?.format, nil)
        XCTAssertEqual(try Config.parse("[sources.pbx1]\nformat = \"native\"\n", path: "c.toml").sources["pbx1"]?.format, .native)
    }

    // MARK: The lists are the program's own

    func testTheListsMatchWhatTheyName() {
        XCTAssertEqual(ThemeName.allCases.map(\.rawValue), Theme.all.map(\.name), "every theme, by its name")
        XCTAssertEqual(GraphsMode.allCases.filter { $0 != .auto }.map(\.rawValue), GraphStyle.allCases.map(\.rawValue),
                       "auto and every graph style")
        XCTAssertEqual(ImportFormat.allCases.filter { $0 != .auto }.compactMap(\.cdrFormat), CDRFormat.allCases,
                       "auto and every CDR format the importer reads")
    }

    // MARK: The built binary

    func testTheBinaryExitsWithUsageAndNothingElse() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("store.db").path

        let theme = try EndToEnd.termdash(["version", "--theme", "dark"])
        XCTAssertEqual(theme.status, 64, theme.stderr)
        XCTAssertEqual(theme.stdout, "")
        XCTAssertTrue(theme.stderr.hasPrefix("""
            Error: The value 'dark' is invalid for '--theme <name>'. Please provide one of 'default', 'high-contrast' \
            or 'monochrome'.\n
            """), theme.stderr)
        XCTAssertTrue(theme.stderr.contains("Usage: termdash version"), theme.stderr)

        let format = try EndToEnd.termdash(["import", "--db", db, "--format", "csv", "Master.csv"])
        XCTAssertEqual(format.status, 64, format.stderr)
        XCTAssertTrue(format.stderr.contains("'auto', 'asterisk', 'asterisk-custom', 'freeswitch' or 'native'"), format.stderr)
        let zone = try EndToEnd.termdash(["rates", "import", "card.csv", "--card", "C", "--db", db, "--tz", "Mars/Olympus"])
        XCTAssertEqual(zone.status, 64, zone.stderr)
        XCTAssertTrue(zone.stderr.contains("The value 'Mars/Olympus' is invalid for '--tz <zone>'"), zone.stderr)
        // --duration bounds the run should --cps 0 ever be taken.
        let cps = try EndToEnd.termdash(["simulate", "--db", db, "--cps", "0", "--duration", "0"])
        XCTAssertEqual(cps.status, 64, cps.stderr)
        XCTAssertTrue(cps.stderr.hasPrefix("Error: --cps must be above 0 and at most 10000\n"), cps.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "a usage error leaves no store behind")

        let help = try EndToEnd.termdash(["snapshot", "--help"])
        XCTAssertEqual(help.status, 0)
        // The help wraps at the terminal's width; the words are what counts.
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for values in ["(values: default, high-contrast, monochrome)", "(values: auto, braille, block, ascii)",
                       "The view; overview if not given. (values: overview, channels, history, quality, summary, checklist, billing, invoices, account)",
                       "(values: 1h, 24h, 7d; default: 1h)"] {
            XCTAssertTrue(words.contains(values), "\(values) is not in:\n\(help.stdout)")
        }

        let good = try EndToEnd.termdash(["version", "--tz", "Europe/Zurich", "--theme", "monochrome", "--graphs", "ascii"])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(good.stdout.split(separator: "\n").last, "Zone Europe/Zurich")
    }

    /// A bad value in the config is still the config's error, with its file and line, whatever the command line says.
    func testABadConfigValueNamesItsFileAndLine() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.toml")
        for (text, reason) in [
            ("[display]\nzone = \"UTC\"\ntheme = \"dark\"\n",
             "3: display.theme: unknown theme \"dark\" (default, high-contrast, monochrome)"),
            ("[display]\ngraphs = \"fancy\"\n", "2: display.graphs: must be auto, braille, block or ascii"),
            ("[sources.pbx1]\nformat = \"csv\"\n",
             "2: sources.pbx1.format: unknown format \"csv\" (auto, asterisk, asterisk-custom, freeswitch, native)"),
        ] {
            try text.write(to: config, atomically: true, encoding: .utf8)
            let result = try EndToEnd.termdash(["version", "--config", config.path, "--theme", "monochrome", "--graphs", "block"])
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertEqual(result.stderr, "Error: \(config.path):\(reason)\n")
        }
    }
}
