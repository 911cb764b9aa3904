import Foundation
import NIOCore
import ServerTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

@testable import ServerStore

/// A server that stops answering never hangs a read: a statement, a connection's handshake or a ClickHouse query
/// gives up after the store's timeout as "unreachable", and the next one works again once the server answers.
final class ServerTimeoutTests: XCTestCase {
    private let timeout = TimeAmount.seconds(1)

    private func assertGivesUp(_ what: String, _ body: () throws -> Void) {
        let started = Date()
        XCTAssertThrowsError(try body(), what) { error in
            guard case ServerStoreError.unreachable(_, let reason) = error else {
                return XCTFail("\(what): \(error)")
            }
            // Ours, or the client's own connect timeout (the same 1 s) when it fires first.
            XCTAssertTrue(reason.lowercased().contains("timeout"), "\(what): \(reason)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 4, "\(what) gave up after about the timeout (1 s)")
    }

    /// A TCP socket listening on a free 127.0.0.1 port, and the port.
    private func listeningSocket() throws -> (socket: Int32, port: Int) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(listener, 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        XCTAssertTrue(listening)
        return (listener, Int(UInt16(bigEndian: address.sin_port)))
    }

    func testAStatementPastTheTimeoutGivesUpAndTheNextConnectsAgain() throws {
        let settings = try TestServers.settings(cluster: false)
        _ = try ServerStore(settings)  // creates the database
        let link = try PostgresLink(url: settings.postgres, credentials: nil, timeout: timeout)
        assertGivesUp("pg_sleep(5)") { try link.execute("SELECT pg_sleep(5)") }
        XCTAssertEqual(try link.execute("SELECT 41 + 1").first.map { try $0.int(0) }, 42)
    }

    func testAServerThatAcceptsAndNeverAnswersGivesUpAtTheHandshake() throws {
        // A listening socket nobody accepts on: the kernel completes the TCP handshake, then nothing is said.
        let (listener, port) = try listeningSocket()
        defer { close(listener) }
        let link = try PostgresLink(url: "postgres://termdash@127.0.0.1:\(port)/termdash", credentials: nil, timeout: timeout)
        assertGivesUp("the PostgreSQL handshake") { try link.execute("SELECT 1") }
        let clickhouse = try ClickHouseLink(url: "http://127.0.0.1:\(port)", database: "termdash", credentials: nil,
                                            timeout: timeout)
        assertGivesUp("a ClickHouse query") { try clickhouse.query("SELECT 1") }
    }

    /// A connection the server closes as a request arrives (ClickHouse closing a kept-alive connection at its
    /// keep_alive_timeout): the request is sent once more and answered; a server that closes every connection is
    /// an outage after that one retry.
    func testARequestMetByAClosingConnectionIsSentOnceMore() throws {
        let (listener, port) = try listeningSocket()
        defer { close(listener) }
        /// Accepts `count` connections: each reads a request, then is closed unanswered, or answered "42".
        func serve(_ answers: [Bool]) -> Thread {
            let thread = Thread {
                for answer in answers {
                    let connection = accept(listener, nil, nil)
                    guard connection >= 0 else { return }
                    var buffer = [UInt8](repeating: 0, count: 65_536)
                    _ = recv(connection, &buffer, buffer.count, 0)
                    if answer {
                        let reply = Array("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\n42\n".utf8)
                        _ = reply.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
                    }
                    close(connection)
                }
            }
            thread.start()
            return thread
        }
        let link = try ClickHouseLink(url: "http://127.0.0.1:\(port)", database: "termdash", credentials: nil,
                                      timeout: .seconds(5))
        _ = serve([false, true])
        XCTAssertEqual(try link.query("SELECT 42"), "42\n")
        _ = serve([false, false])
        XCTAssertThrowsError(try link.query("SELECT 42")) { error in
            guard case ServerStoreError.unreachable = error else { return XCTFail("\(error)") }
        }
    }
}
