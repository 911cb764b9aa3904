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
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(
            name: "Metrics",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
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
                "Metrics",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["VersionStampPlugin"]
        ),
        // `make bench`: the snapshot-vs-plain-SQL bar of DESIGN.md on a simulated store of 10 M CDRs.
        .executableTarget(
            name: "TermDashBench",
            dependencies: [
                "Metrics",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics"]),
        .testTarget(name: "TermDashTests", dependencies: ["TermDash", "Metrics"]),
    ]
)
