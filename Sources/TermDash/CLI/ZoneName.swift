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

    // Too many to list in the help or an error; shells can still complete them.
    static var defaultCompletionKind: CompletionKind { .list(TimeZone.knownTimeZoneIdentifiers) }
}
