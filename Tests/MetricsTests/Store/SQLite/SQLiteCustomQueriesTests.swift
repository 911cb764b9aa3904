import Metrics
import TermDashTestSupport
import XCTest

/// Custom pages' SQL: rows and columns as stored, `:customer` bound, and every kind of write refused by trying it
/// on a real store, whose contents are then checked unchanged.
final class SQLiteCustomQueriesTests: XCTestCase {
    private var temporary: TemporaryStore!
    private var queries: SQLiteCustomQueries!

    override func setUpWithError() throws {
        temporary = try TemporaryStore()
        _ = try temporary.store.addCarrier(name: "Telia", channelsConfigured: 30, rateCardID: nil)
        _ = try temporary.store.addCarrier(name: "Orange", channelsConfigured: 20, rateCardID: nil)
        queries = SQLiteCustomQueries(path: temporary.directory.appendingPathComponent("test.db").path)
    }

    override func tearDown() {
        queries = nil
        temporary = nil
    }

    private func carriers() throws -> [CustomQueryResult.Value] {
        try queries.run("SELECT name FROM carriers ORDER BY id", customer: nil, limits: .init()).get().rows.map { $0[0] }
    }

    func testASelectGivesColumnsAndTypedRowsUpToTheLimit() throws {
        let result = try queries.run(
            "SELECT name, channels_configured AS channels, 1.5 AS x, NULL AS n FROM carriers ORDER BY id",
            customer: nil, limits: .init(seconds: 1, rows: 1)).get()
        XCTAssertEqual(result.columns, ["name", "channels", "x", "n"])
        XCTAssertEqual(result.rows, [[.text("Telia"), .integer(30), .real(1.5), .null]])
        XCTAssertTrue(result.truncated)
        let all = try queries.run("WITH c AS (SELECT name FROM carriers) SELECT count(*) FROM c", customer: nil,
                                  limits: .init()).get()
        XCTAssertEqual(all.rows, [[.integer(2)]])
        XCTAssertFalse(all.truncated)
    }

    func testTheCustomerIsBoundAndRequiredOnlyForCustomerPages() throws {
        let bound = try queries.run("SELECT :customer + 1", customer: 41, limits: .init()).get()
        XCTAssertEqual(bound.rows, [[.integer(42)]])
        XCTAssertEqual(queries.run("SELECT 1", customer: 41, limits: .init()),
                       .failure(.refused("a customer page's query must use :customer")))
        XCTAssertEqual(queries.run("SELECT :customer", customer: nil, limits: .init()),
                       .failure(.refused("parameters are only for customer pages (:customer)")))
    }

    func testEveryWriteIsRefusedAndNothingChanges() throws {
        let attempts: [(String, String)] = [
            ("INSERT INTO carriers (name, channels_configured) VALUES ('X', 1)", "refused: only reading is allowed (INSERT is not)"),
            ("UPDATE carriers SET name = 'X'", "refused: only reading is allowed (UPDATE is not)"),
            ("DELETE FROM carriers", "refused: only reading is allowed (DELETE is not)"),
            ("REPLACE INTO carriers (id, name, channels_configured) VALUES (1, 'X', 1)", "refused: only reading is allowed (REPLACE is not)"),
            ("WITH x AS (SELECT 1) DELETE FROM carriers", "refused: only reading is allowed (DELETE is not)"),
            ("ATTACH DATABASE ':memory:' AS other", "refused: only reading is allowed (ATTACH is not)"),
            ("PRAGMA user_version = 99", "refused: only reading is allowed (PRAGMA is not)"),
            ("PRAGMA journal_mode = DELETE", "refused: only reading is allowed (PRAGMA is not)"),
            ("CREATE TABLE t (a)", "refused: only reading is allowed (CREATE is not)"),
            ("CREATE TEMP TABLE t (a)", "refused: only reading is allowed (CREATE is not)"),
            ("CREATE VIEW v AS SELECT 1", "refused: only reading is allowed (CREATE is not)"),
            ("DROP TABLE carriers", "refused: only reading is allowed (DROP is not)"),
            ("ALTER TABLE carriers ADD COLUMN x", "refused: only reading is allowed (ALTER is not)"),
            ("BEGIN IMMEDIATE", "refused: only reading is allowed (BEGIN is not)"),
            ("VACUUM", "refused: the statement would write"),
            ("SELECT 1; DELETE FROM carriers", "refused: one statement only"),
        ]
        let schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        let before = try queries.run(schema, customer: nil, limits: .init(seconds: 1, rows: 1_000)).get()
        for (sql, expected) in attempts {
            switch queries.run(sql, customer: nil, limits: .init()) {
            case .success: XCTFail("ran: \(sql)")
            case .failure(let error): XCTAssertEqual(error.description, expected, sql)
            }
        }
        XCTAssertEqual(try carriers(), [.text("Telia"), .text("Orange")])
        XCTAssertEqual(try queries.run(schema, customer: nil, limits: .init(seconds: 1, rows: 1_000)).get(), before)
        XCTAssertGreaterThan(before.rows.count, 20, "the store's tables, indexes and views")
    }

    func testASlowQueryIsInterruptedAndTheNextOneRuns() throws {
        let slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        XCTAssertEqual(queries.run(slow, customer: nil, limits: .init(seconds: 0.2, rows: 10)), .failure(.timedOut(0.2)))
        XCTAssertEqual(try carriers(), [.text("Telia"), .text("Orange")])
    }

    func testErrorsAreValuesNamingTheProblem() {
        XCTAssertEqual(queries.run("SELECT * FROM nowhere", customer: nil, limits: .init()),
                       .failure(.failed("no such table: nowhere")))
        XCTAssertEqual(SQLiteCustomQueries(path: "/nonexistent/x.db").run("SELECT 1", customer: nil, limits: .init()),
                       .failure(.failed("cannot open /nonexistent/x.db read-only: unable to open database file")))
    }
}
