import ArgumentParser
import Foundation
import Metrics
import ServerStore

struct Settings {
    var config: Config
    var storePath: String
    /// The config file read, if any: the monitor watches it for changed `[[pages]]`.
    var configPath: String? = nil

    var timeZone: TimeZone { TimeZone(identifier: config.zone) ?? TimeZone(identifier: "UTC")! }
}

extension Settings {
    /// The store these settings name, for a command that goes through the store's protocols only (whichever backend
    /// that is); failures are one readable line.
    func openStore(readOnly: Bool) throws -> any MetricStore {
        switch config.store.kind {
        case .embedded: return try SQLiteStore.openForCLI(path: storePath, readOnly: readOnly)
        case .servers: return try openServers()
        }
    }

    /// The embedded store, for a command that needs SQLite itself; with `kind = "servers"` it refuses, naming the
    /// command, rather than quietly reading a SQLite file.
    func openSQLite(readOnly: Bool, command: String) throws -> SQLiteStore {
        guard config.store.kind == .embedded else { throw Self.notOnServers(command) }
        return try SQLiteStore.openForCLI(path: storePath, readOnly: readOnly)
    }

    static func notOnServers(_ command: String) -> CLIError {
        CLIError("`termdash \(command)` does not support the servers store yet (docs/scale-out.md lists what does); use kind = \"embedded\"")
    }

    /// Connects to the servers store: passwords from the environment, else from the files the config names.
    func openServers() throws -> ServerStore {
        let store = config.store
        let environment = ProcessInfo.processInfo.environment
        func password(_ variable: String, file: String?) throws -> String? {
            if let value = environment[variable], !value.isEmpty { return value }
            guard let file else { return nil }
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw CLIError("\(file): cannot read the password file")
            }
            return text.trimmingCharacters(in: .newlines)
        }
        func credentials(_ url: String, _ password: String?) -> ServerCredentials? {
            password.map { ServerCredentials(user: URLComponents(string: url)?.user ?? "default", password: $0) }
        }
        let postgres = store.postgres ?? ""
        let settings = ServerSettings(
            postgres: postgres, clickhouse: store.clickhouse, cluster: store.cluster,
            postgresCredentials: credentials(postgres, try password("TERMDASH_POSTGRES_PASSWORD", file: store.postgresPasswordFile)),
            clickhouseCredentials: credentials(store.clickhouse.first ?? "",
                                               try password("TERMDASH_CLICKHOUSE_PASSWORD", file: store.clickhousePasswordFile)),
            timeoutSeconds: store.timeoutSeconds)
        do {
            return try ServerStore(settings)
        } catch let error as ServerStoreError {
            throw CLIError(error.description)
        }
    }
}

extension SQLiteStore {
    /// Opens a store for the CLI, turning failures into one readable line.
    static func openForCLI(path: String, readOnly: Bool) throws -> SQLiteStore {
        // SQLite would only say "disk I/O error".
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("\(path): is a directory, not a store file")
        }
        do {
            return try SQLiteStore(path: path, readOnly: readOnly)
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
    }
}
