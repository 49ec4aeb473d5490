import DangBoCore
import DangBoInterchange
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import SQLKit
import Testing

/// Every SQL report held equal to its Core twin (the oracle) on generated registries with random histories, for
/// several seeds, random scopes, days and periods, on SQLite and (when DATABASE_URL is set) PostgreSQL.
@Suite struct ReportTwinTests {
    static let audit = AuditRecord(actor: "test", action: "seed", summary: "generated", recordedAt: Date(timeIntervalSince1970: 0))

    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func sqlEqualsCoreOnGeneratedRegistries(seed: UInt64) async throws {
        let from = Day(iso: "2000-01-01")!, through = Day(iso: "2026-11-26")!
        let options = SyntheticRegistry.Options(seed: seed, grassroots: 40, members: 5_000, from: from, through: through)
        let synthetic = SyntheticRegistry(options: options)
        let (change, registry) = synthetic.change()
        #expect(registry.members.count == synthetic.members.count)
        // The data holds every case the rules name (depth and kind changes, same-day steps, arriving probationers,
        // journals opening with a readmission or late), or this test would prove nothing about them.
        #expect(RegistryCensus(synthetic, registry: registry, options: options).missing.isEmpty)
        #expect(registry.statistics(of: OrganizationID(1), asOf: through).members.total >= 4_000)
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: Self.audit)
            var random = SeededGenerator(seed: seed &* 7)
            let ids = registry.tree.organizations.keys.sorted()
            // The days the tree changes are where subtree logic breaks first: always ask about them.
            let changeDays = registry.tree.changeDays.filter { $0 > from && $0 < through }.sorted()
            var questions: [(OrganizationID, Day, Day)] = []
            for changeDay in changeDays {
                questions.append((ids[0], changeDay.adding(days: -40), changeDay.adding(days: 40)))
            }
            for _ in 0..<14 {
                let root = ids[Int.random(in: 0..<ids.count, using: &random)]
                let start = Day(ordinal: Int.random(in: from.ordinal..<through.ordinal, using: &random))
                let length = [0, 30, 90, 181, 365, 1_500].randomElement(using: &random)!
                questions.append((root, start, min(start.adding(days: length), through)))
            }
            for parent in Set(registry.tree.organizations.values.flatMap { $0.versions.compactMap(\.parent) }).sorted() {
                for day in changeDays { questions.append((parent, day.adding(days: -1), day)) }
            }
            // Days with several events of one member: each scope that holds one of the cells involved, that day and
            // its quarter.
            var byMemberDay: [String: [MembershipEvent]] = [:]
            for event in synthetic.events where event.effective > from { byMemberDay["\(event.member.rawValue) \(event.effective.iso)", default: []].append(event) }
            var asked = Set<String>()
            var sameDay = byMemberDay.values.filter { $0.count > 1 }.sorted { ($0[0].effective, $0[0].member) < ($1[0].effective, $1[0].member) }
            sameDay.shuffle(using: &random)
            for events in sameDay.prefix(16) {
                let day = events[0].effective
                let journal = registry.journals[events[0].member]!
                var cells = Set(events.compactMap(\.organization))
                if let before = journal.period(on: day.previous)?.cell { cells.insert(before) }
                for cell in cells.sorted() {
                    for scope in registry.tree.ancestors(of: cell, on: day.previous) + registry.tree.ancestors(of: cell, on: day)
                    where asked.insert("\(scope.rawValue) \(day.iso)").inserted {
                        questions.append((scope, day.adding(days: -45), day.adding(days: 45)))
                    }
                }
            }
            var kindsSeen = (established: Set<OrganizationKind>(), dissolved: Set<OrganizationKind>())
            for (root, start, end) in questions {
                // The review's table of organizations by kind (issue 10 point 2).
                let kinds = registry.tree.kindCounts(under: root, from: start, to: end)
                #expect(try await store.organizationKindCounts(under: root, from: start, to: end) == kinds, "kinds \(root) \(start)…\(end)")
                for count in kinds {
                    if count.established > 0 { kindsSeen.established.insert(count.kind) }
                    if count.dissolved > 0 { kindsSeen.dissolved.insert(count.kind) }
                }
                let sqlStatistics = try await store.statistics(of: root, asOf: end)
                #expect(sqlStatistics == registry.statistics(of: root, asOf: end), "statistics \(root) \(end)")
                let coreReview = registry.review(of: root, from: start, to: end)
                // Both plans (from the subtree's rows, from the period's rows) give Core's figures.
                for subtreeFirst in [true, false] {
                    let sqlReview = try await store.review(of: root, from: start, to: end, startFromSubtree: subtreeFirst)
                    #expect(sqlReview == coreReview, "review \(root) \(start)…\(end) subtree first: \(subtreeFirst)")
                    #expect(sqlReview.balance.holds)
                }
            }
            // The questions met establishments and dissolutions of more than one kind, or the kind table proved little.
            #expect(kindsSeen.established.count >= 2 && kindsSeen.dissolved.count >= 2, "\(kindsSeen)")

            // Cell meetings (issue 11 point 4): the compliance view and the review's figures, over the months the
            // generator holds meetings, for the root, every grassroots organization and cells; the root's whole span
            // must show every kind of finding, or the test would prove nothing about it.
            let meetingStart = Day(year: through.year - options.meetingYears, month: 1, day: 1)!
            let whole = registry.meetingCompliance(of: ids[0], from: meetingStart, to: through)
            #expect(!whole.withoutRegular.isEmpty && !whole.withoutThematic.isEmpty && !whole.short.isEmpty
                && whole.absentees.contains { $0.months == 3 } && registry.meetings.count > 1_000, "\(registry.meetings.count) meetings")
            var meetingQuestions: [(OrganizationID, Day, Day)] = [(ids[0], meetingStart, through)]
            for _ in 0..<10 {
                let root = ids[Int.random(in: 0..<ids.count, using: &random)]
                let start = Day(ordinal: Int.random(in: meetingStart.ordinal..<through.ordinal, using: &random))
                meetingQuestions.append((root, start, min(start.adding(days: [0, 27, 45, 91, 200, 400].randomElement(using: &random)!), through)))
            }
            for changeDay in changeDays where changeDay > meetingStart {
                meetingQuestions.append((ids[0], changeDay.adding(days: -31), changeDay.adding(days: 31)))
            }
            for (root, start, end) in meetingQuestions {
                let compliance = registry.meetingCompliance(of: root, from: start, to: end)
                // Both plans (from the subtree's cells, from the period's meetings of the nation) give Core's findings.
                for subtreeFirst in [true, false] {
                    #expect(try await store.meetingCompliance(of: root, from: start, to: end, startFromSubtree: subtreeFirst) == compliance,
                            "meetings \(root) \(start)…\(end) subtree first: \(subtreeFirst)")
                }
                #expect(try await store.review(of: root, from: start, to: end) == registry.review(of: root, from: start, to: end),
                        "review with meetings \(root) \(start)…\(end)")
            }

            // Discipline (issue 11 point 3): each decision's day and quarter, seen from its deciding organization and
            // every organization above it, that day and the day before; the figures met must not all be zero.
            var disciplined = 0
            let decisions = registry.disciplines.sorted { $0.reference < $1.reference }.shuffled(using: &random).prefix(24)
            #expect(decisions.count >= 12, "\(registry.disciplines.count) decisions")
            for decision in decisions {
                let day = decision.effective
                let quarter = ReviewDraft.lastQuarter(endingBy: day.adding(months: 3).previous)
                for root in registry.tree.ancestors(of: decision.decidingOrganization, on: day) {
                    for (start, end) in [(day, day), (day.previous, day.previous), (quarter.from, quarter.to)] {
                        let core = DisciplineFigures(of: root, from: start, to: end, decisions: registry.disciplines, tree: registry.tree)
                        for subtreeFirst in [true, false] {
                            #expect(try await store.disciplineFigures(of: root, from: start, to: end, startFromSubtree: subtreeFirst) == core,
                                    "discipline \(root) \(start)…\(end) subtree first: \(subtreeFirst)")
                        }
                        disciplined += core.members.values.reduce(0, +) + core.organizations.values.reduce(0, +)
                    }
                }
            }
            #expect(disciplined > 0)

            // Inspection and supervision (issue 11 point 2): each sampled case's conclusion day, the day before, its
            // quarter and the due day of its remedies, from its conductor and every organization above it; the
            // figures met must include conclusions, open remedies and overdue ones.
            let progress = Dictionary(registry.progress.map { ($0.caseReference, $0) }, uniquingKeysWith: { first, _ in first })
            let concludedCases = registry.cases.filter { $0.concluded(progress: progress[$0.reference]) != nil }
                .sorted { $0.reference < $1.reference }.shuffled(using: &random).prefix(24)
            #expect(concludedCases.count >= 12, "\(registry.cases.count) cases")
            var met = OversightFigures.Counts()
            for oversightCase in concludedCases {
                let day = oversightCase.concluded(progress: progress[oversightCase.reference])!
                let quarter = ReviewDraft.lastQuarter(endingBy: day.adding(months: 3).previous)
                var periods = [(day, day), (day.previous, day.previous), (quarter.from, quarter.to)]
                for task in registry.tasks where task.caseReference == oversightCase.reference {
                    periods += [(day, task.due), (day, task.due.next)]
                }
                for root in registry.tree.ancestors(of: oversightCase.conductorOrganization, on: day) {
                    for (start, end) in periods {
                        let core = registry.oversightFigures(of: root, from: start, to: end, progress: registry.progress, tasks: registry.tasks)
                        #expect(try await store.oversightFigures(of: root, from: start, to: end) == core, "oversight \(root) \(start)…\(end)")
                        for counts in core.counts.values {
                            met.started += counts.started
                            met.concluded += counts.concluded
                            met.followUpsOpen += counts.followUpsOpen
                            met.followUpsOverdue += counts.followUpsOverdue
                        }
                    }
                }
            }
            #expect(met.started > 0 && met.concluded > 0 && met.followUpsOpen > 0 && met.followUpsOverdue > 0, "\(met)")
        }
    }

    @Test func theStoreGivesBackWhatWasWritten() async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 5, grassroots: 8, members: 400)).change()
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: Self.audit)
            let loaded = try await store.loadRegistry()
            #expect(loaded.members == registry.members)
            #expect(Set(loaded.periods) == Set(registry.periods))
            #expect(loaded.tree.organizations == registry.tree.organizations)
            #expect(loaded.seats.count == registry.seats.count)
            #expect(loaded.cases.map(\.reference) == registry.cases.map(\.reference))
            #expect(loaded.disciplines == registry.disciplines && !loaded.disciplines.isEmpty)
            #expect(loaded.terms == registry.terms && !loaded.terms.isEmpty)
            #expect(loaded.progress.map(\.caseReference) == registry.progress.map(\.caseReference) && !loaded.progress.isEmpty)
            #expect(loaded.programmes == registry.programmes && !loaded.programmes.isEmpty)
            for (stored, written) in zip(loaded.progress, registry.progress) {
                #expect(stored.steps == written.steps && Set(stored.team) == Set(written.team) && stored.teamLeader == written.teamLeader
                    && stored.conclusion == written.conclusion && stored.disciplineProposed == written.disciplineProposed, "\(written.caseReference)")
            }
            #expect(loaded.tasks == registry.tasks && !loaded.tasks.isEmpty)
            for (id, journal) in registry.journals { #expect(loaded.journals[id]?.events == journal.events) }
            let audit = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_entries").first()?.decode(column: "n", as: Int.self)
            #expect(audit == 1)
        }
    }
}

/// The import contract is its own round trip: a generated registry exported to CSV and imported into an empty
/// database gives the same figures, organization by organization, through the published files only.
@Suite struct ContractRoundTripTests {
    @Test(arguments: [21, 22] as [UInt64])
    func exportThenImportGivesTheSameReviews(seed: UInt64) async throws {
        try await roundTrip(seed: seed, eventsByDay: false)
    }

    /// The events file sorted by day (stably: one member's events of one day keep their order), as a registry kept
    /// as a log of movements would write it: nearly every member's rows then come apart, so the import checks them
    /// whole again after its first check from the stream (`JournalStream`), on both databases.
    @Test func eventsSortedByDayGiveTheSameReviews() async throws {
        try await roundTrip(seed: 23, eventsByDay: true)
    }

    private func roundTrip(seed: UInt64, eventsByDay: Bool) async throws {
        let synthetic = SyntheticRegistry(options: .init(seed: seed, grassroots: 20, members: 2_500))
        let registry = synthetic.registry()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-roundtrip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try RegistryExport.writeCSV(registry, to: folder)
        if eventsByDay {
            let file = folder.appendingPathComponent("events.csv")
            let table = try CSVReader.read(url: file)
            let day = try #require(table.header.firstIndex(of: "effective_on"))
            let sorted = table.rows.enumerated().sorted { ($0.element.cells[day], $0.offset) < ($1.element.cells[day], $1.offset) }
            // The test would prove nothing if the file already came by day or kept members together.
            #expect(sorted.map(\.offset) != Array(table.rows.indices))
            try CSVWriter.text(header: table.header, rows: sorted.map(\.element.cells)).write(to: file, atomically: true, encoding: .utf8)
        }
        try await TestDatabases.each { store in
            let summary = try await store.importData(at: folder, actor: "test")
            #expect(summary.events == synthetic.events.count)
            #expect(summary.members == synthetic.members.count)
            #expect(summary.meetings == synthetic.meetings.count && summary.meetings > 500)
            #expect(summary.attendance == synthetic.meetings.map(\.attendance.count).reduce(0, +))
            // The programmes came through the files, item by item, each case named by the same item.
            #expect(summary.programmes == synthetic.programmes.count && summary.programmes > 0)
            let loaded = try await store.loadRegistry()
            func described(_ programmes: [OversightProgramme], _ tree: OrganizationTree) -> Set<String> {
                Set(programmes.flatMap { programme in
                    programme.items.map { "\(tree[programme.conductorOrganization]?.code ?? "") \(programme.conductor) \(programme.year) \($0.content) \($0.planned) \($0.subjects.count) \($0.caseReference ?? "")" }
                })
            }
            #expect(described(loaded.programmes, loaded.tree) == described(registry.programmes, registry.tree))
            #expect(loaded.cases.filter(\.needsProgramme).allSatisfy { $0.isInProgramme(loaded.programmes) })
            // The meetings and their attendance came through the files: the root's compliance over their span is Core's.
            let root = try #require(try await store.organizationID(code: "DUK"))
            let span = (Day(iso: "2024-01-01")!, Day(iso: "2026-11-26")!)
            let compliance = try await store.meetingCompliance(of: root, from: span.0, to: span.1)
            #expect(compliance == registry.meetingCompliance(of: OrganizationID(1), from: span.0, to: span.1) && !compliance.absentees.isEmpty)
            var random = SeededGenerator(seed: seed)
            let organizations = registry.tree.organizations.values.sorted { $0.id < $1.id }
            for round in 0..<12 {
                let organization = organizations[Int.random(in: 0..<organizations.count, using: &random)]
                // NB: a third of the periods fall where meetings are.
                let earliest = round % 3 == 0 ? Day(iso: "2024-01-01")! : Day(iso: "1998-01-01")!
                let from = Day(ordinal: Int.random(in: earliest.ordinal..<Day(iso: "2026-06-01")!.ordinal, using: &random))
                let to = from.adding(days: Int.random(in: 0...400, using: &random))
                let imported = try #require(try await store.organizationID(code: organization.code))
                var expected = registry.review(of: organization.id, from: from, to: to)
                let actual = try await store.review(of: imported, from: from, to: to)
                expected.organization = actual.organization
                #expect(actual == expected, "\(organization.code) \(from)…\(to)")
            }
        }
    }
}
