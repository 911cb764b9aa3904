/// A row of a channels table before its name is read: an account's id and the channels it holds now.
struct RankedAccount {
    var id: Int64
    var inUse: Int

    /// The first `limit` rows by channels in use (most or fewest first), rows of equal use in their given order (the
    /// store's name order, so ties go by name without comparing a string): a stable counting sort, linear in the rows.
    static func ranked(_ rows: [RankedAccount], highestFirst: Bool, limit: Int) -> [RankedAccount] {
        guard limit > 0, let most = rows.map(\.inUse).max() else { return [] }
        var byUse = [[RankedAccount]](repeating: [], count: most + 1)
        for row in rows { byUse[max(0, row.inUse)].append(row) }
        var result: [RankedAccount] = []
        for use in highestFirst ? Array((0...most).reversed()) : Array(0...most) {
            result += byUse[use].prefix(limit - result.count)
            if result.count == limit { break }
        }
        return result
    }
}
