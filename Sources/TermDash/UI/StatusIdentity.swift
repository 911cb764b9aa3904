/// The two support figures the status bar and `termdash version` share, so they can never disagree.
struct StatusIdentity {
    var version: String
    var zone: String

    var versionText: String { "Version \(version)" }
    var zoneText: String { "Zone \(zone)" }
    var segments: [String] { [versionText, zoneText] }
}
