/// Where the monitor loop gets its data: the newest frame read, handed over without waiting for the store.
/// `SnapshotFeed` reads the store on a thread of its own; tests hand the loop frames built by hand.
protocol SnapshotSource: AnyObject {
    /// Starts reading; `request` is asked before each read, so reads follow the view and the terminal's size.
    func start(request: @escaping @Sendable () -> FeedRequest)
    /// Stops reading, after a read in flight has finished.
    func stop()
    /// Asks for a read now rather than at the next tick (after a resize, say).
    func refreshNow()
    /// The newest frame, the last read's error when it failed, and a counter that changes with each read.
    func current() -> (frame: MonitorFrame?, error: String?, generation: Int)
    /// The store's outage while reads fail because a server does not answer; nil while it answers.
    func outage() -> StoreOutage?
}

extension SnapshotSource {
    /// Frames built by hand never lose their store.
    func outage() -> StoreOutage? { nil }
}
