/// Why a number block could not be added, allocated or removed.
public enum BlockError: Error, Equatable, CustomStringConvertible {
    case overlaps(NumberBlock)
    case unknown(Int64)
    case unknownCustomer(Int64)
    case outOfRange(start: Int64, size: Int64)
    case noRoom(systemStart: Int64, size: Int64)

    public var description: String {
        switch self {
        case .overlaps(let block):
            return "overlaps block \(block.id) (\(block.start)–\(block.end), customer \(block.customerCode))"
        case .unknown(let id): return "no block \(id)"
        case .unknownCustomer(let id): return "no customer \(id)"
        case .outOfRange(let start, let size):
            return "a block needs a start of 0 or more, a size of 1 or more, and an end of at most \(NumberBlock.maximumNumber) (start \(start), size \(size))"
        case .noRoom(let start, let size): return "no free block of \(size) from \(start) up to \(NumberBlock.maximumNumber)"
        }
    }
}
