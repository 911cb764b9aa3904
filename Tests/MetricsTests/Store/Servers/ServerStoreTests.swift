import Foundation
import Metrics
@testable import ServerStore
import ServerTestSupport
import TermDashTestSupport
import XCTest

/// What only the servers store has to get right: two writers sending the same batch at once, an import stopped
/// between its ClickHouse insert and its commit, money sums beyond 64 bits, and a server that does not answer.
final class ServerStoreTests: XCTestCase {
    private let now: Int64 = 1_709_303_843

    /// Two writers (two connections, as on two machines) write the same CDRs at the same time, in batches of
    /// their own: both may find a key missing and send it, and the figures still count every CDR once.
    func testTwoWritersSendingTheSameBatchesCountEachCDROnce() throws {
        var random = seededRandom()
        for cluster in [false, true] {
            let settings = try TestServers.settings(cluster: cluster)
            let first = try ServerStore(settings), second = try ServerStore(settings)
            let carrier = try first.addCarrier(name: "K", channelsConfigured: 9, rateCardID: nil)
            var records = randomRecords(2_000, endingAt: now, spread: 6 * 3_600, carriers: 1, using: &random)
            for index in records.indices { records[index].carrierID = carrier }
            let shuffled = records.shuffled(using: &random)
            let failures = LockedErrors()
            let group = DispatchGroup()
            for (store, batch) in [(first, records), (second, shuffled)] {
                DispatchQueue.global().async(group: group) {
                    do {
                        for start in stride(from: 0, to: batch.count, by: 250) {
                            try store.write { try $0.insertCDRs(Array(batch[start..<min(start + 250, batch.count)])) }
                        }
                    } catch { failures.append(error) }
                }
            }
            group.wait()
            XCTAssertEqual(failures.errors.map { "\($0)" }, [])
            // Every write recomputed its minutes: the figures below come from the rollups.
            XCTAssertEqual(try first.dirtyRollupRanges(on: first.postgres), [], "cluster \(cluster)")
            for store in [first, second] {
                let figures = try MetricsEngine(store: store).figures(from: now - 6 * 3_600 - 60, to: now, groupedBy: .carrier, at: now)
                XCTAssertEqual(figures[carrier]?.counts, BruteForce.counts(records), "cluster \(cluster)")
            }
            // A third pass stores nothing new.
            XCTAssertEqual(try first.write { try $0.insertCDRs(records) }, 0, "cluster \(cluster)")
        }
    }

    /// An importer on another machine (its process recorded on another boot, so its pid says nothing here) is
    /// judged by its PostgreSQL connection: `processing` while that is open — a run of the same content gets an
    /// entry of its own, the checklist lists nothing — and `interrupted` once it closes, when the checklist lists
    /// it and the next run retries it in its place. An importer of this machine whose process is gone is
    /// interrupted at once, its connection open or not.
    func testAnImportOnAnotherMachineRunsWhileItsConnectionIsOpen() throws {
        let settings = try TestServers.settings(cluster: false)
        let here = try ServerStore(settings)
        var there: ServerStore? = try ServerStore(settings)
        let elsewhere = FileLedger.Owner(pid: FileLedger.Owner.current.pid, start: "another-machine/1234")
        let far = try XCTUnwrap(there).beginFile(
            source: "pbx", path: "/far.csv", name: "far.csv", size: 1, contentHash: "far", owner: elsewhere, at: 1)
        XCTAssertEqual(try here.fileEntry(id: far.id)?.status, .processing)
        let alongside = try here.beginFile(source: "pbx", path: "/far.csv", name: "far.csv", size: 1, contentHash: "far", at: 2)
        XCTAssertNotEqual(alongside.id, far.id, "an import still running is never taken")
        func interrupted() throws -> [String] {
            try MetricsEngine(store: here).checklist(at: now).filter { $0.kind == .importInterrupted }.map(\.reason)
        }
        XCTAssertEqual(try interrupted(), [])

        let killedHere = FileLedger.Owner(pid: Int32.max, start: FileLedger.Owner.current.start)
        let gone = try XCTUnwrap(there).beginFile(
            source: "pbx", path: "/k.csv", name: "k.csv", size: 1, contentHash: "killed", owner: killedHere, at: 3)
        XCTAssertEqual(try here.fileEntry(id: gone.id)?.status, .interrupted)
        XCTAssertEqual(try interrupted(), ["import of k.csv interrupted: nothing of it was kept; import it again"])

        there = nil
        let deadline = Date().addingTimeInterval(10)
        while try here.fileEntry(id: far.id)?.status == .processing, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertEqual(try here.fileEntry(id: far.id)?.status, .interrupted, "its connection closed")
        XCTAssertEqual(try interrupted(), ["import of far.csv interrupted: nothing of it was kept; import it again",
                                           "import of k.csv interrupted: nothing of it was kept; import it again"])
        let retry = try here.beginFile(source: "pbx", path: "/far2.csv", name: "far2.csv", size: 1, contentHash: "far", at: 4)
        XCTAssertEqual(retry.id, far.id, "the interrupted entry becomes the retry's")
        XCTAssertEqual(retry.retried?.owner, elsewhere)
        XCTAssertEqual(try here.fileEntry(id: far.id)?.status, .processing)
        XCTAssertEqual(try here.fileEntry(id: far.id)?.owner, .current)
    }

    /// A write holding more CDRs than `rowsPerSend` sends them as it goes, under one batch and one rollup mark
    /// widened by each send: a CDR repeated in a later chunk — after its first copy was sent — is counted new once;
    /// after a write killed past some sends, the re-run's figures count every CDR once.
    func testALargeWriteSendsAsItGoesAndStoresEachCDROnce() throws {
        var random = seededRandom()
        struct Killed: Error {}
        for cluster in [false, true] {
            let store = try ServerStore(TestServers.settings(cluster: cluster))
            store.rowsPerSend = 700
            let unique = randomRecords(4_000, endingAt: now, spread: 6 * 3_600, carriers: 2, using: &random)
            // Unsorted, with 600 repeated far from their first copy.
            let records = (unique + unique.prefix(600)).shuffled(using: &random)
            func rawRows() throws -> Int {
                try store.clickhouse[0].rows("SELECT count() FROM \(store.cdrTable)").first.flatMap { Int($0[0]) } ?? -1
            }
            func counts() throws -> RollupCounts? {
                try MetricsEngine(store: store).figures(from: now - 6 * 3_600 - 60, to: now, at: now)[0]?.counts
            }
            XCTAssertThrowsError(try store.write { session in
                for start in stride(from: 0, to: 2_000, by: 500) { try session.insertCDRs(Array(records[start..<start + 500])) }
                XCTAssertEqual(try store.dirtyRollupRanges(on: store.marks).count, 1, "one mark, widened")
                XCTAssertGreaterThanOrEqual(try rawRows(), 1_400, "sent as it went")
                throw Killed()
            })
            var new = 0
            try store.write { session in
                for start in stride(from: 0, to: records.count, by: 500) {
                    new += try session.insertCDRs(Array(records[start..<min(start + 500, records.count)]))
                }
            }
            XCTAssertEqual(new, unique.count, "cluster \(cluster): a repeat found among the CDRs this write sent")
            XCTAssertEqual(try counts(), BruteForce.counts(unique), "cluster \(cluster)")
            XCTAssertEqual(try store.dirtyRollupRanges(on: store.marks), [], "cluster \(cluster)")
            XCTAssertEqual(new, unique.count, "cluster \(cluster): a repeat found among the CDRs this write sent")        }
    }

    /// An importer killed after its CDRs reached ClickHouse and before its PostgreSQL commit (here: the insert sent,
    /// then the transaction rolled back): its CDRs count once meanwhile; the run that retries the file takes its
    /// interrupted entry and stores every CDR as new — the copies never committed — as SQLite would; a third run
    /// finds them all stored. Nothing doubled, nothing lost.
    func testAnImportStoppedBetweenItsClickHouseInsertAndItsCommitIsRetriedWithNothingDoubledNorLost() throws {
        var random = seededRandom()
        struct Killed: Error {}
        for cluster in [false, true] {
            let store = try ServerStore(TestServers.settings(cluster: cluster))
            let records = randomRecords(1_500, endingAt: now, spread: 6 * 3_600, carriers: 2, using: &random)
            let engine = MetricsEngine(store: store)
            func counts() throws -> RollupCounts? {
                try engine.figures(from: now - 6 * 3_600 - 60, to: now, at: now)[0]?.counts
            }
            let hash = ContentHash(of: "file \(cluster)").description
            let gone = FileLedger.Owner(pid: Int32.max, start: FileLedger.Owner.current.start)
            let killed = try store.beginFile(
                source: "pbx", path: "/f.csv", name: "f.csv", size: 1, contentHash: hash, owner: gone, at: now)
            XCTAssertThrowsError(try store.importTransaction { transaction in
                XCTAssertEqual(try transaction.insert(records) { _ in XCTFail("nothing is stored yet") }, records.count)
                try XCTUnwrap(transaction as? ServerImportTransaction).session.flushCDRs()
                throw Killed()
            }) { XCTAssertTrue($0 is Killed, "\($0)") }
            XCTAssertEqual(try counts(), BruteForce.counts(records), "cluster \(cluster): counted once before the retry")
            XCTAssertEqual(try store.fileEntry(id: killed.id)?.status, .interrupted)
            // One copy of each CDR so far: the rollups were recomputed without `FINAL`; after the retry, with it.
            func holdsCopies() throws -> Bool {
                try store.clickhouse.contains {
                    try ServerStore.holdsCopies(of: "start_at >= \(now - 7 * 3_600) AND start_at <= \(now)",
                                                in: "\(store.database).cdr_local", on: $0)
                }
            }
            XCTAssertFalse(try holdsCopies(), "cluster \(cluster)")

            let retry = try store.beginFile(source: "pbx", path: "/f.csv", name: "f.csv", size: 1, contentHash: hash, at: now)
            XCTAssertEqual(retry.id, killed.id)
            let new = try store.importTransaction { transaction in
                let new = try transaction.insert(records.shuffled(using: &random)) { _ in XCTFail("never committed") }
                let outcome = FileLedger.Outcome(
                    format: "native", read: records.count, accepted: records.count, rejected: 0, new: new, firstError: nil)
                try transaction.finishFile(retry.id, outcome, at: now)
                return new
            }
            XCTAssertEqual(new, records.count, "cluster \(cluster)")
            XCTAssertEqual(try store.fileEntry(id: retry.id)?.rowsNew, records.count)
            // (Unless ClickHouse merged the two copies' parts meanwhile: then one row per CDR is left.)
            let rows = try store.clickhouse.map {
                Int(try $0.rows("SELECT count() FROM \(store.database).cdr_local").first?.first ?? "") ?? -1
            }.reduce(0, +)
            XCTAssertTrue(try holdsCopies() || rows == records.count, "cluster \(cluster): \(rows) rows")
            XCTAssertEqual(try counts(), BruteForce.counts(records), "cluster \(cluster): once after the retry")

            var alreadyStored = 0
            XCTAssertEqual(try store.importTransaction { try $0.insert(records) { _ in alreadyStored += 1 } }, 0)
            XCTAssertEqual(alreadyStored, records.count)
            XCTAssertEqual(try counts(), BruteForce.counts(records), "cluster \(cluster)")
        }
    }

    /// A writer stopped between its commit and its rollup recompute (as if killed there) leaves its minutes marked:
    /// the rollup is stale there, and the figures, read from the CDRs for those minutes, still count every CDR. Once
    /// its connection is gone the next writer recomputes the minutes; `rebuild` recomputes a mark left by a writer
    /// still connected.
    func testAWriterStoppedBeforeItsRollupRecomputeIsReadFromTheCDRsUntilTheNextWriterRecomputes() throws {
        var random = seededRandom()
        for cluster in [false, true] {
            let settings = try TestServers.settings(cluster: cluster)
            let store = try ServerStore(settings)
            let engine = MetricsEngine(store: store)
            var written: [CallRecord] = []
            func write(_ prefix: String, _ count: Int, by writer: ServerStore) throws {
                let records = randomRecords(count, endingAt: now, spread: 3_600, carriers: 2, prefix: prefix, using: &random)
                XCTAssertEqual(try writer.write { try $0.insertCDRs(records) }, count)
                written += records
            }
            func check(_ what: String, stale: Int) throws {
                for grouping in [FigureGrouping.carrier] {
                    let figures = try engine.figures(from: now - 3_600 - 60, to: now, groupedBy: grouping, at: now)
                    XCTAssertEqual(figures.values.reduce(RollupCounts()) { $0 + $1.counts }, BruteForce.counts(written),
                                   "cluster \(cluster), \(grouping): \(what)")
                }
                var perSecond: [Int64: Int64] = [:]
                try store.read { try $0.attemptsPerSecond((now - 3_660)..<now) { perSecond[$0, default: 0] += $1 } }
                XCTAssertEqual(perSecond, Dictionary(grouping: written, by: \.startAt).mapValues { Int64($0.count) },
                               "cluster \(cluster), per second: \(what)")
                // Channel seconds per minute: each call spread over the minutes it spans, clipped to each.
                var spread: [Int64: Int64] = [:], channel: [Int64: Int64] = [:]
                for record in written where record.endAt > record.startAt {
                    for minute in stride(from: record.startAt / 60 * 60, to: record.endAt, by: 60) {
                        spread[minute, default: 0] += min(record.endAt, minute + 60) - max(record.startAt, minute)
                    }
                }
                let minutes = (now - 3_660) / 60 * 60..<(now / 60 * 60 + 60)
                try store.read { try $0.channelSeconds(minutes: minutes) { channel[$0, default: 0] += $1 } }
                XCTAssertEqual(channel, spread, "cluster \(cluster), channel seconds: \(what)")
                // Calls started and ended per second (the dashboard's live channels), and the calls overlapping a second.
                var changes: [Int64: [Int64]] = [:], counted: [Int64: [Int64]] = [:]
                for record in written {
                    changes[record.startAt, default: [0, 0]][0] += 1
                    changes[record.endAt, default: [0, 0]][1] += 1
                }
                try store.read { try $0.channelChanges((now - 7_230)..<(now + 3_615)) { counted[$0] = [$1, $2] } }
                XCTAssertEqual(counted, changes, "cluster \(cluster), calls started and ended per second: \(what)")
                for instant in [now - 1_800, now - 61] {
                    var overlapping = 0
                    try store.read {
                        try $0.finishedCalls(overlapping: instant..<(instant + 1), by: .total) { _, _, _ in overlapping += 1 }
                    }
                    let expected = written.filter { $0.endAt > instant && $0.startAt <= instant }.count
                    XCTAssertEqual(overlapping, expected, "cluster \(cluster), calls overlapping \(instant): \(what)")
                    XCTAssertEqual(try store.read { try $0.finishedCallCount(at: instant) }, expected,
                                   "cluster \(cluster), calls counted at \(instant): \(what)")
                }
                XCTAssertEqual(try store.dirtyRollupRanges(on: store.postgres).count, stale, "cluster \(cluster): \(what)")
            }
            /// The attempts the minute and the second rollups hold, and the calls the ended rollup holds, on every
            /// server read (each one's local tables on a cluster).
            func rolledUpAttempts() throws -> [Int] {
                try ["attempts) FROM \(store.rollupTable) FINAL WHERE grouped_by = 0",
                     "attempts) FROM \(store.secondRollupTable) FINAL", "ended) FROM \(store.endedRollupTable) FINAL"].map { sum in
                    try store.readNodes.reduce(0) { $0 + (Int(try $1.rows("SELECT sum(\(sum)")[0][0]) ?? -1) }
                }
            }
            try write("a", 400, by: store)
            try check("written and recomputed", stale: 0)

            var stopped: ServerStore? = try ServerStore(settings)
            stopped?.settlesRollups = false
            try write("b", 400, by: stopped!)
            // The rollup holds the first writer's CDRs only: reads ignoring the mark would miss the second's.
            XCTAssertEqual(try rolledUpAttempts(), [400, 400, 400], "cluster \(cluster)")
            try check("stopped before its recompute", stale: 1)

            // Killed: its connections close, and the next writer takes its mark over.
            let pid = try XCTUnwrap(stopped?.marks.execute("SELECT pg_backend_pid()").first?.int(0))
            stopped = nil
            let deadline = Date().addingTimeInterval(10)
            while try store.postgres.execute("SELECT 1 FROM pg_stat_activity WHERE pid = \(pid)")
                .count > 0, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
            try write("c", 20, by: store)
            XCTAssertEqual(try rolledUpAttempts(), [820, 820, 820], "cluster \(cluster)")
            try check("recomputed by the next writer", stale: 0)

            let running = try ServerStore(settings)
            running.settlesRollups = false
            try write("d", 100, by: running)
            try check("stopped again", stale: 1)
            XCTAssertGreaterThan(try store.rebuildAggregates(Retention(), at: now), 0)
            XCTAssertEqual(try rolledUpAttempts(), [920, 920, 920], "cluster \(cluster)")
            try check("rebuilt", stale: 0)
        }
    }

    /// Two writers ending together both find a killed writer's marks: each mark is taken over and recomputed by one of
    /// them, the other leaves it (before, both recomputed every one: at the bench's first import, everything twice).
    /// No mark is left and the figures, now from the rollups, count every CDR.
    func testAKilledWritersMarkIsRecomputedByOneOfTwoWritersEndingTogether() throws {
        var random = seededRandom()
        let settings = try TestServers.settings(cluster: true)
        var stopped: ServerStore? = try ServerStore(settings)
        stopped?.settlesRollups = false
        let records = randomRecords(300, endingAt: now, spread: 3_600, carriers: 2, using: &random)
        XCTAssertEqual(try stopped?.write { try $0.insertCDRs(records) }, 300)
        let pid = try XCTUnwrap(stopped?.marks.execute("SELECT pg_backend_pid()").first?.int(0))
        stopped = nil
        let first = try ServerStore(settings), second = try ServerStore(settings)
        let deadline = Date().addingTimeInterval(10)
        while try first.postgres.execute("SELECT 1 FROM pg_stat_activity WHERE pid = \(pid)").count > 0,
              Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        // Both at once; each says how many marks it recomputed (-1: it failed). Each orphan mark is recomputed by one
        // of them (the two may split them), never by both.
        let orphans = try first.dirtyRollupRanges(on: first.postgres).count
        XCTAssertGreaterThan(orphans, 0)
        let stores = [first, second]
        let settled = LockedCounts()
        DispatchQueue.concurrentPerform(iterations: stores.count) { index in
            settled.append((try? stores[index].settleOrphanRollups()) ?? -1)
        }
        XCTAssertFalse(settled.counts.contains(-1))
        XCTAssertEqual(settled.counts.reduce(0, +), orphans, "each orphan mark recomputed once")
        XCTAssertEqual(try first.dirtyRollupRanges(on: first.postgres), [])
        let figures = try MetricsEngine(store: second).figures(from: now - 3_600 - 60, to: now, groupedBy: .carrier, at: now)
        XCTAssertEqual(figures.values.reduce(RollupCounts()) { $0 + $1.counts }, BruteForce.counts(records))
    }

    /// CDR tables made before `ClickHouseSchema.billedSecondsColumn`: opened again, the column is added on every
    /// server and reads `billsec` for the CDRs stored before, so each with an answer time is billed as it was.
    func testCDRTablesMadeBeforeTheirBilledSecondsBillTheAnsweredCalls() throws {
        var random = seededRandom()
        let month = Period.month(year: 2026, month: 10)!
        for cluster in [false, true] {
            let settings = try TestServers.settings(cluster: cluster)
            let store = try ServerStore(settings)
            let customer = try store.addCustomer(.init(accountCode: "c", name: "C", channelsConfigured: 1, rateCardID: nil), createdAt: 0)
            let records: [CallRecord] = (0..<300).map { index in
                let start = Int64.random(in: month.from..<month.to, using: &random)
                let billsec = Int.random(in: 0...600, using: &random)
                return CallRecord.make(key: "b\(index)", start: start, answerAfter: billsec > 0 ? 2 : nil,
                                       end: start + 2 + Int64(billsec), billsec: billsec, customer: customer,
                                       sell: Int64(billsec) * 1_000)
            }
            try store.write { try $0.insertCDRs(records) }
            for node in store.clickhouse {
                for table in cluster ? ["cdr_local", "cdr_all"] : ["cdr_local"] {
                    try node.query("ALTER TABLE \(store.database).\(table) DROP COLUMN \(ClickHouseSchema.billedSecondsColumn)")
                }
            }
            let reopened = try ServerStore(settings)
            let draft = try reopened.createDraft(customerID: customer, period: month, at: 1)
            let billed = records.filter { $0.billsec > 0 }
            XCTAssertEqual(draft.cdrCount, billed.count, "cluster \(cluster)")
            XCTAssertEqual(draft.subtotal.micros, billed.reduce(0) { $0 + $1.sell!.micros }, "cluster \(cluster)")
            XCTAssertEqual(try reopened.read { try $0.invoicedCDRs(invoiceID: draft.id) }.map(\.billsec).reduce(0, +),
                           billed.reduce(0) { $0 + $1.billsec }, "cluster \(cluster)")
        }
    }

    /// A shard added: a store on one ClickHouse server, then opened on the two-shard cluster whose first shard that
    /// server is. Every CDR is still on the first server (the figures right meanwhile); `reshard` moves each to the
    /// server its key's shard names — where the Distributed table and the writers put it — in pieces, and makes the
    /// rollups again: the figures equal a brute force, and a second run moves nothing.
    func testReshardAfterAShardIsAddedMovesEachCDRToItsShard() throws {
        var random = seededRandom()
        let single = try TestServers.settings(cluster: false)
        var clustered = single
        clustered.clickhouse = try TestServers.running.get().clickhouse(cluster: true)
        let before = try ServerStore(single)
        let carrier = try before.addCarrier(name: "K", channelsConfigured: 9, rateCardID: nil)
        var records = randomRecords(3_000, endingAt: now, spread: 6 * 3_600, carriers: 1, using: &random)
        for index in records.indices { records[index].carrierID = carrier }
        try before.write { try $0.insertCDRs(records) }

        let store = try ServerStore(clustered)
        let shards = try XCTUnwrap(store.shards)
        /// Per server, its CDRs and those of them another server's shard holds by the map.
        func placement() throws -> [(held: Int, misplaced: Int)] {
            try store.clickhouse.enumerated().map { index, node in
                let keys = try node.rows("SELECT row_key FROM \(store.database).cdr_local").compactMap { Int64($0[0]) }
                return (keys.count, keys.filter { shards.node(ofRowKey: $0) != index }.count)
            }
        }
        let misplaced = try placement()
        XCTAssertEqual(misplaced.map(\.held), [records.count, 0])
        XCTAssertGreaterThan(misplaced[0].misplaced, records.count / 3)
        func figure() throws -> RollupCounts? {
            try MetricsEngine(store: store).figures(from: now - 6 * 3_600 - 60, to: now, groupedBy: .carrier, at: now)[carrier]?.counts
        }
        XCTAssertEqual(try figure(), BruteForce.counts(records), "before the reshard")

        store.rowsPerSend = 400
        var notes: [String] = []
        let moves = try store.reshard { notes.append($0) }
        XCTAssertEqual(moves, [ReshardMove(from: store.clickhouse[0].server, to: store.clickhouse[1].server,
                                           cdrs: misplaced[0].misplaced)])
        XCTAssertTrue(notes.contains { $0.hasPrefix("copying \(misplaced[0].misplaced) CDRs") }, "\(notes)")
        let after = try placement()
        XCTAssertEqual(after.map(\.misplaced), [0, 0])
        XCTAssertEqual(after.map(\.held).reduce(0, +), records.count)
        XCTAssertEqual(try store.dirtyRollupRanges(on: store.postgres), [])
        XCTAssertEqual(try figure(), BruteForce.counts(records), "after the reshard, from the rollups made again")
        XCTAssertEqual(try store.reshard(), [], "a second run moves nothing")
        XCTAssertThrowsError(try before.reshard()) {
            XCTAssertTrue("\($0)".contains("reshard: needs the servers of a cluster"), "\($0)")
        }
    }

    /// ClickHouse's Int64 `sum` wraps silently; the store sums money as Decimal128 and refuses a total beyond 64 bits.
    /// A store whose rollups were made before `ClickHouseSchema.rollupGranularity`: opened, its rollup tables are
    /// made again with it on every server and everything is marked, so its figures stay right (read from the CDRs)
    /// until the next writer recomputes every rollup.
    func testRollupsMadeBeforeTheirGranularityAreMadeAgainAndRecomputed() throws {
        var random = seededRandom()
        for cluster in [false, true] {
            let settings = try TestServers.settings(cluster: cluster)
            let store = try ServerStore(settings)
            let carrier = try store.addCarrier(name: "K", channelsConfigured: 9, rateCardID: nil)
            var records = randomRecords(400, endingAt: now - 600, spread: 3 * 3_600, carriers: 1, using: &random)
            for index in records.indices { records[index].carrierID = carrier }
            try store.write { try $0.insertCDRs(records) }
            // As made before: two rollups with ClickHouse's default granules (left empty: only a remake fills them).
            for node in store.clickhouse {
                for table in ["rollup_minute", "rollup_hour"] {
                    try node.query("DROP TABLE \(store.database).\(table)")
                    try node.query(ClickHouseSchema.rollupTable(table, database: store.database)
                        .replacingOccurrences(of: "SETTINGS \(ClickHouseSchema.rollupGranularity)", with: ""))
                }
            }
            let reopened = try ServerStore(settings)
            for node in reopened.clickhouse {
                let engines = try node.rows("""
                    SELECT name, engine_full FROM system.tables WHERE database = '\(store.database)' AND name LIKE 'rollup_%'
                        AND engine NOT LIKE 'Distributed%' ORDER BY name
                    """)
                XCTAssertEqual(engines.map { String($0[0]) }, ClickHouseSchema.rollupTables.sorted(), "cluster \(cluster)")
                XCTAssertTrue(engines.allSatisfy { $0[1].contains(ClickHouseSchema.rollupGranularity) },
                              "cluster \(cluster): \(engines)")
            }
            XCTAssertEqual(try reopened.dirtyRollupRanges(on: reopened.postgres).count, 1, "cluster \(cluster)")
            let expected = BruteForce.counts(records.filter { $0.startAt >= now - 4 * 3_600 })
            func figure() throws -> RollupCounts? {
                try MetricsEngine(store: reopened).figures(from: now - 4 * 3_600, to: now, groupedBy: .carrier, at: now)[carrier]?.counts
            }
            XCTAssertEqual(try figure(), expected, "cluster \(cluster): marked, read from the CDRs")
            // The next writer recomputes every rollup: the figures then come from them, the same.
            let late = randomRecords(1, endingAt: now - 30, spread: 60, carriers: 1, prefix: "late", using: &random)
                .map { record -> CallRecord in
                    var record = record
                    record.carrierID = carrier
                    return record
                }
            try reopened.write { try $0.insertCDRs(late) }
            XCTAssertEqual(try reopened.dirtyRollupRanges(on: reopened.postgres), [], "cluster \(cluster)")
            XCTAssertEqual(try figure(), BruteForce.counts(records.filter { $0.startAt >= now - 4 * 3_600 } + late),
                           "cluster \(cluster): recomputed")
        }
    }

    /// Every write recomputes hours and adds parts to the hour rollup; a writer merges each month's parts into one
    /// (at most every 10 s), on every server, and the figures read from it stay the brute-force count.
    func testAWriterMergesTheHourRollupsPartsOfEachMonth() throws {
        var random = seededRandom()
        let store = try ServerStore(try TestServers.settings(cluster: true))
        let carrier = try store.addCarrier(name: "K", channelsConfigured: 9, rateCardID: nil)
        func parts() throws -> [Int] {
            try store.clickhouse.map { node in
                try node.rows("""
                    SELECT count() FROM system.parts WHERE database = '\(store.database)' AND table = 'rollup_hour'
                        AND active GROUP BY partition ORDER BY partition
                    """).map { Int($0[0]) ?? -1 }
            }.flatMap { $0 }
        }
        var written: [CallRecord] = []
        for batch in 0..<4 {
            var records = randomRecords(50, endingAt: now, spread: 5 * 3_600, carriers: 1, prefix: "b\(batch)-", using: &random)
            for index in records.indices { records[index].carrierID = carrier }
            try store.write { try $0.insertCDRs(records) }
            written += records
        }
        let unmerged = try parts()
        XCTAssertTrue(unmerged.contains { $0 > 1 }, "writes within 10 s leave parts: \(unmerged)")
        store.hourPartsMerged = 0
        var last = randomRecords(5, endingAt: now, spread: 3_600, carriers: 1, prefix: "last", using: &random)
        for index in last.indices { last[index].carrierID = carrier }
        try store.write { try $0.insertCDRs(last) }
        written += last
        XCTAssertEqual(try parts(), [1, 1], "one part per month on each shard")
        let figures = try MetricsEngine(store: store).figures(from: now - 6 * 3_600, to: now, groupedBy: .carrier, at: now)
        XCTAssertEqual(figures[carrier]?.counts, BruteForce.counts(written))
    }

    func testAMoneySumBeyond64BitsIsAnErrorNotAWrappedFigure() throws {
        var random = seededRandom()
        let store = try ServerStore(TestServers.settings(cluster: true))
        var records = randomRecords(3, endingAt: now, spread: 60, carriers: 1, using: &random)
        // One second, so that one SQL sum holds all three (the engine adds parts of several buckets itself).
        for index in records.indices {
            records[index].startAt = now - 30
            records[index].endAt = now - 10
            records[index].carrierID = nil
            records[index].sell = Money(micros: Int64.max / 2)
        }
        try store.write { try $0.insertCDRs(records) }
        XCTAssertThrowsError(try MetricsEngine(store: store).figures(from: now - 120, to: now, at: now)) { error in
            guard case ServerStoreError.overflow(let server, let what) = error else {
                return XCTFail("not an overflow: \(error)")
            }
            XCTAssertTrue(server.hasPrefix("clickhouse http://127.0.0.1:"), server)
            XCTAssertEqual(what, "the sum of sell_micros")
        }
    }

    /// A server that does not answer: the message names it (host, port, database), says unreachable, and never
    /// carries the password.
    func testAServerDownIsNamedWithoutItsPassword() throws {
        let closedPort = 9  // discard: nothing listens on loopback here
        let settings = ServerSettings(
            postgres: "postgres://termdash@127.0.0.1:\(closedPort)/ledger", clickhouse: ["http://127.0.0.1:\(closedPort)"],
            postgresCredentials: ServerCredentials(user: "termdash", password: "s3cret-pw"), timeoutSeconds: 2)
        XCTAssertThrowsError(try ServerStore(settings)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("postgres 127.0.0.1:\(closedPort)/postgres: store unreachable"), message)
            XCTAssertFalse(message.contains("s3cret-pw"), message)
        }
        let running = try TestServers.settings(cluster: false)
        var clickhouseDown = running
        clickhouseDown.clickhouse = ["http://127.0.0.1:\(closedPort)"]
        clickhouseDown.clickhouseCredentials = ServerCredentials(user: "default", password: "s3cret-pw")
        // The HTTP client retries a refused connection until the timeout.
        clickhouseDown.timeoutSeconds = 2
        XCTAssertThrowsError(try ServerStore(clickhouseDown)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("clickhouse http://127.0.0.1:\(closedPort): store unreachable"), message)
            XCTAssertFalse(message.contains("s3cret-pw"), message)
        }
    }
}

/// Errors collected from several threads.
private final class LockedCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []

    var counts: [Int] { lock.withLock { values } }

    func append(_ count: Int) { lock.withLock { values.append(count) } }
}

private final class LockedErrors: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var errors: [any Error] = []

    func append(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        errors.append(error)
    }
}
