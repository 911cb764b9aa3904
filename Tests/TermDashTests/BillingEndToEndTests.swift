import Foundation
@testable import Metrics
import TermDashTestSupport
import XCTest

/// A billing admin in tmux: in the summary grid, Space ticks two customers, i drafts their invoices over the
/// columns selected, and the Billing view counts the drafts.
final class BillingEndToEndTests: StoreEndToEndTestCase {
    func testTickTwoRowsGenerateAndSeeTheDraftsOnTheBillingView() throws {
        // Three customers with rated, answered calls in the last hours (the Live grid's period).
        let now = Int64(Date().timeIntervalSince1970)
        let store = try SQLiteStore(path: db)
        var ids: [Int64] = []
        for name in ["Alpha Telecom", "Bravo Networks", "Charlie Voice"] {
            ids.append(try store.addCustomer(.init(accountCode: String(name.prefix(1)), name: name, channelsConfigured: 5,
                                                   rateCardID: nil), createdAt: 0))
        }
        var records: [CallRecord] = []
        for (index, customer) in ids.enumerated() {
            for call in 0..<(3 + index) {
                let start = now - 7_200 + Int64(call * 600)
                records.append(.make(key: "c\(customer)-\(call)", start: start, answerAfter: 5, end: start + 125,
                                     customer: customer, sell: 1_234_567, buy: 100_000))
            }
        }
        try store.write { try CDRWriter.insert(records, in: $0) }

        let session = try TmuxSession(
            command: "\(EndToEnd.binary) monitor --db \(db)", width: 160, height: 30,
            environment: ["LANG": "C.UTF-8", "HOME": directory.path, "XDG_CONFIG_HOME": directory.path,
                          "XDG_STATE_HOME": directory.path])
        let up = try session.waitForScreen(timeout: 30) { $0.contains("Version ") && $0.contains("Overview") }
        XCTAssertTrue(up.contains("Overview"), up)

        try session.send("5")
        let grid = try session.waitForScreen(timeout: 10) { $0.contains("Summary · Live") && $0.contains("Charlie Voice") }
        XCTAssertTrue(grid.contains("Alpha Telecom"), grid)
        // The cursor starts on the first customer: tick it and the next one.
        try session.send("Space", "j", "Space")
        let ticked = try session.waitForScreen(timeout: 10) { $0.contains("✓ Alpha") && $0.contains("✓ Bravo") }
        XCTAssertTrue(ticked.contains("  Charlie Voi"), "the third is not ticked:\n\(ticked)")

        // a selects every cell: the invoices cover the whole page, the 24 hours of the Live grid.
        try session.send("a", "i")
        let created = try session.waitForScreen(timeout: 10) { $0.contains("Draft invoices") }
        XCTAssertTrue(created.contains("Draft invoices 1 Alpha Telecom, 2 Bravo Networks for 20"), created)
        XCTAssertFalse(created.contains("✓"), "the customers drafted are unticked:\n\(created)")

        try session.send("7")
        // The view's row, not the status line's message.
        func row(_ screen: String) -> Substring? {
            screen.split(separator: "\n").first { $0.hasPrefix("│") && $0.contains("Draft invoices") }
        }
        let billing = try session.waitForScreen(timeout: 10) { row($0) != nil }
        let line = try XCTUnwrap(row(billing), billing)
        let afterLabel = line.components(separatedBy: "Draft invoices")[1]
        XCTAssertEqual(afterLabel.split(separator: " ").first, "2", "two drafts counted:\n\(billing)")
        XCTAssertTrue(billing.contains("[7 Billing]"), billing)

        // The store holds exactly those two drafts, over the grid's 24 hours, for the ticked customers.
        let drafts = try store.read { session in try session.invoices(InvoiceFilter(status: .draft)) }
        XCTAssertEqual(Set(drafts.map(\.customerID)), Set(ids.prefix(2)))
        for draft in drafts {
            XCTAssertEqual(draft.period.to - draft.period.from, 24 * 3_600)
            XCTAssertEqual(draft.cdrCount, draft.customerID == ids[0] ? 3 : 4)
        }
        // Back in the summary, [ pages the time axis a day back (Live: 24 hours) and the title says so; ] returns.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:00"
        func span(endingAt end: Int64) -> String {
            formatter.string(from: Date(timeIntervalSince1970: TimeInterval(end - 86_400))) + " to "
                + formatter.string(from: Date(timeIntervalSince1970: TimeInterval(end)))
        }
        let end = (Int64(Date().timeIntervalSince1970) / 3_600 + 1) * 3_600
        try session.send("5")
        _ = try session.waitForScreen(timeout: 10) { $0.contains("Summary · Live") }
        try session.send("[")
        let olderTitle = "Summary · Live · Attempts (UTC) · " + span(endingAt: end - 86_400)
        let older = try session.waitForScreen(timeout: 10) { $0.contains(olderTitle) }
        XCTAssertTrue(older.contains(olderTitle), older)
        try session.send("]")
        let newerTitle = "Summary · Live · Attempts (UTC) · " + span(endingAt: end)
        let newer = try session.waitForScreen(timeout: 10) { $0.contains(newerTitle) }
        XCTAssertTrue(newer.contains(newerTitle), newer)

        try session.send("q")
        XCTAssertEqual(try session.waitForExit(timeout: 10), 0)
    }
}
