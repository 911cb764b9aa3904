import ArgumentParser
import Foundation
import Metrics

struct RatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates", abstract: "Load and list rate cards.",
        subcommands: [RatesImportCommand.self, RatesListCommand.self, RatesUnratedCommand.self])
}
