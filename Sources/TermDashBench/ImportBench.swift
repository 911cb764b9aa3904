import ArgumentParser
import Foundation
import SQLiteReference
import Metrics

/// `termdash-bench import [--rows N] [--runs K]`: the DESIGN.md bar "Import of Asterisk CSV with rating and rollups:
/// ≥ 200,000 CDRs/s". A generated Asterisk Master.csv of N rows (about 20 calls a second from 200 customers over 40
/// carrier trunks, rated prefixes,
/// 16–21 columns, one bad row in a thousand) is imported K times, each into a fresh store holding the accounts and
/// rate cards; the median rows/s over the runs is the figure.
struct ImportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Times the import of a generated Asterisk Master.csv with rating and rollups, in rows per second.")

    static let bar = 200_000.0

    @Option(help: ArgumentHelp("Rows in the generated Asterisk file.", valueName: "N"))
    var rows: WholeNumber = 1_000_000

    @Option(help: ArgumentHelp("Timed imports, each into a fresh store.", valueName: "K"))
    var runs: WholeNumber = 3

    func validate() throws {
        try WholeNumber.require([("--rows", rows, 1), ("--runs", runs, 1)])
    }

    func run() throws { try BenchCommand.reportingErrors(measure) }

    private func measure() throws {
        let options = (rows: rows.value, runs: runs.value)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("termdash-import-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let file = directory.appendingPathComponent("Master.csv").path
        note("generating \(options.rows) Asterisk rows…")
        let expectedBad = try MasterCSV.write(rows: options.rows, to: file)
        let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.intValue ?? 0

        var seconds: [Double] = []
        var last: ImportReport?
        for run in 1...options.runs {
            let path = directory.appendingPathComponent("store-\(run).db").path
            let store = try SQLiteStore(path: path)
            try MasterCSV.prepareAccounts(in: store)
            note("import \(run) of \(options.runs)…")
            let started = DispatchTime.now().uptimeNanoseconds
            let report = try CDRImporter(store: store).importFile(at: file, source: ImportSource(name: "bench"))
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            note(String(format: "  %.2f s", seconds.last!))
            guard report.read == options.rows, report.rejected == expectedBad,
                report.accepted + report.rejected == report.read, report.new == report.accepted
            else {
                throw BenchmarkError("import \(run): \(report.read) read, \(report.accepted) accepted, \(report.rejected) rejected; expected \(options.rows) read with \(expectedBad) bad; first error: \(report.firstError ?? "none")")
            }
            let stored = try PlainSQL(path: path).storedRows().cdrs
            guard stored == report.accepted else {
                throw BenchmarkError("import \(run): \(stored) CDRs stored for \(report.accepted) accepted")
            }
            last = report
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let stats = Stats(seconds)
        let rate = Double(options.rows) / stats.median
        let lines = [
            "termdash-bench import: Asterisk cdr_csv with rating and rollups (\(BenchCommand.build))",
            "file        \(options.rows) rows, \(size / 1_000_000) MB; \(last?.rejected ?? 0) bad rows rejected",
            String(format: "import      median %.2f s (min %.2f, max %.2f; %d runs, each into a fresh store)",
                   stats.median, stats.min, stats.max, seconds.count),
            String(format: "rate        %.0f rows/s (median)", rate),
            String(format: "bar         >= %.0f rows/s: %.0f rows/s  %@", Self.bar, rate, rate >= Self.bar ? "PASS" : "FAIL"),
        ]
        print(lines.joined(separator: "\n"))
    }
}

/// The generated Master.csv and the accounts it refers to.
enum MasterCSV {
    static let customers = 200
    static let carriers = 40
    static let prefixes = ["1", "44", "4420", "41", "4179", "49", "33", "39", "34", "61", "81", "86", "91", "7", "55"]

    /// Writes the file of rows `first..<first + rows`, row i starting at `base + i / perSecond`; returns how many
    /// of its rows are bad on purpose. The same arguments give the same file. Written in pieces, so a file of
    /// tens of millions of rows never sits in memory.
    static func write(rows: Int, to path: String, from first: Int = 0, base: Int64 = 1_763_000_000,
                      perSecond: Int = 20, seed: UInt64 = 42) throws -> Int {
        var random = RandomSource(seed: seed)
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let file = FileHandle(forWritingAtPath: path) else {
            throw BenchmarkError("cannot write \(path)")
        }
        defer { try? file.close() }
        var out = [UInt8]()
        out.reserveCapacity(min(rows, 100_000) * 200)
        var bad = 0
        let formatter = TimeText()
        for row in first..<(first + rows) {
            let customer = Int(random.next() % UInt64(customers))
            let carrier = Int(random.next() % UInt64(carriers))
            let prefix = prefixes[Int(random.next() % UInt64(prefixes.count))]
            let number = prefix + String(100_000_000 + random.next() % 900_000_000)
            // By default about 20 calls a second, as a busy switch writes them: 1 M rows are some 14 hours.
            let start = base + Int64(row / perSecond)
            let answered = random.next() % 100 < 55
            let ring = Int64(random.next() % 20)
            let billsec = answered ? Int64(1 + random.next() % 600) : 0
            let end = start + ring + billsec
            let disposition = answered ? "ANSWERED" : ["NO ANSWER", "BUSY", "FAILED", "CONGESTION"][Int(random.next() % 4)]
            let columns = [16, 17, 18, 18, 18, 21][Int(random.next() % 6)]
            var fields = [
                "c\(customer)", "\"+4122\(1_000_000 + customer)\"", number, "from-customer",
                "\"\"\"Caller \(customer)\"\" <\(1_000_000 + customer)>\"", "SIP/c\(customer)-\(String(row, radix: 16))",
                "SIP/carrier\(carrier)-\(String(row &* 7, radix: 16))", "Dial", "\"SIP/carrier\(carrier)/\(number),60\"",
                formatter.text(start), answered ? formatter.text(start + ring) : "", formatter.text(end),
                String(end - start), String(billsec), disposition, "DOCUMENTATION",
            ]
            if columns >= 17 { fields.append("\"\(start).\(row)\"") }
            if columns >= 18 { fields.append("") }
            if columns == 21 { fields += ["", "\(start).\(row)", String(row)] }
            if row % 1_000 == 999 {
                fields[13] = "abc"  // a bad billsec: rejected with its line
                bad += 1
            }
            out += Array(fields.joined(separator: ",").utf8)
            out.append(0x0A)
            if out.count >= 16_000_000 {
                try file.write(contentsOf: out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try file.write(contentsOf: out)
        return bad
    }

    /// Customers c0…c199 on one sell card and carriers carrier0…carrier39 on one buy card, as a billing admin would
    /// have set them up before importing.
    static func prepareAccounts(in store: any StoreLedger) throws {
        let sell = try store.addRateCard(
            name: "retail", direction: .sell,
            rates: prefixes.map { Rate(prefix: $0, perMinute: Money(micros: 20_000 + Int64($0.count) * 3_000), initialSeconds: 30, incrementSeconds: 6) })
        let buy = try store.addRateCard(
            name: "wholesale", direction: .buy,
            rates: prefixes.map { Rate(prefix: $0, perMinute: Money(micros: 12_000 + Int64($0.count) * 2_000), initialSeconds: 1, incrementSeconds: 1) })
        for customer in 0..<customers {
            try store.addCustomer(
                Accounts.NewCustomer(accountCode: "c\(customer)", name: "Customer \(customer)", channelsConfigured: 30, rateCardID: sell),
                createdAt: 1_763_000_000)
        }
        for carrier in 0..<carriers {
            try store.addCarrier(name: "carrier\(carrier)", channelsConfigured: 100, rateCardID: buy)
        }
    }
}

/// "YYYY-MM-DD HH:MM:SS" in UTC, without a formatter per row.
struct TimeText {
    func text(_ seconds: Int64) -> String {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - day * 86_400
        // Civil from days (Howard Hinnant's algorithm).
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(y)-\(two(m))-\(two(d)) \(two(rest / 3_600)):\(two(rest / 60 % 60)):\(two(rest % 60))"
    }
}
