/// What a custom page's query returned: its column names and at most the row limit of rows.
public struct CustomQueryResult: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    public var columns: [String]
    public var rows: [[Value]]
    /// Whether rows past the limit were left out.
    public var truncated: Bool

    public init(columns: [String], rows: [[Value]], truncated: Bool) {
        self.columns = columns
        self.rows = rows
        self.truncated = truncated
    }
}
