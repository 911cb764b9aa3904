import Foundation

/// The reading side of an import: parses the file, maps accounts, rates, keys and counts each row on a thread of
/// its own, while the caller's thread (the one holding the store's write transaction) inserts what it has made.
/// Nothing here touches the store: accounts first seen get their ids from `AccountDirectory` and are created by the
/// writer, in the same transaction.
final class RecordProducer: @unchecked Sendable {
    private var reader: CDRFileReader
    private let source: ImportSource
    private let fileID: Int64
    private var directory: AccountDirectory
    private let rater: Rater
    private var mapping: FieldMapping
    private let batchSize: Int
    private let rollupRows: Int
    /// False when the store recomputes its rollups from the CDRs and ignores deltas (the servers): none are counted.
    private let countsRollups: Bool
    private let reportedRejects: Int
    private let estimatedRecords: Int

    // What the file held; read once `run` has returned.
    private(set) var read = 0
    private(set) var accepted = 0
    private(set) var rejected = 0
    private(set) var firstError: String?
    private(set) var reportedRejectList: [FileLedger.Reject] = []
    var newCustomers: [String] { directory.newCustomers }
    var newCarriers: [String] { directory.newCarriers }
    private var failure: (any Error)?

    init(
        reader: CDRFileReader, source: ImportSource, fileID: Int64, directory: AccountDirectory, rater: Rater,
        batchSize: Int, rollupRows: Int, reportedRejects: Int, estimatedRecords: Int = 0, countsRollups: Bool = true
    ) {
        self.countsRollups = countsRollups
        self.estimatedRecords = estimatedRecords
        self.reader = reader
        self.source = source
        self.fileID = fileID
        self.directory = directory
        self.rater = rater
        mapping = FieldMapping(layout: reader.parser.layout, source: source)
        self.batchSize = max(1, batchSize)
        self.rollupRows = rollupRows
        self.reportedRejects = reportedRejects
    }

    /// Reads the file on a new thread while `write` takes its batches on this one. Returns once both are done; if
    /// either fails, the other stops and the error is thrown (the caller's transaction then keeps nothing).
    func run(_ write: (ImportBatches) throws -> Void) throws {
        // A few batches in flight: enough to ride out uneven speeds, little memory.
        let full = Handoff<ImportBatch>(capacity: 3)
        let empty = Handoff<ImportBatch>(capacity: 8)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            produce(into: full, recycled: empty)
            done.signal()
        }
        thread.name = "termdash import reader"
        thread.stackSize = 1 << 22
        thread.start()
        // Whatever happened, the reader has ended before this returns: cancelling unblocks one still waiting to
        // hand over a batch (after the writer failed).
        do {
            try write(ImportBatches(full: full, empty: empty))
        } catch {
            full.cancel()
            done.wait()
            throw error
        }
        full.cancel()
        done.wait()
        if let failure { throw failure }
    }

    private func produce(into full: Handoff<ImportBatch>, recycled empty: Handoff<ImportBatch>) {
        var batch = ImportBatch()
        batch.records.reserveCapacity(batchSize)
        var rollups = RollupAccumulator()
        let occurrences = OccurrenceCounter(capacity: estimatedRecords)
        var limit = min(batchSize, 512)
        var firstRowSeen = false
        var registrations: RegistrationTotals?
        var bytesRead = 0
        func send(last: Bool) -> Bool {
            batch.creations = directory.takeCreations()
            if last || rollups.count >= rollupRows {
                batch.rollups = rollups.deltas()
                rollups = RollupAccumulator()
            }
            if last { batch.registrations = registrations }
            batch.bytesRead = bytesRead
            batch.rowsRead = read
            guard full.put(batch) else { return false }
            if let reused = empty.poll() {
                batch = reused
                batch.clear()
            } else {
                batch = ImportBatch()
                batch.records.reserveCapacity(batchSize)
            }
            return true
        }
        do {
            while let item = reader.next() {
                read += 1
                switch consume item {
                case .rejected(let error, let record):
                    bytesRead += record.rawBytes.count + 1
                    rejected += 1
                    let reject = FileLedger.Reject(line: error.line, raw: record.raw, reason: error.reason)
                    if firstError == nil { firstError = "line \(error.line): \(error.reason)" }
                    if reportedRejectList.count < reportedRejects { reportedRejectList.append(reject) }
                    batch.rejects.append(reject)
                case .registration(let sample):
                    accepted += 1
                    registrations = registrations ?? RegistrationTotals()
                    registrations?.add(sample)
                case .call(let row):
                    bytesRead += row.rawBytes.count + 1
                    accepted += 1
                    // Identical rows in one file are distinct CDRs: the n-th copy gets its own key, the same one
                    // each time the file is read.
                    let hash = ContentHash(of: row.rawBytes)
                    let record = try callRecord(row, rowKey: RowKey(record: hash, occurrence: occurrences.next(hash)))
                    if countsRollups { rollups.add(record) }
                    if !firstRowSeen {
                        firstRowSeen = true
                        batch.firstRow = (row.line, record.rowKey, record.startAt)
                    }
                    batch.records.append(record)
                }
                // The first batches are small, so that the writer starts at once.
                if batch.records.count + batch.rejects.count >= limit {
                    guard send(last: false) else { return }
                    limit = min(batchSize, limit * 4)
                }
            }
            // A window that could not be read ends the records early: the import fails rather than keep half.
            if let failure = reader.failure { throw failure }
            guard send(last: true) else { return }
            full.finish()
        } catch {
            failure = error
            full.cancel()
        }
    }

    private func callRecord(_ row: SwitchRow, rowKey: RowKey) throws -> CallRecord {
        let customer = try directory.customer(mapping.customer(of: row))
        let carrier = try directory.carrier(mapping.carrier(of: row))
        let did = try mapping.did(of: row).map { try directory.did($0, customer: customer?.id) } ?? nil
        let answered = row.answerAt != nil && row.billsec > 0
        let (sell, buy) = rater.prices(
            sellCard: customer?.rateCardID, buyCard: carrier?.rateCardID, dialled: row.dst, billsec: row.billsec,
            answered: answered)
        return CallRecord(
            source: source.name, rowKey: rowKey, callKey: row.callKey, legID: row.legID, startAt: row.startAt,
            answerAt: row.answerAt, endAt: row.endAt, duration: row.duration, billsec: row.billsec,
            disposition: row.disposition, hangupCause: row.hangupCause, customerID: customer?.id,
            carrierID: carrier?.id, didID: did, src: row.src, dst: row.dst, callerName: row.callerName,
            dtmfDigits: row.dtmfDigits,
            sell: sell, buy: buy, fileID: fileID, line: row.line)
    }
}
