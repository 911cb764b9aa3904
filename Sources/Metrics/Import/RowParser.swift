import Foundation

/// Reads the records of one file into `SwitchRow`s (or `RegistrationSample`s for a native registrations file),
/// one record at a time, each either a row or the reason it cannot be one, with its line.
///
/// Values are read from the record's bytes; a `String` is made only for the text a row keeps.
public struct RowParser: Sendable {
    private let core: RowParserCore

    public var layout: ColumnLayout { core.layout }
    /// Reads switch times written without a zone, in the source's zone.
    public var time: LocalTimeParser { core.time }

    public init(layout: ColumnLayout, zone: TimeZone) {
        self.init(layout: layout, time: LocalTimeParser(zone: zone))
    }

    public init(layout: ColumnLayout, time: LocalTimeParser) {
        core = RowParserCore(layout: layout, time: time)
    }

    func parse(_ record: CSVReader.Record) -> Result<SwitchRow, RowError> { core.parse(record) }

    /// The registration sample a record of a native registrations file states, or why it cannot be used.
    public func parseRegistration(_ record: CSVReader.Record) -> Result<RegistrationSample, RowError> {
        core.parseRegistration(record)
    }
}
