import Foundation
import LocalServers
import XCTest

/// `termdash feed kamailio` as a user runs it: bad usage exits 64 naming the option; with Kamailio unreachable it
/// says so, keeps retrying until told to stop, and the store records the feed as down.
final class FeedCommandTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
    }

    func testBadUsageExits64NamingTheOption() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("td.db").path
        let files = directory.appendingPathComponent("files.toml").path
        try "[sources.pbx]\nformat = \"asterisk\"\n".write(toFile: files, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--db", db], "--acc-db is needed (or acc_db in [sources.kamailio] of the config)"),
            (["--db", db, "--acc-db", "a.db", "--rpc", "ftp://x"], "--rpc"),
            (["--db", db, "--acc-db", "a.db", "--refresh", "0"], "--refresh must be 0.1 to 3600 seconds"),
            (["--db", db, "--acc-db", "a.db", "--column", "dtmf"], "--column dtmf: expected SETTING=COLUMN"),
            (["--db", db, "--acc-db", "a.db", "--column", "dtmf=a;b"], "a column name has letters, digits and underscores only"),
            (["--db", db, "--acc-db", "a.db", "--config", files, "--source", "pbx"],
             "[sources.pbx] in the config is a CDR file source, not kind \"kamailio\""),
        ]
        for (arguments, message) in cases {
            let result = try EndToEnd.termdash(["feed", "kamailio"] + arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "bad usage creates no store")
    }

    func testUnreachableKamailioIsReportedAndTheFeedStoredAsDown() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("td.db").path
        let port = try LocalServers.freePort()
        let result = try EndToEnd.termdash([
            "feed", "kamailio", "--db", db, "--rpc", "http://127.0.0.1:\(port)/RPC", "--acc-db",
            directory.appendingPathComponent("acc.db").path, "--source", "edge", "--refresh", "0.2", "--duration", "1",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        // Log lines on stderr with journald's level prefixes: <3> error, <5> notice.
        XCTAssertTrue(result.stderr.contains("<3>Kamailio down: http://127.0.0.1:\(port)/RPC: connect: Connection refused"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("acc.db: no such file"), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("<5>Stopped; 0 CDRs stored\n"), result.stderr)
        XCTAssertEqual(result.stdout, "")
        let checklist = try EndToEnd.termdash(["snapshot", "--db", db, "--view", "checklist", "--width", "100",
                                               "--height", "10", "--ascii"])
        XCTAssertTrue(checklist.stdout.contains("feed edge down since "), checklist.stdout)
    }
}
