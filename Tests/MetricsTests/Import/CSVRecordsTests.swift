import Foundation
@testable import Metrics
import TermDashTestSupport
import XCTest

/// A file read a window at a time gives what the whole read at once gives: the same records, lines, fields and
/// errors with windows of 16 bytes and up (every kind of record cut at every place: CR LF split, quoted line breaks,
/// quotes that never close, a byte-order mark), and the same content hash in parts.
final class CSVRecordsTests: XCTestCase {
    private struct Read: Equatable {
        var line: Int
        var lastLine: Int
        var raw: [UInt8]
        var fields: [[UInt8]]
        var error: String?
    }

    private func read<S: Sequence>(_ records: S) -> [Read] where S.Element == CSVReader.Record {
        records.map { record in
            Read(line: record.line, lastLine: record.lastLine, raw: Array(record.rawBytes),
                 fields: (0..<record.fieldCount).map { index in record.withField(index) { Array($0) } }, error: record.error)
        }
    }

    func testRandomInputsReadInWindowsAsTheyReadWhole() {
        var random = seededRandom()
        let alphabet: [UInt8] = [0x61, 0x62, 0x2C, 0x2C, 0x22, 0x22, 0x0A, 0x0D, 0x0D, 0x20, 0x00, 0xC3, 0xA9, 0xEF, 0xBB, 0xBF]
        for round in 0..<3_000 {
            let length = Int(random.next() % (round < 2_000 ? 120 : 900))
            var bytes: [UInt8] = random.next() % 8 == 0 ? [0xEF, 0xBB, 0xBF] : []
            while bytes.count < length {
                if random.next() % 3 == 0 {
                    bytes += Array(repeating: 0x78, count: Int(random.next() % 30))
                } else {
                    bytes.append(alphabet[Int(random.next() % UInt64(alphabet.count))])
                }
            }
            let whole = read(CSVReader(bytes: bytes))
            for window in [16, 17, 23, 64] {
                var records = CSVRecords(source: bytes, windowSize: window)
                var windowed: [CSVReader.Record] = []
                while let record = records.next() { windowed.append(record) }
                XCTAssertNil(records.failure)
                if read(windowed) != whole {
                    XCTFail("input \(bytes), windows of \(window): \(read(windowed)), whole: \(whole)")
                    return
                }
            }
        }
    }

    func testAFileReadInWindowsImportsAsReadWholeAndItsHashIsTheSame() throws {
        var random = seededRandom()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("td-windows-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for length in [0, 1, 7, 8, 9, 4_095, 65_536, 300_001] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let path = directory.appendingPathComponent("f\(length)").path
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let file = try FileBytes(path: path)
            XCTAssertEqual(file.count, length)
            XCTAssertEqual(try file.contentHash(), ContentHash(of: bytes), "\(length) bytes")
            XCTAssertEqual(try file.read(from: length / 2, length: 10), Array(bytes[(length / 2)...].prefix(10)))
            // In parts of any whole number of words, the last one ragged.
            var builder = ContentHashBuilder(count: length)
            var offset = 0
            while offset < length {
                let part = min(length - offset, 8 * Int(1 + random.next() % 700))
                bytes[offset..<(offset + part)].withUnsafeBytes { builder.add($0) }
                offset += part
            }
            XCTAssertEqual(builder.finish(), ContentHash(of: bytes), "\(length) bytes in parts")
        }
        // Written to after it was opened: no longer unchanged.
        let path = directory.appendingPathComponent("grows.csv").path
        FileManager.default.createFile(atPath: path, contents: Data("a,b\n".utf8))
        let file = try FileBytes(path: path)
        XCTAssertTrue(file.isUnchanged)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("c,d\n".utf8))
        try handle.close()
        XCTAssertFalse(file.isUnchanged)
        XCTAssertThrowsError(try FileBytes(path: directory.path)) {
            XCTAssertEqual("\($0)", "\(directory.path): cannot read the file: not a regular file")
        }
    }
}
