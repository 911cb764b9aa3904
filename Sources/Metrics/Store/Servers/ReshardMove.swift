/// CDRs `ServerStore.reshard` moved from one ClickHouse server to another (servers as messages name them).
public struct ReshardMove: Sendable, Equatable {
    public var from: String
    public var to: String
    public var cdrs: Int

    public init(from: String, to: String, cdrs: Int) {
        self.from = from
        self.to = to
        self.cdrs = cdrs
    }
}
