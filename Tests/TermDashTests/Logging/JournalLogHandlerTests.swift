import Foundation
import Logging
import XCTest

@testable import TermDash

/// What journald receives from a service's stderr: one line per message, its level as an sd-daemon prefix, and
/// nothing from data that could drive a terminal.
final class JournalLogHandlerTests: XCTestCase {
    /// The lines a logger of `level` writes for one message at each level.
    private func lines(at level: LogLevel, metadata: Logger.Metadata = [:], _ body: (Logger) -> Void) -> [String] {
        final class Sink: @unchecked Sendable {
            let lock = NSLock()
            var text = ""
            func append(_ line: String) {
                lock.lock()
                text += line
                lock.unlock()
            }
        }
        let sink = Sink()
        var handler = JournalLogHandler(level: level.level) { line in sink.append(line) }
        handler.metadata = metadata
        body(Logger(label: "test") { _ in handler })
        return sink.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func testEachLevelHasItsSyslogPrefixAndTheChosenLevelFilters() {
        let all = lines(at: .debug) { log in
            log.debug("d"); log.info("i"); log.notice("n"); log.warning("w"); log.error("e"); log.critical("c")
        }
        XCTAssertEqual(all, ["<7>d", "<6>i", "<5>n", "<4>w", "<3>e", "<2>c", ""])
        let warnings = lines(at: .warning) { log in log.info("i"); log.notice("n"); log.warning("w"); log.error("e") }
        XCTAssertEqual(warnings, ["<4>w", "<3>e", ""])
    }

    func testInjectedEscapesAndLineBreaksNeverReachTheLog() {
        let name = "Evil\u{1B}[2J\u{1B}]0;pwned\u{07} Corp\nfake line"
        let logged = lines(at: .info, metadata: ["customer": "\(name)"]) { log in log.error("rejected \(name)") }
        XCTAssertEqual(logged, ["<3>rejected Evil Corp fake line customer=Evil Corp fake line", ""])
    }

    func testLogLevelIsATypedOption() throws {
        XCTAssertEqual(try LoggingOptions.parse(["--log-level", "notice"]).logLevel, .notice)
        XCTAssertEqual(try LoggingOptions.parse([]).logLevel, .info)
        XCTAssertThrowsError(try LoggingOptions.parse(["--log-level", "loud"]))
    }
}
