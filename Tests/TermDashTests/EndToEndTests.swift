import Foundation
import XCTest

/// The built binary, driven as a user would: in tmux for the monitor, as a plain process for the rest.
final class EndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "tmux is needed (make test installs it)")
    }

    private func demoCommand(_ extra: String = "") -> String {
        "\(EndToEnd.binary) demo --history-days 1 --cps 4 \(extra)"
    }

    private func isMonitorUp(_ screen: String) -> Bool {
        screen.contains("Overview") && screen.contains("Version ") && screen.contains("Top customers")
            && screen.contains("Rate cards")
    }

    /// Lines of the screen without the status bar (whose clock changes every second anyway).
    private func figures(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.contains("Version ") }
    }

    func testDemoShowsMovingFiguresAndQuitRestoresTheShell() throws {
        let session = try TmuxSession(command: demoCommand(), width: 100, height: 30)
        let first = try session.waitForScreen(timeout: 90, isMonitorUp)
        XCTAssertTrue(isMonitorUp(first), "the monitor did not come up:\n\(first)")
        for pane in ["1 Overview", "2 Channels", "5 Summary", "Live channels", "Active customers", "Carriers",
                     "Rate cards", "Top customers", "ASR · ACD · DTMF by carrier", "Checklist", "Zone UTC"] {
            XCTAssertTrue(first.contains(pane), "\(pane) missing from:\n\(first)")
        }
        // The counters come from the simulated network: 200 customers (a few suspended), 40 carriers, 45 cards.
        XCTAssertTrue(first.contains("40 "), first)
        XCTAssertTrue(first.contains("45 "), first)

        // Figures move: the live-channels pane and tables change while traffic flows.
        let second = try session.waitForScreen(timeout: 20) { self.figures($0) != self.figures(first) }
        XCTAssertNotEqual(figures(second), figures(first), "no figure changed in 20 s:\n\(second)")
        // The clock ticks.
        let clockLine = { (screen: String) in screen.split(separator: "\n").first { $0.contains("Version ") }.map(String.init) }
        let ticked = try session.waitForScreen(timeout: 5) { clockLine($0) != clockLine(second) }
        XCTAssertNotEqual(clockLine(ticked), clockLine(second))

        // The status bar shows exactly what `termdash version` prints.
        let version = try EndToEnd.termdash(["version"]).stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(version.count, 2)
        for segment in version { XCTAssertTrue(ticked.contains(segment), "\(segment) not in the status bar:\n\(ticked)") }

        try session.send("q")
        let status = try session.waitForExit(timeout: 15)
        XCTAssertEqual(status, 0, "q must quit with status 0")
        let after = try session.capture()
        XCTAssertFalse(after.contains("Overview"), "the alternate screen was not restored:\n\(after)")
    }

    func testCtrlCAndSIGTERMRestoreTheTerminal() throws {
        let session = try TmuxSession(command: demoCommand(), width: 80, height: 24)
        XCTAssertTrue(isMonitorUp(try session.waitForScreen(timeout: 90, isMonitorUp)))
        try session.send("C-c")
        let status = try session.waitForExit(timeout: 15)
        let screen = try session.capture()
        XCTAssertEqual(status, 130, "Ctrl-C ends with 128 + SIGINT: \(session.lastState)\n\(screen)")
        XCTAssertFalse(try session.capture().contains("Overview"))

        let terminated = try TmuxSession(command: demoCommand(), width: 80, height: 24)
        XCTAssertTrue(isMonitorUp(try terminated.waitForScreen(timeout: 90, isMonitorUp)))
        let pid = try XCTUnwrap(try terminated.programPID())
        kill(pid, SIGTERM)
        XCTAssertEqual(try terminated.waitForExit(timeout: 15), 128 + SIGTERM)
        XCTAssertFalse(try terminated.capture().contains("Overview"))
    }

    func testLayoutsAt80x24And200x50AndTinySizes() throws {
        let session = try TmuxSession(command: demoCommand(), width: 80, height: 24)
        let small = try session.waitForScreen(timeout: 90, isMonitorUp)
        XCTAssertTrue(isMonitorUp(small), small)
        let lines = small.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 })
        for pane in ["Live channels", "Top customers", "ASR · ACD · DTMF by carrier", "Checklist"] {
            XCTAssertTrue(small.contains(pane), "80×24 shows the essentials (\(pane)):\n\(small)")
        }

        try session.resize(width: 200, height: 50)
        let large = try session.waitForScreen(timeout: 10) { $0.split(separator: "\n").first.map { $0.count > 150 } ?? false }
        XCTAssertTrue(isMonitorUp(large), large)
        XCTAssertTrue(large.contains("Ch "), "the wide status bar shows channels in use / configured:\n\(large)")
        for pane in ["Top carriers", "Top DIDs", "Channels · 1h", "CPS · 1h", "Spend vs provider cost", "Registrations",
                     "Bal ", "Check "] {
            XCTAssertTrue(large.contains(pane), "200×50 shows everything (\(pane)):\n\(large)")
        }

        try session.resize(width: 20, height: 5)
        let tiny = try session.waitForScreen(timeout: 20) { $0.contains("needs") }
        XCTAssertTrue(tiny.contains("needs"), "below the minimum it says what it needs:\n\(tiny)")

        try session.resize(width: 100, height: 30)
        XCTAssertTrue(isMonitorUp(try session.waitForScreen(timeout: 10, isMonitorUp)))
        XCTAssertFalse(try session.paneState().dead, "the monitor survived the resizes")
        try session.send("q")
        let status = try session.waitForExit(timeout: 15)
        let finalScreen = try session.capture()
        XCTAssertEqual(status, 0, "\(session.lastState)\n\(finalScreen)")
    }

    func testVT100AndNoColorGetAReadableFallback() throws {
        let session = try TmuxSession(command: "env TERM=vt100 \(demoCommand())", width: 90, height: 26,
                                      environment: ["LANG": "C", "NO_COLOR": "1"])
        let screen = try session.waitForScreen(timeout: 90, isMonitorUp)
        XCTAssertTrue(isMonitorUp(screen), screen)
        XCTAssertTrue(screen.unicodeScalars.allSatisfy { $0.isASCII }, "ASCII only without UTF-8:\n\(screen)")
        XCTAssertTrue(screen.contains("+-"), "ASCII boxes:\n\(screen)")
        let coloured = try session.captureWithColours()
        // tmux writes default-colour resets (39, 49); any real colour (30–37, 90–97, 38;…) is a failure.
        let colour = try NSRegularExpression(pattern: "\u{1b}\\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38|4[0-7]|10[0-7]|48)[;m]")
        XCTAssertEqual(colour.numberOfMatches(in: coloured, range: NSRange(coloured.startIndex..., in: coloured)), 0,
                       "no colours with NO_COLOR / vt100: \(coloured.debugDescription.prefix(400))")
        XCTAssertTrue(coloured.contains("\u{1b}[1m"), "bold still marks titles and figures")
        try session.send("q")
        let status = try session.waitForExit(timeout: 15)
        let finalScreen = try session.capture()
        XCTAssertEqual(status, 0, "\(session.lastState)\n\(finalScreen)")
    }

    func testSimulateThenSnapshotPrintsTheFrameWithoutATerminal() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("store.db").path
        let simulated = try EndToEnd.termdash(["simulate", "--db", db, "--history-days", "0", "--cps", "30", "--duration", "3"])
        XCTAssertEqual(simulated.status, 0, simulated.stderr)
        XCTAssertTrue(simulated.stdout.contains("Stopped;"), simulated.stdout)

        let snapshot = try EndToEnd.termdash(["snapshot", "--db", db, "--width", "80", "--height", "24"],
                                             environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
        XCTAssertEqual(snapshot.status, 0, snapshot.stderr)
        let lines = snapshot.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 24)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 })
        XCTAssertTrue(snapshot.stdout.contains("Overview"))
        XCTAssertTrue(snapshot.stdout.contains("Version "))
        // The simulator ended its calls when it stopped: nothing is live, and the counter says so.
        // The monitor's overview at 80x24: the tab line, then the counters in one row.
        XCTAssertTrue(lines[1].hasPrefix(" Live channels 0  "), "live channels after a stop:\n\(snapshot.stdout)")

        let ascii = try EndToEnd.termdash(["snapshot", "--db", db, "--width", "60", "--height", "15", "--ascii"])
        XCTAssertTrue(ascii.stdout.unicodeScalars.allSatisfy { $0.isASCII }, ascii.stdout)
        let tiny = try EndToEnd.termdash(["snapshot", "--db", db, "--width", "1", "--height", "1"])
        XCTAssertEqual(tiny.status, 0)
    }

    func testReportsAreUnchangedByARebuild() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("store.db").path
        XCTAssertEqual(try EndToEnd.termdash(["simulate", "--db", db, "--history-days", "1", "--cps", "2", "--duration", "1"]).status, 0)
        let before = try EndToEnd.termdash(["report", "summary", "--format", "csv", "--db", db])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertGreaterThan(before.stdout.split(separator: "\r\n").count, 24, "a day of hourly rows")
        let rebuilt = try EndToEnd.termdash(["rebuild", "--db", db])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        XCTAssertTrue(rebuilt.stdout.hasPrefix("Rebuilt the aggregates of "), rebuilt.stdout)
        let after = try EndToEnd.termdash(["report", "summary", "--format", "csv", "--db", db])
        XCTAssertEqual(after.stdout, before.stdout)
        let json = try EndToEnd.termdash(["report", "carriers", "--format", "json", "--period", "daily", "--db", db])
        XCTAssertEqual(json.status, 0)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
        let bad = try EndToEnd.termdash(["report", "nonsense", "--db", db])
        XCTAssertNotEqual(bad.status, 0)
    }

    func testRatesImportLoadsAWholeCardOrNothing() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("store.db").path
        let good = directory.appendingPathComponent("retail.csv")
        try "prefix,rate,initial,increment\n41,0.0125,60,60\n4179,0.045,30,6\n".write(to: good, atomically: true, encoding: .utf8)
        let loaded = try EndToEnd.termdash(["rates", "import", good.path, "--card", "Retail", "--db", db])
        XCTAssertEqual(loaded.status, 0, loaded.stderr)
        XCTAssertEqual(loaded.stdout, "Loaded rate card \"Retail\" (sell, USD): 2 prefixes\n")
        let again = try EndToEnd.termdash(["rates", "import", good.path, "--card", "Retail", "--db", db])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("exists already (use --replace"), again.stderr)

        let bad = directory.appendingPathComponent("bad.csv")
        try "prefix,rate\n41,0.01\nx1,0.02\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try EndToEnd.termdash(["rates", "import", bad.path, "--card", "Broken", "--db", db])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("\(bad.path):3: prefix \"x1\" must be 1 to 18 digits"), refused.stderr)
        let list = try EndToEnd.termdash(["rates", "list", "--db", db])
        XCTAssertTrue(list.stdout.contains("Retail"), list.stdout)
        XCTAssertFalse(list.stdout.contains("Broken"), "nothing of a bad file is loaded:\n\(list.stdout)")
    }

    func testErrorsNameTheProblemAndExitNonZero() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("absent.db").path
        let noStore = try EndToEnd.termdash(["snapshot", "--db", missing])
        XCTAssertNotEqual(noStore.status, 0)
        XCTAssertTrue(noStore.stderr.contains("\(missing): no store here"), noStore.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "reading must not create a store")

        let config = directory.appendingPathComponent("config.toml")
        try "[display]\nzone = \"UTC\"\nthem = \"dark\"\n".write(to: config, atomically: true, encoding: .utf8)
        let badKey = try EndToEnd.termdash(["version", "--config", config.path])
        XCTAssertNotEqual(badKey.status, 0)
        XCTAssertTrue(badKey.stderr.contains("\(config.path):3: display.them: unknown setting"), badKey.stderr)

        try "[display]\nrefresh_seconds = \"fast\"\n".write(to: config, atomically: true, encoding: .utf8)
        let badType = try EndToEnd.termdash(["version", "--config", config.path])
        XCTAssertTrue(badType.stderr.contains("\(config.path):2: display.refresh_seconds: must be a number"), badType.stderr)

        try "[display\nzone = 1\n".write(to: config, atomically: true, encoding: .utf8)
        let syntax = try EndToEnd.termdash(["version", "--config", config.path])
        XCTAssertNotEqual(syntax.status, 0)
        XCTAssertTrue(syntax.stderr.contains("\(config.path):1:"), syntax.stderr)

        try "[display]\nzone = \"Europe/Zurich\"\n".write(to: config, atomically: true, encoding: .utf8)
        let good = try EndToEnd.termdash(["version", "--config", config.path])
        XCTAssertEqual(good.stdout.split(separator: "\n").last, "Zone Europe/Zurich")
        let overridden = try EndToEnd.termdash(["version", "--config", config.path, "--tz", "Asia/Tokyo"])
        XCTAssertEqual(overridden.stdout.split(separator: "\n").last, "Zone Asia/Tokyo")

        let monitorWithoutTTY = try EndToEnd.termdash(["monitor", "--db", missing])
        XCTAssertNotEqual(monitorWithoutTTY.status, 0)
    }
}
