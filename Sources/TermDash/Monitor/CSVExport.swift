import Foundation

/// `e`: the CSV of a selection written to a new file.
enum CSVExport {
    /// `$XDG_STATE_HOME/termdash/exports`, else `~/.local/state/termdash/exports`.
    static func defaultDirectory(environment: [String: String], home: String) -> String {
        (CopyPipeline.stateDirectory(environment: environment, home: home) as NSString).appendingPathComponent("exports")
    }

    /// Writes `csv` as `fileName` in `directory` (created if needed), never over an existing file: a clash gets
    /// "-2", "-3"… before the extension. Returns the status message ("Exported 6 cells to ~/…/summary-….csv")
    /// and the path written, nil when it failed.
    static func export(
        _ csv: String, what: String, directory: String, fileName: String, home: String = HomeDirectory.current()
    ) -> (message: String, path: String?) {
        let directory = HomeDirectory.expandTilde(directory, home: home)
        if let error = FileOutput.makeDirectory(directory) {
            return ("Export failed: cannot create \(CopyPipeline.displayPath(directory, home: home)): \(error)", nil)
        }
        let base = (fileName as NSString).deletingPathExtension
        let ext = (fileName as NSString).pathExtension
        for attempt in 1...100 {
            let name = attempt == 1 ? fileName : "\(base)-\(attempt)" + (ext.isEmpty ? "" : "." + ext)
            let path = (directory as NSString).appendingPathComponent(name)
            switch FileOutput.create(path, with: Array(csv.utf8)) {
            case .created:
                return ("Exported \(what) to \(CopyPipeline.displayPath(path, home: home))", path)
            case .exists:
                continue
            case .failed(let error):
                return ("Export failed: cannot write \(CopyPipeline.displayPath(path, home: home)): \(error)", nil)
            }
        }
        return ("Export failed: too many files named \(fileName)", nil)
    }
}
