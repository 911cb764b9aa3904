import ArgumentParser
import Foundation
import Metrics

/// `termdash import --watch DIR`: a spool a switch fills all day. A file is taken once it has stopped changing
/// (same size and modification time over two scans), imported, then moved to `processed/` or `failed/` so the
/// spool shows what is left; files still growing are recorded as `waiting`.
struct SpoolWatcher {
    let directory: String
    let importer: CDRImporter
    let source: ImportSource
    let output: ImportOutput
    let moveWhenDone: Bool
    let interval: Double

    private struct Seen: Equatable {
        var size: Int64
        var modified: Date
    }

    func run(once: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("--watch \(directory): not a directory")
        }
        SignalTrap.install()
        output.say("Watching \(directory) every \(interval)s for CDR files (\(source.name)); Ctrl-C stops")
        var previous: [String: Seen] = [:]
        var totals = ImportTotals()
        while SignalTrap.pending == 0 {
            let current = try scan()
            for (path, seen) in current.sorted(by: { $0.key < $1.key }) {
                guard SignalTrap.pending == 0 else { break }
                // Stable since the last scan, or a one-shot run over files already at rest.
                let stable = previous[path] == seen || (once && Date().timeIntervalSince(seen.modified) >= interval)
                if stable {
                    let report = output.importing(path, with: importer, source: source)
                    totals.add(report)
                    if moveWhenDone { try move(path, failed: report == nil || report?.status == .error, fileID: report?.fileID) }
                } else if previous[path] == nil {
                    try importer.store.noteWaiting(
                        source: source.name, path: path, name: (path as NSString).lastPathComponent,
                        size: seen.size, at: Int64(Date().timeIntervalSince1970))
                }
            }
            previous = current
            if once { break }
            Thread.sleep(forTimeInterval: interval)
        }
        output.finish(totals)
        if SignalTrap.pending != 0 { throw ExitCode(128 + SignalTrap.pending) }
    }

    /// Regular files directly in the spool, skipping hidden ones and names that say they are still being written.
    private func scan() throws -> [String: Seen] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        var found: [String: Seen] = [:]
        for name in names where !name.hasPrefix(".") && !name.hasSuffix(".tmp") && !name.hasSuffix(".part") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            found[path] = Seen(
                size: (attributes[.size] as? NSNumber)?.int64Value ?? 0,
                modified: attributes[.modificationDate] as? Date ?? .distantPast)
        }
        return found
    }

    private func move(_ path: String, failed: Bool, fileID: Int64?) throws {
        let folder = (directory as NSString).appendingPathComponent(failed ? "failed" : "processed")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var target = (folder as NSString).appendingPathComponent((path as NSString).lastPathComponent)
        var suffix = 1
        while FileManager.default.fileExists(atPath: target) {
            suffix += 1
            target = (folder as NSString).appendingPathComponent("\((path as NSString).lastPathComponent).\(suffix)")
        }
        try FileManager.default.moveItem(atPath: path, toPath: target)
        if let fileID {
            try importer.store.noteMoved(fileID, to: target)
        }
    }
}
