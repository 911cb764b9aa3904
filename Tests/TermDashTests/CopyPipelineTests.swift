import Foundation
@testable import Metrics
import XCTest

@testable import TermDash

/// Copy by OSC 52 (tmux-wrapped inside tmux), then a command, then a file; CSV export to a new file.
final class CopyPipelineTests: XCTestCase {
    private let grid = SummaryGridFixtures.small
    private let home = "/home/noc"
    private var scratch: String!

    override func setUpWithError() throws {
        scratch = NSTemporaryDirectory() + "termdash-copy-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// The selected TSV of a 2×2 rectangle with headers, plus a name beyond ASCII.
    private var tsv: String {
        var named = grid
        named.rows[1].name = "Zürich 中文"
        return SelectionExport.tsv(named, range: GridRange(rows: 0...1, columns: 2...3), metric: .spend, headers: true)
    }

    /// Every OSC 52 payload in `bytes`, base64-decoded.
    private func payloads(_ bytes: [UInt8]) -> [String] {
        let marker = Array("]52;c;".utf8)
        var found: [String] = []
        var index = 0
        while index + marker.count <= bytes.count {
            guard Array(bytes[index..<index + marker.count]) == marker else { index += 1; continue }
            let start = index + marker.count
            guard let end = bytes[start...].firstIndex(of: 0x07) else { break }
            let base64 = String(decoding: bytes[start..<end], as: UTF8.self)
            found.append(Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) } ?? "<not base64: \(base64)>")
            index = end
        }
        return found
    }

    // MARK: OSC 52 bytes

    func testTheOSC52PayloadDecodesToExactlyTheSelectedTSV() {
        let text = tsv
        XCTAssertEqual(text, "Customer\t2026-11-21T12:00Z\t2026-11-21T13:00Z\nAcme Telecom\t0.00\t1.00\nZürich 中文\t0.60\t1.40")
        let bytes = CopyPipeline.terminalBytes(for: text, tmux: false)
        XCTAssertEqual(Array(bytes.prefix(7)), [0x1B, 0x5D, 0x35, 0x32, 0x3B, 0x63, 0x3B])  // ESC ] 5 2 ; c ;
        XCTAssertEqual(bytes.last, 0x07)
        XCTAssertEqual(bytes.filter { $0 == 0x1B }.count, 1, "one sequence, nothing else")
        XCTAssertEqual(bytes.filter { $0 < 0x20 || $0 > 0x7E }.count, 2, "the payload is plain base64")
        XCTAssertEqual(payloads(bytes), [text])
    }

    func testInsideTmuxTheSequenceIsWrappedForPassthrough() {
        let text = tsv
        let bytes = CopyPipeline.terminalBytes(for: text, tmux: true)
        let head = Array("\u{1B}Ptmux;\u{1B}\u{1B}]52;c;".utf8)
        XCTAssertEqual(Array(bytes.prefix(head.count)), head)
        // The passthrough ends at the first ESC \ ; inside it every ESC is doubled.
        guard let end = (0..<(bytes.count - 1)).first(where: { bytes[$0] == 0x1B && bytes[$0 + 1] == 0x5C }) else {
            return XCTFail("no ESC \\")
        }
        let inner = Array(bytes[7..<end])
        var unwrapped: [UInt8] = []
        var i = 0
        while i < inner.count {
            if inner[i] == 0x1B {
                XCTAssertEqual(inner[i + 1], 0x1B, "a lone ESC inside the passthrough at \(i)")
                i += 1
            }
            unwrapped.append(inner[i])
            i += 1
        }
        XCTAssertEqual(unwrapped, CopyPipeline.osc52(text))
        // Then the plain request, for tmux's own clipboard when `set-clipboard on`.
        XCTAssertEqual(Array(bytes[(end + 2)...]), CopyPipeline.osc52(text))
        XCTAssertEqual(payloads(bytes), [text, text])
    }

    func testPressingYInsideTmuxSendsTheSelectionAndNothingElse() throws {
        var state = SummaryGridFixtures.state(for: grid, metric: .asr)
        for key in [Key.shiftLeft, .shiftLeft, .shiftDown, .shiftDown] {
            _ = state.apply(try XCTUnwrap(GridKeyBinding.command(for: key)), pageRows: 3)
        }
        XCTAssertEqual(state.apply(try XCTUnwrap(GridKeyBinding.command(for: .character("y"))), pageRows: 3),
                       .copy(headers: false))
        let copy = try XCTUnwrap(state.clipboardText(grid, headers: false))
        XCTAssertEqual(copy.text, "40.00\tN/A\t100.00\n33.33\t50.00\t100.00\n100.00\t50.00\t33.33")
        var written: [UInt8] = []
        let outcome = CopyPipeline.copy(
            copy.text, what: copy.what, settings: CopySettings(),
            environment: ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"], home: home,
            writeTerminal: { written += $0 })
        XCTAssertEqual(outcome.message, "Copied 9 cells via OSC 52 (tmux)")
        XCTAssertEqual(payloads(written), [copy.text, copy.text])
    }

    func testOneCellAndEmptyText() {
        XCTAssertEqual(payloads(CopyPipeline.osc52("7")), ["7"])
        XCTAssertEqual(CopyPipeline.osc52(""), Array("\u{1B}]52;c;\u{07}".utf8))
    }

    // MARK: The plan

    private func plan(
        _ environment: [String: String], _ settings: CopySettings = CopySettings(), text: String = "1\t2"
    ) -> CopyPlan {
        CopyPipeline.plan(text: text, what: "2 cells", environment: environment, settings: settings, home: home)
    }

    private let defaultFile = "/home/noc/.local/state/termdash/clipboard.txt"

    func testOSC52FirstOnATerminalThatTakesIt() {
        let p = plan(["TERM": "xterm-256color"], CopySettings(command: "xclip -selection clipboard"))
        XCTAssertEqual(p.methods, [
            .terminal(bytes: CopyPipeline.osc52("1\t2"), tmux: false),
            .command("xclip -selection clipboard"),
            .file(defaultFile),
        ])
        XCTAssertEqual(plan(["TERM": "screen-256color", "TMUX": "/tmp/tmux-1000/default,123,0"]).methods.first,
                       .terminal(bytes: CopyPipeline.terminalBytes(for: "1\t2", tmux: true), tmux: true))
    }

    func testNoOSC52WhereItCannotWorkOrIsSwitchedOff() {
        for environment in [["TERM": "linux"], ["TERM": "vt100"], ["TERM": "dumb"], [:],
                            ["TERM": "screen", "STY": "1234.pts-0.host"]] {
            XCTAssertEqual(plan(environment, CopySettings(command: "wl-copy")).methods,
                           [.command("wl-copy"), .file(defaultFile)], "\(environment)")
        }
        XCTAssertEqual(plan(["TERM": "xterm"], CopySettings(osc52: .off)).methods, [.file(defaultFile)])
        XCTAssertEqual(plan(["TERM": "linux"], CopySettings(osc52: .on)).methods.count, 2, "on means on")
    }

    func testTextTooLargeForOSC52GoesElsewhere() {
        let big = String(repeating: "1234567890\t", count: 10_000)
        let p = plan(["TERM": "xterm"], CopySettings(command: "pbcopy"), text: big)
        XCTAssertEqual(p.methods, [.command("pbcopy"), .file(defaultFile)])
        XCTAssertEqual(p.osc52Note, "too large for OSC 52")
    }

    func testFilePaths() {
        XCTAssertEqual(plan([:], CopySettings(file: "~/clip.txt")).methods, [.file("/home/noc/clip.txt")])
        XCTAssertEqual(plan(["XDG_STATE_HOME": "/var/state"]).methods, [.file("/var/state/termdash/clipboard.txt")])
        XCTAssertEqual(plan(["XDG_STATE_HOME": "relative/state"]).methods, [.file(defaultFile)],
                       "a relative XDG_STATE_HOME is ignored, as the spec says")
        XCTAssertEqual(CSVExport.defaultDirectory(environment: [:], home: home), "/home/noc/.local/state/termdash/exports")
        XCTAssertEqual(CSVExport.defaultDirectory(environment: ["XDG_STATE_HOME": "/s"], home: home), "/s/termdash/exports")
        XCTAssertEqual(CopyPipeline.displayPath("/home/noc/x/y.csv", home: home), "~/x/y.csv")
        XCTAssertEqual(CopyPipeline.displayPath("/home/nocturnal/y.csv", home: home), "/home/nocturnal/y.csv")
        XCTAssertEqual(CopyPipeline.commandName("/usr/bin/xclip -selection clipboard"), "xclip")
        XCTAssertEqual(CopyPipeline.commandName("WAYLAND_DISPLAY=wayland-1 wl-copy"), "wl-copy")
    }

    /// `$HOME` is the home directory (NSHomeDirectory() on Linux reads the account database instead), so files
    /// land where the status bar's `~/…` says.
    func testHomeIsTheEnvironmentsHome() {
        XCTAssertEqual(HomeDirectory.current(environment: ["HOME": "/tmp/elsewhere"]), "/tmp/elsewhere")
        XCTAssertEqual(HomeDirectory.current(environment: ["HOME": ""]), NSHomeDirectory())
        XCTAssertEqual(HomeDirectory.current(environment: ["HOME": "relative"]), NSHomeDirectory())
        XCTAssertEqual(HomeDirectory.expandTilde("~/clip.txt", home: "/tmp/elsewhere"), "/tmp/elsewhere/clip.txt")
        XCTAssertEqual(HomeDirectory.expandTilde("~", home: "/tmp/elsewhere"), "/tmp/elsewhere")
        XCTAssertEqual(HomeDirectory.expandTilde("/abs/~/x", home: "/tmp/elsewhere"), "/abs/~/x")
        let environment = ["HOME": "/tmp/elsewhere"]
        XCTAssertEqual(CopyPipeline.plan(text: "x", what: "1 cell", environment: environment, settings: CopySettings(osc52: .off),
                                         home: HomeDirectory.current(environment: environment)).methods,
                       [.file("/tmp/elsewhere/.local/state/termdash/clipboard.txt")])
    }

    // MARK: Executing, with the effects faked

    private enum Effect: Equatable { case terminal([UInt8]), command(String, [UInt8]), file(String, [UInt8]) }

    private func execute(
        _ plan: CopyPlan, command: CommandResult = .success, fileError: String? = nil
    ) -> (CopyOutcome, [Effect]) {
        var effects: [Effect] = []
        let outcome = CopyPipeline.execute(
            plan, home: home,
            writeTerminal: { effects.append(.terminal($0)) },
            runCommand: { effects.append(.command($0, $1)); return command },
            writeFile: { effects.append(.file($0, $1)); return fileError })
        return (outcome, effects)
    }

    func testOSC52EndsThePlan() {
        let p = plan(["TERM": "tmux-256color", "TMUX": "x"], CopySettings(command: "xclip"))
        let (outcome, effects) = execute(p)
        XCTAssertEqual(outcome.message, "Copied 2 cells via OSC 52 (tmux)")
        XCTAssertEqual(effects, [.terminal(CopyPipeline.terminalBytes(for: "1\t2", tmux: true))])
        XCTAssertTrue(outcome.succeeded)
        XCTAssertEqual(execute(plan(["TERM": "xterm"])).0.message, "Copied 2 cells via OSC 52")
    }

    func testACommandWhenOSC52IsOff() {
        let p = plan(["TERM": "xterm"], CopySettings(osc52: .off, command: "xclip -selection clipboard"))
        let (outcome, effects) = execute(p)
        XCTAssertEqual(outcome.message, "Copied 2 cells via xclip")
        XCTAssertEqual(effects, [.command("xclip -selection clipboard", Array("1\t2".utf8))])
        XCTAssertEqual(outcome.method, .command("xclip -selection clipboard"))
    }

    func testAFailingCommandFallsBackToTheFile() {
        let p = plan(["TERM": "linux"], CopySettings(command: "xclip"))
        let (outcome, effects) = execute(p, command: .failure("exit status 1"))
        XCTAssertEqual(effects, [.command("xclip", Array("1\t2".utf8)), .file(defaultFile, Array("1\t2".utf8))])
        XCTAssertEqual(outcome.message,
                       "Copied 2 cells to ~/.local/state/termdash/clipboard.txt (xclip failed: exit status 1)")
        XCTAssertEqual(outcome.method, .file(defaultFile))
    }

    func testWhenNothingWorksTheMessageSaysWhy() {
        let p = plan(["TERM": "linux"], CopySettings(command: "xclip", file: "/ro/clip.txt"))
        let (outcome, _) = execute(p, command: .failure("command not found"), fileError: "Read-only file system")
        XCTAssertFalse(outcome.succeeded)
        XCTAssertEqual(outcome.message,
                       "Copy failed: xclip failed: command not found; cannot write /ro/clip.txt: Read-only file system")
    }

    func testTheOSC52NoteIsKept() {
        let big = String(repeating: "x", count: 80_000)
        let p = plan(["TERM": "xterm"], CopySettings(command: "pbcopy"), text: big)
        XCTAssertEqual(execute(p).0.message, "Copied 2 cells via pbcopy (too large for OSC 52)")
    }

    // MARK: The real command runner and file writer

    func testACommandGetsTheTextOnItsStdin() throws {
        let out = scratch + "/out.txt"
        let text = tsv
        XCTAssertEqual(CommandRunner.run("cat > '\(out)'", input: Array(text.utf8), timeout: 5), .success)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), text)
    }

    func testCommandFailuresAreNamed() {
        XCTAssertEqual(CommandRunner.run("exit 3", input: [], timeout: 5), .failure("exit status 3"))
        XCTAssertEqual(CommandRunner.run("no-such-clipboard-tool-xyz", input: [], timeout: 5),
                       .failure("command not found"))
        XCTAssertEqual(CommandRunner.run("kill -TERM $$", input: [], timeout: 5), .failure("killed by signal 15"))
    }

    func testAHungCommandIsKilledAtTheTimeout() {
        let start = Date()
        XCTAssertEqual(CommandRunner.run("sleep 20", input: Array("x".utf8), timeout: 0.3), .failure("timed out"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 3)
        // One that never reads a large input cannot block the monitor either.
        let big = [UInt8](repeating: 0x41, count: 4 << 20)
        XCTAssertEqual(CommandRunner.run("sleep 20", input: big, timeout: 0.3), .failure("timed out"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 6)
    }

    func testACommandThatIgnoresItsInputOrLeavesAChildBehindIsFine() {
        let big = [UInt8](repeating: 0x41, count: 4 << 20)
        XCTAssertEqual(CommandRunner.run("true", input: big, timeout: 5), .success, "no SIGPIPE for us")
        // xclip stays behind to serve the selection, holding stdout and stderr: only the direct child counts.
        let start = Date()
        XCTAssertEqual(CommandRunner.run("cat > /dev/null; sleep 5 & exit 0", input: Array("hi".utf8), timeout: 5), .success)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }

    func testTheFallbackFileIsReplacedAtomicallyAndPrivately() throws {
        let path = scratch + "/state/termdash/clipboard.txt"
        XCTAssertNil(FileOutput.replace(path, with: Array("first".utf8)))
        XCTAssertNil(FileOutput.replace(path, with: Array("second".utf8)))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "second")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch + "/state/termdash"), ["clipboard.txt"])
        XCTAssertEqual(FileOutput.replace(path + "/under-a-file", with: []), "Not a directory")
        XCTAssertNil(FileOutput.makeDirectory(scratch + "/state/termdash"), "an existing directory is fine")
    }

    func testCopyEndToEndWithTheRealEffects() throws {
        var written: [UInt8] = []
        let settings = CopySettings(osc52: .off, command: "cat > '\(scratch!)/clip'", file: scratch + "/fallback.txt")
        let outcome = CopyPipeline.copy("a\tb", what: "2 cells", settings: settings, environment: [:], home: home,
                                        writeTerminal: { written += $0 })
        XCTAssertEqual(outcome.message, "Copied 2 cells via cat")
        XCTAssertEqual(try String(contentsOfFile: scratch + "/clip", encoding: .utf8), "a\tb")
        XCTAssertTrue(written.isEmpty)
        let failing = CopySettings(osc52: .off, command: "exit 1", file: scratch + "/fallback.txt")
        let fallback = CopyPipeline.copy("c", what: "1 cell", settings: failing, environment: [:], home: scratch,
                                         writeTerminal: { written += $0 })
        XCTAssertEqual(fallback.message, "Copied 1 cell to ~/fallback.txt (exit failed: exit status 1)")
        XCTAssertEqual(try String(contentsOfFile: scratch + "/fallback.txt", encoding: .utf8), "c")
    }

    // MARK: CSV export

    func testExportWritesANewFileAndNamesIt() throws {
        var state = SummaryGridFixtures.state(for: grid)
        state.selection.extend(.down)
        state.selection.extend(.left)
        let now = SummaryGridFixtures.day + 48_605
        let export = try XCTUnwrap(state.csvExport(grid, now: now))
        let directory = scratch + "/exports"
        let first = CSVExport.export(export.csv, what: export.what, directory: directory, fileName: export.fileName,
                                     home: scratch)
        XCTAssertEqual(first.message, "Exported 4 cells to ~/exports/summary-live-attempts-20261121T133005Z.csv")
        XCTAssertEqual(first.path, directory + "/summary-live-attempts-20261121T133005Z.csv")
        XCTAssertEqual(try String(contentsOfFile: first.path!, encoding: .utf8),
                       "Customer,2026-11-21T12:00Z,2026-11-21T13:00Z\r\nAcme Telecom,0,7\r\nGlobex,12,14\r\n")
        let second = CSVExport.export(export.csv, what: export.what, directory: directory, fileName: export.fileName,
                                      home: "/elsewhere")
        XCTAssertEqual(second.path, directory + "/summary-live-attempts-20261121T133005Z-2.csv", "never overwrites")
        XCTAssertEqual(second.message, "Exported 4 cells to \(directory)/summary-live-attempts-20261121T133005Z-2.csv")
        let attributes = try FileManager.default.attributesOfItem(atPath: first.path!)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testExportFailureIsReported() throws {
        let blocker = scratch + "/file"
        XCTAssertTrue(FileManager.default.createFile(atPath: blocker, contents: Data()))
        let result = CSVExport.export("x\r\n", what: "1 cell", directory: blocker + "/exports", fileName: "a.csv",
                                      home: scratch)
        XCTAssertNil(result.path)
        XCTAssertEqual(result.message, "Export failed: cannot create ~/file/exports: Not a directory")
    }
}
