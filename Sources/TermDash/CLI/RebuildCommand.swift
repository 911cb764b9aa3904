import ArgumentParser
import Foundation
import Metrics

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recompute every aggregate (rollups, per-second attempts, occupancy) from the CDRs.",
        discussion: "Gives the same figures the incremental writes kept; run it after writing CDRs by other means.")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        if settings.config.store.kind == .servers {
            let read = try settings.openServers().rebuildAggregates(settings.config.retention, at: 0)
            print("The servers store's minute rollup is recomputed wherever a writer left it stale (\(read) CDRs stored)")
            return
        }
        guard FileManager.default.fileExists(atPath: settings.storePath) else {
            throw CLIError("\(settings.storePath): no store here")
        }
        let store = try settings.openSQLite(readOnly: false, command: "rebuild")
        let started = Date()
        let now = Int64(started.timeIntervalSince1970)
        let read = try store.rebuildAggregates(settings.config.retention, at: now)
        print(String(format: "Rebuilt the aggregates of %d CDRs in %.1f s", read, Date().timeIntervalSince(started)))
    }
}
