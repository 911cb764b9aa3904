import Foundation

/// What tells a file changed without reading it: its inode, size and modification time (an editor that saves by
/// renaming changes the inode; one that writes in place, the time or size).
struct FileSignature: Equatable, Sendable {
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int

    /// nil when the file cannot be stat'ed (removed for a moment while an editor saves).
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
