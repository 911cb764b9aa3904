import GRDB

/// One write transaction of the SQLite store.
struct SQLiteWriteSession: StoreWriteSession {
    let db: Database

    func insertCDRs(_ records: [CallRecord]) throws -> Int {
        try CDRWriter.insert(records, in: db)
    }

    func startCalls(_ calls: [CallInProgress]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO calls_in_progress (call_key, source, start_at, answer_at, customer_id, carrier_id, did_id,
                src, dst, caller_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for call in calls {
            try statement.execute(arguments: [
                call.callKey, call.source, call.startAt, call.answerAt, call.customerID, call.carrierID, call.didID,
                call.src, call.dst, call.callerName,
            ])
        }
    }

    func answerCall(_ callKey: String, at: Int64) throws {
        try db.execute(sql: "UPDATE calls_in_progress SET answer_at = ? WHERE call_key = ?", arguments: [at, callKey])
    }

    func endCalls(_ callKeys: [String]) throws {
        let statement = try db.cachedStatement(sql: "DELETE FROM calls_in_progress WHERE call_key = ?")
        for key in callKeys { try statement.execute(arguments: [key]) }
    }

    func dropCallsInProgress(source: String) throws {
        try db.execute(sql: "DELETE FROM calls_in_progress WHERE source = ?", arguments: [source])
    }

    func updateRegistrations(adding added: [Registration], removing removedEndpoints: [String]) throws {
        let delete = try db.cachedStatement(sql: "DELETE FROM registrations WHERE endpoint = ?")
        for endpoint in removedEndpoints { try delete.execute(arguments: [endpoint]) }
        let insert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO registrations (endpoint, customer_id, contact, registered_at, expires_at)
            VALUES (?, ?, ?, ?, ?)
            """)
        for registration in added {
            try insert.execute(arguments: [
                registration.endpoint, registration.customerID, registration.contact, registration.registeredAt,
                registration.expiresAt,
            ])
        }
    }

    func removeRegistrations(endpointSuffix suffix: String) throws {
        // substr rather than LIKE: the suffix is data, and LIKE would read its % and _ as wildcards.
        try db.execute(
            sql: "DELETE FROM registrations WHERE substr(endpoint, -length(?)) = ?", arguments: [suffix, suffix])
    }

    func sampleRegistrations(_ samples: [(minute: Int64, registrations: Int)]) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO registration_samples (minute, registrations) VALUES (?, ?)")
        for sample in samples { try statement.execute(arguments: [sample.minute, sample.registrations]) }
    }

    func pruneAggregates(_ retention: Retention, at now: Int64) throws {
        try Aggregates.prune(retention, at: now, in: db)
    }

    func accountDirectory() throws -> AccountDirectory {
        try SQLiteAccounts.directory(in: db)
    }

    func createAccounts(_ creations: [AccountDirectory.Creation], at now: Int64) throws {
        try SQLiteAccounts.create(creations, firstSeenIn: nil, at: now, in: db)
    }

    func rateTables() throws -> [Int64: RateTable] {
        try SQLiteAccounts.rateTables(in: db)
    }

    func feed(named name: String) throws -> FeedState? {
        try Row.fetchOne(db, sql: "SELECT name, kind, cursor, down_since, checked_at FROM feeds WHERE name = ?",
                         arguments: [name]).map(SQLiteReadSession.feedState)
    }

    func storeFeed(_ feed: FeedState) throws {
        try db.execute(sql: """
            INSERT INTO feeds (name, kind, cursor, down_since, checked_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, cursor = excluded.cursor,
                down_since = excluded.down_since, checked_at = excluded.checked_at
            """, arguments: [feed.name, feed.kind, feed.cursor, feed.downSince, feed.checkedAt])
    }
}
