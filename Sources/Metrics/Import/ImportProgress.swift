/// Where an import is, for a progress bar.
public struct ImportProgress: Sendable {
    public var bytesRead: Int
    public var bytesTotal: Int
    public var rows: Int

    public init(bytesRead: Int, bytesTotal: Int, rows: Int) {
        self.bytesRead = bytesRead
        self.bytesTotal = bytesTotal
        self.rows = rows
    }
}
