/// Up to three key values of a rollup row, in the table's key order; ordered as the table's primary key.
struct RollupKey: Hashable, Sendable, Comparable {
    var values: (Int64, Int64, Int64)
    var count: Int

    init(_ a: Int64, _ b: Int64) {
        values = (a, b, 0)
        count = 2
    }

    init(_ a: Int64, _ b: Int64, _ c: Int64) {
        values = (a, b, c)
        count = 3
    }

    static func == (lhs: RollupKey, rhs: RollupKey) -> Bool {
        lhs.values == rhs.values && lhs.count == rhs.count
    }

    static func < (lhs: RollupKey, rhs: RollupKey) -> Bool {
        lhs.values < rhs.values
    }

    /// One word into the hasher rather than three: the key is hashed once or twice per CDR on import.
    func hash(into hasher: inout Hasher) {
        hasher.combine(
            UInt64(bitPattern: values.0) &* 0x9E37_79B9_7F4A_7C15
                ^ UInt64(bitPattern: values.1) &* 0xC2B2_AE3D_27D4_EB4F
                ^ UInt64(bitPattern: values.2) &* 0x1656_67B1_9E37_79F9)
    }
}
