import Foundation

/// The status-bar clock: "2026-11-21 17:30:05 +01:00" in the chosen zone (the zone's name is beside it as Zone). Shared by the monitor and `snapshot` so
/// both show the same text.
enum ClockFormat {
    static func formatter(for zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        // Offsets rather than abbreviations: Linux gives "GMT+1" for most zones, and an offset is unambiguous.
        // Foundation on Linux names the UTC zone "GMT"; either way the clock says UTC.
        let isUTC = ["UTC", "GMT", "Etc/UTC", "Etc/GMT"].contains(zone.identifier)
        formatter.dateFormat = isUTC ? "yyyy-MM-dd HH:mm:ss 'UTC'" : "yyyy-MM-dd HH:mm:ss xxx"
        return formatter
    }

    /// "15:32:07" in `zone`: when the store stopped answering, on the status line.
    static func timeOfDay(_ date: Date, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }
}
