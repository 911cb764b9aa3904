import Metrics

/// One customer's row of a `Grid`: its counters per bucket.
public struct GridRow: Equatable {
    public var id: Int64
    public var name: String
    public var cells: [RollupCounts]


    public init(id: Int64, name: String, cells: [RollupCounts]) {
        self.id = id
        self.name = name
        self.cells = cells
    }
}
