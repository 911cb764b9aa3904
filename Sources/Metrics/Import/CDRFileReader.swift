import Foundation

/// A CDR file read record by record in its layout: the header (native files) skipped, every other record a call,
/// a registration sample, or a rejected record with its line and reason. Records read = calls + samples + rejected.
public struct CDRFileReader: Sequence, IteratorProtocol {
    public enum Item: Sendable, Equatable {
        case call(SwitchRow)
        case registration(RegistrationSample)
        case rejected(RowError, CSVReader.Record)
    }

    public let parser: RowParser
    private var records: CSVRecords
    private var headerPending: Bool

    /// Why the file stopped being read before its end (`CSVRecords.failure`); nil when it was read whole.
    public var failure: (any Error)? { records.failure }

    public init(bytes: [UInt8], parser: RowParser) {
        self.init(source: bytes, windowSize: bytes.count, parser: parser)
    }

    /// A reader of `source` a window of `windowSize` bytes at a time.
    public init(source: any ByteSource, windowSize: Int = 8 << 20, parser: RowParser) {
        self.parser = parser
        records = CSVRecords(source: source, windowSize: windowSize)
        headerPending = parser.layout.hasHeader
    }

    /// The reader of a file in `format` (detected when nil), or why the file cannot be read at all: UTF-16 text, or a
    /// format that cannot be told or does not fit.
    public static func open(bytes: [UInt8], format: CDRFormat? = nil, customColumns: [String]? = nil, zone: TimeZone)
        -> Result<CDRFileReader, DetectionError>
    {
        open(source: bytes, windowSize: bytes.count, format: format, customColumns: customColumns, zone: zone)
    }

    /// The same over `source`, read a window at a time.
    public static func open(source: any ByteSource, windowSize: Int = 8 << 20, format: CDRFormat? = nil,
                            customColumns: [String]? = nil, zone: TimeZone) -> Result<CDRFileReader, DetectionError> {
        if UTF16Detection.isUTF16((try? source.read(from: 0, length: 4_096)) ?? []) { return .failure(UTF16Detection.error) }
        let sample = Array(CSVRecords(source: source, windowSize: windowSize).prefix(FormatDetection.sampleSize))
        let layout = format.map { FormatDetection.layout(for: $0, sample: sample, customColumns: customColumns) }
            ?? FormatDetection.detect(sample, customColumns: customColumns)
        return layout.map { CDRFileReader(source: source, windowSize: windowSize, parser: RowParser(layout: $0, zone: zone)) }
    }

    public mutating func next() -> Item? {
        guard let record = records.next() else { return nil }
        if headerPending {
            headerPending = false
            return next()
        }
        switch parser.layout.content {
        case .calls:
            switch parser.parse(record) {
            case .success(let row): return .call(row)
            case .failure(let error): return .rejected(error, record)
            }
        case .registrations:
            switch parser.parseRegistration(record) {
            case .success(let sample): return .registration(sample)
            case .failure(let error): return .rejected(error, record)
            }
        }
    }
}
