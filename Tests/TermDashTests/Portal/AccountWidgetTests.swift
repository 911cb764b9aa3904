import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The portal's Account view: company profile, blocks with extensions in use, My profile, as literal lines in
/// English and Polish; 0×0 and 1×1; read through a customer's scope, only their own.
final class AccountWidgetTests: XCTestCase {
    private func figures(language: String) -> AccountFigures {
        AccountFigures(
            customer: CustomerEntry(id: 1, name: "Acme\u{1B}[2J", accountCode: "ACME", active: true, channelsConfigured: 10,
                                    currency: "PLN", balance: Money(micros: 0), debitLimit: Money(micros: 500_000_000),
                                    hasRateCard: true, profileVerified: true, firstSeenFile: nil),
            billing: nil,
            blocks: [NumberBlock(id: 4, customerID: 1, customerCode: "ACME", customerName: "Acme", start: 1000, size: 1000, createdAt: 0)],
            inUse: [4: 3],
            user: PortalUser(customerID: 1, values: [.name: "Ann", .email: "ann@acme.example", .language: language],
                             emailVerified: "ann@acme.example"))
    }

    func testEnglishAndPolish() {
        let english = AccountWidget(account: figures(language: "en"), glyphs: .unicodeBlock).lines(width: 48, height: 17)
        assertScreen(english, [
            "Company profile",
            "  Company      Acme (ACME)",
            "  Currency     PLN",
            "  Debit limit  500.00 PLN",
            "  Tax          –",
            "",
            "Number blocks",
            "  1000–1999  3 of 1000 in use",
            "",
            "My profile",
            "  Name         Ann",
            "  Email        ann@acme.example  (verified)",
            "  Department",
            "  Phone",
            "  Mobile",
            "  Language     en",
            "  Two-factor   off",
        ].map { $0.padding(toLength: 48, withPad: " ", startingAt: 0) })
        let polish = AccountWidget(account: figures(language: "pl"), glyphs: .unicodeBlock).lines(width: 48, height: 8)
        assertScreen(polish, [
            "Profil firmy",
            "  Firma            Acme (ACME)",
            "  Waluta           PLN",
            "  Limit debetu     500.00 PLN",
            "  Podatek          –",
            "",
            "Bloki numerów",
            "  1000–1999  3 z 1000 w użyciu",
        ].map { $0.padding(toLength: 48, withPad: " ", startingAt: 0) })
    }

    func testZeroOneAndLoading() {
        let widget = AccountWidget(account: figures(language: "en"), glyphs: .unicodeBlock)
        assertScreen(widget.lines(width: 0, height: 0), [])
        assertScreen(widget.lines(width: 1, height: 1), ["C"])
        assertScreen(AccountWidget(account: nil, glyphs: .ascii).lines(width: 10, height: 1), ["loading..."])
    }

    func testTheEngineReadsOnlyTheCustomersOwn() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let acme = try store.addCustomer(.init(accountCode: "ACME", name: "Acme", channelsConfigured: 1, rateCardID: nil), createdAt: 0)
        let beta = try store.addCustomer(.init(accountCode: "BETA", name: "Beta", channelsConfigured: 1, rateCardID: nil), createdAt: 0)
        try store.addBlock(customerID: acme, start: 1000, size: 1000, at: 0)
        try store.addBlock(customerID: beta, start: 2000, size: 1000, at: 0)
        try store.updateProfile(customerID: beta, [.name: "Bob"], by: "portal", at: 0)
        let scoped = ScopedStoreReader(store, scope: CustomerScope(customerID: acme))
        var request = SnapshotRequest()
        request.customerID = acme
        request.account = true
        let snapshot = try MetricsEngine(store: scoped).dashboard(at: 1_800_000_000, request: request)
        let account = try XCTUnwrap(snapshot.account)
        XCTAssertEqual(account.blocks.map(\.customerCode), ["ACME"])
        XCTAssertEqual(account.customer?.accountCode, "ACME")
        XCTAssertNil(account.user, "Acme has no portal user yet; Bob is Beta's")
    }
}
