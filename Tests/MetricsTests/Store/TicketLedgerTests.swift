import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

/// Help tickets on every backend: numbers given once and never reused, the support block kept as given, open and
/// closed tickets listed as such, a ticket closed once.
final class TicketLedgerTests: XCTestCase {
    func testTicketsOpenListAndCloseOnEveryBackend() throws {
        try StoreBackend.eachEmptyStore { backend, store in
            let acme = try store.addCustomer(.init(accountCode: "A1", name: "Acme", channelsConfigured: 1, rateCardID: nil),
                                             createdAt: 0)
            let support = "Version 1.0\nZone UTC\nTime 2026-12-04 01:00:00 UTC\nStore /tmp/x.db\n"
            let first = try store.openTicket(subject: "CDRs of May missing", customerID: acme, support: support, at: 100)
            let second = try store.openTicket(subject: "\u{1B}[31mred\u{07}", customerID: nil, support: support, at: 200)
            XCTAssertEqual(second, first + 1, backend)

            let all = try store.tickets(openOnly: false)
            XCTAssertEqual(all.map(\.id), [second, first], "\(backend): newest first")
            XCTAssertEqual(all.last?.customerName, "Acme")
            XCTAssertEqual(all.last?.support, support, "the support block is kept as given")
            XCTAssertEqual(all.first?.subject, "\u{1B}[31mred\u{07}", "data is stored as given; views sanitise it")

            let closed = try store.closeTicket(first, at: 50)
            XCTAssertEqual(closed.closedAt, 100, "\(backend): never closed before it was opened")
            XCTAssertEqual(try store.tickets(openOnly: true).map(\.id), [second])
            XCTAssertThrowsError(try store.closeTicket(first, at: 300)) {
                XCTAssertEqual($0 as? TicketError, .alreadyClosed(first, at: 100))
            }
            XCTAssertThrowsError(try store.closeTicket(second + 5, at: 300)) {
                XCTAssertEqual($0 as? TicketError, .unknown(second + 5))
            }
            XCTAssertThrowsError(try store.openTicket(subject: "  ", customerID: nil, support: support, at: 1)) {
                XCTAssertEqual($0 as? TicketError, .emptySubject)
            }
            // A closed ticket's number is not given again.
            try store.closeTicket(second, at: 400)
            XCTAssertEqual(try store.openTicket(subject: "again", customerID: nil, support: "", at: 500), second + 1)
        }
    }
}
