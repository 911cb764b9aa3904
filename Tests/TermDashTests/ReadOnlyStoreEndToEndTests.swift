import Foundation
import Metrics
import XCTest

/// `snapshot`, `report` and `files` for a user who may read the store but not write its folder: with no writer
/// running (no -shm/-wal beside the file, which SQLite would otherwise create) and with one running (its -shm/-wal
/// readable). Tests run as root, which bypasses permissions, so the binary runs as `nobody` through setpriv.
final class ReadOnlyStoreEndToEndTests: XCTestCase {
    private var directory: URL!
    private var db: String { directory.appendingPathComponent("store.db").path }

    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
        try XCTSkipUnless(getuid() == 0, "dropping privileges needs root")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv is missing")
        try XCTSkipUnless(getpwnam("nobody") != nil, "no user nobody")
        directory = try EndToEnd.temporaryDirectory()
    }

    override func tearDown() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Runs the built binary as nobody:nogroup, with no supplementary groups.
    private func asNobody(_ arguments: [String]) throws -> EndToEnd.Result {
        try EndToEnd.run(
            "/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", EndToEnd.binary] + arguments,
            environment: ["HOME": directory.path, "PATH": "/usr/bin:/bin", "TERM": "dumb", "LANG": "C.UTF-8"])
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// What the three read-only commands print, each checked for its figures.
    private func assertReadersWork(files name: String, rows: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let files = try asNobody(["files", "--db", db, "--format", "csv"])
        XCTAssertEqual(files.status, 0, files.stderr, file: file, line: line)
        XCTAssertTrue(files.stdout.contains(",\(name),import,success,asterisk,"), files.stdout, file: file, line: line)

        let report = try asNobody(["report", "customers", "--db", db, "--period", "daily", "--format", "csv"])
        XCTAssertEqual(report.status, 0, report.stderr, file: file, line: line)
        let attempts = report.stdout.split(separator: "\r\n").dropFirst().compactMap { row -> Int? in
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            return fields.count > 1 ? Int(fields[1]) : nil
        }
        XCTAssertEqual(attempts.reduce(0, +), rows, "attempts of every customer: \(report.stdout)", file: file, line: line)

        let snapshot = try asNobody(["snapshot", "--db", db, "--width", "100", "--height", "30", "--view", "checklist"])
        XCTAssertEqual(snapshot.status, 0, snapshot.stderr, file: file, line: line)
        XCTAssertTrue(snapshot.stdout.contains("Profile not verified"), snapshot.stdout, file: file, line: line)
        XCTAssertTrue(snapshot.stdout.contains("cust0"), snapshot.stdout, file: file, line: line)
    }

    func testReadersNeedOnlyReadAccessWithOrWithoutAWriterRunning() throws {
        // Calls of the last hours, so that the reports' periods hold them.
        let base = Int(Date().timeIntervalSince1970) / 3_600 * 3_600 - 3 * 3_600
        let first = try GeneratedMasterCSV.write(GeneratedMasterCSV.text(rows: 300, base: base), "first.csv", in: directory)
        XCTAssertEqual(try EndToEnd.termdash(["import", "--db", db, first]).status, 0)
        // The writer has gone: the file holds everything, and nothing beside it.
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-wal"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-shm"))
        XCTAssertEqual(chmod(directory.path, 0o755), 0)
        XCTAssertEqual(chmod(db, 0o644), 0)
        try assertReadersWork(files: "first.csv", rows: 300)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-shm"), "a reader wrote nothing")

        // A writer running: its -shm and -wal exist (with the file's mode), and readers read through them the rows
        // it wrote, checkpointed or not.
        let writer = try SQLiteStore(path: db)
        let second = try GeneratedMasterCSV.write(GeneratedMasterCSV.text(rows: 200, from: 300, base: base), "second.csv", in: directory)
        _ = try CDRImporter(store: writer).importFile(at: second, source: ImportSource(name: "import"))
        XCTAssertEqual(try mode(db + "-shm"), 0o644)
        XCTAssertEqual(try mode(db + "-wal"), 0o644)
        try assertReadersWork(files: "second.csv", rows: 500)
        withExtendedLifetime(writer) {}
    }
}
