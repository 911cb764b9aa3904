// libFuzzer target over CDR format detection and every format's parser (`make fuzz`). Compiled with the parsing
// sources of Sources/Metrics alone (no GRDB), so the Metrics types are in this module.
import Foundation

private let utc = LocalTimeParser(zone: TimeZone(identifier: "UTC")!)
private let zurich = LocalTimeParser(zone: TimeZone(identifier: "Europe/Zurich")!)
private let declared = ["clid", "start(int64)", "answer", "end", "billsec", "disposition(int64)", "src", "dst", "ds_type(uservar)", "linkedid"]

/// A parser for every layout a file can have, in a zone without and one with summer time.
private let parsers: [RowParser] = {
    var layouts: [ColumnLayout] = [.asterisk(columnCount: 16), .asterisk(), .freeswitch(columnCount: 13), .freeswitch(columnCount: 15)]
    layouts.append(try! ColumnLayout.asteriskCustom().get())
    layouts.append(try! ColumnLayout.asteriskCustom(declared).get())
    layouts.append(try! NativeColumns.layout(header: CSVReader.Record(line: 1, fields: NativeColumns.calls)).get())
    layouts.append(try! NativeColumns.layout(header: CSVReader.Record(line: 1, fields: NativeColumns.registrations)).get())
    return layouts.flatMap { [RowParser(layout: $0, time: utc), RowParser(layout: $0, time: zurich)] }
}()

private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}

private func check(_ result: Result<SwitchRow, RowError>, _ record: CSVReader.Record) {
    switch result {
    case .success(let row):
        require(row.endAt >= row.startAt, "end before start accepted on line \(row.line)")
        require(row.duration >= 0 && row.billsec >= 0, "negative seconds accepted")
        require((row.dtmfDigits ?? 0) >= 0, "negative DTMF count accepted")
        require(row.line == record.line, "row line \(row.line) is not the record's \(record.line)")
        require(row.rawBytes == record.rawBytes, "row bytes differ from the record's")
        _ = row.rawText
        _ = Array(row.fields)
    case .failure(let error):
        require(error.line == record.line, "reason on line \(error.line) for a record on \(record.line)")
        require(!error.reason.isEmpty, "empty reason")
        require(!error.reason.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "control character in \(error.reason)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    var records = 0
    var previousLine = 0
    for record in CSVReader(bytes: bytes) {
        records += 1
        require(record.line > previousLine, "lines go back: \(record.line) after \(previousLine)")
        require(record.lastLine >= record.line, "record ends before it starts")
        previousLine = record.lastLine
        if record.error == nil {
            require(record.fieldCount >= 1, "a clean record without fields")
            let fields = Array(record.fields)
            // Written back quoted, the fields read the same.
            let again = Array(CSVReader(text: CSVReader.Record(line: 1, fields: fields).raw))
            require(again.count == 1 && Array(again[0].fields) == fields, "fields \(fields) do not read back")
            for index in 0..<record.fieldCount { _ = record.isEmptyField(index) }
        } else {
            require(record.fieldCount == 0, "a broken record with fields")
        }
        for parser in parsers {
            if parser.layout.content == .calls {
                check(parser.parse(record), record)
            } else if case .success(let sample) = parser.parseRegistration(record) {
                require(sample.registrations >= 0, "negative registrations")
            }
        }
    }

    _ = FormatDetection.detect(bytes: bytes)
    _ = FormatDetection.detect(bytes: bytes, customColumns: declared)
    let sample = FormatDetection.sample(bytes)
    for format in CDRFormat.allCases { _ = FormatDetection.layout(for: format, sample: sample) }

    // As CDRFileReader.open does, with the zone table made once.
    for format in [nil] + CDRFormat.allCases.map(Optional.some) {
        let layout = format.map { FormatDetection.layout(for: $0, sample: sample, customColumns: declared) }
            ?? FormatDetection.detect(sample, customColumns: nil)
        guard case .success(let layout) = layout else { continue }
        let reader = CDRFileReader(bytes: bytes, parser: RowParser(layout: layout, time: zurich))
        let items = Array(reader)
        let expected = records - (reader.parser.layout.hasHeader ? 1 : 0)
        require(items.count == expected, "\(items.count) items from \(expected) records")
    }
    return 0
}
