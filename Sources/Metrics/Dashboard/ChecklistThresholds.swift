/// When the checklist raises an item. The lead's config carries these; the defaults suit a small network.
public struct ChecklistThresholds: Sendable, Equatable {
    /// A carrier whose ASR over the last hour is under this percentage is an alert…
    public var minimumASR: Double
    /// …when it had at least this many attempts in that hour (one failed call is not a trend).
    public var minimumAttempts: Int64
    /// Items of one kind beyond this many are summed up in one last item ("and 12 more").
    public var maximumItemsPerKind: Int

    public init(minimumASR: Double = 20, minimumAttempts: Int64 = 20, maximumItemsPerKind: Int = 20) {
        self.minimumASR = minimumASR
        self.minimumAttempts = minimumAttempts
        self.maximumItemsPerKind = maximumItemsPerKind
    }
}
