/// A record's fields as `String`s, decoded when read: indexable like an array, equal to an array literal.
public struct CSVFields: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible {
    private enum Storage: Equatable, Sendable {
        case record(CSVReader.Record)
        case strings([String])
    }

    private let storage: Storage

    init(_ record: CSVReader.Record) { storage = .record(record) }

    public init(_ strings: [String]) { storage = .strings(strings) }

    public init(arrayLiteral elements: String...) { storage = .strings(elements) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .record(let record): return record.fieldCount
        case .strings(let strings): return strings.count
        }
    }

    public subscript(position: Int) -> String {
        switch storage {
        case .record(let record): return record.field(position)
        case .strings(let strings): return strings[position]
        }
    }

    public static func == (lhs: CSVFields, rhs: CSVFields) -> Bool { lhs.elementsEqual(rhs) }

    public var description: String { Array(self).description }
}
