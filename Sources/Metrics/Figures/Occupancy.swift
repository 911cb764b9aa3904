/// Channel occupancy over a span: the seconds calls held a channel in it, over the span's seconds.
struct Occupancy {
    var channelSeconds: Int64
    var seconds: Int64

    /// Average channels in use over the span: channel-seconds / seconds.
    var averageChannels: Double { Double(channelSeconds) / Double(seconds) }
}
