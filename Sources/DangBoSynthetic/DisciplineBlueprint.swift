import DangBoCore

/// Disciplinary decisions (quyết định kỷ luật) that follow from the rest of the history: every expulsion the
/// simulation made has its decision (signed the day before it takes effect, by the standing committee of the grassroots
/// committee the member belonged to, or of the committee above a grassroots cell); members and organizations found in
/// violation by a concluded case are reprimanded or warned by the case's conductor a few weeks later (a seat holder
/// sometimes removed from post), a cell's case by the cell's meeting and of its own members only
/// (`RuleBook.disciplineByCell`); some decisions are appealed. Each
/// keeps the rules a form checks (`DisciplineDecision.violations`), as `SeatAndCaseValidityTests` holds, and several
/// share a day.
///
/// NB: drawn from a generator of its own, so that the rest of the registry stays as it was without them.
struct DisciplineBlueprint {
    let options: SyntheticRegistry.Options
    let tree: OrganizationTree
    private(set) var decisions: [DisciplineDecision] = []

    init(options: SyntheticRegistry.Options, tree: OrganizationTree) {
        self.options = options
        self.tree = tree
    }

    mutating func build(members: [Member], events: [MembershipEvent], cases: [OversightCase], seats: [CommitteeSeat]) {
        var random = SeededGenerator(seed: options.seed &+ 0x6B79_6C75_6174)
        let expulsions = events.filter { $0.kind == .expelled }
        let subjects = Set(expulsions.map(\.member)).union(cases.filter { $0.outcome == .violation }.flatMap { oversightCase in
            oversightCase.subjects.compactMap { if case .member(let id) = $0 { id } else { nil } }
        })
        var byMember: [MemberID: [MembershipEvent]] = [:]
        for event in events where subjects.contains(event.member) { byMember[event.member, default: []].append(event) }
        var periods: [MemberID: [MembershipPeriod]] = [:]
        for member in members where subjects.contains(member.id) {
            periods[member.id] = (try? Journal(member: member, events: byMember[member.id] ?? [], tree: tree))?.periods ?? []
        }
        func period(of member: MemberID, on day: Day) -> MembershipPeriod? {
            periods[member]?.last { $0.validity.contains(day) }
        }
        var number = 0
        // NB: named by the root's code, as cases and meetings are by their organization's: two generated blocs
        // imported into one database share no reference.
        let root = options.rootCode
        func reference(_ day: Day) -> String {
            number += 1
            return "KL-\(root)-\(day.year)-\(number)"
        }

        for event in expulsions {
            let decided = event.effective.previous
            guard let before = period(of: event.member, on: decided), before.standing == .official,
                  let deciding = expelling(from: before.cell, on: decided) else { continue }
            let offence = decided.adding(days: -random.int(in: 30...400))
            decisions.append(DisciplineDecision(
                reference: reference(decided), subject: .member(event.member), sanction: .expulsion,
                decidingOrganization: deciding, decidingBody: .standingCommittee, offenceCommitted: offence, decided: decided,
                effective: event.effective, decision: event.decision))
        }

        for oversightCase in cases where oversightCase.outcome == .violation {
            guard let ended = oversightCase.ended else { continue }
            // NB: two in three a fortnight after the conclusion, the rest the day of it: several decisions share a day.
            let decided = random.chance(0.33) ? ended : ended.adding(days: 14)
            guard decided <= options.through, tree[oversightCase.conductorOrganization]?.exists(on: decided) == true else { continue }
            // NB: a case of a cell, by its committee (chi ủy) or its meeting, is decided by the cell's meeting, and only
            // as far as a cell may: its own members, reprimanded or warned. The draws are made all the same, so that
            // the other decisions stay as they were.
            let byCell = tree.version(of: oversightCase.conductorOrganization, on: decided)?.kind.isCell == true
            let body: DecidingBody = switch oversightCase.conductor {
            case _ where byCell: .cell
            case .cell: .cell
            case .committee: .committee
            case .inspectionCommission: .inspectionCommission
            }
            for subject in oversightCase.subjects {
                let offence = oversightCase.started.adding(days: -random.int(in: 10...700))
                var sanction: Sanction = random.chance(0.6) ? .reprimand : .warning
                var postponements: [DayRange] = []
                switch subject {
                case .member(let id):
                    guard let on = period(of: id, on: decided) else { continue }
                    if on.standing == .official, seats.contains(where: { $0.member == id && $0.validity.contains(decided) }),
                       random.chance(0.3), !byCell {
                        sanction = .removalFromPost
                    }
                    if random.chance(0.1) {
                        postponements = [DayRange(start: offence.adding(days: 5), end: offence.adding(days: 5 + random.int(in: 30...180)))]
                    }
                    var decision = DisciplineDecision(
                        reference: reference(decided), subject: .member(id), sanction: sanction,
                        decidingOrganization: oversightCase.conductorOrganization, decidingBody: body, offenceCommitted: offence,
                        postponements: postponements, decided: decided, decision: Decision(number: "\(number)-QĐ/KL", date: decided),
                        oversightCase: oversightCase.reference)
                    if random.chance(0.15) {
                        let lodged = decided.adding(days: random.int(in: 1...25))
                        let outcome: DisciplineAppeal.Outcome = random.chance(0.5) || lodged.adding(days: 30) > options.through
                            ? .pending : sanction == .reprimand ? .upheld(on: lodged.adding(days: 30))
                            : .reduced(to: .reprimand, on: lodged.adding(days: 30))
                        if lodged <= options.through { decision.appeals = [DisciplineAppeal(lodged: lodged, outcome: outcome)] }
                    }
                    if !byCell || on.cell == oversightCase.conductorOrganization { decisions.append(decision) }
                case .organization(let id):
                    guard !byCell, let organization = tree[id], organization.established <= offence, organization.exists(on: decided) else { continue }
                    decisions.append(DisciplineDecision(
                        reference: reference(decided), subject: .organization(id), sanction: sanction,
                        decidingOrganization: oversightCase.conductorOrganization, decidingBody: body, offenceCommitted: offence,
                        decided: decided, oversightCase: oversightCase.reference))
                }
            }
        }
    }

    /// The organization whose standing committee expels a member of `cell` on `day`: the grassroots committee above
    /// it, or the committee above a grassroots cell (a cell only reprimands or warns).
    private func expelling(from cell: OrganizationID, on day: Day) -> OrganizationID? {
        var current: OrganizationID? = cell
        while let id = current, let version = tree.version(of: id, on: day) {
            if version.kind.isGrassroots { return version.kind.isCell ? version.parent : id }
            current = version.parent
        }
        return nil
    }
}
