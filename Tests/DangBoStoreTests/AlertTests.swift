import DangBoCore
@testable import DangBoStore
import DangBoSynthetic
import Testing

/// The dashboard's alerts and recent changes equal Core's over a generated registry, for several days and scopes, on
/// every database: probationers due within the window (overdue first), badges due by the next ceremony day, open
/// temporary stays, and the latest events in scope.
@Suite struct AlertTests {
    static var registry: Registry { PageQueryTests.registry }
    static var tree: OrganizationTree { PageQueryTests.tree }

    /// Ordinary days, a ceremony day and the days either side of it, and the registry's last day.
    static let days: [Day] = ["2005-06-30", "2018-05-18", "2018-05-19", "2018-05-20", "2021-03-31", "2024-11-07"]
        .map { Day(iso: $0)! } + [PageQueryTests.through]

    /// Core's alerts: every journal on the day, the scope by `Scope.covers`.
    static func coreAlerts(in scope: Scope, asOf day: Day, within days: Int) -> DashboardAlerts {
        let until = day.adding(days: days)
        let ceremony = DashboardAlerts.nextCeremony(onOrAfter: day)
        let previous = DashboardAlerts.previousCeremony(before: ceremony)
        var probations: [DashboardAlerts.Probation] = [], badges: [DashboardAlerts.Badge] = []
        var stays: [DashboardAlerts.TemporaryStay] = []
        func summary(_ id: OrganizationID) -> OrganizationSummary { OrganizationSummary(tree[id]!, on: day)! }
        for journal in registry.journals.values {
            let period = journal.period(on: day)
            if let period, scope.covers(period.cell, in: tree, on: day) {
                if let due = journal.probationEnd(asOf: day), due <= until {
                    probations.append(.init(member: journal.member, cell: summary(period.cell), due: due))
                }
                if let badge = journal.partyAge(asOf: day)?.nextBadge(after: previous), badge.due <= ceremony {
                    badges.append(.init(member: journal.member, cell: summary(period.cell), years: badge.years, due: badge.due))
                }
            }
            // Stays: the last start of each side on or before the day, unless an end or a departure follows it.
            let past = journal.events.filter { $0.effective <= day }
            func open(_ kind: EventKind) -> MembershipEvent? {
                guard let start = past.lastIndex(where: { $0.kind == kind }) else { return nil }
                return past[(start + 1)...].contains { $0.kind == .temporaryEnded || $0.kind.leaves } ? nil : past[start]
            }
            if let away = open(.temporaryOut), let period, scope.covers(period.cell, in: tree, on: day) {
                stays.append(.init(member: journal.member, cell: summary(period.cell), kind: .away, since: away.effective))
            }
            if let attending = open(.temporaryIn), let cell = attending.organization, scope.covers(cell, in: tree, on: day) {
                stays.append(.init(member: journal.member, cell: summary(cell), kind: .attending, since: attending.effective))
            }
        }
        return DashboardAlerts(
            asOf: day, until: until, ceremony: ceremony,
            probations: probations.sorted { ($0.due, $0.member.id) < ($1.due, $1.member.id) },
            badges: badges.sorted { ($0.due, $0.member.id) < ($1.due, $1.member.id) },
            temporaryStays: stays.sorted { ($0.since, $0.member.id, $0.kind.rawValue) < ($1.since, $1.member.id, $1.kind.rawValue) })
    }

    /// Core's recent events: each event's cell (its organization, else the member's cell that day, the period
    /// touching the day last), in scope on the event's day, latest first.
    static func coreRecent(in scope: Scope, asOf day: Day, limit: Int) -> [RecentEvent] {
        var found: [(key: (Day, MemberID, Int), event: RecentEvent)] = []
        for journal in registry.journals.values {
            for (index, event) in journal.events.enumerated() where event.effective <= day {
                let period = journal.periods.last { $0.validity.start <= event.effective && ($0.validity.end.map { $0 >= event.effective } ?? true) }
                guard let cell = event.organization ?? period?.cell, let organization = tree[cell],
                      let summary = OrganizationSummary(organization, on: event.effective),
                      scope.covers(cell, in: tree, on: event.effective) else { continue }
                found.append(((event.effective, journal.member.id, journal.originalIndex[index]),
                              RecentEvent(member: journal.member, cell: summary, event: event)))
            }
        }
        return found.sorted { $0.key > $1.key }.prefix(limit).map(\.event)
    }

    @Test func ceremonyDays() {
        let cases: [(String, String, String)] = [
            ("2021-02-02", "2021-02-03", "2020-11-07"), ("2021-02-03", "2021-02-03", "2020-11-07"),
            ("2021-02-04", "2021-05-19", "2021-02-03"), ("2021-11-07", "2021-11-07", "2021-09-02"),
            ("2021-11-08", "2022-02-03", "2021-11-07"), ("2021-12-31", "2022-02-03", "2021-11-07"),
        ]
        for (day, next, previous) in cases {
            let ceremony = DashboardAlerts.nextCeremony(onOrAfter: Day(iso: day)!)
            #expect(ceremony == Day(iso: next)!, "\(day)")
            #expect(DashboardAlerts.previousCeremony(before: ceremony) == Day(iso: previous)!, "\(day)")
        }
    }

    @Test func alertsEqualCore() async throws {
        let (change, registry) = PageQueryTests.generated
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            var seen = (probations: 0, overdue: 0, badges: 0, stays: 0)
            for scope in PageQueryTests.scopes {
                for day in Self.days {
                    for window in [0, 30] {
                        let sql = try await store.alerts(in: scope, asOf: day, within: window)
                        let core = Self.coreAlerts(in: scope, asOf: day, within: window)
                        #expect(sql == core, "\(scope.roots) \(day) \(window)")
                        seen.probations += core.probations.count
                        seen.overdue += core.probations.filter { $0.due < day }.count
                        seen.badges += core.badges.count
                        seen.stays += core.temporaryStays.count
                    }
                }
            }
            // NB: a comparison of empty lists proves nothing: the registry must give every kind somewhere.
            #expect(seen.probations > 0 && seen.overdue > 0 && seen.badges > 0 && seen.stays > 0, "\(seen)")
            #expect(try await store.alerts(in: Scope(roots: []), asOf: PageQueryTests.through).probations.isEmpty)
        }
    }

    @Test func recentEventsEqualCore() async throws {
        let (change, registry) = PageQueryTests.generated
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            for scope in PageQueryTests.scopes {
                for day in Self.days {
                    let sql = try await store.recentEvents(in: scope, asOf: day, limit: 15)
                    let core = Self.coreRecent(in: scope, asOf: day, limit: 15)
                    #expect(sql == core, "\(scope.roots) \(day)")
                }
            }
            #expect(try await store.recentEvents(in: PageQueryTests.scopes[3], asOf: PageQueryTests.through).count == 20)
        }
    }
}
