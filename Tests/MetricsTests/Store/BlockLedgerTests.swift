import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

/// Number blocks on every backend: overlaps refused naming the block in the way (random blocks against a brute
/// force over every number), the trigger refusing what skips the check, automatic allocation on the grid, and the
/// extensions used outside their customer's blocks.
final class BlockLedgerTests: XCTestCase {
    private func customer(_ code: String, in store: any MetricStore) throws -> Int64 {
        try store.addCustomer(.init(accountCode: code, name: "Customer \(code)", channelsConfigured: 1, rateCardID: nil),
                              createdAt: 0)
    }

    func testRandomBlocksAreRefusedExactlyWhenTheyShareANumber() throws {
        var random = seededRandom()
        try StoreBackend.eachEmptyStore { backend, store in
            let owners = [try customer("A", in: store), try customer("B", in: store)]
            // Brute force: which block owns each number, over a small line so that collisions are frequent.
            var owner = [Int64: Int64]()
            for attempt in 0..<300 {
                let start = Int64.random(in: 0...200, using: &random)
                let size = Int64.random(in: 1...25, using: &random)
                let taken = (start..<start + size).compactMap { owner[$0] }
                do {
                    let block = try store.addBlock(customerID: owners[attempt % 2], start: start, size: size, at: 0)
                    XCTAssertTrue(taken.isEmpty, "\(backend): \(start)+\(size) was added over block \(taken)")
                    XCTAssertEqual([block.start, block.end], [start, start + size - 1])
                    for number in start..<start + size { owner[number] = block.id }
                } catch BlockError.overlaps(let other) {
                    XCTAssertTrue(taken.contains(other.id), "\(backend): \(start)+\(size) refused naming \(other.id), not \(taken)")
                    XCTAssertTrue(other.overlaps(start: start, size: size))
                }
            }
            let stored = try store.blocks(customerID: nil)
            XCTAssertEqual(stored.map(\.start), stored.map(\.start).sorted())
            XCTAssertEqual(Set(stored.flatMap { block in (block.start...block.end).map { [$0, block.id] } }),
                           Set(owner.map { [$0.key, $0.value] }), "\(backend): the stored blocks cover what was added")
        }
    }

    func testTheStoreRefusesAnOverlapThatSkipsTheCheck() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let acme = try customer("ACME", in: store)
        try store.addBlock(customerID: acme, start: 1000, size: 1000, at: 0)
        XCTAssertThrowsError(try store.write { db in
            try db.execute(sql: "INSERT INTO number_blocks (customer_id, start, size, created_at) VALUES (?, 1999, 1, 0)",
                           arguments: [acme])
        }) { XCTAssertTrue("\($0)".contains("number block overlaps another"), "\($0)") }
        XCTAssertNoThrow(try store.write { db in
            try db.execute(sql: "INSERT INTO number_blocks (customer_id, start, size, created_at) VALUES (?, 2000, 1, 0)",
                           arguments: [acme])
        })
    }

    func testAllocationFollowsTheGridAndSkipsBlocksAddedByHand() throws {
        try StoreBackend.eachEmptyStore { backend, store in
            let a = try customer("A", in: store), b = try customer("B", in: store), c = try customer("C", in: store)
            let first = try store.allocateBlock(customerID: a, systemStart: 1000, size: 1000, at: 0)
            let second = try store.allocateBlock(customerID: b, systemStart: 1000, size: 1000, at: 0)
            XCTAssertEqual([first.start, first.end, second.start, second.end], [1000, 1999, 2000, 2999], backend)
            try store.addBlock(customerID: c, start: 3500, size: 10, at: 0)
            let third = try store.allocateBlock(customerID: c, systemStart: 1000, size: 1000, at: 0)
            XCTAssertEqual(third.start, 4000, "\(backend): 3000–3999 holds 3500–3509")
            try store.removeBlock(second.id)
            XCTAssertEqual(try store.allocateBlock(customerID: b, systemStart: 1000, size: 1000, at: 0).start, 2000,
                           "\(backend): a removed block's numbers are free again")
            XCTAssertThrowsError(try store.removeBlock(second.id)) { XCTAssertEqual($0 as? BlockError, .unknown(second.id)) }
            XCTAssertThrowsError(try store.allocateBlock(customerID: a, systemStart: 998_500, size: 2000, at: 0)) {
                XCTAssertEqual($0 as? BlockError, .noRoom(systemStart: 998_500, size: 2000))
            }
            XCTAssertThrowsError(try store.addBlock(customerID: 999, start: 10, size: 1, at: 0)) {
                XCTAssertEqual($0 as? BlockError, .unknownCustomer(999))
            }
        }
    }

    func testNextAutomaticStartAgainstBruteForce() {
        var random = seededRandom()
        for _ in 0..<200 {
            let systemStart = Int64.random(in: 0...50, using: &random), size = Int64.random(in: 1...20, using: &random)
            let existing = (0..<Int.random(in: 0...6, using: &random)).map { index in
                NumberBlock(id: Int64(index), customerID: 1, customerCode: "A", customerName: "A",
                            start: Int64.random(in: 0...300, using: &random), size: Int64.random(in: 1...40, using: &random),
                            createdAt: 0)
            }
            let expected = stride(from: systemStart, to: 2_000, by: Int(size)).first { candidate in
                !existing.contains { $0.overlaps(start: candidate, size: size) }
            }
            XCTAssertEqual(NumberBlock.nextAutomaticStart(systemStart: systemStart, size: size, existing: existing), expected,
                           "start \(systemStart) size \(size) over \(existing.map { ($0.start, $0.size) })")
        }
    }

    func testExtensionsOutsideTheirCustomersBlocks() throws {
        try StoreBackend.eachEmptyStore { backend, store in
            let acme = try customer("ACME", in: store), beta = try customer("BETA", in: store)
            let none = try customer("NONE", in: store)
            let acmeBlock = try store.addBlock(customerID: acme, start: 1000, size: 1000, at: 0)
            let betaBlock = try store.addBlock(customerID: beta, start: 2000, size: 100, at: 0)
            func record(_ key: String, _ customer: Int64, _ src: String, start: Int64) -> CallRecord {
                var record = CallRecord.make(key: key, start: start, end: start + 10, customer: customer)
                record.src = src
                return record
            }
            try store.write { session in
                _ = try session.insertCDRs([
                    record("1", acme, "1001", start: 500), record("2", acme, "2005", start: 500),
                    record("3", acme, "+41446681800", start: 500), record("4", acme, "0123", start: 500),
                    record("5", beta, "2001", start: 500), record("6", beta, "1500", start: 100),
                    record("7", none, "3000", start: 500),
                ])
                try session.updateRegistrations(adding: [
                    Registration(endpoint: "sip:1002@pbx.acme via kam", customerID: acme, contact: "", registeredAt: 0, expiresAt: 9),
                    Registration(endpoint: "7777@pbx.acme", customerID: acme, contact: "", registeredAt: 0, expiresAt: 9),
                    Registration(endpoint: "sip:trunk@beta", customerID: beta, contact: "", registeredAt: 0, expiresAt: 9),
                ], removing: [])
            }
            let used = try store.extensionsInUse(customerID: nil, cdrsSince: 200)
            XCTAssertEqual(used, [
                ExtensionInUse(customerID: acme, customerCode: "ACME", number: 1001, origin: .cdr, blockID: acmeBlock.id),
                ExtensionInUse(customerID: acme, customerCode: "ACME", number: 1002, origin: .registration, blockID: acmeBlock.id),
                ExtensionInUse(customerID: acme, customerCode: "ACME", number: 2005, origin: .cdr, blockID: nil),
                ExtensionInUse(customerID: acme, customerCode: "ACME", number: 7777, origin: .registration, blockID: nil),
                ExtensionInUse(customerID: beta, customerCode: "BETA", number: 2001, origin: .cdr, blockID: betaBlock.id),
            ], "\(backend): E.164 and 0-prefixed callers are not extensions; CDRs before `since` and customers without blocks are skipped")
            XCTAssertEqual(try store.extensionsInUse(customerID: beta, cdrsSince: 0).map(\.number), [1500, 2001])
        }
    }
}
