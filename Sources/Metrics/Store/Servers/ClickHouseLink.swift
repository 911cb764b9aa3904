import AsyncHTTPClient
import Foundation
import NIOCore

/// A blocking client of one ClickHouse server's HTTP interface: the store protocols are synchronous, so each query
/// waits on its future (never called from an event loop). Every query goes with `wait_end_of_query=1`, so a query
/// that fails part-way answers 500 instead of 200 with the error appended; any status but 200 is an error.
final class ClickHouseLink: Sendable {
    /// The server as messages name it: scheme, host and port, no credentials.
    let server: String
    private let base: String
    private let credentials: ServerCredentials?
    private let timeout: TimeAmount

    init(url: String, database: String, credentials: ServerCredentials?, timeout: TimeAmount) throws {
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme, scheme == "http",
              let host = parsed.host, parsed.password == nil else {
            throw ServerStoreError.badSetting(
                "clickhouse: \(url.split(separator: "@").last ?? ""): expected http://host:port (credentials go in the environment or a file)")
        }
        server = "clickhouse http://\(host):\(parsed.port ?? 8123)"
        base = "http://\(host):\(parsed.port ?? 8123)/?wait_end_of_query=1&database=\(database)"
        self.credentials = credentials
        self.timeout = timeout
    }

    /// Runs `sql` and returns the body (TSV when the query says `FORMAT TSV`).
    @discardableResult
    func query(_ sql: String, body: String? = nil, database: Bool = true, settings: String? = nil) throws -> String {
        let request = try self.request(sql, body: body, database: database, settings: settings)
        return try QueryTrace.timed(server, sql) { try answer(deadlineExecute(request), sent: request) }
    }

    /// The rows of a `FORMAT TSV` answer, split into fields.
    func rows(_ sql: String, database: Bool = true) throws -> [[Substring]] {
        Self.fields(try query(sql + " FORMAT TSV", database: database))
    }

    /// Sends `sql` (an INSERT) with its rows, `body`, without waiting for the answer (a writer builds its next
    /// request meanwhile).
    func start(_ sql: String, rows body: [UInt8], settings: String? = nil) throws -> Request {
        var request = try self.request(sql, body: "", database: true, settings: settings)
        request.body = .bytes(body)
        return Request(link: self, sql: sql, request: request, response: deadlineExecute(request))
    }

    /// A query sent, its answer not read yet.
    struct Request {
        let link: ClickHouseLink
        let sql: String
        let request: HTTPClient.Request
        let response: EventLoopFuture<HTTPClient.Response>

        /// Waits for the answer: its body, or the error it is.
        @discardableResult
        func answer() throws -> String {
            try QueryTrace.timed(link.server, sql) { try link.answer(response, sent: request) }
        }
    }

    /// The answer of each query as bytes read in place, all sent at once and answered in the order given: a
    /// snapshot's independent reads then wait for the slowest, not for their sum. Each query goes to its own server
    /// (a read of a cluster shard by shard asks every server). The first failure is thrown, after every answer has
    /// come.
    static func answers(_ asks: [(link: ClickHouseLink, sql: String)]) throws -> [ClickHouseAnswer] {
        guard let first = asks.first else { return [] }
        let statements = asks.map { $0.sql + " FORMAT TSV" }
        let requests = try zip(asks, statements).map { try $0.link.request($1, body: nil, database: true, settings: nil) }
        let servers = Set(asks.map(\.link.server)).count
        let label = asks.count == 1 ? statements[0]
            : "\(asks.count) at once" + (servers > 1 ? " on \(servers) servers" : "") + ": "
                + statements.joined(separator: " ; ")
        return try QueryTrace.timed(servers > 1 ? "clickhouse" : first.link.server, label) {
            let pending = zip(asks, requests).map { $0.link.deadlineExecute($1) }
            var answers: [Result<ClickHouseAnswer, any Error>] = []
            for ((ask, request), future) in zip(zip(asks, requests), pending) {
                answers.append(Result { ClickHouseAnswer(server: ask.link.server, bytes: try ask.link.answerBytes(future, sent: request)) })
            }
            return try answers.map { try $0.get() }
        }
    }

    /// Sends `request`, to be answered within the link's timeout.
    private func deadlineExecute(_ request: HTTPClient.Request) -> EventLoopFuture<HTTPClient.Response> {
        HTTPClient.shared.execute(request: request, deadline: .now() + timeout)
    }

    private static func fields(_ text: String) -> [[Substring]] {
        text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    private func request(_ sql: String, body: String?, database: Bool, settings: String?) throws -> HTTPClient.Request {
        var url = database ? base : String(base.prefix { $0 != "&" })
        if let settings { url += "&" + settings }
        if body != nil {
            // An INSERT's statement goes in the URL, its rows in the body.
            url += "&query=" + (sql.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
        var request: HTTPClient.Request
        do { request = try HTTPClient.Request(url: url, method: .POST) } catch {
            throw ServerStoreError.badSetting("\(server): \(error)")
        }
        if let credentials { request.setBasicAuth(username: credentials.user, password: credentials.password) }
        request.body = .string(body ?? sql)
        return request
    }

    /// The body of an answer awaited; any status but 200 is the server's refusal.
    fileprivate func answer(_ future: EventLoopFuture<HTTPClient.Response>, sent request: HTTPClient.Request) throws
        -> String
    {
        String(decoding: try answerBytes(future, sent: request), as: UTF8.self)
    }

    /// The bytes of an answer awaited; any status but 200 is the server's refusal. A request that went out on a
    /// kept-alive connection the server was closing (it closes one idle past its keep_alive_timeout, 3 s on 18.16)
    /// is sent once more: the server never read it, and were it an insert it read, its rows are a batch's, which
    /// `FINAL` keeps one copy of.
    fileprivate func answerBytes(_ future: EventLoopFuture<HTTPClient.Response>, sent request: HTTPClient.Request) throws
        -> [UInt8]
    {
        let response: HTTPClient.Response
        do {
            do {
                response = try future.wait()
            } catch let error where Self.isClosedConnection(error) {
                response = try deadlineExecute(request).wait()
            }
        } catch {
            throw ServerStoreError.unreachable(server: server, reason: Self.reason(error))
        }
        let bytes = response.body.map { Array($0.readableBytesView) } ?? []
        guard response.status == .ok else {
            throw ServerStoreError.refused(
                server: server, answer: Self.firstLine(String(decoding: bytes, as: UTF8.self), redacting: credentials))
        }
        return bytes
    }

    /// The connection a request went out on was closed under it, before an answer.
    private static func isClosedConnection(_ error: any Error) -> Bool {
        if let error = error as? ChannelError, error == .ioOnClosedChannel { return true }
        if let error = error as? HTTPClientError, error == .remoteConnectionClosed { return true }
        return false
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? HTTPClientError, error == .deadlineExceeded || error == .readTimeout {
            return "no answer within the timeout"
        }
        return String(describing: error)
    }

    private static func firstLine(_ text: String, redacting credentials: ServerCredentials?) -> String {
        var line = String(text.split(separator: "\n").first ?? "")
        if let password = credentials?.password, !password.isEmpty {
            line = line.replacingOccurrences(of: password, with: "***")
        }
        return String(line.prefix(300))
    }
}
