import XCTest

/// Fails when two screens differ, with a line diff (`ScreenDiff`) instead of two long arrays side by side.
public func assertScreen(
    _ actual: [String], _ expected: [String], _ message: @autoclosure () -> String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    guard let diff = ScreenDiff.describe(actual: actual, expected: expected) else { return }
    let note = message()
    XCTFail(note.isEmpty ? diff : note + ": " + diff, file: file, line: line)
}
