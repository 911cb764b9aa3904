/// Sums per row id (customer, carrier, DID; 0 for unknown): an array for the small ids SQLite hands out first, a
/// dictionary beyond. The engine adds up thousands of rows per snapshot; indexing an array costs a fraction of
/// hashing each id. The array grows to the largest small id seen, at most `denseLimit` entries.
struct SumsByID<Value: AdditiveArithmetic> {
    private var dense: [Value] = []
    private var present: [Bool] = []
    private var sparse: [Int64: Value] = [:]
    private static var denseLimit: Int64 { 8_192 }

    /// The sum for `id` (zero when nothing was added); adding to it marks it present.
    subscript(id: Int64) -> Value {
        get {
            if id >= 0, id < Self.denseLimit { return Int(id) < dense.count ? dense[Int(id)] : .zero }
            return sparse[id] ?? .zero
        }
        set {
            guard id >= 0, id < Self.denseLimit else {
                sparse[id] = newValue
                return
            }
            let index = Int(id)
            if index >= dense.count {
                let grow = min(max(index + 1 - dense.count, dense.count, 64), Int(Self.denseLimit) - dense.count)
                dense += repeatElement(.zero, count: grow)
                present += repeatElement(false, count: grow)
            }
            dense[index] = newValue
            present[index] = true
        }
    }

    /// Changes the sum for `id` in place (marking it present): no copy of a value that holds an array.
    mutating func update(_ id: Int64, _ body: (inout Value) -> Void) {
        guard id >= 0, id < Self.denseLimit else {
            body(&sparse[id, default: .zero])
            return
        }
        if Int(id) >= dense.count { self[id] = .zero }
        present[Int(id)] = true
        body(&dense[Int(id)])
    }

    /// Every id that was written to, with its sum.
    var dictionary: [Int64: Value] {
        var result = sparse
        for index in present.indices where present[index] { result[Int64(index)] = dense[index] }
        return result
    }
}

