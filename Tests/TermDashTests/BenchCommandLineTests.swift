import Foundation
import XCTest

/// `termdash-bench`'s command line, run as `make bench` runs it: the Makefile's arguments are accepted, a bad value
/// is a usage error (status 64) naming the option, and `--help` lists every option.
final class BenchCommandLineTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.benchBinary),
                          "build first: \(EndToEnd.benchBinary) is missing")
    }

    private func bench(_ arguments: [String]) throws -> EndToEnd.Result { try EndToEnd.run(EndToEnd.benchBinary, arguments) }

    /// The arguments the Makefile's `bench` target gives termdash-bench, `$(BENCH_ARGS)` still in them.
    private func makefileArguments() throws -> [String] {
        let makefile = try String(contentsOf: EndToEnd.packageRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        let recipe = try XCTUnwrap(makefile.split(separator: "\n").first {
            $0.hasPrefix("\t") && $0.contains("termdash-bench --")
        }, "no recipe line runs termdash-bench in the Makefile")
        return Array(recipe.split(separator: " ").map(String.init).drop { !$0.hasSuffix("/termdash-bench") }.dropFirst())
    }

    func testTheMakefilesArgumentsRunTheBench() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let makefile = try makefileArguments()
        XCTAssertEqual(makefile, ["--store", ".build/bench/store.db", "--rates", "$(BENCH_RATES)", "$(BENCH_ARGS)"])
        // The same command line on small stores of its own: .build/bench may hold 10 M CDR stores.
        let store = directory.appendingPathComponent("store.db").path
        let arguments = makefile.flatMap { argument -> [String] in
            switch argument {
            case ".build/bench/store.db": return [store]
            case "$(BENCH_RATES)": return ["2_000/2,2000/1"]
            case "$(BENCH_ARGS)": return ["--runs", "1", "--baseline-runs", "1"]
            default: return [argument]
            }
        }
        let run = try bench(arguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("figures     engine == plain SQL: "), run.stdout)
        XCTAssertTrue(run.stdout.contains("snapshot    median "), run.stdout)
        XCTAssertTrue(run.stdout.contains("; 1 runs after 1 warm-up)"), "--runs 1 was taken:\n\(run.stdout)")
        XCTAssertTrue(run.stdout.contains("the snapshot at 2 traffic rates"), run.stdout)
        XCTAssertTrue(run.stdout.contains("cost ratio  slowest / fastest: "), run.stdout)
        for name in ["store-2000-2d.db", "store-2000-1d.db"] {
            let path = directory.appendingPathComponent(name).path
            XCTAssertTrue(FileManager.default.fileExists(atPath: path), "each rate's store is beside --store: \(name)")
        }

        let reused = try bench(arguments)
        XCTAssertEqual(reused.status, 0, reused.stderr)
        XCTAssertTrue(reused.stdout.contains("build       reused the store of an earlier run"), reused.stdout)
    }

    func testHelpListsEveryOption() throws {
        let root = try bench(["--help"])
        XCTAssertEqual(root.status, 0, root.stderr)
        XCTAssertTrue(root.stdout.contains("panes (default)"), root.stdout)
        XCTAssertTrue(root.stdout.contains("import "), root.stdout)

        let panes = try bench(["panes", "--help"])
        XCTAssertEqual(panes.status, 0, panes.stderr)
        for option in ["--cdrs <N>", "--runs <K>", "--baseline-runs <K>", "--days <D>", "--store <path>", "--keep",
                       "--rates <N/D,…>"] {
            XCTAssertTrue(panes.stdout.contains(option), "\(option) missing from:\n\(panes.stdout)")
        }
        for option in try makefileArguments() where option.hasPrefix("--") {
            XCTAssertTrue(panes.stdout.contains(option + " "), "the Makefile passes \(option):\n\(panes.stdout)")
        }
        let imports = try bench(["import", "--help"])
        XCTAssertEqual(imports.status, 0, imports.stderr)
        for option in ["--rows <N>", "--runs <K>"] {
            XCTAssertTrue(imports.stdout.contains(option), "\(option) missing from:\n\(imports.stdout)")
        }
    }

    func testBadValuesAreUsageErrorsNamingTheOption() throws {
        for (arguments, message) in [
            (["--cdrs", "999"], "Error: --cdrs takes a whole number of at least 1000, not '999'"),
            (["--runs", "0"], "Error: --runs takes a whole number of at least 1, not '0'"),
            (["--baseline-runs", "0"], "Error: --baseline-runs takes a whole number of at least 1, not '0'"),
            (["--days", "0"], "Error: --days takes a whole number of at least 1, not '0'"),
            (["--days", "401"], "Error: --days must be at most 400"),
            (["--cdrs", "lots"], "Error: The value 'lots' is invalid for '--cdrs <N>'"),
            (["--store"], "Error: Missing value for '--store <path>'"),
            (["--rows", "5"], "Error: Unknown option '--rows'. Did you mean '--runs'?"),
            (["--rates", "1000/1,10"], "Error: The value '1000/1,10' is invalid for '--rates <N/D,…>'"),
            (["--rates", "999/1"], "Error: --rates takes N/D with N at least 1000 and D from 1 to 400, not '999/1'"),
            (["import", "--rows", "0"], "Error: --rows takes a whole number of at least 1, not '0'"),
            (["import", "--runs", "x"], "Error: The value 'x' is invalid for '--runs <K>'"),
            (["import", "--cdrs", "1000"], "Error: Unknown option '--cdrs'. Did you mean '--rows'?"),
        ] {
            let result = try bench(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix(message), "\(arguments):\n\(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments): nothing was measured")
        }
    }
}
