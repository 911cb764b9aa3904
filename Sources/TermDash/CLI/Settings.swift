import ArgumentParser
import Foundation
import Metrics

struct Settings {
    var config: Config
    var storePath: String
    /// The config file read, if any: the monitor watches it for changed `[[pages]]`.
    var configPath: String? = nil

    var timeZone: TimeZone { TimeZone(identifier: config.zone) ?? TimeZone(identifier: "UTC")! }
}

extension Settings {
    /// The store these settings name, for a command that goes through the store's protocols only (whichever backend
    /// that is); failures are one readable line.
    func openStore(readOnly: Bool) throws -> any MetricStore {
        try SQLiteStore.openForCLI(path: storePath, readOnly: readOnly)
    }
}

extension SQLiteStore {
    /// Opens a store for the CLI, turning failures into one readable line.
    static func openForCLI(path: String, readOnly: Bool) throws -> SQLiteStore {
        // SQLite would only say "disk I/O error".
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("\(path): is a directory, not a store file")
        }
        do {
            return try SQLiteStore(path: path, readOnly: readOnly)
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
    }
}
