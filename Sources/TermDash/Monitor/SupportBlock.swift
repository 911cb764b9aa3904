import Foundation

/// What support asks for in a ticket, copied with one key: the build, the zone, the time in UTC and the store.
enum SupportBlock {
    static func text(identity: StatusIdentity, zone: String, now: Date, storePath: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let displayed = StatusIdentity(version: identity.version, zone: zone)
        return [
            displayed.versionText, displayed.zoneText, "Time \(formatter.string(from: now)) UTC", "Store \(storePath)",
        ].joined(separator: "\n") + "\n"
    }
}
