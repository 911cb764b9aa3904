import Foundation
import XCTest

@testable import TermDash

/// `[store] kind = "servers"` and `--store-kind`: read as written, mistakes named with file and line, a password
/// never in a URL nor in a message, and every command that cannot use the servers yet refusing by name.
final class ServerStoreOptionTests: XCTestCase {
    private func parse(_ text: String) throws -> Config { try Config.parse(text, path: "conf/termdash.toml") }

    func testServersSectionReadAsWritten() throws {
        let config = try parse("""
            [store]
            kind = "servers"
            postgres = "postgres://termdash@10.0.0.5:5432/termdash"
            clickhouse = ["http://10.0.0.6:8123", "http://10.0.0.7:8123"]
            clickhouse_password_file = "/etc/termdash/clickhouse.secret"
            timeout_seconds = 3
            """)
        XCTAssertEqual(config.store.kind, .servers)
        XCTAssertEqual(config.store.postgres, "postgres://termdash@10.0.0.5:5432/termdash")
        XCTAssertEqual(config.store.clickhouse, ["http://10.0.0.6:8123", "http://10.0.0.7:8123"])
        XCTAssertEqual(config.store.clickhousePasswordFile, "/etc/termdash/clickhouse.secret")
        XCTAssertEqual(config.store.timeoutSeconds, 3)
        XCTAssertEqual(try parse("").store.kind, .embedded)
    }

    func testMistakesNameTheLineAndNeverRepeatAPassword() throws {
        func error(_ text: String) -> String {
            do { _ = try parse(text); return "accepted" } catch { return "\(error)" }
        }
        XCTAssertEqual(error("[store]\nkind = \"cluster\"\n"), "conf/termdash.toml:2: store.kind: must be embedded or servers")
        let missing = error("[store]\nkind = \"servers\"\npostgres = \"postgres://u@h/db\"\n")
        XCTAssertTrue(missing.hasPrefix("conf/termdash.toml"), missing)
        XCTAssertTrue(missing.contains("store.clickhouse: is needed with kind = \"servers\""), missing)
        let leaked = error("[store]\npostgres = \"postgres://u:hunter2@h/db\"\n")
        XCTAssertTrue(leaked.contains("store.postgres: must not hold a password"), leaked)
        XCTAssertFalse(leaked.contains("hunter2"), leaked)
    }
}
