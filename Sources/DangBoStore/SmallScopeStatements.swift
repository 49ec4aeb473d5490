import PostgresNIO

/// PostgreSQL: a small scope's statistics and member counts (`Store.countedFromPeriods`) as named prepared statements,
/// parsed once per connection and, after PostgreSQL's first five executions, run on a plan kept for any root and day.
///
/// NB: each statement was parsed and planned anew for each question: a cell's counts took 0.17 ms to parse and 0.69
/// ms to plan for 0.76 ms of execution (issue 12's small questions against hand-written SQL: 1.8–2.0 times). A kept
/// plan is one for small subtrees (a row or two of ancestry per root): the store asks through these statements only of
/// roots that counted fewer than `Store.snapshotMinimum` members before (`Store.smallScopes`); a large subtree's first
/// question is planned for its own root (the nation's periods counted in 1.7–2.7 s so, 3.5–3.7 s through the kept plan).
struct SmallScopeBinds: Sendable {
    var root: Int
    var day: Int
    /// The first and last days of a snapshot near `day` (`StatisticSnapshots.reach`).
    var low: Int
    var high: Int
}

/// The statements' common shape: four 64-bit integer parameters in `SmallScopeBinds`' order, rows of
/// `Store.CountedRow`.
protocol SmallScopeStatement: PostgresPreparedStatement where Row == Store.CountedRow {
    var binds: SmallScopeBinds { get }
}

extension SmallScopeStatement {
    static var bindingDataTypes: [PostgresDataType] { [.int8, .int8, .int8, .int8] }

    /// The statement of `Store.countsSQL` with `$1`–`$4` for the root, the day and the days within reach.
    static func countsSQL(organizations: Bool) -> String {
        Store.countsSQL(unlessNearSnapshot: true, organizations: organizations, root: "$1", day: "$2", low: "$3", high: "$4")
    }

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 4)
        for value in [binds.root, binds.day, binds.low, binds.high] { bindings.append(value) }
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decodeStored(Row.self) }
}

/// The statistics' statement: the member counts, the organizations by kind and the root's code.
struct SmallScopeStatistics: SmallScopeStatement {
    typealias Row = Store.CountedRow
    static let sql = countsSQL(organizations: true)
    let binds: SmallScopeBinds
}

/// The member counts' statement (the reviews' stocks).
struct SmallScopeMemberCounts: SmallScopeStatement {
    typealias Row = Store.CountedRow
    static let sql = countsSQL(organizations: false)
    let binds: SmallScopeBinds
}
