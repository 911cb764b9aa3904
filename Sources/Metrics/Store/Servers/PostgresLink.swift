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
        do {
            return try connection.query(sql, binds).wait().rows
        } catch let error as PSQLError where error.code == .server {
            throw ServerStoreError.refused(server: server, answer: error.serverInfo?[.message] ?? "error")
        } catch {
            self.connection = nil
            _ = try? connection.close().wait()
            throw ServerStoreError.unreachable(server: server, reason: Self.reason(error))
        }
    }

    private func connected() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        do {
            let connection = try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
            self.connection = connection
            return connection
        } catch let error as PSQLError where error.code == .server {
            throw ServerStoreError.refused(server: server, answer: error.serverInfo?[.message] ?? "error")
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
