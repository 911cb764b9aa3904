import ArgumentParser
import Foundation
import Metrics

/// One self-overwriting progress line on stderr when it is a terminal; nothing otherwise.
final class ProgressLine {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private var lastPercent = -1

    init(label: String) { self.label = label }

    func update(_ done: Int64, of total: Int64) {
        guard enabled, total > 0 else { return }
        let percent = Int(done * 100 / total)
        guard percent != lastPercent else { return }
        lastPercent = percent
        FileHandle.standardError.write(Data("\r\(label)… \(percent)%".utf8))
    }

    func finish(_ summary: String) {
        let line = enabled ? "\r\(label): \(summary)\u{1b}[K\n" : "\(label): \(summary)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
