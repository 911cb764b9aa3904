/// Sums by a key of up to three integers: an open-addressing hash table with a multiplicative hash, for the
/// import's per-row rollup counting. A `Dictionary` runs SipHash on every access (one or two per row and table);
/// the keys here are trusted (bucket starts and account ids), so a cheap mix is enough. Key and sum share a slot:
/// one cache miss per access, not two.
struct KeyedSums<Value>: Sendable where Value: Sendable {
    private struct Slot: Sendable {
        var key: RollupKey
        var value: Value
        var used: Bool
    }

    private var slots: [Slot]
    private let zero: Value
    private(set) var count = 0

    init(zero: Value, capacity: Int = 64) {
        self.zero = zero
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(key: RollupKey(0, 0), value: zero, used: false), count: size)
    }

    /// Adds to the sum of `key` in place (starting from zero).
    mutating func update(_ key: RollupKey, _ body: (inout Value) -> Void) {
        if (count + 1) * 2 > slots.count { grow() }
        let index = find(key)
        if !slots[index].used {
            slots[index].used = true
            slots[index].key = key
            count += 1
        }
        body(&slots[index].value)
    }

    /// Every key with its sum, in no particular order.
    var entries: [(key: RollupKey, value: Value)] {
        var result: [(key: RollupKey, value: Value)] = []
        result.reserveCapacity(count)
        for slot in slots where slot.used { result.append((slot.key, slot.value)) }
        return result
    }

    private func find(_ key: RollupKey) -> Int {
        let mask = slots.count - 1
        var index = Self.index(of: key, mask: mask)
        while slots[index].used, slots[index].key != key { index = (index + 1) & mask }
        return index
    }

    private static func index(of key: RollupKey, mask: Int) -> Int {
        var x = UInt64(bitPattern: key.values.0) &* 0x9E37_79B9_7F4A_7C15
        x = (x ^ UInt64(bitPattern: key.values.1)) &* 0xC2B2_AE3D_27D4_EB4F
        x = (x ^ UInt64(bitPattern: key.values.2)) &* 0x1656_67B1_9E37_79F9
        return Int(truncatingIfNeeded: x ^ (x >> 29)) & mask
    }

    private mutating func grow() {
        var larger = KeyedSums(zero: zero, capacity: slots.count)
        for slot in slots where slot.used {
            larger.slots[larger.find(slot.key)] = slot
        }
        larger.count = count
        self = larger
    }
}
