import Foundation
import Metrics
@testable import ServerStore
import ServerTestSupport
import TermDashTestSupport
import XCTest

/// Custom pages' SQL on the servers: the ledger's on PostgreSQL and the CDRs' on ClickHouse (the two-shard
/// cluster) give what the same query gives on an embedded store holding the same accounts and CDRs; `:customer` is
/// bound; every kind of write, of reading what is not the ledger's, and of running long is tried, refused or cut
/// off, and nothing changed.
final class ServerCustomQueriesTests: XCTestCase {
    private let now: Int64 = 1_709_303_843

    private struct Stores {
        var sqlite: SQLiteCustomQueries
        var servers: ServerStore
        var ledger: any CustomQueryReading
        var cdrs: any CustomQueryReading
        var records: [CallRecord]
        var keep: TemporaryStore
    }

    private func stores() throws -> Stores {
        var random = seededRandom()
        let temporary = try TemporaryStore()
        let servers = try ServerStore(TestServers.settings(cluster: true))
        var records = randomRecords(1_200, endingAt: now, spread: 6 * 3_600, carriers: 2, customers: 3, using: &random)
        for index in records.indices where index % 5 == 0 { records[index].customerID = nil }
        for store in [temporary.store, servers] as [any MetricStore] {
            for index in 1...3 {
                _ = try store.addCustomer(.init(accountCode: "C\(index)", name: "Customer \(index)",
                                                channelsConfigured: 10 * index, rateCardID: nil), createdAt: 0)
            }
            for index in 1...2 { _ = try store.addCarrier(name: "K\(index)", channelsConfigured: 30, rateCardID: nil) }
            try store.write { try $0.insertCDRs(records) }
        }
        let readers = try servers.customQueries()
        return Stores(sqlite: SQLiteCustomQueries(path: temporary.directory.appendingPathComponent("test.db").path),
                      servers: servers, ledger: readers.ledger, cdrs: readers.cdrs, records: records, keep: temporary)
    }

    func testQueriesGiveWhatTheEmbeddedStoreGives() throws {
        let stores = try stores()
        let limits = CustomQueryLimits()
        // The ledger: the same SQL on both.
        for sql in ["SELECT account_code, name, channels_configured FROM customers ORDER BY id",
                    "SELECT name FROM carriers WHERE channels_configured > 20 ORDER BY name"] {
            XCTAssertEqual(stores.ledger.run(sql, customer: nil, limits: limits), stores.sqlite.run(sql, customer: nil, limits: limits), sql)
        }
        let customers = try stores.ledger.run("SELECT account_code FROM customers ORDER BY id", customer: nil, limits: limits).get()
        XCTAssertEqual(customers.columns, ["account_code"])
        XCTAssertEqual(customers.rows, [[.text("C1")], [.text("C2")], [.text("C3")]])

        // The CDRs: ClickHouse's SQL over `cdrs` against SQLite's over its table, and a brute force.
        let perCustomer = try stores.cdrs.run("""
            SELECT customer_id, count() AS calls, sum(billsec) AS billed, countIf(answer_at IS NULL) AS unanswered
            FROM cdrs GROUP BY customer_id ORDER BY customer_id
            """, customer: nil, limits: limits).get()
        let embedded = try stores.sqlite.run("""
            SELECT customer_id, count(*) AS calls, sum(billsec) AS billed, sum(answer_at IS NULL) AS unanswered
            FROM cdrs GROUP BY customer_id ORDER BY customer_id IS NOT NULL, customer_id
            """, customer: nil, limits: limits).get()
        XCTAssertEqual(perCustomer.columns, ["customer_id", "calls", "billed", "unanswered"])
        // ClickHouse sorts NULL last, SQLite first: compared as sets of rows.
        XCTAssertEqual(Set(perCustomer.rows.map { "\($0)" }), Set(embedded.rows.map { "\($0)" }))
        XCTAssertEqual(perCustomer.rows.count, 4)
        let brute = Dictionary(grouping: stores.records, by: \.customerID).mapValues(\.count)
        for row in perCustomer.rows {
            let id: Int64? = if case .integer(let value) = row[0] { value } else { nil }
            XCTAssertEqual(row[1], .integer(Int64(brute[id] ?? -1)), "customer \(String(describing: id))")
        }

        // A customer's page: `:customer` bound on both servers.
        let mine = try stores.cdrs.run("SELECT count() AS calls FROM cdrs WHERE customer_id = :customer", customer: 2,
                                       limits: limits).get()
        XCTAssertEqual(mine.rows, [[.integer(Int64(brute[2] ?? 0))]])
        XCTAssertEqual(try stores.ledger.run("SELECT name FROM customers WHERE id = :customer", customer: 2, limits: limits).get().rows,
                       [[.text("Customer 2")]])
        for reader in [stores.ledger, stores.cdrs] {
            XCTAssertEqual(reader.run("SELECT 1", customer: 2, limits: limits),
                           .failure(.refused("a customer page's query must use :customer")))
            XCTAssertEqual(reader.run("SELECT :customer", customer: nil, limits: limits),
                           .failure(.refused("parameters are only for customer pages (:customer)")))
        }
        // Types: numbers, reals, nulls, text with a tab; and the row limit.
        XCTAssertEqual(try stores.cdrs.run("SELECT toInt64(7) AS i, 1.5 AS r, NULL AS n, 'a\\tb' AS t", customer: nil, limits: limits).get().rows,
                       [[.integer(7), .real(1.5), .null, .text("a\tb")]])
        let many = try stores.cdrs.run("SELECT number FROM system.numbers LIMIT 500", customer: nil,
                                       limits: .init(seconds: 1, rows: 200)).get()
        XCTAssertEqual(many.rows.count, 200)
        XCTAssertTrue(many.truncated)
    }

    func testEveryWriteOrEscapeIsRefusedAndNothingChanges() throws {
        let stores = try stores()
        let limits = CustomQueryLimits(seconds: 1, rows: 200)
        let ledgerAttempts = [
            "INSERT INTO customers (account_code, name, channels_configured, created_at) VALUES ('X', 'X', 1, 0)",
            "UPDATE customers SET name = 'X'",
            "DELETE FROM customers",
            "WITH d AS (DELETE FROM customers RETURNING id) SELECT count(*) FROM d",
            "CREATE TABLE t (a int)",
            "DROP TABLE customers",
            "COPY (SELECT 1) TO '/tmp/termdash-page-copy'",
            "SELECT nextval('customers_id_seq')",
            "SELECT pg_read_file('/etc/hostname')",
            "SELECT lo_export(lo_create(0), '/tmp/termdash-page-lo')",
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()",
            "SELECT 1; DELETE FROM customers",
            "SET ROLE NONE",
            "RESET ROLE",
        ]
        for sql in ledgerAttempts {
            switch stores.ledger.run(sql, customer: nil, limits: limits) {
            case .success(let result): XCTFail("\(sql) ran: \(result)")
            case .failure(let error):
                // Refused, as this reader or PostgreSQL says; never "unreachable" (the connection is fine).
                XCTAssertTrue("\(error)".hasPrefix("refused: "), "\(sql): \(error)")
            }
        }
        XCTAssertEqual(stores.ledger.run("DELETE FROM customers", customer: nil, limits: limits),
                       .failure(.refused("only reading is allowed (DELETE is not)")))
        // A setting changed by a query goes with its transaction: the next one is read-only all the same.
        XCTAssertNoThrow(try stores.ledger.run("SELECT set_config('default_transaction_read_only', 'off', false)",
                                               customer: nil, limits: limits).get())
        XCTAssertEqual(stores.ledger.run("WITH d AS (DELETE FROM customers RETURNING id) SELECT count(*) FROM d",
                                         customer: nil, limits: limits),
                       .failure(.refused("the statement would write")))
        let cdrAttempts: [(String, String)] = [
            ("INSERT INTO cdr_local (start_at) VALUES (1)", "refused: only reading is allowed (INSERT is not)"),
            ("ALTER TABLE cdr_local DELETE WHERE 1", "refused: only reading is allowed (ALTER is not)"),
            ("CREATE TABLE t (a Int8) ENGINE = Memory", "refused: only reading is allowed (CREATE is not)"),
            ("DROP TABLE cdrs", "refused: only reading is allowed (DROP is not)"),
            ("SET readonly = 0", "refused: only reading is allowed (SET is not)"),
            ("SELECT * FROM url('http://127.0.0.1:9/', TSV, 'a String')", "refused: only reading is allowed (a table function is not)"),
            ("SELECT * FROM file('/etc/hostname', TSV, 'a String')", "refused: only reading is allowed (a table function is not)"),
            ("SELECT 1; DROP TABLE cdrs", "refused: one statement only"),
        ]
        for (sql, expected) in cdrAttempts {
            let outcome = stores.cdrs.run(sql, customer: nil, limits: limits)
            switch outcome {
            case .success(let result): XCTFail("\(sql) ran: \(result)")
            case .failure(let error): XCTAssertEqual("\(error)", expected, sql)
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/termdash-page-copy"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/termdash-page-lo"))
        // Nothing changed: the same accounts, every CDR.
        XCTAssertEqual(try stores.servers.read { try $0.customers() }.map(\.name), ["Customer 1", "Customer 2", "Customer 3"])
        XCTAssertEqual(try stores.cdrs.run("SELECT count() FROM cdrs", customer: nil, limits: limits).get().rows,
                       [[.integer(Int64(stores.records.count))]])
        // A query past its time limit is cut off, on either server; the next one runs.
        XCTAssertEqual(stores.ledger.run("SELECT pg_sleep(3)", customer: nil, limits: .init(seconds: 0.3, rows: 10)),
                       .failure(.timedOut(0.3)))
        XCTAssertEqual(stores.cdrs.run("SELECT count() FROM system.numbers", customer: nil, limits: .init(seconds: 1, rows: 10)),
                       .failure(.timedOut(1)))
        XCTAssertEqual(try stores.ledger.run("SELECT count(*) FROM carriers", customer: nil, limits: limits).get().rows, [[.integer(2)]])
    }
}
