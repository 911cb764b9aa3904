import ArgumentParser
import Logging

/// `--log-level`: the least severe messages a long-running command writes to its log.
enum LogLevel: String, CaseIterable, ExpressibleByArgument {
    case error, warning, notice, info, debug

    var level: Logger.Level {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .notice: return .notice
        case .info: return .info
        case .debug: return .debug
        }
    }
}
