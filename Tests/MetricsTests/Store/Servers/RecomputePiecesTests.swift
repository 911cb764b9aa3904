@testable import ServerStore
import XCTest

/// A settled mark over more CDRs than one recompute may group is recomputed in pieces on whole minutes, and a mark
/// of everything only over what is stored.
final class RecomputePiecesTests: XCTestCase {
    func testARangeIsCutIntoPiecesOnWholeMinutes() {
        XCTAssertEqual(ServerStore.pieces(of: 0..<7_260, count: 3), [0..<2_460, 2_460..<4_920, 4_920..<7_260])
        XCTAssertEqual(ServerStore.pieces(of: 120..<180, count: 5), [120..<180])
        XCTAssertEqual(ServerStore.pieces(of: 120..<180, count: 0), [120..<180])
        XCTAssertEqual(ServerStore.pieces(of: 0..<3_600, count: 2), [0..<1_800, 1_800..<3_600])
    }

    func testAMarkOfEverythingIsCutToWhatIsStored() {
        let everything: Range<Int64> = -4_611_686_018_427_387_904..<4_611_686_018_427_387_904
        XCTAssertEqual(ServerStore.clipped([everything], to: 600..<4_800), [600..<4_800])
        // Nothing stored: nothing to recompute.
        XCTAssertEqual(ServerStore.clipped([everything], to: nil), [])
        // A mark beyond what is stored has nothing to recompute either.
        XCTAssertEqual(ServerStore.clipped([9_000..<9_060, 0..<700], to: 600..<4_800), [600..<700])
    }
}
