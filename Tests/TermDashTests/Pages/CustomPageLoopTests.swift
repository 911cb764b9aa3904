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

    private func page(_ title: String, key: String, customers: Bool = false, _ panes: [CustomPane]) -> CustomPage {
        CustomPage(title: title, key: key, customers: customers, panes: panes)
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
        _ = MonitorLoop(options: options(), now: clock)
            .run(on: terminal, snapshots: snapshots(source, clock: clock), interrupted: { terminal.isExhausted ? SIGTERM : 0 })
        // Both ran when X showed the page (2 rows by then); the first again each second, the second 3 s later.
        let figures = terminal.frames.filter { $0[0].contains("[X Timing]") }.map { frame in
            [frame[2], frame[13]].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "| ")) }
        }
        XCTAssertEqual(figures.map { $0.joined(separator: " ") }.reduce(into: [String]()) {
            if $0.last != $1 { $0.append($1) }
        }, ["2 2", "3 2", "4 2", "5 5"])
        assertScreen(terminal.lines, [
            "  1   2   3   4   5   6   7  [X Timing]                                         ",
            "+ Every second ----------------------------------------------------------------+",
            "| 5                                                                            |",
            "| stored                                                                       |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "+------------------------------------------------------------------------------+",
            "+ Every 3 s -------------------------------------------------------------------+",
            "| 5                                                                            |",
            "| stored                                                                       |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "|                                                                              |",
            "+------------------------------------------------------------------------------+",
            " Version 0.1.0+abc123 | Zone UTC | 2026-11-22 15:30:09 UTC | ! Check 3   ? help ",
        ])
    }
}
