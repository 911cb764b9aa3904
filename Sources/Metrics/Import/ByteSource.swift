/// Bytes read a piece at a time (`CSVRecords`): a file on disk (`FileBytes`), or bytes already in memory.
public protocol ByteSource {
    /// How many bytes there are.
    var count: Int { get }
    /// Up to `length` bytes from `offset` (fewer only at the end, or when the file shrank since it was opened).
    func read(from offset: Int, length: Int) throws -> [UInt8]
}

extension Array: ByteSource where Element == UInt8 {
    public func read(from offset: Int, length: Int) throws -> [UInt8] {
        Array(self[offset..<(offset + Swift.min(length, count - offset))])
    }
}
