import Foundation
import XCTest

/// Custom pages in the real monitor in tmux (a private socket): a config page seen and shown by its key; the config
/// rewritten while it runs (a title changed, a page added) and the tab line and page following without a restart;
/// then a page pushed by another process appearing; and a config page on a built-in key refused at start.
final class PageReloadEndToEndTests: StoreEndToEndTestCase {
    private func page(_ title: String, key: String, pane: String, sql: String, kind: String = "counter") -> String {
        "[[pages]]\ntitle = \"\(title)\"\nkey = \"\(key)\"\n[[pages.panes]]\ntitle = \"\(pane)\"\nkind = \"\(kind)\"\nsql = \"\(sql)\"\nrefresh_seconds = 1\n"
    }

    func testConfigReloadAndPushedPagesWithoutARestart() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary), "build first")
        XCTAssertEqual(try EndToEnd.termdash(["simulate", "--db", db, "--history-days", "0", "--duration", "0"]).status, 0)
        let config = directory.appendingPathComponent("config.toml")
        let carriers = page("Carriers", key: "C", pane: "Carrier count", sql: "SELECT count(*) AS carriers FROM carriers")
        try carriers.write(to: config, atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: "\(EndToEnd.binary) monitor --db \(db) --config \(config.path)",
                                      width: 120, height: 30)
        let first = try session.waitForScreen(timeout: 60) { $0.contains("C Carriers") && $0.contains("Version ") }
        XCTAssertTrue(first.contains(" 7 Billing   C Carriers"), first)
        try session.send("C")
        // The tab is marked at once; the page's pane comes with the next read, "loading…" until its query has run
        // ("carriers" alone is also the overview's "Top carriers").
        let shown = try session.waitForScreen(timeout: 30) {
            $0.contains("[C Carriers]") && $0.contains("Carrier count") && !$0.contains("loading")
        }
        XCTAssertTrue(shown.contains("Carrier count") && shown.contains("carriers"), shown)

        // Rewritten in place: the page renamed, a second one added.
        try (carriers.replacingOccurrences(of: "\"Carriers\"", with: "\"Routes\"")
            + page("Second", key: "S", pane: "Answer", sql: "SELECT 42 AS answer"))
            .write(to: config, atomically: false, encoding: .utf8)
        let reloaded = try session.waitForScreen(timeout: 30) { $0.contains("C Routes") && $0.contains("S Second") }
        XCTAssertTrue(reloaded.contains("C Routes") && reloaded.contains("S Second"), reloaded)
        XCTAssertFalse(reloaded.split(separator: "\n").first?.contains("Carriers") ?? true,
                       "the old title is gone from the tab line:\n\(reloaded)")
        try session.send("S")
        // Not "42" alone: the status bar's clock can show it while the pane is still loading.
        let second = try session.waitForScreen(timeout: 30) {
            $0.contains("[S Second]") && $0.contains("answer") && !$0.contains("loading")
        }
        XCTAssertTrue(second.contains("answer"), second)

        // Pushed by another process: every running monitor picks it up within a refresh.
        let file = directory.appendingPathComponent("pushed.toml")
        try page("Pushed", key: "W", pane: "Stored pages", sql: "SELECT count(*) AS stored FROM custom_pages")
            .write(to: file, atomically: true, encoding: .utf8)
        let pushed = try EndToEnd.termdash(["page", "push", file.path, "--db", db])
        XCTAssertEqual(pushed.status, 0, pushed.stderr)
        // Three pages make the tab line too long for 120 columns: the others show their keys only.
        func tabLine(_ screen: String) -> String { String(screen.split(separator: "\n").first ?? "") }
        let appeared = try session.waitForScreen(timeout: 30) { tabLine($0).hasSuffix("  W") }
        XCTAssertEqual(tabLine(appeared), "  1   2   3   4   5   6   7   C  [S Second]  W", appeared)
        try session.send("W")
        let drawn = try session.waitForScreen(timeout: 30) {
            $0.contains("[W Pushed]") && $0.contains("stored") && !$0.contains("loading")
        }
        XCTAssertTrue(drawn.contains("stored"), drawn)
        // Removed again: its tab goes, and the first view comes back.
        XCTAssertEqual(try EndToEnd.termdash(["page", "remove", "Pushed", "--db", db]).status, 0)
        let removed = try session.waitForScreen(timeout: 30) { !$0.contains("Pushed") && $0.contains("[1 Overview]") }
        XCTAssertEqual(tabLine(removed), " [1 Overview]  2 Channels   3 History   4 Quality   5 Summary   6 Checklist   7 Billing   C Routes   S Second", removed)
        try session.send("q")
        XCTAssertEqual(try session.waitForExit(timeout: 30), 0)
    }

    func testAConfigPageOnABuiltInKeyIsRefusedAtStart() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary), "build first")
        XCTAssertEqual(try EndToEnd.termdash(["simulate", "--db", db, "--history-days", "0", "--duration", "0"]).status, 0)
        let config = directory.appendingPathComponent("config.toml")
        try page("Clash", key: "q", pane: "One", sql: "SELECT 1").write(to: config, atomically: true, encoding: .utf8)
        // Refused before the terminal is needed, naming the file, the page, the key and what has it.
        let refused = try EndToEnd.termdash(["monitor", "--db", db, "--config", config.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("\(config.path): [[pages]]: page \"Clash\": key \"q\" is already quit's"),
                      refused.stderr)
    }
}
