import ArgumentParser
import Foundation

/// `--tz`: an IANA time zone name such as Europe/Zurich, one the system's zone database knows. Kept as written,
/// since it is what the status bar shows as "Zone".
struct ZoneName: ExpressibleByArgument, Equatable {
    let identifier: String

    init?(argument: String) {
        guard TimeZone(identifier: argument) != nil else { return nil }
        identifier = argument
    }

    var defaultValueDescription: String { identifier }

    // Too many to list in the help or an error; shells can still complete them. A closure, so the list (some
    // milliseconds to build) is made only when a shell asks, not at every start.
    static var defaultCompletionKind: CompletionKind { .custom { _, _, _ in TimeZone.knownTimeZoneIdentifiers } }
}
