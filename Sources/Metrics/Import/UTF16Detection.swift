/// Tells a UTF-16 file (Windows tools write CSV so, "Unicode" in their save dialogs) from the UTF-8 TermDash
/// reads: read as UTF-8 its text is full of NUL bytes and no field reads, which says nothing of the cause.
enum UTF16Detection {
    /// What the import says of such a file.
    static let error = DetectionError(
        .notUTF8, "UTF-16 text; TermDash reads UTF-8 (convert with iconv -f UTF-16 -t UTF-8)")

    /// A UTF-16 byte-order mark, or, without one, text whose every other byte is NUL: the high bytes of the ASCII
    /// a CDR file is mostly made of (on one side only, so that a UTF-8 file with a few NUL bytes is not taken for one).
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let pairs = min(bytes.count, 4_096) / 2
        guard pairs >= 2 else { return false }
        var evenZeros = 0
        var oddZeros = 0
        for pair in 0..<pairs {
            if bytes[2 * pair] == 0 { evenZeros += 1 }
            if bytes[2 * pair + 1] == 0 { oddZeros += 1 }
        }
        let most = pairs * 6 / 10
        let few = pairs / 10
        return (oddZeros >= most && evenZeros <= few) || (evenZeros >= most && oddZeros <= few)
    }
}
