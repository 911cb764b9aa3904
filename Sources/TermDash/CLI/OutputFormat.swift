import ArgumentParser

/// `--format` of `report` and `files`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
