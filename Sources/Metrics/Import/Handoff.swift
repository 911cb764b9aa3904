import Foundation

/// A first-in first-out queue between two threads: `put` waits while `capacity` items are queued, `take` waits while
/// none is. Either side can end it: `finish` (no more items; `take` drains what is queued, then returns nil) or
/// `cancel` (both sides stop at once: `put` returns false, `take` returns nil).
final class Handoff<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Taken slots are cleared at once, so the queue never keeps a second reference to an item's buffers.
    private var items: [Item?] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Queues `item`, waiting for room; false when the queue was cancelled (the item is dropped).
    @discardableResult
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, waiting for one; nil once the queue is finished and drained, or cancelled.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count, !finished, !cancelled { condition.wait() }
        return pop()
    }

    /// The next item if one is queued, without waiting.
    func poll() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        return pop()
    }

    private func pop() -> Item? {
        guard !cancelled, head < items.count else { return nil }
        let item = items[head]
        items[head] = nil
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        condition.broadcast()
        return item
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
    }
}
