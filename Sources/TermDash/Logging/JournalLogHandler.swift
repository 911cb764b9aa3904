import Foundation
import Logging

/// Log lines as journald reads them from a service's stderr: each line starts with its sd-daemon priority
/// (`<3>` error … `<7>` debug, sd-daemon(3)), which journald strips and keeps as the entry's level. Message and
/// metadata are sanitised here, once, because they quote file names, customers' names and switch replies: nothing
/// a customer typed reaches the journal (or a terminal tailing it) raw.
struct JournalLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    /// Where a finished line goes (with its newline); stderr in the binary.
    let write: @Sendable (String) -> Void

    init(level: Logger.Level, write: @escaping @Sendable (String) -> Void = JournalLogHandler.standardError) {
        logLevel = level
        self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        write(Self.line(level: event.level, message: event.message.description,
                        metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
    }

    /// `<6>message key=value …`, one line whatever the message held.
    static func line(level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        let pairs = metadata.sorted { $0.key < $1.key }.map { " \(Sanitizer.clean($0.key))=\(Sanitizer.clean("\($0.value)"))" }
        return "<\(priority(level))>" + Sanitizer.clean(message) + pairs.joined() + "\n"
    }

    /// syslog priorities: swift-log's notice, warning, error and critical are syslog's; trace has none below debug.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }

    @Sendable static func standardError(_ line: String) {
        FileHandle.standardError.write(Data(line.utf8))
    }
}
