import Foundation
import Metrics
import ServerStore

/// Runs a switch feed on its own thread while the monitor draws: a refresh each period, backing off while the
/// switch does not answer (the checklist then says the feed is down). The feed is owned by this thread once started.
final class FeedDriver: @unchecked Sendable {
    private let feed: KamailioFeed
    private let lock = NSLock()
    private let wake = NSCondition()
    private var stopped = false
    private var failure: String?
    private let finished = DispatchSemaphore(value: 0)

    init(feed: KamailioFeed) { self.feed = feed }

    func start() {
        let thread = Thread { [self] in
            defer { finished.signal() }
            var backoff = FeedBackoff(period: feed.settings.refresh)
            while !lock.withLock({ stopped }) {
                let wait: Double
                do {
                    let result = try feed.refresh(now: Int64(Date().timeIntervalSince1970))
                    wait = result.behind ? 0 : backoff.next(ok: result.problem == nil)
                } catch ServerStoreError.unreachable {
                    // A server of the store not answering passes: the write was one rolled-back transaction and the
                    // feed's memory follows only what committed, so the next refresh writes it all again (the
                    // monitor's status line says the store is unreachable meanwhile).
                    wait = backoff.next(ok: false)
                } catch {
                    // The store failed: that is not the switch's problem, and retrying would hide it.
                    lock.withLock { failure = "\(error)" }
                    return
                }
                wake.lock()
                if !lock.withLock({ stopped }) { _ = wake.wait(until: Date().addingTimeInterval(wait)) }
                wake.unlock()
            }
        }
        thread.name = "termdash.feed"
        thread.start()
    }

    /// Stops the thread and waits for its refresh under way to finish.
    func stop() {
        lock.withLock { stopped = true }
        wake.lock()
        wake.broadcast()
        wake.unlock()
        finished.wait()
    }

    var error: String? { lock.withLock { failure } }
}
