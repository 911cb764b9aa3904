import Foundation

public enum ImportError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// The file's first row was imported before (from `earlierFile`) with another start: the source's zone is not
    /// the one it was read in then. Importing the file would store its rows a second time, at other times.
    case startsMoved(line: Int, earlierFile: String, earlierStart: Int64, start: Int64)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read the file: \(reason)"
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

    /// The whole file, or the system's reason it cannot be read ("No such file or directory", "Is a directory").
    static func readFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw unreadable(path: path, reason: "not a regular file") }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw unreadable(path: path, reason: String(cString: strerror(errno))) }
            if count == 0 { break }  // shrank while being read
            done += count
        }
        return done == bytes.count ? bytes : Array(bytes.prefix(done))
    }
}
