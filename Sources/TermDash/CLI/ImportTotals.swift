import Foundation
import Metrics

/// Rows and files over a whole command.
struct ImportTotals {
    var read = 0
    var accepted = 0
    var rejected = 0
    var new = 0
    var failedFiles = 0

    mutating func add(_ report: ImportReport?) {
        guard let report else {
            failedFiles += 1
            return
        }
        read += report.read
        accepted += report.accepted
        rejected += report.rejected
        new += report.new
        if report.status == .error { failedFiles += 1 }
    }
}
