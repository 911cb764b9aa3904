/// The custom pages a session may show now, config pages first then stored ones, and what was wrong with the rest
/// (a config that no longer parses, a stored page that does not, a title twice); the problems go on the status line.
struct PageSet: Equatable, Sendable {
    var pages: [CustomPage] = []
    var problems: [String] = []
}
