import Foundation
import XCTest

/// `make bench-cluster`'s command line, run tiny: its own PostgreSQL and two-shard ClickHouse start, two importers
/// load the generated files, the engine's figures equal plain SQL's, and the servers are gone afterwards.
final class ClusterBenchCommandLineTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.benchBinary),
                          "build first: \(EndToEnd.benchBinary) is missing")
    }

    /// The arguments the Makefile's `bench-cluster` target gives termdash-bench.
    private func makefileArguments() throws -> [String] {
        let makefile = try String(contentsOf: EndToEnd.packageRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        let recipe = try XCTUnwrap(makefile.split(separator: "\n").first {
            $0.hasPrefix("\t") && $0.contains("termdash-bench cluster ")
        }, "no recipe line runs termdash-bench cluster in the Makefile")
        return Array(recipe.split(separator: " ").map(String.init).drop { !$0.hasSuffix("/termdash-bench") }.dropFirst())
    }

    /// Command lines of the running processes that name `text` (the servers are started with their folder's path).
    private func processes(naming text: String) -> [String] {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.filter { Int($0) != nil } ?? []
        return pids.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
            return line.contains(text) ? line : nil
        }
    }

    func testTheMakefilesCommandLoadsTheClusterAndStopsIt() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let makefile = try makefileArguments()
        XCTAssertEqual(makefile, ["cluster", "--folder", ".build/bench-cluster", "--cdrs", "$(BENCH_CLUSTER_CDRS)",
                                  "$(BENCH_CLUSTER_ARGS)"])
        let folder = directory.appendingPathComponent("cluster").path
        let arguments = makefile.flatMap { argument -> [String] in
            switch argument {
            case ".build/bench-cluster": return [folder]
            case "$(BENCH_CLUSTER_CDRS)": return ["2_000"]
            case "$(BENCH_CLUSTER_ARGS)": return ["--runs", "1", "--baseline-runs", "1"]
            default: return [argument]
            }
        }
        let run = try EndToEnd.run(EndToEnd.benchBinary, arguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        // 2,000 rows, one bad in a thousand (rows 999 and 1999): 1,998 CDRs, all of them stored once.
        XCTAssertTrue(run.stdout.contains("CDRs        1,998 stored (2 bad rows rejected)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("by two concurrent `termdash import` processes: "), run.stdout)
        XCTAssertTrue(run.stdout.contains("figures     engine == plain SQL over the raw ClickHouse table: "), run.stdout)
        XCTAssertTrue(run.stdout.contains("1998 calls in the last 24 h"), run.stdout)
        XCTAssertTrue(run.stdout.contains("1 runs after 1 warm-up"), "--runs 1 was taken:\n\(run.stdout)")
        XCTAssertTrue(run.stdout.contains("per million CDRs"), run.stdout)
        for bar in ["bar         load >= 200,000 CDRs/s: ", "bar         snapshot <= 100 ms: "] {
            XCTAssertTrue(run.stdout.contains(bar), "\(bar) missing:\n\(run.stdout)")
        }
        XCTAssertEqual(processes(naming: folder), [], "the servers are stopped at the end")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "the folder is removed without --keep")
    }
}
