import Foundation
import Metrics
import ServerStore

/// Reads the store on its own thread, once per refresh, and hands the event loop the newest immutable snapshot.
/// The draw path never waits on the store. When a server stops answering, the last frame stays, the outage is
/// noted from its first failed read, and the next refresh simply tries again (a read gives up after the store's
/// timeout); the first read that succeeds ends it.
final class SnapshotFeed: SnapshotSource, @unchecked Sendable {
    private let engine: MetricsEngine
    private let interval: Double
    private let pages: PageSource?
    /// Set by `start`, before the thread that reads it exists.
    private var request: (@Sendable () -> FeedRequest)?
    private let lock = NSLock()
    private var latest: MonitorFrame?
    private var latestError: String?
    private var latestOutage: StoreOutage?
    private var generation = 0
    private var stopped = false
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// When an outage began (tests give a fixed clock).
    private let clock: @Sendable () -> Date

    init(engine: MetricsEngine, interval: Double, pages: PageSource? = nil,
         clock: @escaping @Sendable () -> Date = { Date() }) {
        self.engine = engine
        self.interval = interval
        self.pages = pages
        self.clock = clock
    }

    func start(request: @escaping @Sendable () -> FeedRequest) {
        self.request = request
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "termdash.snapshot"
        thread.start()
    }

    /// Stops the thread and waits for a read in flight to finish: the process must not exit under it.
    func stop() {
        lock.withLock { stopped = true }
        wake.signal()
        finished.wait()
    }

    /// Asks for a read now rather than at the next tick (after a resize, say).
    func refreshNow() { wake.signal() }

    /// The newest snapshot, the last read error if the newest read failed, and a counter that changes with each.
    func current() -> (frame: MonitorFrame?, error: String?, generation: Int) {
        lock.withLock { (latest, latestError, generation) }
    }

    func outage() -> StoreOutage? { lock.withLock { latestOutage } }

    private func run() {
        guard let request else { return }
        while !lock.withLock({ stopped }) {
            let wanted = request()
            let started = clock()
            let now = Int64(Date().timeIntervalSince1970)
            do {
                let snapshot = try engine.dashboard(at: now, request: wanted.snapshot)
                let summary = try wanted.summary.map { try engine.summary($0, pagesBack: wanted.summaryPage, at: now) }
                // A page's failing query is a value in its pane, never an error of the read.
                let custom = pages?.read(shown: wanted.page, now: Date())
                lock.withLock {
                    latest = MonitorFrame(dashboard: snapshot, summary: summary, request: wanted, pages: custom?.pages,
                                          pageResults: custom?.results)
                    latestError = nil
                    latestOutage = nil
                    generation += 1
                }
            } catch ServerStoreError.unreachable(let server, _) {
                lock.withLock {
                    latestOutage = StoreOutage(since: latestOutage?.since ?? started, server: server)
                    latestError = nil
                    generation += 1
                }
            } catch {
                lock.withLock {
                    latestError = "store read failed: \(error)"
                    latestOutage = nil
                    generation += 1
                }
            }
            // Sleep to just after the next tick boundary so each read sees the second that just closed.
            let seconds = Date().timeIntervalSince1970
            let next = (seconds / interval).rounded(.down) * interval + interval + 0.02
            _ = wake.wait(timeout: .now() + max(0.05, next - seconds))
        }
    }
}
