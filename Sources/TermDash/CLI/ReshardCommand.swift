import ArgumentParser
import Foundation
import Metrics
import ServerStore

/// `termdash reshard`: after a ClickHouse shard is added, each CDR moved to the server its key's shard names.
struct ReshardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reshard",
        abstract: "Move each CDR to the ClickHouse shard the cluster now names for it, then make the rollups again.",
        discussion: """
            For the servers store, after a shard is added (docs/scale-out.md, "Adding a shard"). Stop the importers \
            and feeds first: figures read while it runs may count the CDRs being moved twice. Run again after an \
            interruption: it takes up where it stopped.
            """)

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        guard settings.config.store.kind == .servers else {
            throw CLIError("`termdash reshard` is for the servers store (kind = \"servers\"): the embedded store has no shards")
        }
        let store = try settings.openServers()
        let started = Date()
        let moves: [ReshardMove]
        do {
            moves = try store.reshard { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        } catch let error as ServerStoreError {
            throw CLIError(error.description)
        }
        for move in moves {
            print("Moved \(FigureText.integer(Int64(move.cdrs), grouped: true)) CDRs from \(move.from) to \(move.to)")
        }
        let total = moves.reduce(0) { $0 + $1.cdrs }
        print(String(format: "Every CDR is on its shard (%@ moved); the rollups are made again (%.1f s)",
                     FigureText.integer(Int64(total), grouped: true), Date().timeIntervalSince(started)))
    }
}
