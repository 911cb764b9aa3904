/// One query of a grouped figure (`ServerReadSession.groupedQueries`), and whether its sums are subtracted: the CDRs
/// of an edge minute outside the range, whose whole minute was read from the rollup (`RollupPlan.nearest`).
struct GroupedQuery: Equatable {
    var sql: String
    var subtracted = false
}
