/// A customer's internal number block: the extensions `start ... start + size - 1`. Blocks never overlap, whoever
/// owns them, so an extension names one customer.
public struct NumberBlock: Sendable, Equatable, Hashable {
    public var id: Int64
    public var customerID: Int64
    public var customerCode: String
    public var customerName: String
    public var start: Int64
    public var size: Int64
    public var createdAt: Int64

    public init(id: Int64, customerID: Int64, customerCode: String, customerName: String, start: Int64, size: Int64,
                createdAt: Int64) {
        self.id = id
        self.customerID = customerID
        self.customerCode = customerCode
        self.customerName = customerName
        self.start = start
        self.size = size
        self.createdAt = createdAt
    }

    /// The last number of the block (inclusive).
    public var end: Int64 { start + size - 1 }

    public func contains(_ number: Int64) -> Bool { number >= start && number <= end }

    /// Whether the two half-open ranges [start, start + size) share a number.
    public static func overlap(start: Int64, size: Int64, otherStart: Int64, otherSize: Int64) -> Bool {
        start < otherStart + otherSize && otherStart < start + size
    }

    public func overlaps(start other: Int64, size otherSize: Int64) -> Bool {
        Self.overlap(start: start, size: size, otherStart: other, otherSize: otherSize)
    }

    /// The start `blocks allocate` gives the next customer: the first of `systemStart`, `systemStart + size`, … whose
    /// block of `size` overlaps none of `existing` (blocks added by hand included). Nil when none fits below the
    /// largest extension (`NumberBlock.maximumNumber`).
    public static func nextAutomaticStart(systemStart: Int64, size: Int64, existing: [NumberBlock]) -> Int64? {
        guard systemStart >= 0, size >= 1 else { return nil }
        var candidate = systemStart
        let sorted = existing.sorted { $0.start < $1.start }
        while candidate + size - 1 <= maximumNumber {
            guard let blocking = sorted.first(where: { $0.overlaps(start: candidate, size: size) }) else { return candidate }
            // Jump to the first slot of the grid past the block in the way.
            let past = blocking.end + 1 - systemStart
            candidate = systemStart + ((past + size - 1) / size) * size
        }
        return nil
    }

    /// Extensions are short numbers (see `Extension`): a block ends at or below this.
    public static let maximumNumber: Int64 = 999_999
}
