import Foundation
import XCTest

/// The monitor on terminals that lack something: colour (or a user who wants none), cursor addressing, an
/// alternate screen. Run in a private tmux server, read back as the user would see it.
final class TerminalEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "tmux is needed (make test installs it)")
    }

    private func demoCommand(_ extra: String = "") -> String {
        "\(EndToEnd.binary) demo --history-days 0 --cps 2 \(extra)"
    }

    private func isMonitorUp(_ screen: String) -> Bool {
        screen.contains("Overview") && screen.contains("Version ") && screen.contains("Live channels")
    }

    /// SGR colour codes in `capture-pane -e` output: foreground and background 30–37 / 40–47, bright 90–97 /
    /// 100–107, and 256-colour or RGB (38;…, 48;…). tmux writes 39 and 49 (default colours) itself; those are fine.
    private func colourCodes(_ screen: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: "\u{1b}\\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38|4[0-7]|10[0-7]|48)[;m]")
        return pattern.matches(in: screen, range: NSRange(screen.startIndex..., in: screen)).compactMap {
            Range($0.range, in: screen).map { String(screen[$0]).debugDescription }
        }
    }

    func testNoColorAndTheMonochromeThemeKeepTheTerminalsOwnColours() throws {
        // (swift test runs with NO_COLOR set: the other cases unset it.)
        for (environment, extra) in [("NO_COLOR=1", ""), ("-u NO_COLOR", "--theme monochrome")] {
            let session = try TmuxSession(command: "env \(environment) TERM=xterm-256color \(demoCommand(extra))",
                                          width: 100, height: 30)
            let screen = try session.waitForScreen(timeout: 90, isMonitorUp)
            XCTAssertTrue(isMonitorUp(screen), screen)
            let coloured = try session.captureWithColours()
            XCTAssertEqual(try colourCodes(coloured), [], "\(environment)\(extra): no colour at all, the terminal's own "
                + "foreground and background:\n\(coloured.debugDescription.prefix(600))")
            XCTAssertTrue(coloured.contains("\u{1b}[1m") || coloured.contains(";1m") || coloured.contains("[0;1"),
                          "bold still marks titles and figures")
            XCTAssertTrue(coloured.contains("7m"), "reverse video still marks the current tab and the status bar")
            try session.send("q")
            XCTAssertEqual(try session.waitForExit(timeout: 15), 0)
        }
        // The colour theme still has colour, so the test above can tell.
        let session = try TmuxSession(command: "env -u NO_COLOR TERM=xterm-256color \(demoCommand())", width: 100, height: 30)
        XCTAssertTrue(isMonitorUp(try session.waitForScreen(timeout: 90, isMonitorUp)))
        let coloured = try session.captureWithColours()
        XCTAssertFalse(try colourCodes(coloured).isEmpty, "the default theme has colour")
        try session.send("q")
        XCTAssertEqual(try session.waitForExit(timeout: 15), 0)
    }

    /// TERM=dumb has no cursor addressing: the monitor refuses it, as it does an unknown TERM, instead of drawing
    /// frames whose lines overwrite each other.
    func testATerminalWithoutCursorAddressingIsRefusedByName() throws {
        // Wide enough that the message is on one line.
        let session = try TmuxSession(command: "env TERM=dumb \(demoCommand())", width: 250, height: 30)
        let status = try session.waitForExit(timeout: 60)
        let screen = try session.capture()
        XCTAssertEqual(status, 1, "\(session.lastState)\n\(screen)")
        XCTAssertTrue(screen.contains("Error: terminal type \"dumb\" (TERM) cannot move the cursor: the monitor needs a "
            + "terminal with cursor addressing (terminfo cup)"), screen)
        XCTAssertFalse(screen.contains("Overview") || screen.contains("Version "), "no frame is drawn:\n\(screen)")
    }

    /// vt100 and the Linux console have no alternate screen to give the shell's screen back: after `q` the last
    /// frame is cleared, so no status bar is left where the prompt comes back.
    func testQuitWithoutAnAlternateScreenLeavesAClearScreen() throws {
        let session = try TmuxSession(command: "env TERM=vt100 \(demoCommand())", width: 100, height: 30)
        XCTAssertTrue(isMonitorUp(try session.waitForScreen(timeout: 90, isMonitorUp)))
        try session.send("q")
        XCTAssertEqual(try session.waitForExit(timeout: 15), 0)
        let after = try session.capture()
        for text in ["Version ", "Zone ", "help", "quit", "Overview", "Live channels"] {
            XCTAssertFalse(after.contains(text), "\(text) is left on the screen:\n\(after)")
        }
        XCTAssertEqual(try session.cursor().x, 0, "the prompt comes back at the start of a line")
    }
}
