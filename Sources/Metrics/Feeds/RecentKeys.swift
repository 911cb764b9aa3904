/// A set of the last `capacity` keys inserted: what a feed remembers of calls it has finished.
struct RecentKeys {
    private var keys: Set<String> = []
    private var order: [String] = []
    private var head = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func contains(_ key: String) -> Bool { keys.contains(key) }

    mutating func insert(_ key: String) {
        guard keys.insert(key).inserted else { return }
        if order.count < capacity {
            order.append(key)
        } else {
            keys.remove(order[head])
            order[head] = key
            head = (head + 1) % capacity
        }
    }
}
