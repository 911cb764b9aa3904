import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

final class FreeSWITCHCSVTests: XCTestCase {
    /// The sample's columns split by hand (it quotes every value and has no commas inside them), to check the
    /// parser against a count made another way.
    private func handSplit(_ bytes: [UInt8]) -> [[String]] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { line in
            line.dropFirst().dropLast().components(separatedBy: "\",\"")
        }
    }

    func testTheExampleTemplateSampleParsesFullyAndAgreesWithAHandCount() throws {
        let bytes = try CDRSamples.bytes("freeswitch-example-15col.csv")
        let rows = try CDRSamples.parse(bytes, .freeswitch(columnCount: 15)).map { try $0.get() }
        let hand = handSplit(bytes)
        XCTAssertEqual(rows.count, 82)
        XCTAssertEqual(hand.count, 82)
        XCTAssertTrue(hand.allSatisfy { $0.count == 15 })

        let answeredByHand = hand.filter { !$0[5].isEmpty && Int($0[8])! > 0 }.count
        XCTAssertEqual(rows.filter(\.isAnswered).count, answeredByHand)
        XCTAssertEqual(rows.filter { $0.disposition == .answered }.count, answeredByHand)
        XCTAssertEqual(answeredByHand, 11)

        // NORMAL_CLEARING without an answer is not answered.
        let clearedUnanswered = hand.filter { $0[9] == "NORMAL_CLEARING" && $0[5].isEmpty }.count
        XCTAssertGreaterThan(clearedUnanswered, 0)
        XCTAssertEqual(rows.filter { $0.hangupCause == "NORMAL_CLEARING" && !$0.isAnswered }.count, clearedUnanswered)
        XCTAssertTrue(rows.filter { $0.hangupCause == "NORMAL_CLEARING" && $0.answerAt == nil }.allSatisfy { $0.disposition == .noAnswer })
        XCTAssertEqual(rows.filter { $0.disposition == .busy }.count, hand.filter { $0[9] == "USER_BUSY" }.count)
        XCTAssertEqual(rows.filter { $0.hangupCause == "USER_NOT_REGISTERED" }.map(\.disposition), [.failed, .failed, .failed])

        XCTAssertEqual(rows.map(\.billsec).reduce(0, +), hand.map { Int($0[8])! }.reduce(0, +))
        XCTAssertEqual(rows.map(\.dst), hand.map { $0[2] })
        XCTAssertEqual(Set(rows.compactMap(\.legID)).count, Set(hand.map { $0[10] }).count)
        XCTAssertTrue(rows.allSatisfy { $0.dtmfDigits == nil }, "FreeSWITCH CSV does not record DTMF")

        let first = rows[0]
        XCTAssertEqual(first.callerName, "FreeSWITCH User")
        XCTAssertEqual(first.src, "1008")
        XCTAssertEqual(first.startAt, 1_455_594_401, "2016-02-16 03:46:41 UTC")
        XCTAssertEqual(first.endAt - first.startAt, 137)
        XCTAssertEqual(first.accountCode, "1008")
        XCTAssertEqual(first.legID, "4824c308-0099-971d-1890-157b0d8308f3")
        XCTAssertEqual(first.callKey, first.legID, "no B leg: the call is its own uuid")
        XCTAssertEqual(first.fields[13], "opus")
        XCTAssertEqual(first.channel, "")
        XCTAssertEqual(rows.filter { $0.accountCode.isEmpty }.count, hand.filter { $0[12].isEmpty }.count)
    }

    func testStampsAreReadInTheSourcesZone() throws {
        let bytes = try CDRSamples.bytes("freeswitch-example-15col.csv")
        let zurich = TimeZone(identifier: "Europe/Zurich")!
        let row = try CDRSamples.parse(bytes, .freeswitch(columnCount: 15), zone: zurich)[0].get()
        XCTAssertEqual(row.startAt, 1_455_594_401 - 3_600)
    }

    /// The built-in default template: 13 columns, and a space before the accountcode's quote.
    func testTheDefaultTemplate() throws {
        let line = #""Alice","1000","0041442000000","default","2024-05-01 10:00:00","2024-05-01 10:00:07","2024-05-01 10:01:07","67","60","NORMAL_CLEARING","a-leg-uuid","b-leg-uuid", "acct 7""#
        let row = try CDRSamples.parse(line + "\n", .freeswitch(columnCount: 13))[0].get()
        XCTAssertEqual(row.accountCode, "acct 7")
        XCTAssertEqual(row.disposition, .answered)
        XCTAssertTrue(row.isAnswered)
        XCTAssertEqual(row.duration, 67)
        XCTAssertEqual(row.answerAt, 1_714_557_607)
        XCTAssertEqual(row.legID, "a-leg-uuid")
        XCTAssertEqual(row.callKey, "b-leg-uuid", "an A leg is grouped under the B leg's uuid, which is the B leg's own")
        XCTAssertEqual(CDRSamples.reason(line, .freeswitch(columnCount: 15)),
                       "13 columns; this FreeSWITCH file has 15 (the example template)")
    }

    func testHangupCausesOfUnansweredCalls() throws {
        func disposition(_ cause: String, answer: String = "", billsec: Int = 0) throws -> Disposition {
            let line = "\"\",\"1000\",\"2000\",\"default\",\"2024-05-01 10:00:00\",\"\(answer)\",\"2024-05-01 10:00:30\",\"30\",\"\(billsec)\",\"\(cause)\",\"u\",\"\",\"\"\n"
            return try CDRSamples.parse(line, .freeswitch(columnCount: 13))[0].get().disposition
        }
        XCTAssertEqual(try disposition("USER_BUSY"), .busy)
        for cause in ["NO_ANSWER", "NO_USER_RESPONSE", "ORIGINATOR_CANCEL", "NORMAL_CLEARING"] {
            XCTAssertEqual(try disposition(cause), .noAnswer, cause)
        }
        XCTAssertEqual(try disposition("NORMAL_CIRCUIT_CONGESTION"), .congestion)
        XCTAssertEqual(try disposition("SWITCH_CONGESTION"), .congestion)
        XCTAssertEqual(try disposition("CALL_REJECTED"), .failed)
        XCTAssertEqual(try disposition(""), .failed)
        XCTAssertEqual(try disposition("NORMAL_CLEARING", answer: "2024-05-01 10:00:05", billsec: 25), .answered)
        // Answered at 0 billsec is not answered: the cause decides.
        XCTAssertEqual(try disposition("NORMAL_CLEARING", answer: "2024-05-01 10:00:30", billsec: 0), .noAnswer)
    }

    func testBadValuesAreNamedByTheirColumn() {
        let good = #""","1000","2000","default","2024-05-01 10:00:00","","2024-05-01 10:00:30","30","0","NO_ANSWER","u","","""#
        let layout = ColumnLayout.freeswitch(columnCount: 13)
        XCTAssertNil(CDRSamples.reason(good, layout))
        XCTAssertEqual(CDRSamples.reason(good.replacingOccurrences(of: #""30","0""#, with: #""30","x1""#), layout),
                       #"billsec "x1" is not a whole number of seconds"#)
        XCTAssertEqual(CDRSamples.reason(good.replacingOccurrences(of: #""2024-05-01 10:00:00""#, with: #""16/02/2016""#), layout),
                       #"start_stamp "16/02/2016" is not a YYYY-MM-DD HH:MM:SS time"#)
        XCTAssertEqual(CDRSamples.reason(good.replacingOccurrences(of: #""","2024-05-01 10:00:30""#, with: #""soon","2024-05-01 10:00:30""#), layout),
                       #"answer_stamp "soon" is not a YYYY-MM-DD HH:MM:SS time"#)
    }
}
