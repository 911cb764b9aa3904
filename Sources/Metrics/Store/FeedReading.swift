/// The switch feeds as the checklist needs them: which is down, and since when.
public protocol FeedReading {
    /// Every feed the store has seen, by name.
    func feeds() throws -> [FeedState]
}
