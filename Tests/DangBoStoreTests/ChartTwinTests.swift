import DangBoCore
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import Testing

/// The charts' series (issue 9 point 3) held equal to their Core twins on generated registries, for several seeds,
/// scopes and days (the days the tree changes among them), on SQLite and PostgreSQL; and their edges by hand: the last
/// day of a month and of a quarter, the day after, a birthday on the as-of day.
@Suite struct ChartTwinTests {
    static func change(of registry: Registry) -> RegistryChange {
        var change = RegistryChange()
        change.organizations = registry.tree.organizations.values.sorted { $0.id < $1.id }
        change.members = registry.members.values.sorted { $0.id < $1.id }
        change.journals = registry.journals.values.sorted { $0.member.id < $1.member.id }
        change.events = change.journals.flatMap(\.events)
        return change
    }

    @Test(arguments: [31, 32, 33] as [UInt64])
    func sqlEqualsCoreOnGeneratedRegistries(seed: UInt64) async throws {
        let from = Day(iso: "2000-01-01")!, through = Day(iso: "2026-11-26")!
        let synthetic = SyntheticRegistry(options: .init(seed: seed, grassroots: 12, members: 1_500, from: from, through: through))
        let (change, registry) = synthetic.change()
        var random = SeededGenerator(seed: seed &* 13)
        let ids = registry.tree.organizations.keys.sorted()
        // The root on the last day and on days around changes of the tree, and random scopes on random days.
        var questions: [(OrganizationID, Day)] = [(ids[0], through), (ids[0], Day(iso: "2026-03-31")!)]
        for day in registry.tree.changeDays.filter({ $0 > from && $0 < through }).sorted().prefix(6) {
            questions.append((ids[0], day))
            questions.append((ids[0], day.adding(days: 40)))
        }
        for _ in 0..<6 {
            questions.append((ids[Int.random(in: 0..<ids.count, using: &random)],
                              Day(ordinal: Int.random(in: Day(iso: "2008-01-01")!.ordinal...through.ordinal, using: &random))))
        }
        var admissionsSeen = 0, readmissionsSeen = 0
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            for (root, day) in questions {
                let standing = try await store.standingSeries(of: root, asOf: day)
                #expect(standing == registry.standingSeries(of: root, asOf: day), "standing \(root) \(day)")
                #expect(standing.points.count == 24 && standing.points.last?.day == day)
                // The last point is the day's statistics.
                let statistics = registry.statistics(of: root, asOf: day).members
                #expect(standing.points.last.map { ($0.official, $0.probationary) } ?? (0, 0) == (statistics.official, statistics.probationary))

                let pyramid = try await store.agePyramid(of: root, asOf: day)
                #expect(pyramid == registry.agePyramid(of: root, asOf: day), "pyramid \(root) \(day)")
                #expect(pyramid.total == statistics.total)

                let admissions = try await store.admissionSeries(of: root, asOf: day)
                #expect(admissions == registry.admissionSeries(of: root, asOf: day), "admissions \(root) \(day)")
                admissionsSeen += admissions.quarters.reduce(0) { $0 + $1.admitted }
                readmissionsSeen += admissions.quarters.reduce(0) { $0 + $1.readmitted }
            }
            // The SQL series counts as the SQL review does, quarter by quarter.
            let admissions = try await store.admissionSeries(of: ids[0], asOf: through, quarters: 12)
            for quarter in admissions.quarters {
                let review = try await store.review(of: ids[0], from: quarter.from, to: quarter.to)
                #expect((quarter.admitted, quarter.readmitted) == (review.movements.admitted, review.movements.readmitted), "\(quarter.label)")
            }
        }
        // Or the equality would prove nothing about admissions.
        #expect(admissionsSeen > 0)
        _ = readmissionsSeen
    }

    /// A bloc of about 4,000 members: the three series in three statements, equal to Core, and the time they take
    /// printed (a measurement for docs/benchmarks.md, not a timed assertion).
    @Test func theChartsOfABloc() async throws {
        let through = Day(iso: "2026-11-26")!
        let (change, registry) = SyntheticRegistry(options: .init(seed: 41, grassroots: 40, members: 5_000, through: through)).change()
        let bloc = OrganizationID(1)
        #expect(registry.statistics(of: bloc, asOf: through).members.total >= 4_000)
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            _ = try await store.charts(of: bloc, asOf: through)  // warm the cache
            let clock = ContinuousClock()
            var charts: OrganizationCharts?
            let elapsed = try await clock.measure { charts = try await store.charts(of: bloc, asOf: through) }
            #expect(charts == registry.charts(of: bloc, asOf: through))
            let traits = try await clock.measure {
                for trait in MemberTrait.allCases { _ = try await store.members(of: bloc, asOf: through, with: trait) }
            }
            let standing = try await clock.measure { _ = try await store.standingSeries(of: bloc, asOf: through) }
            let pyramid = try await clock.measure { _ = try await store.agePyramid(of: bloc, asOf: through) }
            let admissions = try await clock.measure { _ = try await store.admissionSeries(of: bloc, asOf: through) }
            print("standing \(standing), pyramid \(pyramid), admissions \(admissions)")
            print("charts of a bloc of \(registry.statistics(of: bloc, asOf: through).members.total) members: \(elapsed), trait lists: \(traits)")
            // The trait lists are the members the statistics count.
            let statistics = registry.statistics(of: bloc, asOf: through).members
            let minority = try await store.members(of: bloc, asOf: through, with: .ethnicMinority)
            let exempt = try await store.members(of: bloc, asOf: through, with: .exempt)
            #expect(minority.count == statistics.ethnicMinority && exempt.count == statistics.exempt)
            #expect(minority.allSatisfy { Member.isEthnicMinority($0.member.ethnicity) } && exempt.allSatisfy(\.exempt))
            #expect(Set(minority.map(\.member.id)).count == minority.count)
        }
    }

    // MARK: Edges by hand

    static let bloc = OrganizationID(1), cell = OrganizationID(2), other = OrganizationID(3)

    /// A bloc with one cell, and a cell outside it; five members: admitted on 31/3/2026 (a month's and a quarter's last
    /// day) and on 1/4/2026 (the day after), readmitted on 30/6/2026, admitted outside the bloc; and two born either
    /// side of 30/11 (31 and 30 on 30/11/2026).
    static func registry() throws -> Registry {
        func day(_ text: String) -> Day { Day(iso: text)! }
        func version(_ kind: OrganizationKind, _ parent: OrganizationID?) -> OrganizationVersion {
            OrganizationVersion(validity: DayRange(start: day("1990-01-01"), end: nil), name: "x", kind: kind, parent: parent)
        }
        var registry = Registry(tree: OrganizationTree([
            Organization(id: bloc, code: "DUK", versions: [version(.upperCommittee, nil)]),
            Organization(id: cell, code: "DUK.01", versions: [version(.grassrootsCell, bloc)]),
            Organization(id: other, code: "KHAC", versions: [version(.grassrootsCell, nil)]),
        ]))
        let people: [(Gender, String, [(EventKind, String, OrganizationID?)])] = [
            (.male, "1995-11-30", [(.admitted, "2026-03-31", cell)]),
            (.female, "1995-12-01", [(.admitted, "2026-04-01", cell)]),
            (.female, "1970-05-05", [(.transferredIn, "2000-01-01", cell), (.withdrew, "2010-01-01", nil),
                                     (.readmitted, "2026-06-30", cell)]),
            (.male, "1990-01-01", [(.admitted, "2026-03-31", other)]),
            (.male, "1980-01-01", [(.transferredIn, "2020-01-01", cell)]),
        ]
        for (index, (gender, born, events)) in people.enumerated() {
            let id = MemberID(index + 1)
            let member = Member(id: id, nationalID: "00109500000\(index + 1)", familyName: "Trần", middleName: "Văn",
                                givenName: "Bình", gender: gender, birthDate: day(born))
            try registry.record(member, events: events.map {
                MembershipEvent(member: id, kind: $0.0, effective: day($0.1), organization: $0.2)
            })
        }
        return registry
    }

    @Test func edgesOfMonthsQuartersAndBirthdays() async throws {
        let registry = try Self.registry()
        let asOf = Day(iso: "2026-11-30")!
        func point(_ series: StandingSeries, _ iso: String) -> StandingSeries.Point? { series.points.first { $0.day == Day(iso: iso)! } }
        try await TestDatabases.each { store in
            try await store.write(Self.change(of: registry), tree: registry.tree, audit: ReportTwinTests.audit)
            let standing = try await store.standingSeries(of: Self.bloc, asOf: asOf, months: 10)
            #expect(standing == registry.standingSeries(of: Self.bloc, asOf: asOf, months: 10))
            #expect(standing.points.map(\.day.iso) == ["2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
                                                       "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30"])
            // Admitted on 31/3: in March; the one admitted on 1/4: from April; readmitted on 30/6: in June.
            #expect(point(standing, "2026-02-28").map { ($0.official, $0.probationary) } ?? (-1, -1) == (1, 0))
            #expect(point(standing, "2026-03-31").map { ($0.official, $0.probationary) } ?? (-1, -1) == (1, 1))
            #expect(point(standing, "2026-04-30").map { ($0.official, $0.probationary) } ?? (-1, -1) == (1, 2))
            #expect(point(standing, "2026-05-31").map { ($0.official, $0.probationary) } ?? (-1, -1) == (1, 2))
            #expect(point(standing, "2026-06-30").map { ($0.official, $0.probationary) } ?? (-1, -1) == (1, 3))

            let admissions = try await store.admissionSeries(of: Self.bloc, asOf: asOf, quarters: 4)
            #expect(admissions == registry.admissionSeries(of: Self.bloc, asOf: asOf, quarters: 4))
            #expect(admissions.quarters.map(\.label) == ["quý I/2026", "quý II/2026", "quý III/2026", "quý IV/2026"])
            #expect(admissions.quarters.map(\.admitted) == [1, 1, 0, 0])  // not the one admitted outside the bloc
            #expect(admissions.quarters.map(\.readmitted) == [0, 1, 0, 0])
            #expect(admissions.quarters.last?.to == asOf && admissions.quarters.first?.from == Day(iso: "2026-01-01")!)
            // A quarter in progress ends on the as-of day: an admission after it is not counted yet.
            let early = try await store.admissionSeries(of: Self.bloc, asOf: Day(iso: "2026-03-30")!, quarters: 1)
            #expect(early.quarters.map(\.admitted) == [0] && early.quarters.first?.to == Day(iso: "2026-03-30")!)

            // Born 30/11/1995: 31 on 30/11/2026 (31-35); born 1/12/1995: still 30 (26-30); 21/3/2026: 30 and 30.
            let pyramid = try await store.agePyramid(of: Self.bloc, asOf: asOf)
            #expect(pyramid == registry.agePyramid(of: Self.bloc, asOf: asOf))
            func band(_ pyramid: AgePyramid, _ label: String) -> (Int, Int)? {
                pyramid.bands.first { $0.label == label }.map { ($0.male, $0.female) }
            }
            #expect(band(pyramid, "31-35")! == (1, 0) && band(pyramid, "26-30")! == (0, 1))
            #expect(band(pyramid, "56-60")! == (0, 1) && band(pyramid, "46-50")! == (1, 0))
            let dayBefore = try await store.agePyramid(of: Self.bloc, asOf: asOf.previous)
            #expect(band(dayBefore, "31-35")! == (0, 0) && band(dayBefore, "26-30")! == (1, 1))
            #expect(dayBefore == registry.agePyramid(of: Self.bloc, asOf: asOf.previous))
        }
    }

    @Test func pyramidBandsRefineTheStatisticsBands() {
        #expect(AgeBand.pyramidBands.map(\.label) == ["18-20", "21-25", "26-30", "31-35", "36-40", "41-45", "46-50", "51-55",
                                                      "56-60", "61-65", "66-70", "71-75", "76-80", "81-85", "86+"])
        // Each age falls in a pyramid band that lies inside its statistics band.
        for age in 15...100 {
            let fine = AgeBand.pyramidBands[AgeBand.pyramidIndex(age: age)]
            let coarse = AgeBand.label(age: age)
            let lowest = AgeBand.pyramidBands.firstIndex { $0.label == fine.label }!
            let ages = (15...100).filter { AgeBand.pyramidIndex(age: $0) == lowest }
            #expect(Set(ages.map(AgeBand.label(age:))) == [coarse], "\(age)")
        }
        #expect(AgeBand.pyramidIndex(age: 20) == 0 && AgeBand.pyramidIndex(age: 21) == 1)
        #expect(AgeBand.pyramidIndex(age: 85) == 13 && AgeBand.pyramidIndex(age: 86) == 14)
    }

    @Test func seriesDays() {
        let days = StandingSeries.days(months: 3, asOf: Day(iso: "2024-03-15")!).map(\.iso)
        #expect(days == ["2024-01-31", "2024-02-29", "2024-03-15"])
        let quarters = AdmissionSeries.quarters(3, asOf: Day(iso: "2026-01-01")!)
        #expect(quarters.map(\.label) == ["quý III/2025", "quý IV/2025", "quý I/2026"])
        #expect(quarters.map(\.to.iso) == ["2025-09-30", "2025-12-31", "2026-01-01"])
    }
}
