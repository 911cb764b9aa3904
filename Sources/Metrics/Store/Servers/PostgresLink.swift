import Foundation
import Logging
import NIOCore
import PostgresNIO

/// A blocking client over one PostgreSQL connection: the store protocols are synchronous, so each statement waits
/// on its future (never called from an event loop). One statement at a time, guarded by the store's lock.
final class PostgresLink: @unchecked Sendable {
    /// The server as messages name it: host, port and database, no credentials.
    let server: String
    private let configuration: PostgresConnection.Configuration
    private let timeout: TimeAmount
    private var connection: PostgresConnection?
    private let logger = Logger(label: "termdash.postgres")

    init(url: String, credentials: ServerCredentials?, timeout: TimeAmount) throws {
        guard let parsed = URLComponents(string: url), ["postgres", "postgresql"].contains(parsed.scheme ?? ""),
              let host = parsed.host, parsed.password == nil else {
            throw ServerStoreError.badSetting(
                "postgres: expected postgres://user@host:port/database (the password goes in the environment or a file)")
        }
        let database = String(parsed.path.drop { $0 == "/" })
        let user = credentials?.user ?? parsed.user ?? "postgres"
        server = "postgres \(host):\(parsed.port ?? 5432)/\(database)"
        var configuration = PostgresConnection.Configuration(
            host: host, port: parsed.port ?? 5432, username: user, password: credentials?.password,
            database: database.isEmpty ? nil : database, tls: .disable)
        configuration.options.connectTimeout = timeout
        self.configuration = configuration
        self.timeout = timeout
    }

    deinit { _ = try? connection?.close().wait() }

    /// Runs `sql` with `binds` ($1, $2, …) and returns its rows.
    @discardableResult
    func execute(_ sql: String, _ binds: [PostgresData] = []) throws -> [PostgresRow] {
        let connection = try connected()
        // A server that stops answering (stopped, or its network gone) would leave the wait hanging: past the
        // timeout the connection is closed, which fails the query, and the next statement connects again.
        let expired = StatementExpiry()
        let deadline = connection.eventLoop.scheduleTask(in: timeout) {
            expired.set()
            let _: EventLoopFuture<Void> = connection.close()
        }
        defer { deadline.cancel() }
        do {
            return try QueryTrace.timed(server, sql) { try connection.query(sql, binds).wait().rows }
        } catch let error as PSQLError where error.code == .server && error.serverInfo?[.severity] != "FATAL" {
            throw ServerStoreError.refused(server: server, answer: error.serverInfo?[.message] ?? "error")
        } catch PostgresError.server(let answer) where !expired.isSet && answer.fields[.severity] == "ERROR" {
            // The server refused the statement (an error of the query, or one cancelled past a statement_timeout),
            // as the query API in use reports it: the connection stays. (FATAL ends it: below.)
            throw ServerStoreError.refused(server: server, answer: answer.fields[.message] ?? "error")
        } catch {
            self.connection = nil
            _ = try? connection.close().wait()
            throw ServerStoreError.unreachable(
                server: server, reason: expired.isSet ? "no answer within the timeout" : Self.reason(error))
        }
    }

    private func connected() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        let eventLoop = PostgresConnection.defaultEventLoopGroup.any()
        let attempt = PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 1, logger: logger)
        // The TCP connect has its own timeout, but a server that accepts and then never answers the handshake (a
        // stopped process) would not: past the store's timeout the attempt is given up, and its connection closed
        // should it come later. Both callbacks run on the one event loop, so exactly one completes the promise.
        let promise = eventLoop.makePromise(of: PostgresConnection.self)
        let expired = StatementExpiry()
        let unanswered = ServerStoreError.unreachable(server: server, reason: "no answer within the timeout")
        let deadline = eventLoop.scheduleTask(in: timeout) {
            expired.set()
            promise.fail(unanswered)
        }
        attempt.whenComplete { result in
            deadline.cancel()
            guard !expired.isSet else {
                if case .success(let late) = result { let _: EventLoopFuture<Void> = late.close() }
                return
            }
            promise.completeWith(result)
        }
        do {
            let connection = try promise.futureResult.wait()
            self.connection = connection
            return connection
        } catch let error as ServerStoreError {
            throw error
        } catch let error as PSQLError where error.code == .server {
            let message = error.serverInfo?[.message] ?? "error"
            // 57P…: the server is starting up, in recovery or shutting down — down for now, not refusing us.
            if (error.serverInfo?[.sqlState] ?? "").hasPrefix("57P") {
                throw ServerStoreError.unreachable(server: server, reason: message)
            }
            throw ServerStoreError.refused(server: server, answer: message)
        } catch {
            throw ServerStoreError.unreachable(server: server, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let underlying = error.underlying { return String(describing: underlying) }
            return "\(error.code)"
        }
        return String(describing: error)
    }
}
