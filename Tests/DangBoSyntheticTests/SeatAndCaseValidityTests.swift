import DangBoCore
import DangBoSynthetic
import Testing

/// The generator's committee seats and oversight cases obey Core's rules, as an import would check them: every seat
/// starts on a day its organization exists and its holder is an official member of it; every case has its dates in
/// order, a conductor that exists and subjects that do.
@Suite struct SeatAndCaseValidityTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func everySeatAndCaseObeysCoreRules(seed: UInt64) {
        let synthetic = SyntheticRegistry(options: .init(seed: seed, grassroots: 12, members: 800))
        let registry = synthetic.registry()
        Self.expectEveryRecordValid(registry)
        // Tasks done on time, late, not yet: the figures meet each.
        #expect(registry.tasks.contains { $0.done == nil } && registry.tasks.contains(where: \.wasDoneLate)
            && registry.tasks.contains { $0.done.map { $0 <= $0 } == true && !$0.wasDoneLate })
    }

    /// Every seat, case, decision, term, progress, task and programme of `registry` keeps Core's rules, and every
    /// case that needs a programme is in one; there are seats, cases, terms, progress, tasks and programmes.
    static func expectEveryRecordValid(_ registry: Registry) {
        #expect(!registry.seats.isEmpty && !registry.cases.isEmpty)
        for seat in registry.seats {
            let violations = seat.violations(in: registry)
            let code = registry.tree[seat.organization]?.code ?? ""
            #expect(violations.isEmpty, "\(seat.member) \(code) \(seat.validity): \(violations.map(\.message))")
        }
        for oversight in registry.cases {
            let violations = oversight.violations(in: registry)
            #expect(violations.isEmpty, "\(oversight.reference): \(violations.map(\.message))")
        }
        for decision in registry.disciplines {
            let violations = decision.violations(in: registry)
            #expect(violations.isEmpty, "\(decision.reference): \(violations.map(\.message))")
        }
        #expect(!registry.terms.isEmpty && !registry.progress.isEmpty && !registry.tasks.isEmpty)
        for term in registry.terms {
            let violations = term.violations(in: registry.tree, others: registry.terms)
            #expect(violations.isEmpty, "\(term.organization) \(term.name): \(violations.map(\.message))")
        }
        let cases = Dictionary(registry.cases.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        let progress = Dictionary(registry.progress.map { ($0.caseReference, $0) }, uniquingKeysWith: { first, _ in first })
        for value in registry.progress {
            let violations = value.violations(in: registry)
            #expect(violations.isEmpty, "\(value.caseReference): \(violations.map(\.message))")
        }
        for task in registry.tasks {
            let violations = cases[task.caseReference].map { task.violations(of: $0, progress: progress[task.caseReference]) }
            #expect(violations?.isEmpty == true, "\(task.caseReference): \(violations?.map(\.message) ?? ["no case"])")
        }
        // Programmes: each keeps the rules, one per conductor and year, and every case that needs one is in one.
        #expect(!registry.programmes.isEmpty)
        #expect(Set(registry.programmes.map(\.key)).count == registry.programmes.count)
        for programme in registry.programmes {
            let violations = programme.violations(in: registry)
            #expect(violations.isEmpty, "\(programme.key): \(violations.map(\.message))")
        }
        for oversight in registry.cases where oversight.needsProgramme {
            #expect(oversight.isInProgramme(registry.programmes), "\(oversight.reference)")
        }
    }

    /// The programmes hold what an import and the quarter's report must see: items by quarter and by month, items
    /// carried out by a case and items not, an item started in the year after its programme's.
    @Test func theProgrammesAreVaried() {
        var items: [(programme: OversightProgramme, item: ProgrammeItem)] = []
        var cases: [String: OversightCase] = [:]
        for seed in [1, 2, 3] as [UInt64] {
            let synthetic = SyntheticRegistry(options: .init(seed: seed, grassroots: 12, members: 800))
            items += synthetic.programmes.flatMap { programme in programme.items.map { (programme, $0) } }
            for oversight in synthetic.cases { cases["\(seed) \(oversight.reference)"] = oversight }
        }
        #expect(items.contains { if case .month = $0.item.planned { true } else { false } })
        #expect(items.contains { if case .quarter = $0.item.planned { true } else { false } })
        #expect(items.contains { $0.item.caseReference == nil } && items.contains { $0.item.caseReference != nil })
        #expect(items.contains { $0.item.activity == .inspection } && items.contains { $0.item.activity == .supervision })
        let late = items.filter { entry in
            entry.item.caseReference.map { reference in
                [1, 2, 3].contains { (cases["\($0) \(reference)"]?.started.year ?? 0) > entry.programme.year }
            } ?? false
        }
        #expect(!late.isEmpty)
    }

    /// The decisions hold what the twin tests need to see: each sanction of members and of organizations the
    /// generator gives, appeals decided and pending, postponements, several decisions on one day, every expulsion's.
    @Test func theDecisionsAreVaried() {
        var decisions: [DisciplineDecision] = [], expulsions = 0
        for seed in [1, 2, 3] as [UInt64] {
            let synthetic = SyntheticRegistry(options: .init(seed: seed, grassroots: 12, members: 800))
            decisions += synthetic.disciplines
            expulsions += synthetic.events.filter { $0.kind == .expelled }.count
        }
        func members(_ sanction: Sanction) -> Int {
            decisions.filter { if case .member = $0.subject { $0.sanction == sanction } else { false } }.count
        }
        #expect(members(.reprimand) > 0 && members(.warning) > 0 && members(.removalFromPost) > 0 && members(.expulsion) > 0)
        #expect(decisions.contains { if case .organization = $0.subject { true } else { false } })
        #expect(decisions.contains { $0.appeals.contains { $0.decided == nil } })
        #expect(decisions.contains { $0.appeals.contains { $0.decided != nil } })
        #expect(decisions.contains { !$0.postponements.isEmpty })
        #expect(Dictionary(grouping: decisions, by: \.effective).values.contains { $0.count > 1 })
        #expect(members(.expulsion) > 0 && members(.expulsion) <= expulsions)
    }
}

extension SeatAndCaseValidityTests {
    @Test(arguments: [
        SyntheticRegistry.Options(seed: 9, grassroots: 3, members: 60, from: Day(iso: "2020-01-01")!,
                                  through: Day(iso: "2021-06-30")!),
        SyntheticRegistry.Options(seed: 7),
    ])
    func theDemoAndAShortHistoryToo(options: SyntheticRegistry.Options) {
        let registry = SyntheticRegistry(options: options).registry()
        #expect(!registry.seats.isEmpty && !registry.cases.isEmpty)
        #expect(registry.seats.allSatisfy { $0.violations(in: registry).isEmpty })
        #expect(registry.cases.allSatisfy { $0.violations(in: registry).isEmpty })
        #expect(registry.disciplines.allSatisfy { $0.violations(in: registry).isEmpty })
    }
}
