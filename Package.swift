// swift-tools-version: 6.2
import PackageDescription

/// Settings every DangBo target shares: Swift 6 mode, the upcoming features of STYLE.md §12,
/// and warnings as errors so that a warning never lands.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "DangBo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dangbo", targets: ["dangbo"]),
        .library(name: "DangBoCore", targets: ["DangBoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.110.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.50.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.21.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
    ],
    targets: [
        /// Pure domain: days, the dated organization tree, the membership journal and its rules,
        /// projections, statistics, flows and reviews, Vietnamese text. Foundation only.
        .target(name: "DangBoCore", exclude: ["README.md"], swiftSettings: strict),
        /// CSV and XLSX codecs and the import contract (rows to Core values with file:line errors).
        .target(
            name: "DangBoInterchange",
            dependencies: ["DangBoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        /// Deterministic synthetic registries that obey every rule: the demo bloc and test data.
        .target(name: "DangBoSynthetic", dependencies: ["DangBoCore"], exclude: ["README.md"], swiftSettings: strict),
        /// Storage on SQLite and PostgreSQL: migrations, bulk writes with audit, streamed imports, SQL reports.
        .target(
            name: "DangBoStore",
            dependencies: [
                "DangBoCore",
                "DangBoInterchange",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        /// The web application (Vapor): routes, pages and the JSON API.
        .target(
            name: "DangBoWeb",
            dependencies: [
                "DangBoCore", "DangBoInterchange", "DangBoStore", .product(name: "Vapor", package: "vapor"),
                .product(name: "Plot", package: "Plot"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        /// The `dangbo` command: argument parsing and wiring only.
        .executableTarget(
            name: "dangbo",
            dependencies: [
                "DangBoCore", "DangBoInterchange", "DangBoStore", "DangBoSynthetic", "DangBoWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .testTarget(name: "DangBoCoreTests", dependencies: ["DangBoCore"], exclude: ["Snapshots"], swiftSettings: strict),
        .testTarget(
            name: "DangBoInterchangeTests",
            dependencies: ["DangBoInterchange", "DangBoCore", "DangBoSynthetic"],
            swiftSettings: strict
        ),
        .testTarget(name: "DangBoSyntheticTests", dependencies: ["DangBoSynthetic", "DangBoCore"], swiftSettings: strict),
        .testTarget(
            name: "DangBoStoreTests",
            dependencies: [
                "DangBoStore", "DangBoCore", "DangBoSynthetic", "DangBoInterchange",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DangBoWebTests",
            dependencies: [
                "DangBoWeb", "DangBoStore", "DangBoCore", "DangBoInterchange", "DangBoSynthetic",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Snapshots"],
            swiftSettings: strict
        ),
    ]
)
