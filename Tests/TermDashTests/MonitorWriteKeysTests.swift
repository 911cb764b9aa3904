import Foundation
@testable import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The monitor's two writes, on a real store: T opens a help ticket with the support block and the status line
/// says its number; i in the summary drafts an invoice per ticked customer, or says why it did not.
final class MonitorWriteKeysTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: TimeInterval(DashboardFixtures.now))

    private func options(_ store: SQLiteStore?) -> MonitorSession.Options {
        MonitorSession.Options(
            identity: StatusIdentity(version: "0.1.0+abc123", zone: "UTC"), zones: [("UTC", TimeZone(identifier: "UTC")!)],
            theme: .default, graphs: "auto", refreshSeconds: 1, tableRows: 10, mouse: false,
            copy: CopySettings(osc52: .on), exportDirectory: NSTemporaryDirectory(),
            writer: store.map { store in StoreWriter { store } })
    }

    private func run(_ keys: [Character], store: SQLiteStore?) -> TestBackend {
        let terminal = TestBackend(width: 160, height: 30, script: keys.map { .event(.key(.character($0))) })
        let source = FixedSnapshots { request in
            MonitorFrame(dashboard: DashboardFixtures.snapshot,
                         summary: request.summary.map { _ in SummaryGridFixtures.small }, request: request)
        }
        let start = self.start
        _ = MonitorLoop(options: options(store), now: { start })
            .run(on: terminal, snapshots: source, interrupted: { terminal.isExhausted ? SIGTERM : 0 })
        return terminal
    }

    func testTOpensATicketWithTheSupportBlock() throws {
        let temporary = try TemporaryStore()
        let terminal = run(["3", "T"], store: temporary.store)
        XCTAssertTrue(terminal.lines[29].contains("Opened ticket 1 with the support block"), terminal.lines[29])
        let tickets = try temporary.store.tickets(openOnly: true)
        XCTAssertEqual(tickets.map(\.id), [1])
        XCTAssertEqual(tickets.first?.subject, "Opened from the monitor (History view)")
        XCTAssertEqual(tickets.first?.support, SupportBlock.text(
            identity: StatusIdentity(version: "0.1.0+abc123", zone: "UTC"), zone: "UTC", now: start,
            storePath: DashboardFixtures.snapshot.storePath))
        XCTAssertEqual(tickets.first?.openedAt, DashboardFixtures.now)

        let readOnly = run(["T"], store: nil)
        XCTAssertTrue(readOnly.lines[29].contains("No ticket: this monitor cannot write to the store"), readOnly.lines[29])
    }

    func testIWithoutATickSaysWhatToDoAndARefusalKeepsTheTick() throws {
        let temporary = try TemporaryStore()
        let untouched = run(["5", "i"], store: temporary.store)
        XCTAssertTrue(untouched.lines[29].contains("No invoices: tick customers with Space first"), untouched.lines[29])

        // Acme Telecom (id 1 in the fixture grid) exists but made no call: the store refuses, the tick stays.
        try temporary.store.addCustomer(.init(accountCode: "ACME", name: "Acme Telecom", channelsConfigured: 1,
                                              rateCardID: nil), createdAt: 0)
        let refused = run(["5", " ", "i"], store: temporary.store)
        XCTAssertTrue(refused.lines[29].contains("Refused: Acme Telecom (no billable calls) for 2026-11-21 13:00 to 2026-11-21 14:00"),
                      refused.lines[29])
        XCTAssertTrue(refused.lines[3].hasPrefix("| x Acme Te...   120"), refused.lines[3])
        XCTAssertEqual(try temporary.store.read { session in try session.invoices(InvoiceFilter()) }.count, 0)
    }

    /// A call in the cursor's hour makes a draft; ticking again and pressing i again is refused, naming the invoice.
    func testIDraftsThenRefusesAnOverlapNamingTheInvoice() throws {
        let temporary = try TemporaryStore()
        let acme = try temporary.store.addCustomer(.init(accountCode: "ACME", name: "Acme Telecom", channelsConfigured: 1,
                                                         rateCardID: nil), createdAt: 0)
        let thirteen = SummaryGridFixtures.day + 13 * 3_600
        try temporary.store.write { db in
            try CDRWriter.insert([.make(key: "a", start: thirteen + 60, answerAfter: 5, end: thirteen + 125,
                                        customer: acme, sell: 2_500_000)], in: db)
        }
        let terminal = run(["5", " ", "i", " ", "i"], store: temporary.store)
        let messages = terminal.frames.map { $0[29] }
        XCTAssertTrue(messages.contains { $0.contains("Draft invoice 1 Acme Telecom for 2026-11-21 13:00 to 2026-11-21 14:00") },
                      messages.joined(separator: "\n"))
        XCTAssertTrue(terminal.lines[29].contains("Refused: Acme Telecom (overlaps invoice draft 1)"), terminal.lines[29])
        let drafts = try temporary.store.read { session in try session.invoices(InvoiceFilter()) }
        XCTAssertEqual(drafts.map(\.id), [1])
        XCTAssertEqual(drafts.first?.total.micros, 2_500_000)
        XCTAssertEqual(drafts.first?.period, Period(from: thirteen, to: thirteen + 3_600))
    }
}
