import Foundation

/// The parser's state, shared by its copies (a class, so that the closures of the hot path retain one reference
/// rather than copy every array and the zone).
final class RowParserCore: Sendable {
    let layout: ColumnLayout
    let time: LocalTimeParser
    private let plan: Plan

    init(layout: ColumnLayout, time: LocalTimeParser) {
        self.layout = layout
        self.time = time
        plan = Plan(layout)
    }

    /// The columns of each meaning, by index; nil where the layout has none.
    private struct Plan: Sendable {
        enum Times: Sendable { case local, localOrUnix, native }
        enum Outcome: Sendable { case asterisk, freeswitch, native }

        var columnCount: ClosedRange<Int>
        var times: Times
        var outcome: Outcome
        var accountCode, src, dst, callerName, clid, channel, dstChannel: Int?
        var start, answer, end, duration, billsec, disposition, hangupCause: Int?
        var legID, callKey, dtmf, customer, carrier, did: Int?
        var at, registrations: Int?

        init(_ layout: ColumnLayout) {
            func at(_ name: String) -> Int? { layout.index(of: name) }
            columnCount = layout.columns.count...layout.columns.count
            times = .local
            outcome = .asterisk
            switch layout.format {
            case .asterisk, .asteriskCustom:
                if layout.format == .asterisk {
                    columnCount = CDRColumns.asteriskCount
                    // cdr_csv's order is fixed whatever the first record had.
                    let names = CDRColumns.asterisk
                    func fixed(_ name: String) -> Int? { names.firstIndex(of: name) }
                    (accountCode, src, dst, clid, channel, dstChannel) =
                        (fixed("accountcode"), fixed("src"), fixed("dst"), fixed("clid"), fixed("channel"), fixed("dstchannel"))
                    (start, answer, end, duration, billsec, disposition) =
                        (fixed("start"), fixed("answer"), fixed("end"), fixed("duration"), fixed("billsec"), fixed("disposition"))
                    (legID, callKey) = (fixed("uniqueid"), fixed("linkedid"))
                } else {
                    times = .localOrUnix
                    (accountCode, src, dst, clid, channel, dstChannel) =
                        (at("accountcode"), at("src"), at("dst"), at("clid"), at("channel"), at("dstchannel"))
                    (start, answer, end, duration, billsec, disposition) =
                        (at("start"), at("answer"), at("end"), at("duration"), at("billsec"), at("disposition"))
                    (legID, callKey) = (at("uniqueid"), at("linkedid"))
                }
            case .freeswitch:
                outcome = .freeswitch
                (callerName, src, dst, start, answer, end) =
                    (at("caller_id_name"), at("caller_id_number"), at("destination_number"), at("start_stamp"),
                     at("answer_stamp"), at("end_stamp"))
                (duration, billsec, hangupCause, legID, callKey, accountCode) =
                    (at("duration"), at("billsec"), at("hangup_cause"), at("uuid"), at("bleg_uuid"), at("accountcode"))
            case .native:
                times = .native
                outcome = .native
                (callerName, src, dst, accountCode, channel, dstChannel) =
                    (at("caller_name"), at("src"), at("dst"), at("account_code"), at("channel"), at("dst_channel"))
                (start, answer, end, duration, billsec, disposition, hangupCause) =
                    (at("start"), at("answer"), at("end"), at("duration"), at("billsec"), at("disposition"), at("hangup_cause"))
                (legID, callKey, dtmf, customer, carrier, did) =
                    (at("leg_id"), at("call_id"), at("dtmf_digits"), at("customer"), at("carrier"), at("did"))
                (self.at, registrations) = (at("at"), at("registrations"))
            }
        }
    }

    func parse(_ record: CSVReader.Record) -> Result<SwitchRow, RowError> {
        do throws(RowError) {
            return .success(try row(record))
        } catch {
            return .failure(error)
        }
    }

    func parseRegistration(_ record: CSVReader.Record) -> Result<RegistrationSample, RowError> {
        do throws(RowError) {
            try check(record)
            let line = record.line
            guard let atColumn = plan.at, let countColumn = plan.registrations else {
                throw RowError(line, "this file's header has no at and registrations columns")
            }
            return .success(try record.withView { (fields) throws(RowError) in
                guard let at = try instant(fields, line, atColumn, optional: false) else { throw RowError(line, "at is empty") }
                let count = try whole(fields, line, countColumn)
                return RegistrationSample(line: line, at: at, customer: optionalText(fields, plan.customer), registrations: count)
            })
        } catch {
            return .failure(error)
        }
    }

    private func row(_ record: CSVReader.Record) throws(RowError) -> SwitchRow {
        try check(record)
        return try record.withView { (fields) throws(RowError) in try row(record, fields) }
    }

    private func row(_ record: CSVReader.Record, _ fields: CSVReader.Record.View) throws(RowError) -> SwitchRow {
        let line = record.line
        guard layout.content == .calls, let startColumn = plan.start, let endColumn = plan.end,
              let billsecColumn = plan.billsec
        else { throw RowError(line, "this file holds registration samples, not calls") }
        guard let start = try instant(fields, line, startColumn, optional: false),
              let end = try instant(fields, line, endColumn, optional: false)
        else { throw RowError(line, "no start or end") }
        let answer = try plan.answer.flatMap { (column) throws(RowError) in try instant(fields, line, column, optional: true) }
        guard end >= start else { throw RowError(line, "end is before start") }
        guard end - start <= Int64(CallRecord.longestSeconds) else {
            throw RowError(line, "the call lasts \((end - start) / 86_400) days from start to end; a CDR of more than 31 days is not one call")
        }
        let duration: Int
        if let column = plan.duration, !(plan.outcome == .native && fields.isEmpty(column)) {
            duration = try seconds(fields, line, column)
        } else {
            duration = Int(clamping: end - start)
        }
        let billsec = try seconds(fields, line, billsecColumn)
        let answered = answer != nil && billsec > 0

        let hangupCause = optionalText(fields, plan.hangupCause)
        let disposition: Disposition
        switch plan.outcome {
        case .asterisk:
            if let column = plan.disposition {
                disposition = try fields.withField(column) { (bytes) throws(RowError) in
                    guard let value = Dispositions.asterisk(bytes) else {
                        throw RowError(line, "\(name(column)) \(quoted(bytes)) is not \(Dispositions.asteriskExpected)")
                    }
                    return value
                }
            } else {
                disposition = answered ? .answered : .noAnswer
            }
        case .freeswitch:
            disposition = answered ? .answered : Dispositions.unanswered(cause: hangupCause?.uppercased())
        case .native:
            if let column = plan.disposition, !fields.isEmpty(column) {
                disposition = try fields.withField(column) { (bytes) throws(RowError) in
                    guard let value = Dispositions.native(bytes) else {
                        throw RowError(line, "\(name(column)) \(quoted(bytes)) is not \(Dispositions.nativeExpected)")
                    }
                    return value
                }
            } else if answered {
                disposition = .answered
            } else {
                disposition = hangupCause == nil ? .noAnswer : Dispositions.unanswered(cause: hangupCause?.uppercased())
            }
        }

        var dtmf: Int?
        if let column = plan.dtmf, !fields.isEmpty(column) {
            dtmf = try whole(fields, line, column, unit: " of digits",
                             most: (CallRecord.mostDigits, "more than a million digits"))
        }

        let legID = optionalText(fields, plan.legID)
        var callerName = text(fields, plan.callerName)
        if let column = plan.clid, column < fields.count {
            callerName = fields.withField(column) { CallerID.name($0) }
        }
        return SwitchRow(
            line: line, fields: record.fields, accountCode: text(fields, plan.accountCode), src: text(fields, plan.src),
            dst: text(fields, plan.dst), callerName: callerName, channel: text(fields, plan.channel),
            dstChannel: text(fields, plan.dstChannel), startAt: start, answerAt: answer, endAt: end, duration: duration,
            billsec: billsec, disposition: disposition, hangupCause: hangupCause, legID: legID,
            callKey: optionalText(fields, plan.callKey) ?? legID, dtmfDigits: dtmf,
            customer: plan.outcome == .native ? optionalText(fields, plan.customer) : nil,
            carrier: optionalText(fields, plan.carrier), did: optionalText(fields, plan.did), rawBytes: record.rawBytes)
    }

    /// A record that could not be read, or has the wrong number of columns, is rejected as it stands.
    private func check(_ record: CSVReader.Record) throws(RowError) {
        if let error = record.error { throw RowError(record.line, error) }
        let count = record.fieldCount
        guard plan.columnCount.contains(count) else {
            var reason: String
            switch layout.format {
            case .asterisk: reason = "\(count) columns; Asterisk cdr_csv has 16 to 21"
            case .asteriskCustom: reason = "\(count) columns; the cdr_custom mapping has \(layout.columns.count)"
            case .freeswitch:
                reason = "\(count) columns; this FreeSWITCH file has \(layout.columns.count) (the \(layout.columns.count == 13 ? "default" : "example") template)"
            case .native: reason = "\(count) columns; the header has \(layout.columns.count)"
            }
            if record.lastLine > record.line {
                reason += " (the record runs on to line \(record.lastLine): a quote left open joins lines)"
            }
            throw RowError(record.line, reason)
        }
    }

    private func name(_ column: Int) -> String {
        column < layout.columns.count ? layout.columns[column] : "column \(column + 1)"
    }

    /// A time column in UTC seconds; nil when empty and `optional`.
    private func instant(_ fields: CSVReader.Record.View, _ line: Int, _ column: Int, optional: Bool) throws(RowError) -> Int64? {
        guard column < fields.count else {
            if optional { return nil }
            throw RowError(line, "\(name(column)) is missing")
        }
        let times = plan.times
        return try fields.withField(column) { (bytes) throws(RowError) -> Int64? in
            if bytes.isEmpty, optional { return nil }
            let value: Int64?
            let expected: String
            switch times {
            case .local:
                value = time.seconds(bytes: bytes)
                expected = "a YYYY-MM-DD HH:MM:SS time"
            case .localOrUnix:
                value = time.seconds(bytes: bytes) ?? NativeTime.unixSeconds(bytes)
                expected = "a YYYY-MM-DD HH:MM:SS time or Unix seconds"
            case .native:
                value = NativeTime.seconds(bytes, local: time)
                expected = NativeTime.expected
            }
            guard let value else { throw RowError(line, "\(name(column)) \(quoted(bytes)) is not \(expected)") }
            return value
        }
    }

    /// A whole, non-negative number (of `unit`, as the reason names it), at most `most.value` when given (its
    /// `reason` says what a larger one is).
    private func whole(_ fields: CSVReader.Record.View, _ line: Int, _ column: Int, unit: String = "",
                       most: (value: Int, reason: String)? = nil) throws(RowError) -> Int {
        guard column < fields.count else { throw RowError(line, "\(name(column)) is missing") }
        return try fields.withField(column) { (bytes) throws(RowError) in
            guard let value = wholeNumber(bytes) else {
                throw RowError(line, "\(name(column)) \(quoted(bytes)) is not a whole number\(unit)")
            }
            if let most, value > most.value { throw RowError(line, "\(name(column)) \(quoted(bytes)) is \(most.reason)") }
            return value
        }
    }

    /// A whole, non-negative number of seconds, at most `CallRecord.longestSeconds`.
    private func seconds(_ fields: CSVReader.Record.View, _ line: Int, _ column: Int) throws(RowError) -> Int {
        try whole(fields, line, column, unit: " of seconds",
                  most: (CallRecord.longestSeconds, "more than 31 days of seconds"))
    }

    private func text(_ fields: CSVReader.Record.View, _ column: Int?) -> String {
        guard let column, column < fields.count else { return "" }
        return fields.string(column)
    }

    private func optionalText(_ fields: CSVReader.Record.View, _ column: Int?) -> String? {
        guard let column, column < fields.count, !fields.isEmpty(column) else { return nil }
        return fields.string(column)
    }
}
