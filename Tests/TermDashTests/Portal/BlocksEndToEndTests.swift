import Foundation
import Metrics
import XCTest

/// `termdash blocks add | allocate | list | remove` as an operator runs them: the grid of `[blocks]`, an overlap
/// refused naming the block in the way (exit 1), bad usage exit 64, in-use counts in the JSON listing.
final class BlocksEndToEndTests: StoreEndToEndTestCase {
    func testAddAllocateListRemove() throws {
        let store = try SQLiteStore(path: db)
        let acme = try store.addCustomer(.init(accountCode: "ACME", name: "Acme", channelsConfigured: 1, rateCardID: nil), createdAt: 0)
        try store.addCustomer(.init(accountCode: "BETA", name: "Beta", channelsConfigured: 1, rateCardID: nil), createdAt: 0)
        try store.addCustomer(.init(accountCode: "GAMMA", name: "Gamma", channelsConfigured: 1, rateCardID: nil), createdAt: 0)

        let first = try EndToEnd.termdash(["blocks", "allocate", "--customer", "ACME", "--db", db])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, "Block 1: 1000–1999 (1000 extensions) for ACME\n")
        let second = try EndToEnd.termdash(["blocks", "allocate", "--customer", "BETA", "--db", db])
        XCTAssertEqual(second.stdout, "Block 2: 2000–2999 (1000 extensions) for BETA\n")

        let overlap = try EndToEnd.termdash(["blocks", "add", "--customer", "GAMMA", "--start", "2950", "--size", "100", "--db", db])
        XCTAssertEqual(overlap.status, 1)
        XCTAssertTrue(overlap.stderr.contains("blocks add 2950–3049: overlaps block 2 (2000–2999, customer BETA)"), overlap.stderr)
        let badSize = try EndToEnd.termdash(["blocks", "add", "--customer", "GAMMA", "--start", "10", "--size", "0", "--db", db])
        XCTAssertEqual(badSize.status, 64, badSize.stderr)

        let config = directory.appendingPathComponent("config.toml").path
        try "[blocks]\nstart = 100\nsize = 50\n".write(toFile: config, atomically: true, encoding: .utf8)
        let small = try EndToEnd.termdash(["blocks", "allocate", "--customer", "GAMMA", "--db", db, "--config", config])
        XCTAssertEqual(small.stdout, "Block 3: 100–149 (50 extensions) for GAMMA\n", small.stderr)

        var caller = CallRecord.make(key: "c1", start: Int64(Date().timeIntervalSince1970) - 60,
                                     end: Int64(Date().timeIntervalSince1970) - 30, customer: acme)
        caller.src = "1042"
        try store.write { session in
            _ = try session.insertCDRs([caller])
            try session.updateRegistrations(adding: [
                Registration(endpoint: "sip:1042@pbx", customerID: acme, contact: "", registeredAt: 0, expiresAt: 9),
                Registration(endpoint: "sip:1043@pbx", customerID: acme, contact: "", registeredAt: 0, expiresAt: 9),
            ], removing: [])
        }
        let json = try EndToEnd.termdash(["blocks", "list", "--format", "json", "--db", db])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["start"] as? Int }, [100, 1000, 2000])
        XCTAssertEqual(rows.map { $0["in_use"] as? Int }, [0, 2, 0], "1042 (CDR and registration) and 1043 in ACME's block")

        let removed = try EndToEnd.termdash(["blocks", "remove", "2", "--db", db])
        XCTAssertEqual(removed.stdout, "Removed block 2: 2000–2999 of BETA\n", removed.stderr)
        let again = try EndToEnd.termdash(["blocks", "remove", "2", "--db", db])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("no block 2"), again.stderr)
        let table = try EndToEnd.termdash(["blocks", "list", "--customer", "ACME", "--db", db])
        XCTAssertEqual(table.stdout.split(separator: "\n").count, 2, table.stdout)
    }
}

/// The Account view as `termdash snapshot --view account --customer C` draws it: the customer's own blocks, never
/// another's, in the language of their profile.
final class AccountViewEndToEndTests: StoreEndToEndTestCase {
    func testSnapshotOfTheAccountViewShowsOnlyTheirBlocks() throws {
        let store = try SQLiteStore(path: db)
        let acme = try store.addCustomer(.init(accountCode: "ACME", name: "Acme", channelsConfigured: 1, rateCardID: nil), createdAt: 0)
        let beta = try store.addCustomer(.init(accountCode: "BETA", name: "Beta", channelsConfigured: 1, rateCardID: nil), createdAt: 0)
        try store.addBlock(customerID: acme, start: 1000, size: 1000, at: 0)
        try store.addBlock(customerID: beta, start: 7000, size: 100, at: 0)
        try store.updateProfile(customerID: acme, [.language: "pl", .name: "Ann"], by: "portal", at: 0)
        let shot = try EndToEnd.termdash(["snapshot", "--view", "account", "--customer", "ACME", "--db", db,
                                          "--width", "100", "--height", "30"])
        XCTAssertEqual(shot.status, 0, shot.stderr)
        XCTAssertTrue(shot.stdout.contains("1000–1999  0 z 1000 w użyciu"), shot.stdout)
        XCTAssertTrue(shot.stdout.contains("Imię i nazwisko  Ann"), shot.stdout)
        XCTAssertFalse(shot.stdout.contains("7000") || shot.stdout.contains("BETA") || shot.stdout.contains("Beta"), shot.stdout)
        let unscoped = try EndToEnd.termdash(["snapshot", "--view", "account", "--db", db])
        XCTAssertEqual(unscoped.status, 64, unscoped.stderr)
    }
}
