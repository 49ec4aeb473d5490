import DangBoCore
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import SQLKit
import Testing

/// Disciplinary decisions through the store (issue 11 point 3): a decision is checked inside the write against the
/// records it depends on and written with its audit entry and its effect — an expulsion's event in the member's
/// journal, a dissolution in the tree — or nothing at all; on SQLite and PostgreSQL.
@Suite struct DisciplineStoreTests {
    static let synthetic = SyntheticRegistry(options: .init(seed: 5, grassroots: 8, members: 400))
    static let day = Day(iso: "2026-06-15")!

    static func count(_ store: Store) async throws -> (decisions: Int, audit: Int, events: Int) {
        func n(_ table: String) async throws -> Int {
            try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
        }
        return (try await n("discipline_decisions"), try await n("audit_entries"), try await n("membership_events"))
    }

    /// A member official on `day` with no later event (an expulsion ends the journal), one probationary, and the
    /// official's grassroots organization.
    static func members(_ registry: Registry) -> (official: Journal, probationer: Journal, grassroots: OrganizationID) {
        func grassroots(_ journal: Journal) -> OrganizationID? {
            registry.tree.ancestors(of: journal.period(on: day)!.cell, on: day).first { registry.tree.version(of: $0, on: day)!.kind.isGrassroots }
        }
        let official = registry.journals.values.sorted { $0.member.id < $1.member.id }
            .first { $0.period(on: day)?.standing == .official && $0.events.allSatisfy { $0.effective <= day } }!
        let organization = grassroots(official)!
        let probationer = registry.journals.values.sorted { $0.member.id < $1.member.id }
            .first { $0.period(on: day)?.standing == .probationary && grassroots($0) == organization }
            ?? registry.journals.values.sorted { $0.member.id < $1.member.id }.first { $0.period(on: day)?.standing == .probationary }!
        return (official, probationer, organization)
    }

    /// The body that decides for `organization`: a cell in its meeting, a committee otherwise (Charter 36.1).
    static func body(of organization: OrganizationID, in registry: Registry) -> DecidingBody {
        registry.tree.version(of: organization, on: day)!.kind.isCell ? .cell : .committee
    }

    @Test func anExpulsionIsWrittenWithItsEventAndARefusalWritesNothing() async throws {
        let (change, registry) = Self.synthetic.change()
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let (official, probationer, _) = Self.members(registry)
            let root = Self.synthetic.organizations[0].id
            let everything = Scope(roots: [root])
            let before = try await Self.count(store)

            // A probationer may not be expelled: refused on the sanction, nothing written.
            let refused = DisciplineDecision(
                reference: "", subject: .member(probationer.member.id), sanction: .expulsion, decidingOrganization: root,
                decidingBody: .standingCommittee, offenceCommitted: Self.day.adding(days: -90), decided: Self.day)
            await #expect(throws: DisciplineRefusal.self) { try await store.recordDiscipline(refused, in: everything, actor: "test") }
            do {
                _ = try await store.recordDiscipline(refused, in: everything, actor: "test")
            } catch DisciplineRefusal.rules(let violations) {
                #expect(violations.map(\.field) == [.sanction])
                #expect(violations[0].message.contains("dự bị"))
            }
            #expect(try await Self.count(store) == before)

            // Past the statute of limitations (5 years for a reprimand): the last day passes, the day after is refused.
            var late = DisciplineDecision(
                reference: "KL-TRE", subject: .member(official.member.id), sanction: .reprimand, decidingOrganization: root,
                decidingBody: .standingCommittee, offenceCommitted: Day(iso: "2021-06-14")!, decided: Self.day)
            await #expect(throws: DisciplineRefusal.self) { try await store.recordDiscipline(late, in: everything, actor: "test") }
            #expect(try await Self.count(store) == before)
            late.offenceCommitted = Day(iso: "2021-06-15")!
            #expect(try await store.recordDiscipline(late, in: everything, actor: "test") == "KL-TRE")
            #expect(try await Self.count(store).decisions == before.decisions + 1)
            // The same reference again: refused.
            await #expect(throws: DisciplineRefusal.referenceTaken("KL-TRE")) {
                try await store.recordDiscipline(late, in: everything, actor: "test")
            }

            // An expulsion: the decision, its audit entry, and the member's `expelled` event from the effective day.
            let expulsion = DisciplineDecision(
                reference: "", subject: .member(official.member.id), sanction: .expulsion, decidingOrganization: root,
                decidingBody: .standingCommittee, offenceCommitted: Self.day.adding(days: -90), decided: Self.day,
                effective: Self.day.adding(days: 1), decision: Decision(number: "88-QĐ/ĐUK", date: Self.day))
            let reference = try await store.recordDiscipline(expulsion, in: everything, actor: "test")
            #expect(reference.hasPrefix("KL-"))
            let after = try await Self.count(store)
            #expect(after.decisions == before.decisions + 2 && after.events == before.events + 1)
            #expect(try await store.auditEntries(limit: 1).first?.action == "discipline.record")
            let loaded = try await store.loadRegistry()
            #expect(loaded.journals[official.member.id]?.period(on: Self.day) != nil)
            #expect(loaded.journals[official.member.id]?.period(on: Self.day.adding(days: 1)) == nil)
            #expect(loaded.journals[official.member.id]?.events.last?.kind == .expelled)
            #expect(loaded.disciplines.last?.reference == reference && loaded.disciplines.last?.decision?.number == "88-QĐ/ĐUK")
            // The review counts it the day it takes effect, not the day before.
            let figures = try await store.disciplineFigures(of: root, from: Self.day.adding(days: 1), to: Self.day.adding(days: 1))
            #expect(figures.members(.expulsion) == 1)
            #expect(try await store.disciplineFigures(of: root, from: Self.day, to: Self.day).members(.expulsion) == 0)
            #expect(try await store.review(of: root, from: Self.day, to: Self.day.adding(days: 1)).discipline.members["expulsion"] == 1)
            let lines = try await store.disciplineLines(of: official.member.id)
            #expect(lines.suffix(2).map(\.decision.sanction) == [.reprimand, .expulsion])
            // The scope's list and figures are the same from the subtree's organizations and from the period's
            // decisions of the nation.
            let day = Self.day.adding(days: 1)
            for subtreeFirst in [true, false] {
                let listed = try await store.disciplineLines(of: root, from: day, to: day, in: everything, startFromSubtree: subtreeFirst)
                #expect(listed.map(\.decision.reference) == [reference], "subtree first: \(subtreeFirst)")
                #expect(try await store.disciplineFigures(of: root, from: day, to: day, startFromSubtree: subtreeFirst) == figures)
            }
        }
    }

    /// Giải tán: the organization is dissolved from the effective day, in the same write; an organization that offended
    /// before it was established, or is dissolved already, is refused with nothing written.
    @Test func aDissolutionDissolvesTheOrganization() async throws {
        let (change, registry) = Self.synthetic.change()
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let root = Self.synthetic.organizations[0].id
            let everything = Scope(roots: [root])
            let outcome = try await store.changeTree(
                .establish(id: OrganizationID(-1), code: "\(Self.synthetic.organizations[0].code).99", name: "Chi bộ thử",
                           kind: .grassrootsCell, parent: root), on: Day(iso: "2024-01-10")!, in: everything, actor: "test")
            let cell = try #require(outcome.established[OrganizationID(-1)])
            let before = try await Self.count(store)
            var decision = DisciplineDecision(
                reference: "KL-GT", subject: .organization(cell), sanction: .dissolution, decidingOrganization: root,
                decidingBody: .committee, offenceCommitted: Day(iso: "2024-01-09")!, decided: Self.day)
            await #expect(throws: DisciplineRefusal.self) { try await store.recordDiscipline(decision, in: everything, actor: "test") }
            #expect(try await Self.count(store) == before)
            decision.offenceCommitted = Day(iso: "2024-01-10")!
            #expect(try await store.recordDiscipline(decision, in: everything, actor: "test") == "KL-GT")
            let tree = try await store.loadTree()
            #expect(tree[cell]?.dissolved == Self.day)
            #expect(try await store.disciplineFigures(of: root, from: Self.day, to: Self.day).organizations(.dissolution) == 1)
            // Dissolved already: refused.
            decision.reference = "KL-GT-2"
            decision.decided = Self.day.adding(days: 1)
            await #expect(throws: DisciplineRefusal.self) { try await store.recordDiscipline(decision, in: everything, actor: "test") }
        }
    }

    @Test func aDecisionOutsideTheCallersScopeIsRefused() async throws {
        let (change, registry) = Self.synthetic.change()
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let (official, _, grassroots) = Self.members(registry)
            let elsewhere = registry.tree.organizations.values.filter {
                $0.version(on: Self.day)?.kind.isGrassroots == true && $0.id != grassroots
            }.min { $0.id < $1.id }!
            let decision = DisciplineDecision(
                reference: "", subject: .member(official.member.id), sanction: .warning, decidingOrganization: grassroots,
                decidingBody: Self.body(of: grassroots, in: registry), offenceCommitted: Self.day.adding(days: -90), decided: Self.day)
            await #expect(throws: DisciplineRefusal.outsideScope) {
                try await store.recordDiscipline(decision, in: Scope(roots: [elsewhere.id]), actor: "test")
            }
            #expect(try await store.recordDiscipline(decision, in: Scope(roots: [grassroots]), actor: "test").hasPrefix("KL-"))
        }
    }

    /// An appeal: to a decision the registry does not hold, refused by name; outside the caller's scope, refused; lodged
    /// within the month, written with its audit entry and then decided by naming it again with its outcome.
    @Test func anAppealIsAddedThenDecided() async throws {
        let (change, registry) = Self.synthetic.change()
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let (official, _, grassroots) = Self.members(registry)
            let root = Self.synthetic.organizations[0].id
            let everything = Scope(roots: [root])
            let decision = DisciplineDecision(
                reference: "KL-KN", subject: .member(official.member.id), sanction: .warning, decidingOrganization: grassroots,
                decidingBody: Self.body(of: grassroots, in: registry), offenceCommitted: Self.day.adding(days: -90), decided: Self.day)
            _ = try await store.recordDiscipline(decision, in: everything, actor: "test")
            let before = try await Self.count(store)
            let lodged = DisciplineAppeal(lodged: Self.day.adding(days: 10))

            await #expect(throws: DisciplineRefusal.unknownDecision("KL-KHONG-CO")) {
                try await store.recordAppeal(lodged, to: "KL-KHONG-CO", in: everything, actor: "test")
            }
            #expect(DisciplineRefusal.unknownDecision("KL-KHONG-CO").description == "Không có quyết định kỷ luật mã KL-KHONG-CO.")
            let elsewhere = registry.tree.organizations.values.filter {
                $0.version(on: Self.day)?.kind.isGrassroots == true && $0.id != grassroots
            }.min { $0.id < $1.id }!
            await #expect(throws: DisciplineRefusal.outsideScope) {
                try await store.recordAppeal(lodged, to: "KL-KN", in: Scope(roots: [elsewhere.id]), actor: "test")
            }
            #expect(try await Self.count(store) == before)

            try await store.recordAppeal(lodged, to: "KL-KN", in: everything, actor: "test")
            #expect(try await Self.count(store).audit == before.audit + 1)
            let decided = DisciplineAppeal(lodged: lodged.lodged, outcome: .upheld(on: Self.day.adding(days: 40)))
            try await store.recordAppeal(decided, to: "KL-KN", in: everything, actor: "test")
            #expect(try await store.loadRegistry().disciplines.first { $0.reference == "KL-KN" }?.appeals == [decided])
            #expect(try await Self.count(store).audit == before.audit + 2)
        }
    }
}
