/// How many times each record's content has been seen in the file so far: the n-th identical line gets its own
/// row key. An open-addressing set of the content hashes (already uniformly mixed, so their low bits are the slot)
/// with 16-byte slots, plus a dictionary of the few seen more than once: it runs once per row, where a `Dictionary`
/// spent most of its time hashing the hash again.
final class OccurrenceCounter {
    /// A content hash seen in the file; (0, 0) marks an empty slot (so zeroed memory is an empty table; the hash of
    /// a record that really is (0, 0) is kept aside).
    private struct Slot {
        var high: UInt64
        var low: UInt64
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var size: Int
    private var used = 0
    /// Occurrences of the hashes seen more than once (identical lines are rare).
    private var repeats: [ContentHash: Int] = [:]
    private var zeroSeen = false

    /// `capacity`: about how many records the file holds (the table grows past that if need be, so it is never
    /// more than 70 % full).
    init(capacity: Int = 1 << 13) {
        size = 16
        while size * 7 < capacity * 10 { size <<= 1 }
        slots = Self.zeroed(size)
    }

    deinit { slots.deallocate() }

    private static func zeroed(_ count: Int) -> UnsafeMutablePointer<Slot> {
        let memory = UnsafeMutablePointer<Slot>.allocate(capacity: count)
        memory.initialize(repeating: Slot(high: 0, low: 0), count: count)
        return memory
    }

    /// How often `hash` was seen before this call (0 the first time), and counts this one.
    func next(_ hash: ContentHash) -> Int {
        guard hash.high != 0 || hash.low != 0 else {
            defer { zeroSeen = true }
            return zeroSeen ? repeated(hash) : 0
        }
        if (used + 1) * 10 > size * 7 { grow() }
        let mask = size - 1
        var index = Int(truncatingIfNeeded: hash.low) & mask
        while slots[index].high != 0 || slots[index].low != 0 {
            if slots[index].high == hash.high, slots[index].low == hash.low { return repeated(hash) }
            index = (index + 1) & mask
        }
        slots[index] = Slot(high: hash.high, low: hash.low)
        used += 1
        return 0
    }

    /// Counts another copy of a hash seen before; returns how many copies came before it.
    private func repeated(_ hash: ContentHash) -> Int {
        let earlier = repeats[hash, default: 1]
        repeats[hash] = earlier + 1
        return earlier
    }

    private func grow() {
        let larger = Self.zeroed(size * 2)
        let mask = size * 2 - 1
        for old in 0..<size where slots[old].high != 0 || slots[old].low != 0 {
            var index = Int(truncatingIfNeeded: slots[old].low) & mask
            while larger[index].high != 0 || larger[index].low != 0 { index = (index + 1) & mask }
            larger[index] = slots[old]
        }
        slots.deallocate()
        slots = larger
        size *= 2
    }
}
