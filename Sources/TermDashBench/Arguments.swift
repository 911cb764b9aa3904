import Foundation

/// `termdash-bench [--cdrs N] [--runs K] [--baseline-runs K] [--days D] [--store PATH] [--keep]`, parsed by hand so
/// the benchmark depends on Metrics and GRDB only.
struct Arguments {
    var cdrs = 10_000_000
    var runs = 15
    var baselineRuns = 5
    var days = 7
    var storePath: String?
    var keep = false

    static let usage = """
        usage: termdash-bench [--cdrs N] [--runs K] [--baseline-runs K] [--days D] [--store PATH] [--keep]

        Times a snapshot of every pane the metrics engine serves, on a store of about N CDRs, against the same
        figures computed by plain SQL over the raw cdrs table, after checking that both give the same figures.

          --cdrs N           CDRs in the store (default 10000000)
          --runs K           timed snapshot runs, after one warm-up (default 15)
          --baseline-runs K  timed plain-SQL runs, after one checking run (default 5)
          --days D           days of simulated history holding the CDRs (default 7)
          --store PATH       the store; reused when an earlier run built it for about N CDRs less than
                             5 days ago (its history ends at the latest weekday 14:37:23 UTC before the
                             build, and the engine's retention runs from the wall clock); otherwise rebuilt
                             (default: a temporary directory, removed at the end unless --keep)
          --keep             keep the temporary store and print its path
        """

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ arguments: [String]) throws -> Arguments {
        var result = Arguments()
        var rest = arguments[...]
        func value(for option: String) throws -> String {
            guard let value = rest.popFirst() else { throw Invalid(description: "\(option) needs a value") }
            return value
        }
        func positive(_ option: String, minimum: Int = 1) throws -> Int {
            let text = try value(for: option).replacingOccurrences(of: "_", with: "")
            guard let number = Int(text), number >= minimum else {
                throw Invalid(description: "\(option) takes a whole number of at least \(minimum), not '\(text)'")
            }
            return number
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--cdrs": result.cdrs = try positive(argument, minimum: 1_000)
            case "--runs": result.runs = try positive(argument)
            case "--baseline-runs": result.baselineRuns = try positive(argument)
            case "--days": result.days = try positive(argument)
            case "--store": result.storePath = try value(for: argument)
            case "--keep": result.keep = true
            case "-h", "--help":
                print(usage)
                exit(0)
            default: throw Invalid(description: "unknown argument '\(argument)'\n\(usage)")
            }
        }
        guard result.days <= 400 else { throw Invalid(description: "--days must be at most 400") }
        return result
    }
}
