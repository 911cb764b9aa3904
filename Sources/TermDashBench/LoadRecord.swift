import Foundation

/// What `termdash-bench cluster` loaded into the servers it keeps (`--keep`), written beside them so `--reuse` can
/// measure the same CDRs again (at the same instant) without loading them anew: one `name value…` line per field.
struct LoadRecord {
    static let fileName = "loaded.txt"

    /// The instant the traffic ends at, the snapshots' `now`.
    var instant: Int64
    var good: Int
    var rejected: Int
    var cps: Int
    /// Seconds from the first importer's start to the last one's exit, and each importer's.
    var load: (total: Double, each: [Double])
    /// The ledger's bytes before the import.
    var ledgerBefore: Int64

    init(instant: Int64, good: Int, rejected: Int, cps: Int, load: (total: Double, each: [Double]), ledgerBefore: Int64) {
        self.instant = instant
        self.good = good
        self.rejected = rejected
        self.cps = cps
        self.load = load
        self.ledgerBefore = ledgerBefore
    }

    init(contentsOf path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var fields: [String: [Substring]] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            if let name = words.first { fields[String(name)] = Array(words.dropFirst()) }
        }
        func whole(_ name: String) throws -> Int64 {
            guard let word = fields[name]?.first, let value = Int64(word) else {
                throw BenchmarkError("\(path): no whole number for \(name)")
            }
            return value
        }
        guard let seconds = fields["load"]?.compactMap({ Double($0) }), seconds.count == (fields["load"]?.count ?? 0),
              let total = seconds.first else {
            throw BenchmarkError("\(path): no load seconds")
        }
        self.init(instant: try whole("instant"), good: Int(try whole("good")), rejected: Int(try whole("rejected")),
                  cps: Int(try whole("cps")), load: (total, Array(seconds.dropFirst())),
                  ledgerBefore: try whole("ledger-before"))
    }

    func write(to path: String) throws {
        let seconds = ([load.total] + load.each).map { String($0) }.joined(separator: " ")
        try """
            instant \(instant)
            good \(good)
            rejected \(rejected)
            cps \(cps)
            load \(seconds)
            ledger-before \(ledgerBefore)

            """.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
