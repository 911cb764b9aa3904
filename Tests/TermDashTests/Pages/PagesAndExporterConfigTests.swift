import XCTest
@testable import TermDash

/// `[exporter]` and `[[pages]]` in the config: read as written, mistakes named with file, line and reason.
final class PagesAndExporterConfigTests: XCTestCase {
    private func parse(_ text: String) throws -> Config { try Config.parse(text, path: "c.toml") }

    func testExporterAndPagesAreRead() throws {
        let config = try parse("""
            [exporter]
            listen = "127.0.0.1:9500"
            max_accounts = 10

            [[pages]]
            title = "Carriers"
            key = "C"
            [[pages.panes]]
            sql = "SELECT name FROM carriers"
            """)
        XCTAssertEqual(config.exporter, ExporterSettings(listen: "127.0.0.1:9500", allowRemote: false, maxAccounts: 10))
        XCTAssertEqual(config.pages.map(\.title), ["Carriers"])
        XCTAssertEqual(config.pages.first?.panes.first?.kind, .table)
    }

    func testMistakesNameTheLine() {
        let cases: [(String, String)] = [
            ("[exporter]\nlisten = \"0.0.0.0:9464\"\n",
             "c.toml:2: exporter.listen: 0.0.0.0:9464 is not a loopback address: set allow_remote = true to listen on it"),
            ("[exporter]\nlisten = \"nowhere\"\n",
             "c.toml:2: exporter.listen: must be HOST:PORT with an IPv4 address, e.g. 127.0.0.1:9464"),
            ("[display]\nzone = \"UTC\"\n[[pages]]\ntitle = \"P\"\nkey = \"P\"\n",
             "c.toml:3: [[pages]] #1: needs at least one [[pages.panes]]"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try parse(text)) { XCTAssertEqual("\($0)", expected) }
        }
        XCTAssertNoThrow(try parse("[exporter]\nlisten = \"0.0.0.0:9464\"\nallow_remote = true\n"))
    }
}
