import PostgresNIO

extension PostgresRow {
    /// Column `index` as a 64-bit integer (bigint, integer or smallint).
    func int(_ index: Int) throws -> Int64 { try makeRandomAccess()[index].decode(Int64.self) }

    func optionalInt(_ index: Int) throws -> Int64? { try makeRandomAccess()[index].decode(Int64?.self) }

    func text(_ index: Int) throws -> String { try makeRandomAccess()[index].decode(String.self) }

    func optionalText(_ index: Int) throws -> String? { try makeRandomAccess()[index].decode(String?.self) }

    func bool(_ index: Int) throws -> Bool { try makeRandomAccess()[index].decode(Bool.self) }
}
