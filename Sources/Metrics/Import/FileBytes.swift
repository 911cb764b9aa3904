import Foundation

/// A CDR file read a piece at a time, so an import holds a window of it rather than all of it. Opened once: the
/// pieces come from the same file, and `isUnchanged` tells whether it was written to since (its size and
/// modification time).
public final class FileBytes: ByteSource {
    public let path: String
    public let count: Int
    private let descriptor: Int32
    private let opened: stat

    /// Opens `path`, or throws the system's reason it cannot be read ("No such file or directory", "Is a
    /// directory").
    public init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ImportError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ImportError.unreadable(path: path, reason: reason)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw ImportError.unreadable(path: path, reason: "not a regular file")
        }
        self.descriptor = descriptor
        opened = status
        count = Int(status.st_size)
    }

    deinit { close(descriptor) }

    public func read(from offset: Int, length: Int) throws -> [UInt8] {
        let wanted = max(0, min(length, count - offset))
        var bytes = [UInt8](repeating: 0, count: wanted)
        var done = 0
        while done < wanted {
            let got = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, wanted - done, off_t(offset + done))
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw ImportError.unreadable(path: path, reason: String(cString: strerror(errno))) }
            if got == 0 { break }  // shrank while being read
            done += got
        }
        return done == wanted ? bytes : Array(bytes.prefix(done))
    }

    /// The hash of the whole file, read 8 MiB at a time; nil when it shrank meanwhile.
    public func contentHash() throws -> ContentHash? {
        var builder = ContentHashBuilder(count: count)
        var offset = 0
        while offset < count {
            let piece = try read(from: offset, length: 8 << 20)
            guard !piece.isEmpty else { return nil }
            piece.withUnsafeBytes { builder.add($0) }
            offset += piece.count
            // A short piece before the end: the file shrank.
            if piece.count % 8 != 0, offset < count { return nil }
        }
        return builder.finish()
    }

    /// Whether the file has its size and modification time of when it was opened: nobody wrote to it meanwhile.
    public var isUnchanged: Bool {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        return status.st_size == opened.st_size && status.st_mtim.tv_sec == opened.st_mtim.tv_sec
            && status.st_mtim.tv_nsec == opened.st_mtim.tv_nsec
    }
}
