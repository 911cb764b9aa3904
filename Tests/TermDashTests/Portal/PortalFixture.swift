import Foundation
import Metrics
import TermDashTestSupport

@testable import TermDash

/// A store of several customers for the portal's leak tests: the one in scope ("Acme Target", ACME01) has a small
/// share of the traffic on two of three carriers; the others have distinctive names, codes, DIDs and call counts,
/// which no scoped output may contain.
struct PortalFixture {
    static let now: Int64 = 1_795_000_000 - 1_795_000_000 % 3_600 + 1_800
    static let target = (code: "ACME01", name: "Acme Target")
    static let others = [(code: "ZEB777", name: "Zebra Othercorp", calls: 613, did: "+41445550177"),
                         (code: "QUX555", name: "Quux Thirdparty", calls: 587, did: "+41445550155")]
    static let targetCalls = 41
    static let targetDID = "+41445550101"
    static let carrierNames = ["Carrier Alphanet", "Carrier Betaline", "Carrier Gammaway"]

    let temporary: TemporaryStore
    var store: SQLiteStore { temporary.store }
    var path: String { temporary.directory.appendingPathComponent("test.db").path }
    let targetID: Int64
    /// Money only the others' calls add up to, in micros: sell, buy and profit, of all calls and of each other.
    let foreignMoney: [Int64]

    init(using random: inout RandomSource) throws {
        temporary = try TemporaryStore()
        let store = temporary.store
        let now = Self.now
        targetID = try store.addCustomer(Accounts.NewCustomer(
            accountCode: Self.target.code, name: Self.target.name, channelsConfigured: 30,
            balance: Money(micros: 12_340_000), debitLimit: Money(micros: 50_000_000), rateCardID: nil),
            createdAt: now - 86_400)
        var otherIDs: [Int64] = []
        for other in Self.others {
            otherIDs.append(try store.addCustomer(Accounts.NewCustomer(
                accountCode: other.code, name: other.name, channelsConfigured: 977, balance: Money(micros: -98_760_000),
                debitLimit: Money(micros: 1_000_000), rateCardID: nil), createdAt: now - 86_400))
        }
        let carriers = try Self.carrierNames.map {
            try store.addCarrier(name: $0, channelsConfigured: 500, rateCardID: nil)
        }
        let targetDID = try store.addDID(number: Self.targetDID, customerID: targetID)
        let otherDIDs = try zip(Self.others, otherIDs).map { try store.addDID(number: $0.did, customerID: $1) }

        var records: [CallRecord] = []
        func calls(_ count: Int, customer: Int64, did: Int64, carriers: [Int64], prefix: String) {
            for index in 0..<count {
                let start = now - 3_000 + Int64.random(in: 0..<2_950, using: &random)
                let answered = Int.random(in: 0..<3, using: &random) > 0
                let end = start + (answered ? Int64.random(in: 5...40, using: &random) : 3)
                records.append(.make(
                    key: "\(prefix)\(index)", start: start, answerAfter: answered ? 2 : nil, end: end,
                    disposition: answered ? .answered : .busy, customer: customer,
                    carrier: carriers.randomElement(using: &random), did: did, dtmf: Int.random(in: 0...2, using: &random),
                    sell: Int64.random(in: 1_000...900_000, using: &random),
                    buy: Int64.random(in: 1_000...800_000, using: &random)))
            }
        }
        calls(Self.targetCalls, customer: targetID, did: targetDID, carriers: Array(carriers.prefix(2)), prefix: "t")
        for (index, other) in Self.others.enumerated() {
            calls(other.calls, customer: otherIDs[index], did: otherDIDs[index], carriers: carriers, prefix: "o\(index)-")
        }
        try store.write { try $0.insertCDRs(records) }
        var money: [Int64] = []
        let target = targetID
        for group in [records.filter { $0.customerID != target }, records] + otherIDs.map({ id in
            records.filter { $0.customerID == id } }) {
            let sell = group.compactMap(\.sell?.micros).reduce(0, +)
            let buy = group.compactMap(\.buy?.micros).reduce(0, +)
            money += [sell, buy, sell - buy]
        }
        foreignMoney = money
        var live: [CallInProgress] = (0..<2).map {
            CallInProgress(callKey: "live-t\($0)", source: "test", startAt: now - 30, customerID: targetID,
                           carrierID: carriers[0], didID: targetDID)
        }
        for (index, id) in otherIDs.enumerated() {
            live += (0..<17).map {
                CallInProgress(callKey: "live-o\(index)-\($0)", source: "test", startAt: now - 20, customerID: id,
                               carrierID: carriers[2], didID: otherDIDs[index])
            }
        }
        try store.write { try $0.startCalls(live) }
        // An invoice each over the day of traffic: the target's issued and partly paid, the others' issued too, so
        // that numbers are taken from one series.
        let period = Period(from: now - 86_400, to: now)!
        for id in [otherIDs[0], targetID, otherIDs[1]] {
            let draft = try store.createDraft(customerID: id, period: period, at: now)
            let issued = try store.issueInvoice(id: draft.id, at: now)
            if id == targetID {
                _ = try store.recordPayment(invoiceID: issued.id, amount: Money(micros: 1_000_000), paidAt: now, at: now)
            }
        }
    }

    /// What must never show in the target's outputs: every other customer's name and code, their DIDs, every
    /// carrier's name (masked), a third route, and the call counts only the others' traffic adds up to.
    var forbidden: [String] {
        let others = Self.others
        var texts = others.flatMap { [$0.code, $0.name, $0.did, String($0.did.dropFirst())] } + Self.carrierNames
        texts.append("Route 3")
        let total = Self.targetCalls + others.map(\.calls).reduce(0, +)
        for count in [total] + others.map(\.calls) + others.map({ $0.calls + Self.targetCalls }) {
            texts.append("\(count)")
            if count >= 1_000 { texts.append("\(count / 1_000),\(String(format: "%03d", count % 1_000))") }
        }
        // Live: 2 of theirs, 34 of the others'.
        texts += ["Live 36", "Live: 36", "977"]
        // Money with two places, as the panes, reports and exports print it, with and without grouping.
        for micros in foreignMoney {
            let cents = (micros + 5_000) / 10_000
            let plain = String(format: "%lld.%02lld", cents / 100, cents % 100)
            texts.append(plain)
            let units = cents / 100
            if units >= 1_000 { texts.append(String(format: "%lld,%03lld.%02lld", units / 1_000, units % 1_000, cents % 100)) }
        }
        return Array(Set(texts)).sorted()
    }

    /// The forbidden texts found in `text`.
    /// A figure counts only as a number of its own: not inside a longer one ("0.628000" does not hold 628).
    func leaks(in text: String) -> [String] {
        forbidden.filter { needle in
            guard needle.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }) else {
                return text.localizedCaseInsensitiveContains(needle)
            }
            let pattern = "(?<![0-9.,])" + NSRegularExpression.escapedPattern(for: needle) + "(?![0-9]|[.,][0-9])"
            return text.range(of: pattern, options: .regularExpression) != nil
        }
    }
}
