import ArgumentParser
import Logging

/// The options of the commands that run as services (import --watch, feed, exporter): their log's level.
struct LoggingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Least severe messages logged (to stderr, with journald's <N> level prefixes).",
                               valueName: "level"))
    var logLevel: LogLevel = .info

    /// A logger of this command's level writing journald lines to stderr.
    func logger(label: String) -> Logger {
        let level = logLevel.level
        return Logger(label: label) { _ in JournalLogHandler(level: level) }
    }
}
