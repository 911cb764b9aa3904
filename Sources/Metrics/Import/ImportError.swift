import Foundation

public enum ImportError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// The file was written to while it was imported (its size or modification time changed): what was read is
    /// not what its name and hash would say.
    case changedWhileRead(path: String)
    /// The file's first row was imported before (from `earlierFile`) with another start: the source's zone is not
    /// the one it was read in then. Importing the file would store its rows a second time, at other times.
    case startsMoved(line: Int, earlierFile: String, earlierStart: Int64, start: Int64)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read the file: \(reason)"
        case .changedWhileRead(let path):
            return "\(path): the file changed while it was read; import it again once it is complete"
        case .startsMoved(let line, let earlierFile, let earlierStart, let start):
            let shift = start - earlierStart
            return "line \(line) was imported before from \(earlierFile) starting \(Self.hours(shift)) "
                + (shift > 0 ? "earlier" : "later")
                + " (UTC): this source's zone is not the one it was read in then; importing would store its rows "
                + "twice, at other times (import it with the zone used before)"
        }
    }

    private static func hours(_ seconds: Int64) -> String {
        let minutes = abs(seconds) / 60
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }
}
