import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Small file writes with private permissions (the text may be billing figures).
enum FileOutput {
    enum CreateResult: Equatable { case created, exists, failed(String) }

    /// Creates the directory and its parents (0700 for the ones created); nil on success, else the reason.
    static func makeDirectory(_ path: String) -> String? {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) == 0 { continue }
            let error = errno
            var info = stat()
            guard error == EEXIST, stat(current, &info) == 0 else { return reason(error) }
            if info.st_mode & S_IFMT != S_IFDIR { return reason(ENOTDIR) }
        }
        return nil
    }

    /// Replaces `path` with `contents` atomically (a temporary file renamed over it); nil on success.
    static func replace(_ path: String, with contents: [UInt8]) -> String? {
        if let error = makeDirectory((path as NSString).deletingLastPathComponent) { return error }
        let temporary = path + ".tmp-\(getpid())"
        switch create(temporary, with: contents, replacing: true) {
        case .created: break
        case .exists: return reason(EEXIST)
        case .failed(let error): return error
        }
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            return reason(error)
        }
        return nil
    }

    /// Creates `path` (mode 0600) with `contents`; with `replacing`, truncates an existing file instead of
    /// reporting it.
    static func create(_ path: String, with contents: [UInt8], replacing: Bool = false) -> CreateResult {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else { return errno == EEXIST ? .exists : .failed(reason(errno)) }
        var offset = 0
        while offset < contents.count {
            let written = contents[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let error = errno
                close(fd)
                unlink(path)
                return .failed(reason(error))
            }
            offset += written
        }
        guard close(fd) == 0 else {
            let error = errno
            unlink(path)
            return .failed(reason(error))
        }
        return .created
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
