import Foundation

/// The request the feed reads with, changed by the loop when the view, range or size changes.
final class RequestBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: FeedRequest

    init(_ value: FeedRequest) { stored = value }

    var value: FeedRequest {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
