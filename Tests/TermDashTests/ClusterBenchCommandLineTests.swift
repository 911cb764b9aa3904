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
        // The dashboard too: its hour's history and quality table, computed both ways.
        XCTAssertTrue(run.stdout.contains(" minutes of history (figures, "), run.stdout)
        XCTAssertTrue(run.stdout.contains("carriers' quality"), run.stdout)
        XCTAssertTrue(run.stdout.contains("memory      the largest importer's peak: "), run.stdout)
        XCTAssertTrue(run.stdout.contains("1 runs after 1 warm-up"), "--runs 1 was taken:\n\(run.stdout)")
        XCTAssertTrue(run.stdout.contains("per million CDRs"), run.stdout)
        for bar in ["bar         load >= 200,000 CDRs/s: ", "bar         snapshot <= 100 ms: "] {
            XCTAssertTrue(run.stdout.contains(bar), "\(bar) missing:\n\(run.stdout)")
        }
        XCTAssertEqual(processes(naming: folder), [], "the servers are stopped at the end")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "the folder is removed without --keep")
    }
    /// `--keep` leaves the servers' data and what was loaded; `--reuse` measures the same CDRs again without loading
    /// them (the load reported is the one measured then), and a run that would load over them is refused.
    func testAKeptFolderIsMeasuredAgainWithReuse() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("cluster").path
        let first = try EndToEnd.run(EndToEnd.benchBinary, [
            "cluster", "--folder", folder, "--cdrs", "4000", "--file-rows", "1000", "--keep", "--runs", "1",
            "--baseline-runs", "1"])
        XCTAssertEqual(first.status, 0, first.stderr)
        // Two importers, two files of 1,000 rows each, one bad row in each file.
        XCTAssertTrue(first.stdout.contains("CDRs        3,996 stored (4 bad rows rejected)"), first.stdout)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("Master-") }.sorted()
        XCTAssertEqual(files, ["Master-1-2.csv", "Master-1.csv", "Master-2-2.csv", "Master-2.csv"])
        let load = try XCTUnwrap(first.stdout.split(separator: "\n").first { $0.hasPrefix("load ") })

        let again = try EndToEnd.run(EndToEnd.benchBinary, [
            "cluster", "--folder", folder, "--reuse", "--runs", "1", "--baseline-runs", "1"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("CDRs        3,996 stored (4 bad rows rejected)"), again.stdout)
        XCTAssertTrue(again.stdout.contains(String(load)), "the load measured when loading:\n\(again.stdout)")
        XCTAssertTrue(again.stdout.contains("figures     engine == plain SQL over the raw ClickHouse table: "), again.stdout)
        XCTAssertFalse(again.stderr.contains("importing"), again.stderr)
        XCTAssertEqual(processes(naming: folder), [], "the servers are stopped at the end")

        let over = try EndToEnd.run(EndToEnd.benchBinary, ["cluster", "--folder", folder, "--cdrs", "2000"])
        XCTAssertEqual(over.status, 1)
        XCTAssertTrue(over.stderr.contains("servers exists (an earlier run's servers): remove it, choose another --folder, or --reuse it"),
                      over.stderr)
        let fresh = directory.appendingPathComponent("empty").path
        let nothing = try EndToEnd.run(EndToEnd.benchBinary, ["cluster", "--folder", fresh, "--reuse"])
        XCTAssertEqual(nothing.status, 1)
        XCTAssertTrue(nothing.stderr.contains("loaded.txt is not there: --reuse measures a folder an earlier run kept with --keep"),
                      nothing.stderr)
    }
}
