import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

final class HandoffTests: XCTestCase {
    func testItemsArriveInOrderAndTheEndDrainsFirst() {
        let handoff = Handoff<Int>(capacity: 2)
        let done = DispatchSemaphore(value: 0)
        Thread {
            for value in 0..<1_000 { handoff.put(value) }
            handoff.finish()
            done.signal()
        }.start()
        var received: [Int] = []
        while let value = handoff.take() { received.append(value) }
        done.wait()
        XCTAssertEqual(received, Array(0..<1_000))
        XCTAssertNil(handoff.poll())
    }

    func testCancellingReleasesAWaitingWriterAndReader() {
        let full = Handoff<Int>(capacity: 1)
        XCTAssertTrue(full.put(1))
        let released = DispatchSemaphore(value: 0)
        let result = Results()
        Thread {
            result.put = full.put(2)  // waits: the queue is full
            released.signal()
        }.start()
        usleep(50_000)
        full.cancel()
        XCTAssertEqual(released.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(result.put, false)
        XCTAssertNil(full.take())

        let empty = Handoff<Int>(capacity: 1)
        Thread {
            result.taken = empty.take()  // waits: the queue is empty
            released.signal()
        }.start()
        usleep(50_000)
        empty.cancel()
        XCTAssertEqual(released.wait(timeout: .now() + 5), .success)
        XCTAssertNil(result.taken)
    }

    private final class Results: @unchecked Sendable {
        var put: Bool?
        var taken: Int? = -1
    }
}
