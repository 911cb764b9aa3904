/// A row of a channels table before its name is read: an account's id and the channels it holds now.
struct RankedAccount {
    var id: Int64
    var inUse: Int

    /// The first `limit` rows by channels in use (most or fewest first), rows of equal use in their given order (the
    /// store's name order, so ties go by name without comparing a string). A sort of the rows, not of the counts: a
    /// counting sort over every count up to the largest walked thousands of empty slots at carrier rates.
    static func ranked(_ rows: [RankedAccount], highestFirst: Bool, limit: Int) -> [RankedAccount] {
        guard limit > 0, !rows.isEmpty else { return [] }
        let order = rows.indices.sorted { left, right in
            let (a, b) = (max(0, rows[left].inUse), max(0, rows[right].inUse))
            if a != b { return highestFirst ? a > b : a < b }
            return left < right
        }
        return order.prefix(limit).map { rows[$0] }
    }
}
