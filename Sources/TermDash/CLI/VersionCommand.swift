import ArgumentParser

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Print the version and zone, exactly as the status bar shows them.")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        for segment in StatusIdentity(version: BuildInfo.version, zone: settings.config.zone).segments {
            print(segment)
        }
    }
}

/// The two support figures the status bar and `termdash version` share, so they can never disagree.
struct StatusIdentity {
    var version: String
    var zone: String

    var versionText: String { "Version \(version)" }
    var zoneText: String { "Zone \(zone)" }
    var segments: [String] { [versionText, zoneText] }
}
