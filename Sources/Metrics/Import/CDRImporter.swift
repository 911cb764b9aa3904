import Foundation
import GRDB

/// What importing one file did.
public struct ImportReport: Sendable, Equatable {
    public var path: String
    public var fileID: Int64?
    public var format: String?
    public var status: FileLedger.Status
    /// Rows read = accepted + rejected. Accepted rows are in the store (new, or already there from an earlier
    /// import of the same rows); rejected rows are in `cdr_rejects` with their line and reason.
    public var read: Int
    public var accepted: Int
    public var rejected: Int
    public var new: Int
    /// The file's content was imported before, with this outcome; nothing was read again.
    public var alreadyImported: Bool
    public var firstError: String?
    /// The first rejected rows, for the command's report.
    public var rejects: [FileLedger.Reject]
    public var newCustomers: [String]
    public var newCarriers: [String]
}

/// Where an import is, for a progress bar.
public struct ImportProgress: Sendable {
    public var bytesRead: Int
    public var bytesTotal: Int
    public var rows: Int

    public init(bytesRead: Int, bytesTotal: Int, rows: Int) {
        self.bytesRead = bytesRead
        self.bytesTotal = bytesTotal
        self.rows = rows
    }
}

/// Imports CDR files into the store: every row rated and counted into the rollups in the same transaction as the
/// row itself, each file in one transaction so a killed import leaves nothing of it behind, and every row keyed by
/// its content so a second import of the same rows adds nothing. The file is read, mapped and rated on a thread of
/// its own (`RecordProducer`) while the caller's thread writes (SQLite is the larger half of the work).
public struct CDRImporter: Sendable {
    public let store: SQLiteStore
    /// How many rows the reading thread hands the writing one at a time (the first batches are smaller); also how
    /// often progress is reported and rejected rows are written, inside the file's transaction.
    public var batchSize = 20_000
    /// How many rollup rows the import keeps in memory before it writes them (a file is counted whole below that).
    public var rollupRows = 400_000
    /// How many rejected rows the report carries (all of them are stored).
    public var reportedRejects = 20
    /// The write connection's page cache during an import.
    public var cacheKilobytes = 256 * 1_024

    public init(store: SQLiteStore) { self.store = store }

    public func importFile(
        at path: String, source: ImportSource, now: Int64 = Int64(Date().timeIntervalSince1970),
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportReport {
        let bytes = try ImportError.readFile(path)
        let name = (path as NSString).lastPathComponent
        let hash = ContentHash(of: bytes).description

        // An earlier import of this content that finished is the answer; one that was killed or failed is retried.
        if let done = try store.read({ try FileLedger.entry(source: source.name, contentHash: hash, in: $0) }),
            done.status == .success
        {
            return ImportReport(
                path: path, fileID: done.id, format: done.format, status: done.status, read: done.rowsRead,
                accepted: done.rowsAccepted, rejected: done.rowsRejected, new: 0, alreadyImported: true,
                firstError: done.firstError, rejects: [], newCustomers: [], newCarriers: [])
        }
        let fileID = try store.write { db in
            try FileLedger.begin(
                source: source.name, path: path, name: name, size: Int64(bytes.count), contentHash: hash, at: now,
                in: db)
        }
        do {
            return try importRows(bytes, path: path, fileID: fileID, source: source, now: now, progress: progress)
        } catch let error as ImportError {
            guard case .startsMoved = error else { throw error }
            // Nothing of the file was kept: it is recorded as failed, with the reason, and no row counted.
            let outcome = FileLedger.Outcome(
                format: nil, read: 0, accepted: 0, rejected: 0, new: 0, firstError: error.description)
            try store.write { db in try FileLedger.finish(fileID, outcome, at: now, in: db) }
            return ImportReport(
                path: path, fileID: fileID, format: nil, status: .error, read: 0, accepted: 0, rejected: 0, new: 0,
                alreadyImported: false, firstError: error.description, rejects: [], newCustomers: [], newCarriers: [])
        }
    }

    /// Imports the rows in one write transaction (the file's entry is already `processing`).
    private func importRows(
        _ bytes: [UInt8], path: String, fileID: Int64, source: ImportSource, now: Int64,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportReport {
        try store.writeWithoutTransaction { db in
            // Every customer, carrier and DID id a CDR of the import names exists by construction: the accounts
            // are read inside the transaction, which holds the write lock from its start (nobody can delete one),
            // and those first seen are inserted before the rows that name them (`AccountDirectory`). SQLite's own
            // check would look each of them up again for every row, a sixth of the insert's cost: it is off for
            // this transaction (the pragma cannot change inside one) and back on after it, whatever happens.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var report: ImportReport?
            try db.inTransaction(.immediate) {
                // A page cache that holds the pages the file's rows touch keeps the inserts off the disk.
                try db.execute(sql: "PRAGMA cache_size = -\(cacheKilobytes)")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                report = try importRows(
                    bytes, path: path, fileID: fileID, source: source, now: now, progress: progress, in: db)
                return .commit
            }
            return report!
        }
    }

    private func importRows(
        _ bytes: [UInt8], path: String, fileID: Int64, source: ImportSource, now: Int64,
        progress: ((ImportProgress) -> Void)?, in db: Database
    ) throws -> ImportReport {
        var report = ImportReport(
            path: path, fileID: fileID, format: nil, status: .error, read: 0, accepted: 0, rejected: 0, new: 0,
            alreadyImported: false, firstError: nil, rejects: [], newCustomers: [], newCarriers: [])
        func finish() throws -> ImportReport {
            let outcome = FileLedger.Outcome(
                format: report.format, read: report.read, accepted: report.accepted, rejected: report.rejected,
                new: report.new, firstError: report.firstError)
            try FileLedger.finish(fileID, outcome, at: now, in: db)
            report.status = outcome.status
            if report.read == 0, report.firstError == nil { report.firstError = "the file holds no rows" }
            return report
        }

        var reader: CDRFileReader
        switch CDRFileReader.open(bytes: bytes, format: source.format, customColumns: source.customColumns, zone: source.zone) {
        case .success(let opened): reader = opened
        case .failure(let error):
            // A file that cannot be read as any format still has rows: each is read and rejected, with the
            // reason the format could not be told, so accepted + rejected = read holds for every file.
            report.firstError = error.description
            var rejects: [FileLedger.Reject] = []
            for record in CSVReader(bytes: bytes) {
                report.read += 1
                report.rejected += 1
                let reject = FileLedger.Reject(line: record.line, raw: record.raw, reason: record.error ?? error.description)
                if report.rejects.count < reportedRejects { report.rejects.append(reject) }
                rejects.append(reject)
            }
            try FileLedger.addRejects(rejects, file: fileID, in: db)
            return try finish()
        }
        report.format = reader.parser.layout.format.rawValue
        let producer = RecordProducer(
            reader: reader, source: source, fileID: fileID, directory: try AccountDirectory(in: db),
            rater: Rater(tables: try Accounts.rateTables(in: db)), batchSize: batchSize, rollupRows: rollupRows,
            reportedRejects: reportedRejects, estimatedRecords: bytes.count / 200)
        try producer.run { batches in
            let inserter = try CDRWriter.Inserter(db)
            // The rollups of records that turn out to be stored already: taken back out of the reading side's
            // counts before those are written.
            var corrections = RollupAccumulator()
            while let batch = batches.take() {
                if let first = batch.firstRow {
                    if let earlier = try FileLedger.earlierStart(of: first.key, start: first.start, excluding: fileID, in: db) {
                        throw ImportError.startsMoved(
                            line: first.line, earlierFile: earlier.name, earlierStart: earlier.start, start: first.start)
                    }
                    try FileLedger.noteFirstRow(fileID, key: first.key, start: first.start, in: db)
                }
                try AccountDirectory.create(batch.creations, file: fileID, at: now, in: db)
                try inserter.holdingConnection {
                    for record in batch.records {
                        if try inserter.insert(record) {
                            report.new += 1
                        } else {
                            corrections.remove(record)
                        }
                    }
                }
                try FileLedger.addRejects(batch.rejects, file: fileID, in: db)
                if var deltas = batch.rollups {
                    if !corrections.isEmpty { deltas.add(corrections.deltas()) }
                    try deltas.write(into: db)
                    corrections = RollupAccumulator()
                }
                if let registrations = batch.registrations { _ = try registrations.store(in: db) }
                progress?(ImportProgress(bytesRead: batch.bytesRead, bytesTotal: bytes.count, rows: batch.rowsRead))
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
        return try finish()
    }
}

/// How many times each record's content has been seen in the file so far: the n-th identical line gets its own
/// row key. An open-addressing set of the content hashes (already uniformly mixed, so their low bits are the slot)
/// with 16-byte slots, plus a dictionary of the few seen more than once: it runs once per row, where a `Dictionary`
/// spent most of its time hashing the hash again.
final class OccurrenceCounter {
    /// A content hash seen in the file; (0, 0) marks an empty slot (so zeroed memory is an empty table; the hash of
    /// a record that really is (0, 0) is kept aside).
    private struct Slot {
        var high: UInt64
        var low: UInt64
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var size: Int
    private var used = 0
    /// Occurrences of the hashes seen more than once (identical lines are rare).
    private var repeats: [ContentHash: Int] = [:]
    private var zeroSeen = false

    /// `capacity`: about how many records the file holds (the table grows past that if need be, so it is never
    /// more than 70 % full).
    init(capacity: Int = 1 << 13) {
        size = 16
        while size * 7 < capacity * 10 { size <<= 1 }
        slots = Self.zeroed(size)
    }

    deinit { slots.deallocate() }

    private static func zeroed(_ count: Int) -> UnsafeMutablePointer<Slot> {
        let memory = UnsafeMutablePointer<Slot>.allocate(capacity: count)
        memory.initialize(repeating: Slot(high: 0, low: 0), count: count)
        return memory
    }

    /// How often `hash` was seen before this call (0 the first time), and counts this one.
    func next(_ hash: ContentHash) -> Int {
        guard hash.high != 0 || hash.low != 0 else {
            defer { zeroSeen = true }
            return zeroSeen ? repeated(hash) : 0
        }
        if (used + 1) * 10 > size * 7 { grow() }
        let mask = size - 1
        var index = Int(truncatingIfNeeded: hash.low) & mask
        while slots[index].high != 0 || slots[index].low != 0 {
            if slots[index].high == hash.high, slots[index].low == hash.low { return repeated(hash) }
            index = (index + 1) & mask
        }
        slots[index] = Slot(high: hash.high, low: hash.low)
        used += 1
        return 0
    }

    /// Counts another copy of a hash seen before; returns how many copies came before it.
    private func repeated(_ hash: ContentHash) -> Int {
        let earlier = repeats[hash, default: 1]
        repeats[hash] = earlier + 1
        return earlier
    }

    private func grow() {
        let larger = Self.zeroed(size * 2)
        let mask = size * 2 - 1
        for old in 0..<size where slots[old].high != 0 || slots[old].low != 0 {
            var index = Int(truncatingIfNeeded: slots[old].low) & mask
            while larger[index].high != 0 || larger[index].low != 0 { index = (index + 1) & mask }
            larger[index] = slots[old]
        }
        slots.deallocate()
        slots = larger
        size *= 2
    }
}

/// A native registrations file's samples as the store keeps them: the network's registrations per minute. A
/// minute with a total row takes it; otherwise the customers' samples of that minute are added up. Writing a
/// minute again replaces it, so a re-import changes nothing.
struct RegistrationTotals {
    private var totals: [Int64: Int] = [:]
    private var perCustomer: [Int64: Int] = [:]

    mutating func add(_ sample: RegistrationSample) {
        let minute = TimeBucket.minute.start(of: sample.at)
        if sample.customer == nil {
            totals[minute] = sample.registrations
        } else {
            perCustomer[minute, default: 0] += sample.registrations
        }
    }

    /// Returns how many minutes were written.
    func store(in db: Database) throws -> Int {
        let minutes = perCustomer.merging(totals) { _, total in total }
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO registration_samples (minute, registrations) VALUES (?, ?)")
        for (minute, registrations) in minutes { try statement.execute(arguments: [minute, registrations]) }
        return minutes.count
    }
}

/// A source's customer, carrier and DID columns, resolved once per file to positions in its layout. The usual
/// columns (accountcode, dstchannel, dst) are read from the parsed row rather than the raw fields.
struct FieldMapping {
    private enum Column {
        case none, accountCode, dstChannel, channel, dst, src, field(Int)
    }

    private let customerColumn: Column
    private let carrierColumn: Column
    private let didColumn: Column
    private let defaultCarrier: String
    private let carrierIsChannel: Bool
    /// Channel names repeat per trunk with a new sequence number each call; most rows hit this cache of the last one.
    private var lastChannel = ("", "")

    init(layout: ColumnLayout, source: ImportSource) {
        func column(_ name: String?) -> Column {
            guard let name, let index = layout.index(of: name) else { return .none }
            switch name {
            case "accountcode": return .accountCode
            case "dstchannel": return .dstChannel
            case "channel": return .channel
            case "dst", "destination_number": return .dst
            case "src", "caller_id_number": return .src
            default: return .field(index)
            }
        }
        customerColumn = column(source.customerField)
        carrierColumn = column(source.carrierField)
        didColumn = column(source.didField)
        defaultCarrier = source.defaultCarrier ?? ""
        carrierIsChannel = source.carrierField.map { $0.lowercased().contains("channel") } ?? false
    }

    private func value(_ column: Column, of row: SwitchRow) -> String {
        switch column {
        case .none: return ""
        case .accountCode: return row.accountCode
        case .dstChannel: return row.dstChannel
        case .channel: return row.channel
        case .dst: return row.dst
        case .src: return row.src
        case .field(let index): return index < row.fields.count ? row.fields[index] : ""
        }
    }

    func customer(of row: SwitchRow) -> String {
        if let customer = row.customer { return customer }
        return Self.trimmed(value(customerColumn, of: row))
    }

    mutating func carrier(of row: SwitchRow) -> String {
        if let carrier = row.carrier, !carrier.isEmpty { return carrier }
        let raw = value(carrierColumn, of: row)
        guard !raw.isEmpty else { return defaultCarrier }
        guard carrierIsChannel else { return Self.trimmed(raw) }
        if raw == lastChannel.0 { return lastChannel.1 }
        let trunk = ImportSource.trunk(ofChannel: raw)
        lastChannel = (raw, trunk)
        return trunk
    }

    func did(of row: SwitchRow) -> String? {
        if let did = row.did, !did.isEmpty { return did }
        let value = Self.trimmed(value(didColumn, of: row))
        return value.isEmpty ? nil : value
    }

    /// Without surrounding spaces; the common case (none) allocates nothing.
    static func trimmed(_ text: String) -> String {
        guard text.utf8.first == 0x20 || text.utf8.last == 0x20 else { return text }
        var utf8 = text.utf8[...]
        while utf8.first == 0x20 { utf8 = utf8.dropFirst() }
        while utf8.last == 0x20 { utf8 = utf8.dropLast() }
        return String(Substring(utf8))
    }
}

public enum ImportError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// The file's first row was imported before (from `earlierFile`) with another start: the source's zone is not
    /// the one it was read in then. Importing the file would store its rows a second time, at other times.
    case startsMoved(line: Int, earlierFile: String, earlierStart: Int64, start: Int64)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read the file: \(reason)"
        case .startsMoved(let line, let earlierFile, let earlierStart, let start):
            let shift = start - earlierStart
            return "line \(line) was imported before from \(earlierFile) starting \(Self.hours(shift)) "
                + (shift > 0 ? "earlier" : "later")
                + " (UTC): this source's zone is not the one it was read in then; importing would store its rows "
                + "twice, at other times (import it with the zone used before)"
        }
    }

    private static func hours(_ seconds: Int64) -> String {
        let minutes = abs(seconds) / 60
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }

    /// The whole file, or the system's reason it cannot be read ("No such file or directory", "Is a directory").
    static func readFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw unreadable(path: path, reason: "not a regular file") }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw unreadable(path: path, reason: String(cString: strerror(errno))) }
            if count == 0 { break }  // shrank while being read
            done += count
        }
        return done == bytes.count ? bytes : Array(bytes.prefix(done))
    }
}
