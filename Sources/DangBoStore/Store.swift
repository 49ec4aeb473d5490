import DangBoCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// The registry on disk: one SQLite file or one PostgreSQL database, migrated on open.
///
/// Core decides, the store fetches facts and stores decisions (DESIGN §2). Bulk work goes through SQLKit batches;
/// reports are SQL twins of Core's (held equal in tests).
public final class Store: Sendable {
    public let location: DatabaseLocation
    let databases: Databases
    /// The one database handle: one SQLite connection (SQLite never gains from more), or a pool on PostgreSQL.
    public let database: any Database
    let logger: Logger

    public var sql: any SQLDatabase { database as! any SQLDatabase }

    public var isPostgres: Bool { if case .postgres = location { true } else { false } }

    private init(location: DatabaseLocation, databases: Databases, database: any Database, logger: Logger) {
        self.location = location
        self.databases = databases
        self.database = database
        self.logger = logger
    }

    /// Opens the database and brings its schema up to date (a new or older database is migrated before use).
    /// `migrate: false` only opens (tests use it to create databases on a PostgreSQL server).
    public static func open(
        _ location: DatabaseLocation, migrate: Bool = true, logger: Logger = Store.defaultLogger()
    ) async throws -> Store {
        let group = MultiThreadedEventLoopGroup.singleton
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
        switch location {
        case .sqlite(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 2, sqlLogLevel: .trace), as: .psql)
        }
        guard let database = databases.database(logger: logger, on: group.any()) else {
            await databases.shutdownAsync()
            throw StoreError.cannotOpen(location.description)
        }
        let store = Store(location: location, databases: databases, database: database, logger: logger)
        do {
            if case .sqlite = location {
                // NB: WAL lets readers (the web server) go on during an import; the setting persists in the file.
                try await store.sql.raw("PRAGMA journal_mode=WAL").run()
                try await store.sql.raw("PRAGMA synchronous=NORMAL").run()
                try await store.sql.raw("PRAGMA foreign_keys=ON").run()
                // NB: 64 MiB of page cache (the default is 2 MiB): reports over a province and bulk imports spill less.
                try await store.sql.raw("PRAGMA cache_size=-65536").run()
            }
            if migrate { try await store.migrate() }
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Applies the migrations not yet applied; nothing else.
    public func migrate() async throws {
        let migrations = Migrations()
        for migration in Self.migrations { migrations.add(migration) }
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: database.eventLoop)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Every migration, in order; append-only (STYLE §5).
    static let migrations: [any Migration] = [
        M0001_CreateOrganizations(),
        M0002_CreateMembers(),
        M0003_CreateMembershipEvents(),
        M0004_CreateMembershipPeriods(),
        M0005_CreateCommitteeSeats(),
        M0006_CreateOversight(),
        M0007_CreateAuditEntries(),
        M0008_CreateNameSearch(),
        M0009_IndexReviewsByOrganization(),
        M0010_IndexNamesAtTheEndOfWrites(),
        M0011_AddAdmissionVoteDay(),
        M0012_KeyPeriodsBySteps(),
    ]

    /// The store's logger: warnings and errors only, since migrations and queries log at info and debug.
    public static func defaultLogger() -> Logger {
        var logger = Logger(label: "dangbo.store")
        logger.logLevel = .warning
        return logger
    }

    public func close() async {
        await databases.shutdownAsync()
    }
}

public enum StoreError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(String)
    case unknownOrganization(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .cannotOpen(let location): "cannot open the database \(location)"
        case .unknownOrganization(let code): "Không có tổ chức đảng mã \(code)."
        case .unreadable(let column): "cannot read the stored column \(column)"
        }
    }
}

/// The open end of a range in the store: a day far after any real one, so that `valid_to > D` needs no NULL test.
let openEnd = 9999_12_31

extension Day {
    /// The store's form of a range end.
    static func stored(end: Day?) -> Int { end?.yyyymmdd ?? openEnd }
    /// A range end read back from the store.
    static func end(stored value: Int) -> Day? { value == openEnd ? nil : Day(yyyymmdd: value)! }
    static func stored(_ value: Int) -> Day { Day(yyyymmdd: value)! }
}
