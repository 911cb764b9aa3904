import Foundation

/// Imports CDR files into the store: every row rated and counted into the rollups in the same transaction as the
/// row itself, each file in one transaction so a killed import leaves nothing of it behind, and every row keyed by
/// its content so a second import of the same rows adds nothing. The file is read a window at a time (`FileBytes`,
/// `CSVRecords`: an import holds a few MB of it, whatever its size), mapped and rated on a thread of its own
/// (`RecordProducer`) while the caller's thread writes (the store is the larger half of the work).
public struct CDRImporter: Sendable {
    public let store: any ImportSink
    /// How many rows the reading thread hands the writing one at a time (the first batches are smaller); also how
    /// often progress is reported and rejected rows are written, inside the file's transaction.
    public var batchSize = 20_000
    /// How many rollup rows the import keeps in memory before it writes them (a file is counted whole below that).
    public var rollupRows = 400_000
    /// How many rejected rows the report carries (all of them are stored).
    public var reportedRejects = 20
    /// How much of the file is read at a time (`CSVRecords`): what an import holds of it.
    public var windowBytes = 8 << 20

    public init(store: any ImportSink) { self.store = store }

    public func importFile(
        at path: String, source: ImportSource, now: Int64 = Int64(Date().timeIntervalSince1970),
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportReport {
        let file = try FileBytes(path: path)
        let name = (path as NSString).lastPathComponent
        guard let hash = try file.contentHash()?.description else { throw ImportError.changedWhileRead(path: path) }

        // Content imported before is not read again: the run is recorded as a copy of the entry that imported it.
        if let original = try store.fileEntry(source: source.name, contentHash: hash) {
            let copy = try store.recordCopy(of: original, path: path, name: name, size: Int64(file.count), at: now)
            return ImportReport(
                path: path, fileID: copy.id, format: original.format, status: .success, read: original.rowsRead,
                accepted: original.rowsAccepted, rejected: original.rowsRejected, new: 0, alreadyImported: true,
                firstError: original.firstError, rejects: [], newCustomers: [], newCarriers: [], original: original,
                retried: copy.retried)
        }
        // A run that failed or was interrupted is retried in its entry; else this run gets one of its own.
        let attempt = try store.beginFile(
            source: source.name, path: path, name: name, size: Int64(file.count), contentHash: hash, at: now)
        do {
            var report = try importRows(
                file, path: path, fileID: attempt.id, source: source, now: now, progress: progress)
            report.retried = attempt.retried
            return report
        } catch {
            // Nothing of the file was kept: it is recorded as failed, with the reason, and no row counted. (When
            // the store cannot take even that, the entry stays `processing` and reads `interrupted` once this
            // process has ended.)
            let reason = (error as? ImportError)?.description ?? "\(error)"
            let outcome = FileLedger.Outcome(format: nil, read: 0, accepted: 0, rejected: 0, new: 0, firstError: reason)
            try? store.finishFile(attempt.id, outcome, at: now)
            guard case ImportError.startsMoved = error else { throw error }
            return ImportReport(
                path: path, fileID: attempt.id, format: nil, status: .error, read: 0, accepted: 0, rejected: 0, new: 0,
                alreadyImported: false, firstError: reason, rejects: [], newCustomers: [], newCarriers: [],
                retried: attempt.retried)
        }
    }

    /// Imports the rows in one write transaction (the file's entry is already `processing`).
    private func importRows(
        _ file: FileBytes, path: String, fileID: Int64, source: ImportSource, now: Int64,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportReport {
        try store.importTransaction { transaction in
            try importRows(
                file, path: path, fileID: fileID, source: source, now: now, progress: progress, into: transaction)
        }
    }

    private func importRows(
        _ file: FileBytes, path: String, fileID: Int64, source: ImportSource, now: Int64,
        progress: ((ImportProgress) -> Void)?, into transaction: any ImportTransaction
    ) throws -> ImportReport {
        var report = ImportReport(
            path: path, fileID: fileID, format: nil, status: .error, read: 0, accepted: 0, rejected: 0, new: 0,
            alreadyImported: false, firstError: nil, rejects: [], newCustomers: [], newCarriers: [])
        func finish() throws -> ImportReport {
            report.new -= try transaction.storedMeanwhile()
            // Good rows, none of them new: stored by the entry that first imported this content (an import of it
            // that ran at the same time and committed first), whose duplicate this run is.
            if report.accepted > 0, report.new == 0 {
                report.original = try transaction.firstImport(ofSameContentAs: fileID)
            }
            let outcome = FileLedger.Outcome(
                format: report.format, read: report.read, accepted: report.accepted, rejected: report.rejected,
                new: report.new, firstError: report.firstError, duplicateOf: report.original?.id)
            try transaction.finishFile(fileID, outcome, at: now)
            report.status = outcome.status
            if report.read == 0, report.firstError == nil { report.firstError = "the file holds no rows" }
            return report
        }

        var reader: CDRFileReader
        switch CDRFileReader.open(source: file, windowSize: windowBytes, format: source.format,
                                  customColumns: source.customColumns, zone: source.zone) {
        case .success(let opened): reader = opened
        case .failure(let error):
            report.firstError = error.description
            // UTF-16 text has no records to speak of: the file is refused as a whole, with the reason.
            if error.kind == .notUTF8 { return try finish() }
            // A file that cannot be read as any format still has rows: each is read and rejected, with why that
            // row fits no format (or why the format could not be told), so accepted + rejected = read holds.
            let sample = Array(CSVRecords(source: file, windowSize: windowBytes).prefix(FormatDetection.sampleSize))
            var rejects: [FileLedger.Reject] = []
            var records = CSVRecords(source: file, windowSize: windowBytes)
            while let record = records.next() {
                report.read += 1
                report.rejected += 1
                let reason = FormatDetection.rejection(
                    of: record, sample: sample, customColumns: source.customColumns, error: error)
                let reject = FileLedger.Reject(line: record.line, raw: record.raw, reason: reason)
                if report.rejects.count < reportedRejects { report.rejects.append(reject) }
                rejects.append(reject)
                if rejects.count >= batchSize {
                    try transaction.addRejects(rejects, toFile: fileID)
                    rejects.removeAll(keepingCapacity: true)
                }
            }
            if let failure = records.failure { throw failure }
            try transaction.addRejects(rejects, toFile: fileID)
            guard file.isUnchanged else { throw ImportError.changedWhileRead(path: path) }
            return try finish()
        }
        report.format = reader.parser.layout.format.rawValue
        let producer = RecordProducer(
            reader: reader, source: source, fileID: fileID, directory: try transaction.accountDirectory(),
            rater: Rater(tables: try transaction.rateTables()), batchSize: batchSize, rollupRows: rollupRows,
            reportedRejects: reportedRejects, estimatedRecords: file.count / 200,
            countsRollups: transaction.takesRollupDeltas)
        try producer.run { batches in
            // The rollups of records that turn out to be stored already: taken back out of the reading side's
            // counts before those are written.
            var corrections = RollupAccumulator()
            while let batch = batches.take() {
                if let first = batch.firstRow {
                    if let earlier = try transaction.earlierStart(ofFirstRow: first.key, start: first.start, excludingFile: fileID) {
                        throw ImportError.startsMoved(
                            line: first.line, earlierFile: earlier.name, earlierStart: earlier.start, start: first.start)
                    }
                    try transaction.noteFirstRow(ofFile: fileID, key: first.key, start: first.start)
                }
                try transaction.createAccounts(batch.creations, firstSeenIn: fileID, at: now)
                report.new += try transaction.insert(batch.records) { corrections.remove($0) }
                try transaction.addRejects(batch.rejects, toFile: fileID)
                if var deltas = batch.rollups {
                    if !corrections.isEmpty { deltas.add(corrections.deltas()) }
                    try transaction.write(deltas)
                    corrections = RollupAccumulator()
                }
                if let registrations = batch.registrations { try transaction.storeRegistrations(registrations.byMinute) }
                progress?(ImportProgress(bytesRead: batch.bytesRead, bytesTotal: file.count, rows: batch.rowsRead))
                batches.recycle(batch)
            }
        }
        report.read = producer.read
        report.accepted = producer.accepted
        report.rejected = producer.rejected
        report.firstError = producer.firstError
        report.rejects = producer.reportedRejectList
        report.newCustomers = producer.newCustomers
        report.newCarriers = producer.newCarriers
        // Read a window at a time: a file written to meanwhile is not the one its hash names.
        guard file.isUnchanged else { throw ImportError.changedWhileRead(path: path) }
        return try finish()
    }
}
