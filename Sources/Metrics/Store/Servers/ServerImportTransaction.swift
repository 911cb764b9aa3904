import Metrics
import PostgresNIO

/// An import's transaction on a servers store (`ServerStore.importTransaction`): the ledger's part on PostgreSQL in
/// the store's transaction; the file's CDRs collected by a write session and sent to ClickHouse, only those not
/// stored yet, just before the commit.
///
/// Accounts first seen: the reading side names them with ids of its own (`AccountDirectory`, counting on from the
/// largest id stored or reserved when the import began). `createAccounts` reserves each name's id for good
/// (`ServerAccounts.reserve`, committed at once, so another import naming it meanwhile gets the same id), and the
/// CDRs are sent with the reserved ids: the same ones unless another writer took ids meanwhile. The accounts'
/// rows are created in this transaction at its end (`createAccountRows`), so a failed import leaves no account.
final class ServerImportTransaction: ImportTransaction {
    private let store: ServerStore
    let session: ServerWriteSession
    private var link: PostgresLink { store.postgres }
    /// The reading side's ids of accounts first seen → the reserved ones, where they differ.
    private var customerIDs: [Int64: Int64] = [:]
    private var carrierIDs: [Int64: Int64] = [:]
    private var didIDs: [Int64: Int64] = [:]
    /// The accounts reserved, with their reserved ids, to create at the end; and the file and time they carry.
    private var reserved: [AccountDirectory.Creation] = []
    private var firstSeen: (file: Int64, at: Int64)?
    /// The last batch recorded when the import began (`ServerLock.cdrBatches`): every one up to it was committed
    /// before the import looked for stored CDRs; later ones are looked at by `storedMeanwhile`.
    private let lastBatchAtStart: Int64
    let phases = ImportPhases()

    init(store: ServerStore, lastBatchAtStart: Int64) {
        self.store = store
        self.lastBatchAtStart = lastBatchAtStart
        session = ServerWriteSession(store: store)
    }

    /// The import's end, in this order so that no two writers wait for each other in a circle: the CDRs sent, the
    /// accounts' rows created (which may wait for another import creating the same ones, past its own batch
    /// lock), then `ServerLock.cdrBatches` taken and held until the commit. Each step is done once.
    func finishWriting() throws {
        try phases.time("send to ClickHouse") { try session.sendCDRs() }
        try phases.time("accounts' rows") { try createAccountRows() }
        try phases.time("wait for the batch lock") { try ServerLock.cdrBatches.take(on: link) }
    }

    /// Two importers at once may both find a CDR not stored and send it: the one that commits second must not
    /// count it as new (as on SQLite, where it would have found it). Holding `ServerLock.cdrBatches`, the batches
    /// committed since this import began whose starts overlap its own are compared with what it sent.
    func storedMeanwhile() throws -> Int {
        try finishWriting()
        guard let range = session.sentRange else { return 0 }
        return try phases.time("stored meanwhile") {
            let batches = try link.execute("""
                SELECT id FROM cdr_batches WHERE seq > $1 AND first_start <= $3 AND last_start >= $2
                """, [PostgresData(int64: lastBatchAtStart), PostgresData(int64: range.first),
                      PostgresData(int64: range.last)])
                .map { try $0.text(0) }
            return try session.sentCDRs(alsoIn: batches)
        }
    }

    func accountDirectory() throws -> AccountDirectory {
        try ServerAccounts.directory(link, lockingTables: false)
    }

    /// The rate cards as they are now (read inside this transaction), so an import prices as on SQLite.
    func rateTables() throws -> [Int64: RateTable] { try store.loadRateTables() }

    func earlierStart(ofFirstRow key: RowKey, start: Int64, excludingFile file: Int64) throws
        -> (name: String, start: Int64)?
    {
        try ServerFileLedger.earlierStart(of: key, start: start, excluding: file, on: link)
    }

    func noteFirstRow(ofFile file: Int64, key: RowKey, start: Int64) throws {
        try ServerFileLedger.noteFirstRow(file, key: key, start: start, on: link)
    }

    /// Reserves the accounts' ids (committed at once, see the type's comment); their rows come at the end.
    func createAccounts(_ creations: [AccountDirectory.Creation], firstSeenIn file: Int64, at now: Int64) throws {
        guard !creations.isEmpty else { return }
        let names: [(kind: ServerAccountKind, name: String)] = creations.map { creation in
            switch creation {
            case .customer(_, let accountCode): (.customer, accountCode)
            case .carrier(_, let name): (.carrier, name)
            case .did(_, let number, _): (.did, number)
            }
        }
        let ids = try phases.time("reserve ids") { try ServerAccounts.reserve(names, on: store.accountIDs) }
        for (creation, id) in zip(creations, ids) {
            switch creation {
            case .customer(let given, let accountCode):
                if given != id { customerIDs[given] = id }
                reserved.append(.customer(id: id, accountCode: accountCode))
            case .carrier(let given, let name):
                if given != id { carrierIDs[given] = id }
                reserved.append(.carrier(id: id, name: name))
            case .did(let given, let number, let customer):
                if given != id { didIDs[given] = id }
                reserved.append(.did(id: id, number: number, customer: customer.map { customerIDs[$0] ?? $0 }))
            }
        }
        firstSeen = (file, now)
    }

    /// Creates the rows of the accounts reserved (see `ServerAccounts.createRows`).
    func createAccountRows() throws {
        guard let firstSeen, !reserved.isEmpty else { return }
        try ServerAccounts.createRows(reserved, firstSeenIn: firstSeen.file, at: firstSeen.at, link)
        reserved = []
    }

    func insert(_ records: [CallRecord], alreadyStored: (CallRecord) -> Void) throws -> Int {
        guard !customerIDs.isEmpty || !carrierIDs.isEmpty || !didIDs.isEmpty else {
            return try phases.time("check stored keys") {
                try session.insertCDRs(records, alreadyStored: alreadyStored)
            }
        }
        // Only ids the reading side gave (above the largest when the import began) are in the maps.
        let reservedIDs = records.map { record in
            var record = record
            record.customerID = record.customerID.map { customerIDs[$0] ?? $0 }
            record.carrierID = record.carrierID.map { carrierIDs[$0] ?? $0 }
            record.didID = record.didID.map { didIDs[$0] ?? $0 }
            return record
        }
        return try phases.time("check stored keys") {
            try session.insertCDRs(reservedIDs, alreadyStored: alreadyStored)
        }
    }

    func addRejects(_ rejects: [FileLedger.Reject], toFile file: Int64) throws {
        try ServerFileLedger.addRejects(rejects, file: file, on: link)
    }

    /// The servers' rollups are recomputed from the CDRs after the commit (ServerStore+Rollups), not fed deltas.
    func write(_ deltas: RollupDeltas) throws {}

    var takesRollupDeltas: Bool { false }

    func storeRegistrations(_ registrationsByMinute: [Int64: Int]) throws {
        try session.sampleRegistrations(registrationsByMinute.map { (minute: $0.key, registrations: $0.value) })
    }

    func firstImport(ofSameContentAs file: Int64) throws -> FileLedger.Entry? {
        try ServerFileLedger.firstImport(ofSameContentAs: file, on: link)
    }

    func finishFile(_ file: Int64, _ outcome: FileLedger.Outcome, at now: Int64) throws {
        try ServerFileLedger.finish(file, outcome, at: now, on: link)
    }
}
