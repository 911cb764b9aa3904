/// Bytes that bound text parameters point to (`FastStatement.bind(_:copyingInto:)`): one buffer, refilled from its
/// start for each row. Binding text as SQLITE_TRANSIENT made SQLite free and allocate a buffer per parameter and row.
struct TextArena {
    private let base: UnsafeMutablePointer<CChar>
    private let capacity: Int
    private var used = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    /// Starts a row: earlier copies will be overwritten, so every parameter pointing to them must be bound again.
    mutating func reset() { used = 0 }

    /// Where `bytes` now are (NUL-terminated), or nil when the arena is full.
    mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        guard used + bytes.count + 1 <= capacity else { return nil }
        let start = base + used
        if let source = bytes.baseAddress {
            UnsafeMutableRawPointer(start).copyMemory(from: source, byteCount: bytes.count)
        }
        start[bytes.count] = 0
        used += bytes.count + 1
        return UnsafePointer(start)
    }

    func deallocate() { base.deallocate() }
}
