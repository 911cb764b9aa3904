import Foundation
import XCTest

@testable import TermDash

/// Mistakes in config.toml as the user reads them: every one, in line order, each naming file, line and
/// setting, with quoted values short and safe to print.
final class ConfigErrorTests: XCTestCase {
    /// The error `text` gives, as printed.
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try Config.parse(text, path: "c.toml")
            XCTFail("accepted:\n\(text.prefix(200))", file: file, line: line)
            return ""
        } catch {
            XCTAssertTrue(error is ConfigError, "\(error)", file: file, line: line)
            return "\(error)"
        }
    }

    func testALongValueIsCutInTheMessage() {
        let megabyte = String(repeating: "A", count: 1_000_000)
        XCTAssertEqual(error("[display]\nzone = \"\(megabyte)\"\n"),
                       "c.toml:2: display.zone: unknown time zone \"\(megabyte.prefix(60))…\" (use an IANA name such as Europe/Zurich)")
        XCTAssertEqual(error("[display]\ntheme = \"\(megabyte)\"\n"),
                       "c.toml:2: display.theme: unknown theme \"\(megabyte.prefix(60))…\" (default, high-contrast, monochrome)")
        XCTAssertEqual(error("[display]\n\(megabyte) = 1\n"),
                       "c.toml:2: display.\(megabyte.prefix(52))…: unknown setting \"display.\(megabyte.prefix(52))…\" (see config.example.toml)")
        XCTAssertEqual(error("[keys]\nquit = [\"\(megabyte)\"]\n"),
                       "c.toml:2: keys: quit: key \"\(megabyte.prefix(60))…\" is not understood (e.g. \"x\", \"Tab\", \"Shift-Up\", \"PgDn\", \"F5\", \"Ctrl-L\")")
        XCTAssertEqual(error("[sources.pbx]\nzone = \"\(megabyte)\"\n"),
                       "c.toml:2: sources.pbx.zone: unknown time zone \"\(megabyte.prefix(60))…\" (use an IANA name such as Europe/Zurich)")
        XCTAssertLessThan(error("[display]\nzone = \"\(megabyte)\n").count, 400, "a syntax error quotes little too")
    }

    func testAQuotedValueIsSanitised() {
        XCTAssertEqual(error("[display]\ntheme = \"\\u001b]52;c;SGVsbG8=\\u0007\\u001b[2Jdark\\u202e\"\n"),
                       "c.toml:2: display.theme: unknown theme \"dark\" (default, high-contrast, monochrome)")
        let cut = error("[display]\nzone = \"\(String(repeating: "\\u001b[2J", count: 30))\(String(repeating: "Z", count: 70))\"\n")
        XCTAssertTrue(cut.contains("\"\(String(repeating: "Z", count: 60))…\""), cut)
        XCTAssertFalse(cut.contains("\u{1b}"), cut)
    }

    func testEveryMistakeIsReportedInLineOrder() {
        // A value out of range on line 2 (found after reading), a wrong type on line 4 (found while reading).
        XCTAssertEqual(error("""
            [monitor]
            table_rows = 0
            [display]
            refresh_seconds = "fast"
            zone = "Mars/Olympus"
            """), """
            c.toml:2: monitor.table_rows: must be between 1 and 100
            c.toml:4: display.refresh_seconds: must be a number
            c.toml:5: display.zone: unknown time zone "Mars/Olympus" (use an IANA name such as Europe/Zurich)
            """)
        XCTAssertEqual(error("[simulator]\nseed = 1\nsed = 2\n[display]\nthem = \"x\"\n"), """
            c.toml:3: simulator.sed: unknown setting "simulator.sed" (see config.example.toml)
            c.toml:5: display.them: unknown setting "display.them" (see config.example.toml)
            """)
    }

    func testQuitAndHelpMustKeepAKey() throws {
        XCTAssertEqual(error("[display]\nzone = \"UTC\"\n[keys]\nquit = []\n"),
                       "c.toml:4: keys: quit = []: no key would quit the monitor (only Ctrl-C); give it at least one key, e.g. quit = [\"q\"]")
        XCTAssertEqual(error("[keys]\nhelp = []\n"),
                       "c.toml:2: keys: help = []: no key would show the keys; give it at least one key, e.g. help = [\"?\"]")
        XCTAssertEqual(try Config.parse("[keys]\nquit = [\"x\"]\nhelp = \"F1\"\nrefresh = []\n", path: "c.toml").keys,
                       ["quit": ["x"], "help": ["F1"], "refresh": []], "other bindings may be left without a key")
    }

    func testTheCommandPrintsEveryMistakeAndFails() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary), "build first: \(EndToEnd.binary) is missing")
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.toml")
        try "[keys]\nquit = []\n[display]\nrefresh_seconds = 0\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try EndToEnd.termdash(["version", "--config", config.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.hasPrefix("""
            Error: \(config.path):2: keys: quit = []: no key would quit the monitor (only Ctrl-C); give it at least one key, e.g. quit = ["q"]
            \(config.path):4: display.refresh_seconds: must be between 0.2 and 60

            """), result.stderr)
    }
}
