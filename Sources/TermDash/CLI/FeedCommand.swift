import ArgumentParser

/// `termdash feed KIND`: a long-running writer that keeps the store current from a live switch.
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Feed the store live from a switch (calls in progress, CDRs, registrations) until stopped.",
        subcommands: [FeedKamailioCommand.self])
}
