// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "TermDash",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "termdash", targets: ["TermDash"]),
        .library(name: "Metrics", targets: ["Metrics"]),
        .executable(name: "termdash-bench", targets: ["TermDashBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // The Prometheus exposition format of `termdash exporter` (docs/prometheus.md).
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        // Named only to alias its module "Metrics", which would clash with ours (swift-prometheus depends on it).
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        // HMAC-SHA1 for the portal's TOTP codes (RFC 6238).
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // The servers store (docs/scale-out.md): the ledger on PostgreSQL, CDRs on ClickHouse over HTTP. Only the
        // ServerStore target uses them, so the Metrics core builds without NIO.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        // Logging of the long-running commands (import --watch, feed, exporter) in journald's form (docs/install.md).
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // libharu, for invoice PDFs with an embedded TrueType font (Debian: libhpdf-dev).
        .systemLibrary(name: "CHaru", path: "Sources/CHaru"),
        // libqrencode, for the otpauth:// QR code the portal shows when 2FA is enabled (Debian: libqrencode-dev).
        .systemLibrary(name: "CQRencode", path: "Sources/CQRencode"),
        .target(
            name: "Metrics",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Store/SQLite/Reference", "Store/Servers"]
        ),
        // The servers backend: a separate target so that NIO, postgres-nio and async-http-client are linked only by
        // what opens a servers store (termdash and the tests), never by the Metrics core. Its SQL stays under Store/.
        .target(
            name: "ServerStore",
            dependencies: [
                "Metrics",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Sources/Metrics/Store/Servers"
        ),
        // The bench's baseline: the figures as plain SQL over the raw CDRs of a SQLite store, read through a
        // connection of its own. It lives with the SQLite backend because it is SQL.
        .target(
            name: "SQLiteReference",
            dependencies: ["Metrics", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/Metrics/Store/SQLite/Reference"
        ),
        // PostgreSQL and a two-shard ClickHouse cluster on free loopback ports, started and stopped by PID: for the
        // tests (ServerTestSupport) and `termdash-bench cluster`. No SQL: it writes the servers' configs and runs them.
        .target(name: "LocalServers"),
        // Stamps the build with a hash of the sources, so `termdash version` changes when the code does.
        .executableTarget(name: "VersionStamp", path: "Sources/VersionStamp"),
        .plugin(
            name: "VersionStampPlugin",
            capability: .buildTool(),
            dependencies: ["VersionStamp"]
        ),
        .executableTarget(
            name: "TermDash",
            dependencies: [
                "CNcurses",
                "CHaru",
                "CQRencode",
                "Metrics",
                "ServerStore",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics", moduleAliases: ["Metrics": "SwiftMetrics"]),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["VersionStampPlugin"]
        ),
        // `make bench`: the snapshot-vs-plain-SQL bar of DESIGN.md on a simulated store of 10 M CDRs;
        // `make bench-cluster`: the same on the servers store, loaded by two `termdash import` processes.
        .executableTarget(
            name: "TermDashBench",
            dependencies: [
                "Metrics",
                "SQLiteReference",
                "ServerStore",
                "LocalServers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: screens compared line by line, figures built by hand. It cannot see TermDash (an
        // executable), so helpers that need TermDash's types stay in TermDashTests.
        .target(name: "TermDashTestSupport", dependencies: ["Metrics"], path: "Tests/TestSupport"),
        // One PostgreSQL, one ClickHouse and a two-shard ClickHouse cluster per test run, on free loopback ports
        // (Debian's packages, started by the test process itself, stopped by PID at exit).
        .target(name: "ServerTestSupport", dependencies: ["ServerStore", "LocalServers"], path: "Tests/ServerSupport"),
        .testTarget(
            name: "MetricsTests",
            dependencies: ["Metrics", "TermDashTestSupport", "ServerStore", "ServerTestSupport", "LocalServers"]),
        .testTarget(
            name: "TermDashTests",
            dependencies: ["TermDash", "Metrics", "TermDashTestSupport", "ServerStore", "ServerTestSupport", "LocalServers"]),
    ]
)
