import XCTest
@testable import Metrics
import TermDashTestSupport

final class RatingTests: XCTestCase {
    private let cent = Money(micros: 10_000)

    func testIncrementsRoundUpToWholeBlocks() {
        let perMinute = Money(micros: 600_000)  // 0.60 a minute = 0.01 a second
        let sixtySixty = Rate(prefix: "1", perMinute: perMinute, initialSeconds: 60, incrementSeconds: 60)
        let thirtySix = Rate(prefix: "1", perMinute: perMinute, initialSeconds: 30, incrementSeconds: 6)
        let oneOne = Rate(prefix: "1", perMinute: perMinute, initialSeconds: 1, incrementSeconds: 1)
        // (billsec, 60/60, 30/6, 1/1) in billed seconds, worked out by hand.
        let cases: [(Int, Int, Int, Int)] = [
            (0, 0, 0, 0), (1, 60, 30, 1), (30, 60, 30, 30), (31, 60, 36, 31), (36, 60, 36, 36), (37, 60, 42, 37),
            (60, 60, 60, 60), (61, 120, 66, 61), (3_601, 3_660, 3_606, 3_601),
        ]
        for (billsec, a, b, c) in cases {
            XCTAssertEqual(sixtySixty.billedSeconds(for: billsec), a, "60/60 of \(billsec)")
            XCTAssertEqual(thirtySix.billedSeconds(for: billsec), b, "30/6 of \(billsec)")
            XCTAssertEqual(oneOne.billedSeconds(for: billsec), c, "1/1 of \(billsec)")
            XCTAssertEqual(thirtySix.charge(billsec: billsec).micros, Int64(b) * 10_000, "30/6 charge of \(billsec)")
        }
    }

    func testChargeRoundsHalfUpToTheMicroThenAddsFeeAndMinimum() {
        // 0.0125 a minute for 1 s: 12500 / 60 = 208.33 micros -> 208.
        let rate = Rate(prefix: "44", perMinute: Money(micros: 12_500), initialSeconds: 1, incrementSeconds: 1)
        XCTAssertEqual(rate.charge(billsec: 1).micros, 208)
        // 0.000030 a minute for 1 s: 0.5 micro -> rounds half up to 1.
        XCTAssertEqual(Rate(prefix: "4", perMinute: Money(micros: 30), initialSeconds: 1, incrementSeconds: 1)
            .charge(billsec: 1).micros, 1)
        let withFee = Rate(prefix: "44", perMinute: Money(micros: 60_000), initialSeconds: 60, incrementSeconds: 60,
                           connectionFee: Money(micros: 25_000))
        XCTAssertEqual(withFee.charge(billsec: 5).micros, 60_000 + 25_000)
        let withMinimum = Rate(prefix: "44", perMinute: Money(micros: 60_000), initialSeconds: 1,
                               incrementSeconds: 1, minimum: cent * 5)
        XCTAssertEqual(withMinimum.charge(billsec: 2).micros, 50_000, "2 s cost 2000 micros, below the minimum")
        XCTAssertEqual(withMinimum.charge(billsec: 0).micros, 0, "no minimum on an unanswered call")
    }

    func testLongestPrefixWinsInEveryDialledForm() {
        let table = RateTable([
            Rate(prefix: "41", description: "Switzerland", perMinute: Money(micros: 1)),
            Rate(prefix: "4179", description: "Swiss mobile", perMinute: Money(micros: 2)),
            Rate(prefix: "417", description: "Swiss mobile other", perMinute: Money(micros: 3)),
        ])
        for dialled in ["+41791234567", "0041791234567", "41791234567", "+41 79 123 45 67"] {
            XCTAssertEqual(table.match(dialled)?.description, "Swiss mobile", dialled)
        }
        XCTAssertEqual(table.match("+41781234567")?.description, "Swiss mobile other")
        XCTAssertEqual(table.match("+41221234567")?.description, "Switzerland")
        XCTAssertNil(table.match("+4912345"), "no prefix: unrated, not free")
        XCTAssertNil(table.match(""))
        XCTAssertNil(RateTable([]).match("41"))
    }

    func testRaterKeepsUnratedApartFromFree() {
        let rater = Rater(tables: [1: RateTable([Rate(prefix: "1", perMinute: Money(micros: 60_000))])])
        XCTAssertEqual(rater.price(card: 1, dialled: "+15551234", billsec: 0, answered: false), Money(micros: 0))
        XCTAssertEqual(rater.price(card: 1, dialled: "+15551234", billsec: 30, answered: true), Money(micros: 60_000))
        XCTAssertNil(rater.price(card: 1, dialled: "+445551234", billsec: 30, answered: true))
        XCTAssertNil(rater.price(card: nil, dialled: "+15551234", billsec: 30, answered: true), "no card: unrated")
        XCTAssertNil(rater.price(card: 9, dialled: "+15551234", billsec: 30, answered: true))
    }

    /// The trie finds what a scan of every prefix finds (the longest that starts the normalised number, the later
    /// of two equal prefixes), and pricing both sides of a call at once gives each side's own price.
    func testPrefixMatchAgreesWithAScanOfEveryPrefix() {
        var random = seededRandom()
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(random.next() % 10)) })
        }
        for _ in 0..<50 {
            var rates: [Rate] = []
            for index in 0..<Int(1 + random.next() % 40) {
                let prefix = random.next() % 10 == 0 ? "\(random.next() % 10)" : digits(Int(1 + random.next() % 6))
                rates.append(Rate(prefix: prefix, description: "\(index)", perMinute: Money(micros: Int64(index))))
            }
            rates.append(Rate(prefix: "12a", perMinute: Money(micros: 1)))  // not digits: ignored
            let table = RateTable(rates)
            let other = RateTable(Array(rates.reversed()))
            let rater = Rater(tables: [1: table, 2: other])
            for _ in 0..<200 {
                let number = ["", "+", "00", "0"][Int(random.next() % 4)] + digits(Int(random.next() % 12))
                var normal = number.filter(\.isASCIIDigit)
                if !number.hasPrefix("+"), normal.hasPrefix("00") { normal.removeFirst(2) }
                let expected = rates.enumerated()
                    .filter { $0.element.prefix.allSatisfy(\.isASCIIDigit) && normal.hasPrefix($0.element.prefix) }
                    .max { ($0.element.prefix.count, $0.offset) < ($1.element.prefix.count, $1.offset) }?.element
                XCTAssertEqual(table.match(number), expected, number)
                let billsec = Int(random.next() % 200)
                let both = rater.prices(sellCard: 1, buyCard: 2, dialled: number, billsec: billsec, answered: billsec > 0)
                XCTAssertEqual(both.sell, rater.price(card: 1, dialled: number, billsec: billsec, answered: billsec > 0))
                XCTAssertEqual(both.buy, rater.price(card: 2, dialled: number, billsec: billsec, answered: billsec > 0))
                XCTAssertNil(rater.prices(sellCard: nil, buyCard: 9, dialled: number, billsec: 1, answered: true).buy)
            }
        }
    }

    func testMoneyParsesAndFormatsExactly() {
        XCTAssertEqual(Money(decimal: "0.0125")?.micros, 12_500)
        XCTAssertEqual(Money(decimal: "-3.5")?.micros, -3_500_000)
        XCTAssertEqual(Money(decimal: "12")?.micros, 12_000_000)
        XCTAssertEqual(Money(decimal: ".5")?.micros, 500_000)
        for bad in ["", "-", ".", "1.2345678", "1,5", "abc", "1e3", "--1", "1.2.3"] {
            XCTAssertNil(Money(decimal: bad), bad)
        }
        XCTAssertEqual(Money(micros: 12_345).formatted(decimals: 2), "0.01")
        XCTAssertEqual(Money(micros: 15_000).formatted(decimals: 2), "0.02", "half away from zero")
        XCTAssertEqual(Money(micros: -15_000).formatted(decimals: 2), "-0.02")
        XCTAssertEqual(Money(micros: -4_000).formatted(decimals: 2), "0.00", "no negative zero")
        XCTAssertEqual(Money(micros: 1_234_567_890).formatted(decimals: 4), "1234.5679")
        XCTAssertEqual(Money(micros: 7).description, "0.000007")
    }
}

private func * (lhs: Money, rhs: Int64) -> Money { Money(micros: lhs.micros * rhs) }
