import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class RateCardFileTests: XCTestCase {
    func testTheDocumentedExampleLoads() {
        let text = """
            prefix,rate,initial,increment,minimum,connection_fee,description
            41,0.0125,60,60,0,0,Switzerland
            4179,0.0450,30,6,0,0.02,"Switzerland, mobile"
            1,0.004,1,1,,,USA/Canada
            """
        let (rates, errors) = RateCardFile.parse(Array(text.utf8), path: "card.csv")
        XCTAssertEqual(errors, [])
        XCTAssertEqual(rates, [
            Rate(prefix: "41", description: "Switzerland", perMinute: Money(micros: 12_500)),
            Rate(prefix: "4179", description: "Switzerland, mobile", perMinute: Money(micros: 45_000), initialSeconds: 30,
                 incrementSeconds: 6, connectionFee: Money(micros: 20_000)),
            Rate(prefix: "1", description: "USA/Canada", perMinute: Money(micros: 4_000), initialSeconds: 1, incrementSeconds: 1),
        ])
    }

    func testEveryBadLineIsReportedWithItsNumber() {
        let text = "Rate,PREFIX,initial\n0.01,41,60\nabc,42,60\n0.01,4a,60\n0.01,41,60\n0.01,43,0\n0.01,44\n0.01,\"45,60\n0.02,46,30\n"
        let (_, errors) = RateCardFile.parse(Array(text.utf8), path: "c.csv")
        XCTAssertEqual(errors.map(\.description), [
            "c.csv:3: rate \"abc\" must be a decimal amount ≥ 0 with at most 6 decimals",
            "c.csv:4: prefix \"4a\" must be 1 to 18 digits",
            "c.csv:5: prefix 41 already given on line 2",
            "c.csv:6: initial \"0\" must be whole seconds from 1 to 3600",
            "c.csv:7: 2 fields, the header has 3",
            "c.csv:8: a quoted field is not closed",
        ])
        XCTAssertEqual(RateCardFile.parse(Array("prefix,cost\n1,2\n".utf8), path: "c.csv").errors.map(\.description), [
            "c.csv:1: unknown column \"cost\" (known: prefix, rate, initial, increment, minimum, connection_fee, description)",
            "c.csv:1: missing column \"rate\"",
        ])
        // Amounts no card has: a charge of them would leave 64 bits of micro-units.
        XCTAssertEqual(RateCardFile.parse(Array("prefix,rate,minimum\n41,10000,0\n42,10000.000001,0\n43,1,99999999\n".utf8),
                                          path: "c.csv").errors.map(\.description), [
            "c.csv:3: rate \"10000.000001\" must be at most 10000 a minute",
            "c.csv:4: minimum \"99999999\" must be at most 10000",
        ])
        XCTAssertEqual(RateCardFile.parse([], path: "e.csv").errors.count, 1)
        XCTAssertEqual(RateCardFile.parse(Array("prefix,rate\n".utf8), path: "h.csv").errors.map(\.reason), ["no rates after the header"])
    }

    func testStoringNeedsReplaceForAnExistingCardAndReplacesWhole() throws {
        let temporary = try TemporaryStore()
        let first = [Rate(prefix: "41", perMinute: Money(micros: 1)), Rate(prefix: "44", perMinute: Money(micros: 2))]
        let second = [Rate(prefix: "49", perMinute: Money(micros: 3))]
        let store = temporary.store
        let created = try store.storeRateCard(first, card: "Retail", direction: .sell, currency: "EUR", replace: false)
        XCTAssertFalse(created.replaced)
        XCTAssertThrowsError(
            try store.storeRateCard(second, card: "Retail", direction: .sell, currency: "EUR", replace: false)
        ) { XCTAssertEqual($0 as? RateCardError, .exists("Retail")) }
        XCTAssertThrowsError(
            try store.storeRateCard(second, card: "Retail", direction: .buy, currency: "EUR", replace: true)
        ) { XCTAssertEqual($0 as? RateCardError, .directionMismatch("Retail", "sell")) }
        XCTAssertEqual(try store.rateCards().map(\.prefixes), [2], "a refused card leaves the stored one whole")
        let result = try store.storeRateCard(second, card: "Retail", direction: .sell, currency: "CHF", replace: true)
        XCTAssertTrue(result.replaced)
        XCTAssertEqual(result.cardID, created.cardID)
        let prefixes = try store.read { try String.fetchAll($0, sql: "SELECT prefix FROM rates ORDER BY prefix") }
        XCTAssertEqual(prefixes, ["49"])
        XCTAssertEqual(try store.rateTables()[result.cardID]?.match("+4930123")?.perMinute, Money(micros: 3))
        XCTAssertEqual(try store.rateCards().map(\.currency), ["CHF"])
    }
}
