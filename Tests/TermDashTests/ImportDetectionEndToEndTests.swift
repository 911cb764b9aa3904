import Foundation
import XCTest

/// What `termdash import` says of a file whose format it must tell itself: a small file with a bad row imports its
/// good rows, each rejected row is reported on its own line and in its own words, and a UTF-16 file is named so.
final class ImportDetectionEndToEndTests: StoreEndToEndTestCase {
    /// The lines of shared/cdr-samples/asterisk-18col-good.csv (real cdr_csv rows, 18 columns).
    private func sampleLines() throws -> [String] {
        let url = EndToEnd.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/cdr-samples/asterisk-18col-good.csv")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: url.path), "shared/cdr-samples is not beside the checkout")
        return String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A sample row with its billsec (column 14) made "zz" and its uniqueid changed, so that it is a row of its own.
    private func malformed(_ line: String, _ tag: Int) -> String {
        var fields = line.components(separatedBy: ",")
        fields[13] = "zz"
        fields[16] = "\"bad.\(tag)\""
        return fields.joined(separator: ",")
    }

    private func write(_ lines: [String], _ name: String) throws -> String {
        try GeneratedMasterCSV.write(lines.joined(separator: "\n") + "\n", name, in: directory)
    }

    func testASmallAsteriskFileWithOneMalformedRowImportsItsGoodRows() throws {
        let lines = try sampleLines()
        let file = try write([lines[0], malformed(lines[1], 1)], "small.csv")
        let run = try EndToEnd.termdash(["import", "--db", db, file])
        XCTAssertEqual(run.status, 3, "some rows rejected, the rest imported: \(run.stderr)")
        XCTAssertTrue(run.stdout.contains("\(file): 2 read, 1 accepted, 1 rejected (1 new; asterisk)"), run.stdout)
        XCTAssertEqual(run.stderr, "\(file):2: billsec \"zz\" is not a whole number of seconds\n")

        // Bad rows in the majority, at the top: the good ones still decide, each bad one is reported at its line.
        let mostlyBad = try write([malformed(lines[0], 2), malformed(lines[1], 3), lines[2], malformed(lines[3], 4)], "mostly-bad.csv")
        let second = try EndToEnd.termdash(["import", "--db", db, mostlyBad])
        XCTAssertEqual(second.status, 3, second.stderr)
        XCTAssertTrue(second.stdout.contains("\(mostlyBad): 4 read, 1 accepted, 3 rejected (1 new; asterisk)"), second.stdout)
        XCTAssertEqual(second.stderr.split(separator: "\n").map(String.init), [1, 2, 4].map {
            "\(mostlyBad):\($0): billsec \"zz\" is not a whole number of seconds"
        })

        let files = try EndToEnd.termdash(["files", "--db", db, "--format", "csv"])
        XCTAssertTrue(files.stdout.contains("small.csv,import,success,asterisk,"), files.stdout)
        XCTAssertTrue(files.stdout.contains(",2,1,1,1,"), files.stdout)
    }

    /// A file no row of which reads as any format: every row's message is about that row and names its own line.
    func testAFileOfNoFormatSaysWhyEachRowIsNone() throws {
        let lines = try sampleLines()
        let file = try write([malformed(lines[0], 1), "a,b,c,d,e,f,g", malformed(lines[2], 2)], "none.csv")
        let run = try EndToEnd.termdash(["import", "--db", db, file])
        XCTAssertEqual(run.status, 1, run.stderr)
        let messages = run.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(messages.count, 4, run.stderr)
        XCTAssertEqual(messages[0], "\(file):1: unknown format: 18 columns but does not read as asterisk, billsec \"zz\" is not a whole number of seconds")
        XCTAssertEqual(messages[1], "\(file):2: unknown format: 7 columns; TermDash reads asterisk (16 to 21 columns), asterisk-custom (19), freeswitch (13 or 15) and native (a header row)")
        XCTAssertEqual(messages[2], "\(file):3: unknown format: 18 columns but does not read as asterisk, billsec \"zz\" is not a whole number of seconds")
        XCTAssertEqual(messages[3], "Error: \(file): nothing imported (3 read, 0 accepted, 3 rejected): unknown format: line 1 has 18 columns but does not read as asterisk, billsec \"zz\" is not a whole number of seconds; pass --format if you know it")
    }

    func testAUTF16FileIsNamedAsSuch() throws {
        let text = try sampleLines().joined(separator: "\r\n") + "\r\n"
        let variants: [(String, Data)] = [
            ("bom-le.csv", Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!),
            ("bom-be.csv", Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!),
            ("plain-le.csv", text.data(using: .utf16LittleEndian)!),
            ("plain-be.csv", text.data(using: .utf16BigEndian)!),
        ]
        for (name, data) in variants {
            let path = directory.appendingPathComponent(name).path
            try data.write(to: URL(fileURLWithPath: path))
            for format in [[], ["--format", "asterisk"]] {
                let run = try EndToEnd.termdash(["import", "--db", db] + format + [path])
                XCTAssertEqual(run.status, 1, "\(name) \(format): \(run.stderr)")
                XCTAssertEqual(run.stderr, "Error: \(path): UTF-16 text; TermDash reads UTF-8 (convert with iconv -f UTF-16 -t UTF-8); nothing imported\n",
                               "\(name) \(format)")
            }
        }
        let files = try EndToEnd.termdash(["files", "--db", db, "--format", "csv"])
        let line = files.stdout.components(separatedBy: "\r\n").first { $0.contains(",plain-be.csv,") } ?? ""
        XCTAssertTrue(line.contains("plain-be.csv,import,error,,\(variants[3].1.count),0,0,0,0,"), files.stdout)
        XCTAssertTrue(line.contains(",UTF-16 text; TermDash reads UTF-8 (convert with iconv -f UTF-16 -t UTF-8)"), files.stdout)
    }
}
