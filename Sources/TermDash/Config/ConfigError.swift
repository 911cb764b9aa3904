/// A mistake in the config file, with the file and line; `others` are the file's further mistakes, so one run
/// of a command reports them all.
struct ConfigError: Error, CustomStringConvertible, Equatable {
    var path: String
    var line: Int?
    var reason: String
    /// The mistakes after this one, in line order.
    var others: [ConfigError] = []

    init(path: String, line: Int?, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// One line per mistake: "config.toml:3: display.zone: …".
    var description: String {
        ([self] + others).map { error in
            if let line = error.line { return "\(error.path):\(line): \(error.reason)" }
            return "\(error.path): \(error.reason)"
        }.joined(separator: "\n")
    }

    /// The first of `errors` by line (a mistake about the whole file first), carrying the rest in line order,
    /// each once (every setting of a section that is not a table finds the same mistake); nil when there are none.
    static func inLineOrder(_ errors: [ConfigError]) -> ConfigError? {
        var seen = Set<String>()
        let sorted = errors.enumerated().sorted { a, b in
            (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
        }.map(\.element).filter { seen.insert($0.description).inserted }
        guard var first = sorted.first else { return nil }
        first.others = Array(sorted.dropFirst())
        return first
    }
}
