import Foundation
import XCTest
@testable import TermDash

final class ClockAndConfigTests: XCTestCase {
    private let instant = Date(timeIntervalSince1970: 1_795_267_805)  // 2026-11-21 13:30:05 UTC

    func testClockSaysUTCForUTCAndAnOffsetElsewhere() {
        XCTAssertEqual(ClockFormat.formatter(for: TimeZone(identifier: "UTC")!).string(from: instant), "2026-11-21 13:30:05 UTC")
        XCTAssertEqual(ClockFormat.formatter(for: TimeZone(identifier: "Europe/Zurich")!).string(from: instant),
                       "2026-11-21 14:30:05 +01:00")
        XCTAssertEqual(ClockFormat.formatter(for: TimeZone(identifier: "America/New_York")!).string(from: instant),
                       "2026-11-21 08:30:05 -05:00")
    }

    func testTheExampleConfigParsesToTheDefaults() throws {
        let path = EndToEnd.packageRoot.appendingPathComponent("config.example.toml").path
        XCTAssertEqual(try Config.load(path: path), Config(), "config.example.toml documents the defaults")
    }

    func testConfigErrorsNameTheLine() {
        XCTAssertThrowsError(try Config.parse("[display]\nzone = \"Mars/Olympus\"\n", path: "c.toml")) { error in
            XCTAssertEqual("\(error)", "c.toml:2: display.zone: unknown time zone \"Mars/Olympus\" (use an IANA name such as Europe/Zurich)")
        }
        XCTAssertThrowsError(try Config.parse("[monitor]\ntable_rows = 0\n", path: "c.toml")) { error in
            XCTAssertEqual("\(error)", "c.toml:2: monitor.table_rows: must be between 1 and 100")
        }
        XCTAssertThrowsError(try Config.parse("zone = \"UTC\"\n", path: "c.toml")) { error in
            XCTAssertEqual("\(error)", "c.toml:1: unknown setting \"zone\"")
        }
        XCTAssertEqual(try Config.parse("[display]\nrefresh_seconds = 2\n", path: "c.toml").refreshSeconds, 2.0,
                       "integers are accepted where a number is expected")
    }
}
