/// A row of a channels table before its name is read: an account's id and the channels it holds now.
struct RankedAccount {
    var id: Int64
    var inUse: Int

    /// The first `limit` rows by channels in use (most or fewest first), rows of equal use in their given order (the
    /// store's name order, so ties go by name without comparing a string). Each row's use and position are packed
    /// into one integer and the integers sorted: a counting sort over every count up to the largest walked thousands
    /// of empty slots at carrier rates, and a sort with a closure costs several times this one.
    static func ranked(_ rows: [RankedAccount], highestFirst: Bool, limit: Int) -> [RankedAccount] {
        guard limit > 0, !rows.isEmpty else { return [] }
        let most = Int64(rows.map { max(0, $0.inUse) }.max() ?? 0)
        var keys = rows.indices.map { index -> Int64 in
            let use = Int64(max(0, rows[index].inUse))
            return (highestFirst ? most - use : use) << 32 | Int64(index)
        }
        keys.sort()
        return keys.prefix(limit).map { rows[Int($0 & 0xFFFF_FFFF)] }
    }
}
