import Foundation
@testable import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The Billing view (the seventh) as literal lines: the essentials at 80×24, more room at 200×50, nothing broken at
/// 0×0 and 1×1, names from the store sanitised, state carried by glyphs and words.
final class BillingViewTests: XCTestCase {
    /// 2025-12-04 01:00 UTC.
    static let now: Int64 = 1_764_810_000

    static let figures = BillingFigures(
        customers: 1_204, cdrBytes: 13_002_342, filesSuccess: 120, filesError: 2, filesWaiting: 1,
        lastFile: .init(name: "Master-\u{1B}[31m2026-12-03\u{07}.csv", finishedAt: now - 3_660, succeeded: true),
        openTickets: 3,
        filesPerMonth: [.init(month: 1_759_276_800, files: 40), .init(month: 1_761_955_200, files: 80),
                        .init(month: 1_764_547_200, files: 3)],
        draftInvoices: 4, unpaidInvoices: 2, unpaidValue: Money(micros: 1_250_500_000), unpaidCurrency: "USD",
        topCustomers: [
            .init(customerID: 1, name: "Acme Telecom", total: Money(micros: 12_345_670_000), currency: "USD"),
            .init(customerID: 2, name: "Globex\u{202E}evil", total: Money(micros: 980_000_000), currency: "USD"),
            .init(customerID: 3, name: "Initech", total: Money(micros: 10_000), currency: "EUR"),
        ])

    private func render(_ figures: BillingFigures?, _ width: Int, _ height: Int, glyphs: GlyphSet = .ascii) -> [String] {
        var buffer = CellBuffer(width: width, height: height)
        BillingWidget(figures: figures, glyphs: glyphs).render(buffer.bounds, into: &buffer)
        return buffer.lines()
    }

    func testEightyByTwentyFourShowsTheEssentials() {
        var snapshot = DashboardFixtures.snapshot
        snapshot.billing = Self.figures
        var state = MonitorState()
        state.view = .billing
        let model = ScreenModel(
            snapshot: snapshot, summary: nil, state: state,
            context: ViewContext(version: "0.1.0+abc123", zone: "UTC", clock: "2026-12-04 01:00:00 UTC", glyphs: .ascii))
        var buffer = CellBuffer(width: 80, height: 24)
        MonitorScreen.render(model, into: &buffer)
        assertScreen(buffer.lines(), [
            "  1   2   3   4   5   6  [7 Billing]                                            ",
            "+ Billing ---------------------------------------------------------------------+",
            "| Customer records                1,204  Draft invoices                      4 |",
            "| CDR files on disk            12.4 MiB  Unpaid invoices      2 - 1,250.50 USD |",
            "| Files imported                  o 120  Open help tickets                   3 |",
            "| Files in error                    ! 2  Files waiting                     * 1 |",
            "| Last file  Master-2026-12-03.csv - 2025-12-03 23:59 UTC - o success          |",
            "+------------------------------------------------------------------------------+",
            "+ Top 5 by invoice total - past month -++ CDR files processed - 3 months ------+",
            "| 1 Acme Telecom         12,345.67 USD ||                80                    |",
            "| 2 Globexevil              980.00 USD ||           #######                    |",
            "| 3 Initech                   0.01 EUR ||           #######                    |",
            "|                                      ||           #######                    |",
            "|                                      ||           #######                    |",
            "|                                      ||      40   #######                    |",
            "|                                      || #######   #######                    |",
            "|                                      || #######   #######                    |",
            "|                                      || #######   #######                    |",
            "|                                      || #######   #######                    |",
            "|                                      || #######   #######         3          |",
            "|                                      || #######   #######   #######          |",
            "|                                      || 2025-10   2025-11   2025-12          |",
            "+--------------------------------------++--------------------------------------+",
            " Version 0.1.0+abc123 | Zone UTC | 2026-12-04 01:00:00 UTC | ! Check 3   ? help ",
        ])
    }

    func testTwoHundredByFifty() {
        assertScreen(render(Self.figures, 200, 50), [
            "+ Billing ---------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+",
            "| Customer records                                           1,204  Draft invoices                                                 4  CDR files on disk                                       12.4 MiB |",
            "| Unpaid invoices                                 2 - 1,250.50 USD  Files imported                                             o 120  Open help tickets                                              3 |",
            "| Files in error                                               ! 2  Files waiting                                                * 1                                                                   |",
            "| Last file  Master-2026-12-03.csv - 2025-12-03 23:59 UTC - o success                                                                                                                                  |",
            "+------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+",
            "+ Top 5 by invoice total - past month -------------------------------------------------------------++ CDR files processed - 3 months ------------------------------------------------------------------+",
            "| 1 Acme Telecom                                                                     12,345.67 USD ||                80                                                                                |",
            "| 2 Globexevil                                                                          980.00 USD ||           #######                                                                                |",
            "| 3 Initech                                                                               0.01 EUR ||           #######                                                                                |",
            "|                                                                                                  ||           #######                                                                                |",
            "|                                                                                                  ||           #######                                                                                |",
            "|                                                                                                  ||           #######                                                                                |",
            "|                                                                                                  ||      40   #######                                                                                |",
            "|                                                                                                  || #######   #######                                                                                |",
            "|                                                                                                  || #######   #######                                                                                |",
            "|                                                                                                  || #######   #######                                                                                |",
            "|                                                                                                  || #######   #######                                                                                |",
            "|                                                                                                  || #######   #######         3                                                                      |",
            "|                                                                                                  || #######   #######   #######                                                                      |",
            "|                                                                                                  || 2025-10   2025-11   2025-12                                                                      |",
            "+--------------------------------------------------------------------------------------------------++--------------------------------------------------------------------------------------------------+",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
            "                                                                                                                                                                                                        ",
        ])
    }

    func testTinyAreasAndLoading() {
        XCTAssertEqual(render(Self.figures, 0, 0), [])
        XCTAssertEqual(render(Self.figures, 1, 1), ["C"], "no room for a border: the first figure's label")
        XCTAssertEqual(render(nil, 12, 1), ["loading...  "])
        for (width, height) in [(1, 5), (5, 1), (2, 2), (10, 3), (39, 8), (40, 12), (59, 20)] {
            let lines = render(Self.figures, width, height)
            XCTAssertEqual(lines.count, height)
            XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) == width }, "\(width)x\(height)")
        }
    }

    func testNothingYet() {
        assertScreen(render(BillingFigures(filesPerMonth: BillingFigures.months(at: Self.now).map { .init(month: $0, files: 0) }),
                            80, 16), [
                                "+ Billing ---------------------------------------------------------------------+",
                                "| Customer records                    0  Draft invoices                      0 |",
                                "| CDR files on disk                 0 B  Unpaid invoices                     0 |",
                                "| Files imported                    o 0  Open help tickets                   0 |",
                                "| Files in error                    o 0  Files waiting                     o 0 |",
                                "| Last file  none processed yet                                                |",
                                "+------------------------------------------------------------------------------+",
                                "+ Top 5 by invoice total - past month -++ CDR files processed - 3 months ------+",
                                "| no invoices in the past month        ||                                      |",
                                "|                                      ||                                      |",
                                "|                                      ||                                      |",
                                "|                                      ||                                      |",
                                "|                                      ||                                      |",
                                "|                                      ||       0         0         0          |",
                                "|                                      || 2025-10   2025-11   2025-12          |",
                                "+--------------------------------------++--------------------------------------+",
                            ])
    }
}
