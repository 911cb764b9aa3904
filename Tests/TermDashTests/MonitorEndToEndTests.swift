import Foundation
import XCTest

/// The monitor's views and keys in tmux, as a user drives them: switching views, moving through the summary grid,
/// selecting a rectangle, reading the selection line and copying it over OSC 52.
final class MonitorEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
    }

    private func isMonitorUp(_ screen: String) -> Bool { screen.contains("Version ") && screen.contains("Overview") }

    private func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The last `count` figures of a grid row as shown ("1,030" → 1030): the cells after the customer's name.
    private func cells(_ line: String, count: Int) -> [Int] {
        let inner = line.split(separator: "│").first ?? ""
        return Array(inner.split(separator: " ").compactMap { Int($0.replacingOccurrences(of: ",", with: "")) }.suffix(count))
    }

    func testSummarySelectionLineAndOSC52CopyOfExactlyTheSelectedCells() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("terminal-output").path
        let session = try TmuxSession(
            command: "\(EndToEnd.binary) demo --history-days 1 --cps 4", width: 120, height: 30,
            environment: ["LANG": "C.UTF-8", "XDG_STATE_HOME": directory.path])
        XCTAssertTrue(isMonitorUp(try session.waitForScreen(timeout: 90, isMonitorUp)))
        try session.recordOutput(to: output)

        try session.send("5")
        let grid = try session.waitForScreen(timeout: 30) { $0.contains("Summary · Live · Attempts (UTC)") && $0.contains("Total") }
        XCTAssertTrue(grid.contains("[5 Summary]"), "the tab line shows the view:\n\(grid)")
        // From the first customer's newest hour (g, $), three hours back (finished hours do not change while we
        // read them), then a 2×2 rectangle: v starts a selection, h and j grow it left and down. Each step waits for
        // the selection line. Once in CI (a loaded machine) the keys after the view switch left no trace; that could
        // not be reproduced, so the sequence is tried a second time from Esc, and says so when it is.
        // Once more (in a full CI run) the rectangle landed one hour off, as if one `h` was lost: when the selection
        // line's Σ is not the sum of the four cells the keys should have picked, the sequence is tried again too.
        var selected = ""
        var screen: [String] = []
        var header = 0, hours: [Substring] = [], first: [Int] = [], second: [Int] = []
        var picked: [[Int]] = [], sum = 0
        func summed(_ sum: Int) -> String { "Σ \(NumberFormatter.localizedString(from: NSNumber(value: sum), number: .decimal))" }
        for attempt in 1...3 {
            if attempt > 1 {
                print("MonitorEndToEndTests: the selection keys did not pick the cells expected; again from Esc. Screen:\n\(selected)")
            }
            try session.send("Escape", "g", "$", "h", "h", "h", "v", "h")
            selected = try session.waitForScreen(timeout: 15) { $0.contains("n 2 ·") }
            guard selected.contains("n 2 ·") else { continue }
            try session.send("j")
            selected = try session.waitForScreen(timeout: 15) { $0.contains("n 4 ·") }
            guard selected.contains("n 4 ·") else { continue }
            screen = lines(selected)
            header = try XCTUnwrap(screen.firstIndex { $0.hasPrefix("│ Attempts ") && $0.contains(":00") })
            hours = screen[header].split(separator: " ").filter { $0.hasSuffix(":00") }
            first = cells(screen[header + 1], count: hours.count)
            second = cells(screen[header + 2], count: hours.count)
            guard hours.count >= 5, first.count == hours.count, second.count == hours.count else { break }
            // The cursor started on the newest hour; the rectangle is the 5th and 4th newest hours of the first two rows.
            let columns = (hours.count - 5)...(hours.count - 4)
            picked = [Array(first[columns]), Array(second[columns])]
            sum = picked.flatMap { $0 }.reduce(0, +)
            if screen.contains(where: { $0.contains("n 4 ·") && $0.contains(summed(sum)) }) { break }
        }
        guard !screen.isEmpty else { return XCTFail("the selection line never showed four cells:\n\(selected)") }
        XCTAssertGreaterThanOrEqual(hours.count, 5, selected)
        XCTAssertEqual(first.count, hours.count, "one figure per hour:\n\(screen[header + 1])")
        guard first.count == hours.count, second.count == hours.count, hours.count >= 5 else { return }
        let selectionLine = try XCTUnwrap(screen.first { $0.contains("n 4 ·") }, selected)
        XCTAssertTrue(selectionLine.contains(summed(sum)),
                      "Σ is the sum of the four cells on screen (\(picked)):\n\(selectionLine)")

        try session.send("y")
        let copied = try session.waitForScreen(timeout: 30) { $0.contains("Copied") }
        XCTAssertTrue(copied.contains("OSC 52"), "the status bar says which way the copy went:\n\(copied)")
        // What the program wrote to the terminal: the OSC 52 request(s), base64 of the TSV.
        var payloads: [String] = []
        let deadline = Date().addingTimeInterval(5)
        while payloads.isEmpty, Date() < deadline {
            let raw = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
            let pattern = try NSRegularExpression(pattern: "\u{1B}+\\]52;c;([A-Za-z0-9+/=]*)\u{07}")
            payloads = pattern.matches(in: raw, range: NSRange(raw.startIndex..., in: raw)).compactMap {
                Range($0.range(at: 1), in: raw).map { String(raw[$0]) }
            }
            if payloads.isEmpty { usleep(100_000) }
        }
        XCTAssertFalse(payloads.isEmpty, "no OSC 52 request was written")
        let expected = picked.map { $0.map(String.init).joined(separator: "\t") }.joined(separator: "\n")
        for payload in payloads {
            let decoded = Data(base64Encoded: payload).map { String(decoding: $0, as: UTF8.self) }
            XCTAssertEqual(decoded, expected, "the OSC 52 payload is exactly the selected TSV")
        }

        // Resize down to 20×5 (it says what it needs) and back: the selection survives.
        try session.resize(width: 20, height: 5)
        XCTAssertTrue(try session.waitForScreen(timeout: 30) { $0.contains("needs") }.contains("needs"))
        try session.resize(width: 120, height: 30)
        let back = try session.waitForScreen(timeout: 30) { $0.contains("n 4 ·") }
        XCTAssertTrue(back.contains("n 4 ·"), back)

        // Tab goes on to the checklist; ? shows this view's keys and the global ones.
        try session.send("Tab")
        XCTAssertTrue(try session.waitForScreen(timeout: 30) { $0.contains("[6 Checklist]") }.contains("[6 Checklist]"))
        try session.send("?")
        let help = try session.waitForScreen(timeout: 30) { $0.contains("Keys") && $0.contains("Everywhere") }
        XCTAssertTrue(help.contains("Checklist view"), help)
        try session.send("Escape", "q")
        XCTAssertEqual(try session.waitForExit(timeout: 15), 0)
    }

    /// The copy fallback and `e` write under `$HOME` (not the account's home from the password database), where
    /// the status bar's `~/…` says, and at 120 columns the status bar shows the file's name.
    func testCopyFileAndExportGoUnderHOMEAndTheStatusBarNamesTheFile() throws {
        let home = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("config.toml")
        try "[copy]\nosc52 = \"off\"\n".write(to: config, atomically: true, encoding: .utf8)
        let session = try TmuxSession(
            command: "env -u XDG_STATE_HOME HOME=\(home.path) \(EndToEnd.binary) demo --history-days 1 --cps 4 --config \(config.path)",
            width: 120, height: 30)
        XCTAssertTrue(isMonitorUp(try session.waitForScreen(timeout: 90, isMonitorUp)))
        let state = home.appendingPathComponent(".local/state/termdash")

        try session.send("c")
        let copied = try session.waitForScreen(timeout: 30) { $0.contains("Copied the support block") }
        // At 120 columns the path gives up its first directories: "~/.local/state/termdash/clipboard.txt" as
        // "…/termdash/clipboard.txt".
        XCTAssertTrue(copied.contains("Copied the support block to ") && copied.contains("/termdash/clipboard.txt"), copied)
        let block = try? String(contentsOfFile: state.appendingPathComponent("clipboard.txt").path, encoding: .utf8)
        XCTAssertTrue(block?.hasPrefix("Version ") ?? false, "the copy is in $HOME/.local/state/termdash/clipboard.txt")

        try session.send("5")
        XCTAssertTrue(try session.waitForScreen(timeout: 30) { $0.contains("Summary · Live") && $0.contains("Total") }
            .contains("[5 Summary]"))
        try session.send("e")
        let exported = try session.waitForScreen(timeout: 30) { $0.contains("Exported") || $0.contains("Export failed") }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("exports").path)) ?? []
        XCTAssertEqual(files.count, 1, "the export is in $HOME/.local/state/termdash/exports:\n\(exported)")
        let statusLine = lines(exported).last { $0.contains("Exported") } ?? ""
        for name in files {
            XCTAssertTrue(name.hasPrefix("summary-live-") && name.hasSuffix(".csv"), name)
            XCTAssertTrue(statusLine.contains("/" + name), "the status bar shows the file's name:\n\(statusLine)")
        }
        try session.send("q")
        XCTAssertEqual(try session.waitForExit(timeout: 15), 0)
    }

    func testQualityToggleRangeZoneAndSupportCopy() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.toml")
        // OSC 52 off and no command: copies land in the configured file, and the status bar says so.
        let clipboard = directory.appendingPathComponent("clip.txt").path
        try "[display]\nzones = [\"Europe/Zurich\"]\n[copy]\nosc52 = \"off\"\nfile = \"\(clipboard)\"\n[keys]\nsupport = [\"S\"]\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let session = try TmuxSession(
            command: "\(EndToEnd.binary) demo --history-days 1 --cps 4 --config \(config.path)", width: 150, height: 30)
        let up = try session.waitForScreen(timeout: 90, isMonitorUp)
        XCTAssertTrue(isMonitorUp(up), up)

        try session.send("4")
        let quality = try session.waitForScreen(timeout: 30) { $0.contains("[4 Quality]") && $0.contains("Total") }
        func totalLine(_ screen: String) -> String { self.lines(screen).first { $0.contains("Total") } ?? "" }
        XCTAssertFalse(totalLine(quality).contains(" of "), "every carrier starts in:\n\(quality)")
        // Space takes the carrier under the cursor out of the total: the total line says how many are in.
        try session.send("Space")
        let toggled = try session.waitForScreen(timeout: 30) { totalLine($0).contains(" of ") }
        XCTAssertNotNil(totalLine(toggled).range(of: #"Total \((\d+) of (\d+)\)"#, options: .regularExpression),
                        "toggling a carrier out shows in the total line:\n\(toggled)")
        let out = try XCTUnwrap(lines(toggled).first { $0.contains("›") }, toggled)
        XCTAssertTrue(out.contains("›·") || out.contains(">."), "the toggled carrier is marked out:\n\(out)")
        try session.send("a")
        let all = try session.waitForScreen(timeout: 30) { !totalLine($0).contains(" of ") }
        XCTAssertFalse(totalLine(all).contains(" of "), "a takes every carrier back in:\n\(all)")

        // t: 1 h → 24 h.
        try session.send("t")
        XCTAssertTrue(try session.waitForScreen(timeout: 30) { $0.contains("· 24h") }.contains("· 24h"))
        // z: the next zone (UTC is configured, then the system's if it differs, then [display] zones).
        try session.send("z")
        var zoned = try session.waitForScreen(timeout: 30) { $0.contains("Zone Europe/Zurich") || $0.contains("for the clock") }
        if !zoned.contains("Zone Europe/Zurich") {
            try session.send("z")
            zoned = try session.waitForScreen(timeout: 30) { $0.contains("Zone Europe/Zurich") }
        }
        XCTAssertTrue(zoned.contains("Zone Europe/Zurich"), zoned)

        // The remapped support key copies Version, Zone, time and store into the file.
        try session.send("S")
        let copied = try session.waitForScreen(timeout: 30) { $0.contains("Copied the support block to") }
        XCTAssertTrue(copied.contains("Copied the support block to"), "the status bar says where it went:\n\(copied)")
        let block = try String(contentsOfFile: clipboard, encoding: .utf8)
        let version = try EndToEnd.termdash(["version"]).stdout.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(block.hasPrefix(version + "\n"), block)
        XCTAssertTrue(block.contains("\nTime ") && block.contains(" UTC\n") && block.contains("\nStore /"), block)
        try session.send("q")
        XCTAssertEqual(try session.waitForExit(timeout: 15), 0)
    }
}
