import DangBoCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOConcurrencyHelpers
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
    /// The handle writes go through: SQLite's one writing connection (SQLite writes one at a time), or a pool on
    /// PostgreSQL.
    public let database: any Database
    /// SQLite: connections that only read (`PRAGMA query_only`), one per event loop, beside the writer: WAL lets them
    /// read while a write holds the writer (an import of a province, minutes), and pages are answered side by side on
    /// every core instead of one after another. nil on PostgreSQL, whose pool serves reads and writes.
    let readers: Databases?
    let logger: Logger
    /// How long a write waits for the write lock held by another one before it fails with `StoreError.busy`.
    public let writeWait: Duration
    /// True for the store `writing` hands to its body: its `database` is that transaction's connection.
    let inWriteTransaction: Bool
    /// Statistics as of a quarter end that count at least this many members are kept as a snapshot (M0026).
    public let snapshotMinimum: Int
    /// The writes of this store (and of the stores `writing` hands out) running or waiting for the write lock: a
    /// write that must not wait (a snapshot a read keeps) gives up at once rather than wait for the writing connection.
    let writes: NIOLockedValueBox<Int>
    /// PostgreSQL: the roots whose member counts from the periods came to fewer than `snapshotMinimum` members, asked
    /// again through prepared statements (`SmallScopeStatement`); at most `smallScopesKept`, shared with the stores
    /// `writing` hands out.
    let smallScopes: NIOLockedValueBox<Set<Int>>

    public var sql: any SQLDatabase { database as! any SQLDatabase }

    /// The handle for a read that writes nothing: a read connection of SQLite (the next one, round robin), the pool on
    /// PostgreSQL, and inside a write transaction that transaction (a write reads what it depends on inside it).
    ///
    /// NB: reads that a page makes one after another may see different committed states (as on PostgreSQL's pool);
    /// what must agree is read in one statement or inside a write.
    var reader: any SQLDatabase {
        guard !inWriteTransaction, let readers,
              let database = readers.database(logger: logger, on: readers.eventLoopGroup.any())
        else { return sql }
        return database as! any SQLDatabase
    }

    public var isPostgres: Bool { if case .postgres = location { true } else { false } }

    private init(
        location: DatabaseLocation, databases: Databases, readers: Databases?, database: any Database, logger: Logger,
        writeWait: Duration, snapshotMinimum: Int, writes: NIOLockedValueBox<Int> = NIOLockedValueBox(0),
        smallScopes: NIOLockedValueBox<Set<Int>> = NIOLockedValueBox([]), inWriteTransaction: Bool = false
    ) {
        self.location = location
        self.databases = databases
        self.readers = readers
        self.database = database
        self.logger = logger
        self.writeWait = writeWait
        self.snapshotMinimum = snapshotMinimum
        self.writes = writes
        self.smallScopes = smallScopes
        self.inWriteTransaction = inWriteTransaction
    }

    /// This store as seen from inside a write transaction: every query goes to the transaction's connection.
    func bound(to transaction: any Database) -> Store {
        Store(location: location, databases: databases, readers: readers, database: transaction, logger: logger,
              writeWait: writeWait, snapshotMinimum: snapshotMinimum, writes: writes, smallScopes: smallScopes,
              inWriteTransaction: true)
    }

    /// How long a query waits for a connection of the pool.
    static let connectionWait = TimeAmount.seconds(60)

    /// A write waits this long for another one (an import of a province takes minutes: the caller tries again later).
    public static let defaultWriteWait = Duration.seconds(30)

    /// Below this many members, statistics are computed in milliseconds and kept as no snapshot.
    public static let defaultSnapshotMinimum = 20_000

    /// Opens the database and brings its schema up to date (a new or older database is migrated before use).
    /// `migrate: false` only opens (tests use it to create databases on a PostgreSQL server). A write waits up to
    /// `writeWait` for another writer, then fails with `StoreError.busy`. `readers: false` opens SQLite's writer alone:
    /// a file whose journal mode is about to change (a backup being sealed) must have no other connection.
    /// `snapshotMinimum`: the smallest subtree whose statistics at a quarter end are kept (tests keep every one).
    public static func open(
        _ location: DatabaseLocation, migrate: Bool = true, logger: Logger = Store.defaultLogger(),
        writeWait: Duration = Store.defaultWriteWait, readers wantsReaders: Bool = true,
        snapshotMinimum: Int = Store.defaultSnapshotMinimum
    ) async throws -> Store {
        let group = MultiThreadedEventLoopGroup.singleton
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
        var readers: Databases?
        switch location {
        case .sqlite(let path):
            SQLitePreparedInsert.registered
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // NB: one writing connection: a write waits for it up to a minute (a short import holds it; the pool's
            // 10 s default failed pages and tests on a loaded machine) rather than failing at once. FluentSQLiteDriver
            // keeps one connection per event loop: the store binds the writer to one loop, and the readers (a
            // second `Databases`) use one connection on each.
            databases.use(.sqlite(.file(path), connectionPoolTimeout: Self.connectionWait, sqlLogLevel: .trace), as: .sqlite)
            if wantsReaders { readers = Databases(threadPool: NIOThreadPool.singleton, on: group) }
            readers?.use(.sqlite(.file(path), connectionPoolTimeout: Self.connectionWait, sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            do {
                var configuration = try SQLPostgresConfiguration(url: url)
                configuration.coreConfiguration.options.additionalStartupParameters += Self.postgresSettings
                databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 2, connectionPoolTimeout: Self.connectionWait,
                                        encodingContext: .default, decodingContext: .default, sqlLogLevel: .trace), as: .psql)
            } catch {
                // NB: the driver's error carries the URL, password included: never pass it on.
                await databases.shutdownAsync()
                throw StoreError.cannotOpen(location.description)
            }
        }
        guard let database = databases.database(logger: logger, on: group.any()) else {
            await databases.shutdownAsync()
            await readers?.shutdownAsync()
            throw StoreError.cannotOpen(location.description)
        }
        let store = Store(location: location, databases: databases, readers: readers, database: database, logger: logger,
                          writeWait: writeWait, snapshotMinimum: snapshotMinimum)
        do {
            if case .sqlite = location {
                // NB: first, so that what follows waits (up to a second at a time) instead of failing at once when another
                // process holds a lock; a writer waits longer, by retrying (`writing`).
                let busy = min(1_000, max(10, Int(writeWait / .milliseconds(1))))
                try await store.sql.raw("PRAGMA busy_timeout=\(unsafeRaw: String(busy))").run()
                // NB: WAL lets readers (the web server, `stats`) go on during any write, a first import included; the
                // setting persists in the file.
                try await store.sql.raw("PRAGMA journal_mode=WAL").run()
                try await store.sql.raw("PRAGMA synchronous=NORMAL").run()
                try await store.sql.raw("PRAGMA foreign_keys=ON").run()
                // NB: 64 MiB of page cache (the default is 2 MiB): reports over a province and bulk imports spill less.
                try await store.sql.raw("PRAGMA cache_size=-65536").run()
            }
            if migrate { try await store.migrate() }
            if let readers { try await configure(readers: readers, of: group, busy: min(1_000, max(10, Int(writeWait / .milliseconds(1))))) }
        } catch let error as SQLiteError where Self.busyReasons.contains(error.reason) {
            // NB: a first load written with a rollback journal (`importing`) holds the file until it ends.
            await store.close()
            throw StoreError.busy
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Planner settings of DangBo's own PostgreSQL connections (startup parameters: the server's and other clients'
    /// settings are untouched).
    ///
    /// NB: a report of a scope probes the indexes of the subtree's organizations (26,000 for a province); with the
    /// default cost of a random page (4, for spinning disks) PostgreSQL chose instead to hash whole tables of the nation
    /// (the organization versions: 318,000 rows) for a province, and compiled statements of tens of milliseconds with
    /// JIT (10 ms each). The registry's pages are in the server's cache or on SSD, as PostgreSQL's documentation
    /// advises for 1.1. A province's review: 1.02 s → 0.46–0.53 s; the nation's and a cell's unchanged
    /// (docs/benchmarks.md).
    static let postgresSettings = [("random_page_cost", "1.1"), ("jit", "off")]

    /// Sets up the read connection of each event loop (FluentSQLiteDriver keeps exactly one per loop and opens it on
    /// first use: a statement on each loop's database opens and configures it): a read waits for a lock held by a
    /// checkpoint rather than failing, has the writer's page cache, and can never write.
    ///
    /// NB: after the migrations, so that a reader never sees a schema older than the writer's.
    private static func configure(readers: Databases, of group: any EventLoopGroup, busy: Int) async throws {
        for loop in group.makeIterator() {
            guard let reader = readers.database(logger: Store.defaultLogger(), on: loop) as? any SQLDatabase else {
                throw StoreError.cannotOpen("sqlite readers")
            }
            try await reader.raw("PRAGMA busy_timeout=\(unsafeRaw: String(busy))").run()
            try await reader.raw("PRAGMA cache_size=-65536").run()
            try await reader.raw("PRAGMA query_only=ON").run()
        }
    }

    /// Applies the migrations not yet applied; nothing else.
    ///
    /// NB: a database missing a migration is migrated in one write transaction under the write lock, so that two
    /// processes opening a new database at once neither create a table twice nor see half a schema; an up-to-date one
    /// takes no lock, so that readers open while an import runs.
    public func migrate() async throws {
        if try await appliedMigrations().isSuperset(of: Self.migrations.map(\.name)) {
            // NB: Core's age bands are rules as data: snapshots counted by other bands are forgotten (M0026).
            if try await !StatisticSnapshots.bandsAreCurrent(on: sql) {
                try await writing { store in try await StatisticSnapshots.replaceBands(on: store.sql) }
            }
            return
        }
        try await writing(wait: nil, counted: false) { store in
            let migrations = Migrations()
            for migration in Self.migrations { migrations.add(migration) }
            let database = store.database
            let migrator = Migrator(databaseFactory: { _ in database }, migrations: migrations, on: database.eventLoop)
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
        }
    }

    /// The names of the applied migrations; none when the database is new.
    private func appliedMigrations() async throws -> Set<String> {
        let present: SQLQueryString = isPostgres
            ? "SELECT COUNT(*) AS n FROM pg_tables WHERE tablename = '_fluent_migrations' AND schemaname = current_schema()"
            : "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'"
        guard try await sql.raw(present).first()?.decode(column: "n", as: Int.self) == 1 else { return [] }
        return Set(try await sql.select().column("name").from("_fluent_migrations").all()
            .map { try $0.decode(column: "name", as: String.self) })
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
        M0013_ChainAuditEntries(),
        M0014_KeySeatsAndSubjects(),
        M0015_CreateAccounts(),
        M0016_CreatePendingImports(),
        M0017_CreateLoginFailures(),
        M0018_IndexEventsByDayAndOrganization(),
        M0019_CreateDocumentSettings(),
        M0020_CreateReviewReports(),
        M0021_CreateMeetings(),
        M0022_CreateCommitteeTerms(),
        M0023_CreateDiscipline(),
        M0024_CreateOversightWork(),
        M0025_CreateMeetingRevisions(),
        M0026_CreateStatisticSnapshots(),
        M0027_IndexPeriodsByEntryKind(),
        M0028_IndexDisciplineByDecidingOrganization(),
        M0029_CreateDistinctNames(),
        M0030_IndexPeriodsByCellEnd(),
        M0031_IndexSeatsByMember(),
    ]

    /// The store's logger: warnings and errors only, since migrations and queries log at info and debug.
    public static func defaultLogger() -> Logger {
        var logger = Logger(label: "dangbo.store")
        logger.logLevel = .warning
        return logger
    }

    /// `body` with this store, which is closed after it whether it returns or throws (a connection pool dropped open
    /// stops a debug build).
    public func closing<T>(after body: (Store) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }

    public func close() async {
        // NB: the store a write transaction hands out shares the connections of the one that opened them.
        guard !inWriteTransaction else { return }
        await readers?.shutdownAsync()
        await databases.shutdownAsync()
    }
}

public enum StoreError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(String)
    case unknownOrganization(String)
    case unreadable(String)
    /// Another write held the write lock for longer than the store waits (`Store.writeWait`).
    case busy
    /// A stored day that is no calendar day.
    case invalidDay(Int)
    /// A stored range that ends before it starts.
    case invalidRange(Int, Int)

    public var description: String {
        switch self {
        case .cannotOpen(let location): "cannot open the database \(location)"
        case .unknownOrganization(let code): "Không có tổ chức đảng mã \(code)."
        case .unreadable(let column): "cannot read the stored column \(column)"
        case .busy: "Cơ sở dữ liệu đang bận: một lần ghi khác (nhập dữ liệu) đang chạy; hãy thử lại sau."
        case .invalidDay(let value): "Cơ sở dữ liệu có một ngày không hợp lệ (\(value)); hãy khôi phục từ bản sao lưu hoặc sửa dòng đó."
        case .invalidRange(let start, let end):
            "Cơ sở dữ liệu có một khoảng thời gian kết thúc (\(end)) trước khi bắt đầu (\(start)); hãy khôi phục từ bản sao lưu."
        }
    }
}

/// The open end of a range in the store: a day after any real one (`Day` ends with the year 9998), so that
/// `valid_to > D` needs no NULL test and no real day can be taken for it.
let openEnd = 9999_12_31

extension Day {
    /// The store's form of a range end.
    static func stored(end: Day?) -> Int { end?.yyyymmdd ?? openEnd }

    /// A day read back from the store; a value that is no day (edited by hand, a damaged file) is an error naming
    /// it, never a crash.
    static func stored(_ value: Int) throws(StoreError) -> Day {
        guard let day = Day(yyyymmdd: value) else { throw StoreError.invalidDay(value) }
        return day
    }

    /// A range end read back from the store.
    static func end(stored value: Int) throws(StoreError) -> Day? { value == openEnd ? nil : try stored(value) }
}

extension DayRange {
    /// A range read back from the store, checked: a range that ends before it starts is an error, never a crash.
    static func stored(from start: Int, to end: Int) throws(StoreError) -> DayRange {
        let first = try Day.stored(start), last = try Day.end(stored: end)
        guard last.map({ $0 >= first }) ?? true else { throw StoreError.invalidRange(start, end) }
        return DayRange(start: first, end: last)
    }
}
