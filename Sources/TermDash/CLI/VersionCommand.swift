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
