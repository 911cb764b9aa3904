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
    fileprivate let credentials: ServerCredentials?
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
        try start(sql, body: body, database: database, settings: settings).answer()
    }

    /// Sends `sql` (an INSERT) with its rows, `body`, without waiting for the answer (a writer builds its next
    /// request meanwhile).
    func start(_ sql: String, rows body: [UInt8], settings: String? = nil) throws -> Request {
        try start(sql, body: .bytes(body), database: true, settings: settings)
    }

    private func start(_ sql: String, body: String?, database: Bool, settings: String?) throws -> Request {
        try start(sql, body: body.map { .string($0) }, database: database, settings: settings)
    }

    private func start(_ sql: String, body: HTTPClient.Body?, database: Bool, settings: String?) throws -> Request {
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
        request.body = body ?? .string(sql)
        return Request(link: self, response: HTTPClient.shared.execute(request: request, deadline: .now() + timeout))
    }

    /// A query sent, its answer not read yet.
    struct Request {
        let link: ClickHouseLink
        let response: EventLoopFuture<HTTPClient.Response>

        /// Waits for the answer: its body, or the error it is.
        @discardableResult
        func answer() throws -> String {
            let response: HTTPClient.Response
            do {
                response = try self.response.wait()
            } catch {
                throw ServerStoreError.unreachable(server: link.server, reason: ClickHouseLink.reason(error))
            }
            let text = response.body.map { String(buffer: $0) } ?? ""
            guard response.status == .ok else {
                throw ServerStoreError.refused(
                    server: link.server, answer: ClickHouseLink.firstLine(text, redacting: link.credentials))
            }
            return text
        }
    }

    /// The rows of a `FORMAT TSV` answer, split into fields.
    func rows(_ sql: String, database: Bool = true) throws -> [[Substring]] {
        try query(sql + " FORMAT TSV", database: database).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    fileprivate static func reason(_ error: any Error) -> String {
        if let error = error as? HTTPClientError, error == .deadlineExceeded || error == .readTimeout {
            return "no answer within the timeout"
        }
        return String(describing: error)
    }

    fileprivate static func firstLine(_ text: String, redacting credentials: ServerCredentials?) -> String {
        var line = String(text.split(separator: "\n").first ?? "")
        if let password = credentials?.password, !password.isEmpty {
            line = line.replacingOccurrences(of: password, with: "***")
        }
        return String(line.prefix(300))
    }
}
