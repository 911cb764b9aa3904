// TEMPORARY stub until the formats branch lands. Not to be committed.
import Foundation
public enum CDRFormat: String, Sendable, CaseIterable { case asterisk, asteriskCustom = "asterisk-custom", freeswitch, native }
public struct ColumnLayout: Sendable, Equatable {
    public var format: CDRFormat
    public var columns: [String]
    public var hasHeader: Bool
    public func index(of name: String) -> Int? { columns.firstIndex(of: name) }
    public static func problem(withCustomColumns names: [String]) -> String? { nil }
}
public struct SwitchRow: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
    public var accountCode = "", src = "", dst = "", callerName = "", channel = "", dstChannel = ""
    public var startAt: Int64 = 0, answerAt: Int64? = nil, endAt: Int64 = 0
    public var duration = 0, billsec = 0
    public var disposition: Disposition = .answered
    public var hangupCause: String? = nil, legID: String? = nil, callKey: String? = nil
    public var dtmfDigits: Int? = nil
    public var customer: String? = nil, carrier: String? = nil, did: String? = nil
}
public struct DetectionError: Error, CustomStringConvertible { public var description: String }
public enum FormatDetection {
    static let names = ["accountcode","src","dst","dcontext","clid","channel","dstchannel","lastapp","lastdata","start","answer","end","duration","billsec","disposition","amaflags","uniqueid","userfield","peeraccount","linkedid","sequence"]
    public static func layout(of bytes: [UInt8], format: CDRFormat?, customColumns: [String]?) -> Result<ColumnLayout, DetectionError> {
        var reader = CSVReader(bytes: bytes)
        guard let first = reader.next() else { return .failure(DetectionError(description: "empty file")) }
        guard (16...21).contains(first.fields.count) else { return .failure(DetectionError(description: "unknown format: \(first.fields.count) columns")) }
        return .success(ColumnLayout(format: .asterisk, columns: names, hasHeader: false))
    }
}
public struct RowParser {
    let time: LocalTimeParser
    public init(layout: ColumnLayout, zone: TimeZone) { time = LocalTimeParser(zone: zone) }
    public func parse(_ record: CSVReader.Record) -> Result<SwitchRow, RowError> {
        switch AsteriskCSV.parse(record, time: time) {
        case .failure(let e): return .failure(e)
        case .success(let r):
            var s = SwitchRow(line: record.line, fields: record.fields)
            s.accountCode = r.accountCode; s.src = r.src; s.dst = r.dst; s.callerName = r.callerID; s.channel = r.channel; s.dstChannel = r.dstChannel
            s.startAt = r.startAt; s.answerAt = r.answerAt; s.endAt = r.endAt; s.duration = r.duration; s.billsec = r.billsec; s.disposition = r.disposition
            s.legID = r.uniqueID; s.callKey = r.linkedID ?? r.uniqueID
            return .success(s)
        }
    }
}
