import Foundation

/// What processes run at once said, each in its slot.
final class ConcurrentRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [EndToEnd.Result?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: EndToEnd.Result?) { lock.withLock { slots[index] = result } }

    var results: [EndToEnd.Result?] { lock.withLock { slots } }
}
