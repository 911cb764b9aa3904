import ArgumentParser

/// How many times `panes` and `cluster` time the snapshot and its plain-SQL baseline: the same options, with the same
/// help and checks, in both.
struct TimedRuns: ParsableArguments {
    @Option(help: ArgumentHelp("Timed snapshot runs, after one warm-up.", valueName: "K"))
    var runs: WholeNumber = 15

    @Option(help: ArgumentHelp("Timed plain-SQL runs, after one checking run.", valueName: "K"))
    var baselineRuns: WholeNumber = 5

    func validate() throws {
        try WholeNumber.require([("--runs", runs, 1), ("--baseline-runs", baselineRuns, 1)])
    }
}
