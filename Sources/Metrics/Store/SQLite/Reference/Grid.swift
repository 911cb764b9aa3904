import Metrics

/// A summary grid in a shape both sides build: one row per customer (id, name) with its counters per bucket.
public struct Grid: Equatable {
    public var buckets: [Int64]
    public var rows: [GridRow]


    public init(buckets: [Int64], rows: [GridRow]) {
        self.buckets = buckets
        self.rows = rows
    }
}
