import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

final class FormatDetectionTests: XCTestCase {
    private func detect(_ text: String, customColumns: [String]? = nil) -> Result<ColumnLayout, DetectionError> {
        FormatDetection.detect(bytes: Array(text.utf8), customColumns: customColumns)
    }

    /// An Asterisk cdr_csv line with `extra` columns after the 16 fixed ones.
    private func asteriskLine(_ extra: [String] = [#""1714557600.1""#, #""""#], start: String = "2024-05-01 10:00:00") -> String {
        ([#""acct""#, #""1000""#, #""2000""#, #""ctx""#, #""A <1000>""#, #""SIP/a-1""#, #""SIP/b-2""#, #""Dial""#, #""SIP/b/2000""#,
          "\"\(start)\"", #""2024-05-01 10:00:05""#, #""2024-05-01 10:01:05""#, "65", "60", #""ANSWERED""#, #""DOCUMENTATION""#] + extra)
            .joined(separator: ",")
    }

    func testTheSharedSamplesAreRecognised() throws {
        let asterisk = try FormatDetection.detect(bytes: try CDRSamples.bytes("asterisk-18col-good.csv")).get()
        XCTAssertEqual(asterisk.format, .asterisk)
        XCTAssertEqual(asterisk.columns.count, 18)
        XCTAssertEqual(asterisk.columns.last, "userfield")
        XCTAssertFalse(asterisk.hasHeader)

        let freeswitch = try FormatDetection.detect(bytes: try CDRSamples.bytes("freeswitch-example-15col.csv")).get()
        XCTAssertEqual(freeswitch, .freeswitch(columnCount: 15))
        XCTAssertEqual(freeswitch.index(of: "write_codec"), 14)

        XCTAssertEqual(FormatDetection.detect(bytes: try CDRSamples.bytes("asterisk-broken-quote.csv")).failure?.message,
                       "unknown format: none of the first 1 records can be read (line 1: a quoted field is not closed); pass --format to read the file anyway")
    }

    func testEveryAsteriskWidthAndTheCustomSampleAreToldApart() throws {
        XCTAssertEqual(try detect(asteriskLine([])).get(), .asterisk(columnCount: 16))
        let newColumns = [#""1714557600.1""#, #""""#, #""peer""#, #""1714557600.0""#, "3"]
        for count in 17...21 {
            let layout = try detect(asteriskLine(Array(newColumns.prefix(count - 16)))).get()
            XCTAssertEqual(layout.format, .asterisk, "\(count) columns")
            XCTAssertEqual(layout.columns.count, count)
        }
        // 19 columns both ways: cdr_csv with newcdrcolumns has its times in columns 10-12, cdr_custom in 9-11.
        XCTAssertEqual(try detect(asteriskLine(Array(newColumns.prefix(3)))).get().format, .asterisk)
        let custom = #""A <1000>","1000","2000","ctx","SIP/a-1","SIP/b-2","Dial","SIP/b/2000","2024-05-01 10:00:00","","2024-05-01 10:00:30","30","0","NO ANSWER","DOCUMENTATION","acct","1714557600.1","",1"#
        XCTAssertEqual(try detect(custom).get(), try ColumnLayout.asteriskCustom().get())
        XCTAssertEqual(try detect(#""A","1000","2000","default","2024-05-01 10:00:00","","2024-05-01 10:00:30","30","0","NO_ANSWER","u","", "acct""#).get(),
                       .freeswitch(columnCount: 13))
    }

    func testTwoFittingFormatsAreAmbiguous() {
        // A declared cdr_custom mapping in cdr_csv's own order fits a cdr_csv file as well as cdr_csv does.
        let declared = Array(CDRColumns.asterisk.prefix(19))
        let line = asteriskLine([#""1714557600.1""#, #""""#, #""peer""#])
        XCTAssertEqual(detect(line, customColumns: declared).failure,
                       DetectionError(.ambiguous, "ambiguous: 19 columns fit both asterisk (cdr_csv with newcdrcolumns) and asterisk-custom (cdr_custom, the mapping in the config); pass --format"))
        XCTAssertEqual(try FormatDetection.layout(for: .asteriskCustom, sample: FormatDetection.sample(Array(line.utf8)), customColumns: declared).get().format,
                       .asteriskCustom, "naming the format settles it")
    }

    func testEmptyAndUnknownFilesSayWhy() {
        XCTAssertEqual(detect("").failure, DetectionError(.empty, "empty file: no records to read"))
        XCTAssertEqual(detect("\r\n\n\n").failure?.kind, .empty)
        XCTAssertEqual(detect("\u{FEFF}").failure?.kind, .empty)
        XCTAssertEqual(detect("a,b,c,d,e,f,g\n").failure?.message,
                       "unknown format: line 1 has 7 columns; TermDash reads asterisk (16 to 21 columns), asterisk-custom (19), freeswitch (13 or 15) and native (a header row)")
        XCTAssertEqual(detect(#""A","1000","2000","default","16/02/2016 03:46","","16/02/2016 03:48","137","0","NO_ANSWER","u","","","opus","opus""#).failure?.message,
                       #"unknown format: line 1 has 15 columns but does not read as freeswitch, start_stamp "16/02/2016 03:46" is not a YYYY-MM-DD HH:MM:SS time; pass --format if you know it"#)
        XCTAssertEqual(detect(asteriskLine(start: "noon")).failure?.message,
                       #"unknown format: line 1 has 18 columns but does not read as asterisk, start "noon" is not a YYYY-MM-DD HH:MM:SS time; pass --format if you know it"#)
    }

    /// A few bad records at the top do not decide: a format that more than half of the sampled records fit does,
    /// else the one format any of them fits (its bad rows are then rejected one by one, as with --format).
    func testTheMajorityOfTheSampleDecidesElseTheOneFormatAnyRecordFits() throws {
        let good = asteriskLine()
        let bad = asteriskLine(start: "noon")
        XCTAssertEqual(try detect([bad, bad, good, good, good].joined(separator: "\n")).get().format, .asterisk)
        XCTAssertEqual(try detect([bad, bad, good, good].joined(separator: "\n")).get().format, .asterisk)
        XCTAssertEqual(try detect([bad, bad, bad, good].joined(separator: "\n")).get().format, .asterisk)
        XCTAssertEqual(detect([bad, bad].joined(separator: "\n")).failure?.kind, .unknown)
        // Only the first 20 records are sampled.
        XCTAssertEqual(detect((Array(repeating: bad, count: 20) + Array(repeating: good, count: 100)).joined(separator: "\n")).failure?.kind, .unknown)
    }

    func testOpeningAFileReadsEveryRecordOnce() throws {
        let text = [asteriskLine(), asteriskLine(start: "noon"), "", asteriskLine()].joined(separator: "\n")
        guard case .success(let reader) = CDRFileReader.open(bytes: Array(text.utf8), zone: CDRSamples.utc) else {
            return XCTFail("opens")
        }
        let items = Array(reader)
        XCTAssertEqual(items.count, 3)
        XCTAssertEqual(items.compactMap { if case .call(let row) = $0 { return row.line } else { return nil } }, [1, 4])
        XCTAssertEqual(items.compactMap { if case .rejected(let error, _) = $0 { return error.line } else { return nil } }, [2])

        // A file that detection cannot name still reads when its format is named.
        let broken = try CDRSamples.bytes("asterisk-broken-quote.csv")
        guard case .success(let forced) = CDRFileReader.open(bytes: broken, format: .asterisk, zone: CDRSamples.utc) else {
            return XCTFail("opens with --format")
        }
        XCTAssertEqual(Array(forced), [.rejected(RowError(1, "a quoted field is not closed"), Array(CSVReader(bytes: broken))[0])])
        XCTAssertEqual(CDRFileReader.open(bytes: [], format: .asterisk, zone: CDRSamples.utc).failure?.kind, .empty)
    }
}
