@testable import TermDash

/// Frames handed to the monitor loop without a store or a thread: a read happens when the loop starts the source and
/// on each refresh, building the frame from the loop's request, so tests see what the loop asked for.
final class FixedSnapshots: SnapshotSource {
    private let build: (FeedRequest) -> MonitorFrame
    private var request: (@Sendable () -> FeedRequest)?
    private var latest: MonitorFrame?
    private var generation = 0
    /// What a failed read says; the frame read before stays.
    var error: String?
    /// Every request read with, in order.
    private(set) var requests: [FeedRequest] = []
    private(set) var isStopped = false
    /// Reads again each time the loop looks for a frame (once per tick), as the feed's thread does each refresh.
    var readsEveryTick = false

    init(_ build: @escaping (FeedRequest) -> MonitorFrame) { self.build = build }

    func start(request: @escaping @Sendable () -> FeedRequest) {
        self.request = request
        read()
    }

    func stop() { isStopped = true }

    func refreshNow() { read() }

    func current() -> (frame: MonitorFrame?, error: String?, generation: Int) {
        if readsEveryTick { read() }
        return (latest, error, generation)
    }

    private func read() {
        guard let request else { return }
        let wanted = request()
        requests.append(wanted)
        latest = build(wanted)
        generation += 1
    }
}
