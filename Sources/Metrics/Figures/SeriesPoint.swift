/// A value per bucket of a time axis, oldest first.
public struct SeriesPoint: Sendable, Equatable {
    public var bucket: Int64
    public var value: Double

    public init(bucket: Int64, value: Double) {
        self.bucket = bucket
        self.value = value
    }
}
