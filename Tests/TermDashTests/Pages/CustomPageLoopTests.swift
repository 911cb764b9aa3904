import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// Custom pages in the monitor loop, on an in-memory terminal with a clock that steps a second per tick, their
/// queries run by the real read-only runner on a temporary store: the tab line, the page's key, `?`, each pane
/// refreshed on its own period, errors inside their panes, a page that disappears, and a customer's session.
final class CustomPageLoopTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: TimeInterval(DashboardFixtures.now))

    private func options(keys: [KeyBinding] = KeyBinding.defaults, views: [MonitorView] = MonitorView.operatorViews)
        -> MonitorSession.Options
    {
        MonitorSession.Options(
            identity: StatusIdentity(version: "0.1.0+abc123", zone: "UTC"), zones: [("UTC", TimeZone(identifier: "UTC")!)],
            theme: .default, graphs: "auto", refreshSeconds: 1, tableRows: 10, mouse: true,
            keys: keys, exportDirectory: NSTemporaryDirectory(), views: views)
    }

    private func key(_ character: Character) -> TestBackend.Step { .event(.key(.character(character))) }

    /// The 11 lines a counter pane draws on half of the 80 × 24 screen: its title in the top border, the figure and
    /// its column's name, blank lines, the bottom border.
    private func counterPane(_ title: String, figure: String, label: String) -> [String] {
        func row(_ text: String) -> String { "| " + text.padding(toLength: 77, withPad: " ", startingAt: 0) + "|" }
        return ["+ \(title) " + String(repeating: "-", count: 76 - title.count) + "+", row(figure), row(label)]
            + Array(repeating: row(""), count: 7) + ["+" + String(repeating: "-", count: 78) + "+"]
    }

    private func page(_ title: String, key: String, customers: Bool = false, _ panes: [CustomPane]) -> CustomPage {
        CustomPage(title: title, key: key, customers: customers, panes: panes)
    }

    /// The monitor loop with `options` on `terminal` until its script is played, the pages read from `source`.
    private func run(_ terminal: TestBackend, _ source: PageSource, clock: @escaping () -> Date,
                     options: MonitorSession.Options? = nil) {
        _ = MonitorLoop(options: options ?? self.options(), now: clock)
            .run(on: terminal, snapshots: snapshots(source, clock: clock), interrupted: { terminal.isExhausted ? SIGTERM : 0 })
    }

    /// The fixture snapshot with the pages `source` reads at the loop's clock.
    private func snapshots(_ source: PageSource, clock: @escaping () -> Date) -> FixedSnapshots {
        let snapshots = FixedSnapshots { request in
            let custom = source.read(shown: request.page, now: clock())
            return MonitorFrame(dashboard: DashboardFixtures.snapshot, summary: nil, request: request,
                                pages: custom.pages, pageResults: custom.results)
        }
        snapshots.readsEveryTick = true
        return snapshots
    }

    func testEachPaneRunsOnItsOwnPeriodAndKeepsItsLastResultMeanwhile() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        // Every second a row more (a stored page, as `page push` writes it), so a pane's figure tells when it ran.
        let count = "SELECT count(*) AS stored FROM custom_pages"
        let timing = page("Timing", key: "X", [
            CustomPane(title: "Every second", sql: count, kind: .counter, refreshSeconds: 1),
            CustomPane(title: "Every 3 s", sql: count, kind: .counter, refreshSeconds: 3),
        ])
        let source = PageSource(
            catalog: PageCatalog(configPath: nil, initialPages: [timing], ledger: nil, customersOnly: false),
            queries: PageQueries(reader: SQLiteCustomQueries(path: store.path), customer: nil))
        let terminal = TestBackend(width: 80, height: 24, script: [key("X"), .tick, .tick, .tick, key("q")])
        var pushed = -1
        let start = self.start
        let clock: () -> Date = {
            if terminal.reads != pushed {
                pushed = terminal.reads
                try? store.pushPage(title: "row \(pushed)", definition: "", at: 0)
            }
            return start.addingTimeInterval(Double(terminal.reads))
        }
        run(terminal, source, clock: clock)
        // Both ran when X showed the page (2 rows by then); the first again each second, the second 3 s later.
        let figures = terminal.frames.filter { $0[0].contains("[X Timing]") }.map { frame in
            [frame[2], frame[13]].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "| ")) }
        }
        XCTAssertEqual(figures.map { $0.joined(separator: " ") }.reduce(into: [String]()) {
            if $0.last != $1 { $0.append($1) }
        }, ["2 2", "3 2", "4 2", "5 5"])
        assertScreen(terminal.lines,
                     ["  1   2   3   4   5   6   7  [X Timing]                                         "]
                         + counterPane("Every second", figure: "5", label: "stored")
                         + counterPane("Every 3 s", figure: "5", label: "stored")
                         + [" Version 0.1.0+abc123 | Zone UTC | 2026-11-22 15:30:09 UTC | ! Check 3   ? help "])
    }
}

extension CustomPageLoopTests {
    private func write(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// A config's page drawn with a failing and a refused pane; the config rewritten (a title changed, a page
    /// added) shows up on the next tick; a broken rewrite keeps the pages and says why on the status line; Tab
    /// reaches the pages after the views, `?` lists their keys, and a page taking a built-in key is left out.
    func testConfigPagesReloadAndErrorsStayInTheirPanes() throws {
        let temporary = try TemporaryStore()
        let config = temporary.directory.appendingPathComponent("config.toml")
        let first = """
            [[pages]]
            title = "Errors"
            key = "E"
            [[pages.panes]]
            title = "Missing"
            sql = "SELECT nope FROM nowhere"
            [[pages.panes]]
            title = "Write"
            sql = "DELETE FROM carriers"

            """
        try write(first, to: config)
        let source = PageSource(
            catalog: PageCatalog(configPath: config.path, initialPages: try Config.load(path: config.path).pages,
                                 ledger: temporary.store, customersOnly: false),
            queries: PageQueries(reader: SQLiteCustomQueries(path: temporary.store.path), customer: nil))
        let edits: [Int: String] = [
            // A second page, the first renamed; then a broken file; then a page on the overview's key.
            3: first.replacingOccurrences(of: "\"Errors\"", with: "\"Failures\"")
                + "[[pages]]\ntitle = \"Second\"\nkey = \"S\"\n[[pages.panes]]\nkind = \"counter\"\nsql = \"SELECT 42 AS answer\"\n",
            5: first + "[[pages]]\ntitle = \"Broken\"\nkey = \"B\"\n[[pages.panes]]\nkind = \"pie\"\nsql = \"SELECT 1\"\n",
        ]
        let terminal = TestBackend(width: 80, height: 24, script: [
            key("E"), .tick, .tick, .tick, .event(.key(.tab)), key("?"), .tick, key("q"),
        ])
        var edited = Set<Int>()
        let start = self.start
        let clock: () -> Date = {
            if let text = edits[terminal.reads], !edited.contains(terminal.reads) {
                edited.insert(terminal.reads)
                try? text.write(to: config, atomically: true, encoding: .utf8)
            }
            return start.addingTimeInterval(Double(terminal.reads))
        }
        run(terminal, source, clock: clock)
        let errors = try XCTUnwrap(terminal.frames.first { $0[0].contains("[E Errors]") })
        assertScreen(Array(errors.prefix(3)) + Array(errors[12...13]), [
            "  1   2   3   4   5   6   7  [E Errors]                                         ",
            "+ Missing ---------------------------------------------------------------------+",
            "| ! no such table: nowhere                                                     |",
            "+ Write -----------------------------------------------------------------------+",
            "| ! refused: only reading is allowed (DELETE is not)                           |",
        ])
        // Renamed while shown: the page is gone, the first view comes back; the new tabs are there.
        let renamed = try XCTUnwrap(terminal.frames.first { $0[0].contains(" S ") })
        XCTAssertEqual(renamed[0], " [1 Overview]  2   3   4   5   6   7   E   S                                    ")
        // Tab from the overview reaches the next view, not a page; the pages come after 7.
        var state = MonitorState()
        state.setPages(["Failures", "Second"])
        state.view = .billing
        _ = state.apply(.nextView, zoneCount: 1, lists: .init())
        XCTAssertEqual([state.view, .page], [.page, .page])
        XCTAssertEqual(state.page, "Failures")
        _ = state.apply(.nextView, zoneCount: 1, lists: .init())
        XCTAssertEqual(state.page, "Second")
        _ = state.apply(.nextView, zoneCount: 1, lists: .init())
        XCTAssertEqual(state.view, .overview)
        // The broken rewrite: the pages stay, the status line says where and why.
        let last = terminal.lines
        XCTAssertEqual(last[0], "  1  [2 Channels]  3   4   5   6   7   E   S                                    ")
        XCTAssertTrue(last[23].contains("config not reloaded: ") && last[23].contains("config.toml:10: [[pages]"), last[23])
        XCTAssertTrue(last.contains { $0.contains("E             Show the page Failures") }, last.joined(separator: "\n"))
        XCTAssertTrue(last.contains { $0.contains("S             Show the page Second") }, last.joined(separator: "\n"))
    }

    func testAPageOnATakenKeyIsLeftOutAndSaysSo() {
        let pages = [page("Mine", key: "1", [CustomPane(title: "", sql: "SELECT 1", kind: .counter, refreshSeconds: 5)]),
                     page("Ok", key: "W", [CustomPane(title: "", sql: "SELECT 1", kind: .counter, refreshSeconds: 5)]),
                     page("Again", key: "W", [CustomPane(title: "", sql: "SELECT 1", kind: .counter, refreshSeconds: 5)])]
        let (table, refused) = KeyBinding.withPages(pages, base: KeyBinding.defaults)
        XCTAssertEqual(refused, ["page \"Mine\": key \"1\" is already view_1's", "page \"Again\": key \"W\" is already page \"Ok\"'s"])
        XCTAssertEqual(table.filter { if case .showPage = $0.action { return true } else { return false } }.map(\.name), ["Ok"])
    }
}

extension CustomPageLoopTests {
    /// A customer's session (the portal's keys and views) sees only the page marked for customers, whose query gets
    /// their id: the unmarked page is not on the tab line, its key does nothing and Tab never reaches it; the marked
    /// page counts their calls only (the fixture wrote 41 for them among 1,241).
    func testACustomerSeesOnlyMarkedPagesWithTheirOwnRows() throws {
        var random = RandomSource(seed: 1)
        let fixture = try PortalFixture(using: &random)
        let secret = page("Secret", key: "S", [
            CustomPane(title: "All calls", sql: "SELECT count(*) AS calls FROM cdrs", kind: .counter, refreshSeconds: 5),
        ])
        let mine = page("Mine", key: "X", customers: true, [
            CustomPane(title: "My calls", sql: "SELECT count(*) AS calls FROM cdrs WHERE customer_id = :customer",
                       kind: .counter, refreshSeconds: 5),
            CustomPane(title: "Customers seen",
                       sql: "SELECT count(DISTINCT customer_id) AS customers FROM cdrs WHERE customer_id = :customer",
                       kind: .counter, refreshSeconds: 5),
        ])
        let source = PageSource(
            catalog: PageCatalog(configPath: nil, initialPages: [secret, mine], ledger: fixture.store, customersOnly: true),
            queries: PageQueries(reader: SQLiteCustomQueries(path: fixture.path), customer: fixture.targetID))
        let tabs = Array(repeating: TestBackend.Step.event(.key(.tab)), count: KeyBinding.portalViews.count + 1)
        let terminal = TestBackend(width: 80, height: 24, script: [key("S"), .tick] + tabs + [key("X"), .tick, key("q")])
        let start = self.start
        let clock: () -> Date = { start.addingTimeInterval(Double(terminal.reads)) }
        run(terminal, source, clock: clock, options: options(keys: KeyBinding.portal, views: KeyBinding.portalViews))
        XCTAssertFalse(terminal.frames.contains { $0.joined().contains("Secret") || $0.joined().contains("All calls") })
        // S did nothing: the overview stayed; Tab went round the views and the one page.
        XCTAssertTrue(terminal.frames[1][0].contains("[1 Overview]"), terminal.frames[1][0])
        let shown = terminal.frames.map { $0[0] }.filter { $0.contains("[X Mine]") }
        XCTAssertGreaterThanOrEqual(shown.count, 2, "by Tab, then by its key")
        // Brute force: every raw row's customer, read unscoped, counted here.
        let raw = try SQLiteCustomQueries(path: fixture.path)
            .run("SELECT customer_id FROM cdrs", customer: nil, limits: CustomQueryLimits(rows: 100_000)).get()
        let brute = raw.rows.filter { $0.first == .integer(fixture.targetID) }.count
        XCTAssertEqual(brute, PortalFixture.targetCalls)
        XCTAssertGreaterThan(raw.rows.count, brute)
        let last = terminal.lines
        XCTAssertEqual(last[1], "+ My calls --------------------------------------------------------------------+")
        XCTAssertEqual(last[2], "| \(brute)                                                                           |")
        XCTAssertEqual(last[13], "| 1                                                                            |")
    }
}
