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
            exclude: ["Store/SQLite/Reference"]
        ),
        // The bench's baseline: the figures as plain SQL over the raw CDRs of a SQLite store, read through a
        // connection of its own. It lives with the SQLite backend because it is SQL.
        .target(
            name: "SQLiteReference",
            dependencies: ["Metrics", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/Metrics/Store/SQLite/Reference"
        ),
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
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics", moduleAliases: ["Metrics": "SwiftMetrics"]),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["VersionStampPlugin"]
        ),
        // `make bench`: the snapshot-vs-plain-SQL bar of DESIGN.md on a simulated store of 10 M CDRs.
        .executableTarget(
            name: "TermDashBench",
            dependencies: [
                "Metrics",
                "SQLiteReference",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: screens compared line by line, figures built by hand. It cannot see TermDash (an
        // executable), so helpers that need TermDash's types stay in TermDashTests.
        .target(name: "TermDashTestSupport", dependencies: ["Metrics"], path: "Tests/TestSupport"),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "TermDashTestSupport"]),
        .testTarget(name: "TermDashTests", dependencies: ["TermDash", "Metrics", "TermDashTestSupport"]),
    ]
)
