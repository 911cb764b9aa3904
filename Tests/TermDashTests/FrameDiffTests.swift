import XCTest

@testable import TermDash

/// The cell buffer's diff: what a terminal showing one frame must be sent to show the next.
final class FrameDiffTests: XCTestCase {
    private func frame(_ lines: [String]) -> CellBuffer {
        var buffer = CellBuffer(width: lines.map(\.count).max() ?? 0, height: lines.count)
        for (y, line) in lines.enumerated() { buffer.put(line, x: 0, y: y) }
        return buffer
    }

    /// The changes as "x,y:text", for reading at a glance.
    private func cells(_ diff: FrameDiff) -> [String] { diff.changes.map { "\($0.x),\($0.y):\($0.cell.text)" } }

    func testTheFirstFrameIsARepaintOfEveryCell() {
        let diff = frame(["ab", "cd"]).diff(from: nil)
        XCTAssertTrue(diff.repaint)
        XCTAssertEqual(cells(diff), ["0,0:a", "1,0:b", "0,1:c", "1,1:d"])
        XCTAssertEqual(CellBuffer(width: 0, height: 0).diff(from: nil), FrameDiff(width: 0, height: 0, repaint: true, changes: []))
    }

    func testTheSameFrameAgainSendsNothing() {
        let shown = frame(["Total  12", "q quit"])
        XCTAssertTrue(frame(["Total  12", "q quit"]).diff(from: shown).isEmpty)
    }

    func testOnlyCellsThatChangedAreSentInReadingOrder() {
        let shown = frame(["Total  12", "now 7    "])
        let diff = frame(["Total  13", "now 17   "]).diff(from: shown)
        XCTAssertFalse(diff.repaint)
        XCTAssertEqual(cells(diff), ["8,0:3", "4,1:1", "5,1:7"])
    }

    func testAChangeOfStyleAloneIsAChange() {
        let shown = frame(["ab"])
        var next = shown
        next.restyle(Rect(x: 1, y: 0, width: 1, height: 1), style: Style(.selection))
        XCTAssertEqual(next.diff(from: shown).changes, [FrameDiff.Change(x: 1, y: 0, cell: Cell("b", style: Style(.selection)))])
    }

    func testAFrameOfAnotherSizeIsARepaint() {
        let diff = frame(["abc"]).diff(from: frame(["ab"]))
        XCTAssertTrue(diff.repaint)
        XCTAssertEqual(cells(diff), ["0,0:a", "1,0:b", "2,0:c"])
    }

    func testAWideCharacterSendsItsLeadAndItsRightHalf() {
        let shown = frame(["abcd"])
        var next = shown
        next.put("中", x: 1, y: 0)
        XCTAssertEqual(next.diff(from: shown).changes, [
            FrameDiff.Change(x: 1, y: 0, cell: Cell("中")),
            FrameDiff.Change(x: 2, y: 0, cell: Cell("", isContinuation: true)),
        ])
    }

    /// Frames drawn one after another, each sent as its diff from the one before: the terminal ends up showing exactly
    /// the last frame.
    func testDiffsAppliedInTurnShowEachFrame() {
        let terminal = TestBackend(width: 12, height: 3)
        var shown: CellBuffer?
        var texts = ["Live 1,234", "Live  1,235", "中文 ok", "", "x"]
        for step in 0..<20 {
            var buffer = CellBuffer(width: 12, height: 3)
            buffer.put(texts[step % texts.count], x: step % 5, y: step % 3)
            buffer.put(texts[(step * 7) % texts.count], x: 0, y: (step + 1) % 3, style: Style(step % 2 == 0 ? .dim : .value))
            terminal.draw(buffer.diff(from: shown))
            shown = buffer
            XCTAssertEqual(terminal.screen, buffer, "frame \(step)")
            texts.swapAt(step % texts.count, (step + 2) % texts.count)
        }
    }
}
