import Foundation
import Metrics

/// Runs a Simulator on its own thread, advancing it to the wall clock a few times a second.
/// The simulator is owned by this thread alone once started.
final class SimulatorDriver: @unchecked Sendable {
    private let simulator: Simulator
    private let lock = NSLock()
    private var stopped = false
    private var failure: String?
    private let finished = DispatchSemaphore(value: 0)

    init(simulator: Simulator) { self.simulator = simulator }

    func start(interval: Double = 0.25) {
        let thread = Thread { [self] in
            defer { finished.signal() }
            while !lock.withLock({ stopped }) {
                do {
                    try simulator.advance(to: Int64(Date().timeIntervalSince1970))
                } catch {
                    lock.withLock { failure = "\(error)" }
                    return
                }
                Thread.sleep(forTimeInterval: interval)
            }
            do { try simulator.stop(at: Int64(Date().timeIntervalSince1970)) } catch {
                lock.withLock { failure = "\(error)" }
            }
        }
        thread.name = "termdash.simulator"
        thread.start()
    }

    /// Stops the thread and waits for its last write to finish.
    func stop() {
        lock.withLock { stopped = true }
        finished.wait()
    }

    var error: String? { lock.withLock { failure } }
}
