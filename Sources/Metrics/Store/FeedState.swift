/// A switch feed as the store keeps it: how far it has read its switch's CDRs, and whether the switch answers.
public struct FeedState: Sendable, Equatable {
    /// The feed's name (`[sources.NAME]`, `--source`): also the source of the CDRs it stores.
    public var name: String
    /// "kamailio".
    public var kind: String
    /// The last CDR of the switch stored (Kamailio: `acc_cdrs.id`); stored in the transaction that stores the CDRs,
    /// so none is stored twice or skipped across restarts.
    public var cursor: Int64
    /// When the feed lost its switch (UTC Unix seconds); nil while it answers.
    public var downSince: Int64?
    /// When the feed last asked.
    public var checkedAt: Int64

    public init(name: String, kind: String, cursor: Int64 = 0, downSince: Int64? = nil, checkedAt: Int64 = 0) {
        self.name = name
        self.kind = kind
        self.cursor = cursor
        self.downSince = downSince
        self.checkedAt = checkedAt
    }
}
