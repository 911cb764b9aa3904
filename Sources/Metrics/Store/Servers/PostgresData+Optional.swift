import PostgresNIO

extension PostgresData {
    /// A bigint bind that may be NULL.
    static func optional(_ value: Int64?) -> PostgresData {
        value.map { PostgresData(int64: $0) } ?? PostgresData(type: .int8, formatCode: .binary, value: nil)
    }

    /// A text bind that may be NULL.
    static func optional(_ value: String?) -> PostgresData {
        value.map { PostgresData(string: $0) } ?? PostgresData(type: .text, formatCode: .binary, value: nil)
    }

    /// A bigint bind from an `Int`.
    static func int(_ value: Int) -> PostgresData { PostgresData(int64: Int64(value)) }
}

extension PostgresData {
    /// A text[] bind: a whole column of rows sent in one statement (`unnest`).
    static func texts(_ values: [String]) -> PostgresData {
        PostgresData(array: values.map { PostgresData(string: $0) }, elementType: .text)
    }

    /// A bigint[] bind.
    static func ints(_ values: [Int64]) -> PostgresData {
        PostgresData(array: values.map { PostgresData(int64: $0) }, elementType: .int8)
    }
}
