/// How far a custom page's query may go: beyond `seconds` it is interrupted, beyond `rows` rows the rest is left out.
public struct CustomQueryLimits: Sendable, Equatable {
    public var seconds: Double
    public var rows: Int

    public init(seconds: Double = 1, rows: Int = 200) {
        self.seconds = seconds
        self.rows = rows
    }
}
