import DangBoCore

/// How the generated cases ran: each case that passes a decision (thematic supervision, every inspection) has one on
/// its first day, with a team from its conductor's inspection commission or committee, then the subject's report, the
/// verification and the team's report spread over its days, its conclusion on its last day, the notice a few days
/// later; a regular supervision is concluded on its last day. A case whose outcome asks remedies has a follow-up step
/// and a task for its first subject, due two months after the conclusion — done on time, late, or not yet (overdue, or
/// open). Cases without a seat holder to form their team keep no progress (as cases imported without one). Each keeps
/// the rules a form checks (`OversightProgress.violations`, `FollowUpTask.violations`), as `SeatAndCaseValidityTests`
/// holds.
///
/// NB: drawn from a generator of its own, so that the rest of the registry stays as it was without them.
struct OversightProgressBlueprint {
    let options: SyntheticRegistry.Options
    private(set) var progress: [OversightProgress] = []
    private(set) var tasks: [FollowUpTask] = []

    init(options: SyntheticRegistry.Options) { self.options = options }

    mutating func build(cases: [OversightCase], seats: [CommitteeSeat]) {
        var random = SeededGenerator(seed: options.seed &+ 0x7072_6F67)
        var holders: [OrganizationID: [CommitteeSeat]] = [:]
        for seat in seats { holders[seat.organization, default: []].append(seat) }
        for oversightCase in cases {
            guard let ended = oversightCase.ended, let outcome = oversightCase.outcome else { continue }
            let remedies = outcome.asksRemedies
            let sequence = oversightCase.stageSequence(remedies: remedies)
            var value = OversightProgress(caseReference: oversightCase.reference)
            let started = oversightCase.started, length = ended.ordinal - started.ordinal
            func day(_ fraction: Double) -> Day { started.adding(days: Int(Double(length) * fraction)) }
            if sequence.contains(.decided) {
                let wanted: CommitteeKind = oversightCase.conductor == .inspectionCommission ? .inspection : .executive
                let team = (holders[oversightCase.conductorOrganization] ?? [])
                    .filter { $0.committee == wanted && $0.validity.contains(started) }.map(\.member)
                guard !team.isEmpty else { continue }
                value.team = Array(team.prefix(3))
                value.teamLeader = value.team.first
                value.steps = [OversightStep(.decided, on: started, document: "\(random.int(in: 1...300))-QĐ"),
                               OversightStep(.selfReport, on: day(0.25)), OversightStep(.verification, on: day(0.5)),
                               OversightStep(.teamReport, on: day(0.8))]
            }
            value.steps.append(OversightStep(.concluded, on: ended, document: "\(random.int(in: 1...300))-TB/KL"))
            value.conclusion = "Kết luận cuộc \(oversightCase.activity.vietnamese.lowercased()) \(oversightCase.reference)."
            if outcome == .violation { value.disciplineProposed = random.chance(0.7) }
            let notice = ended.adding(days: random.int(in: 0...5))
            if sequence.contains(.notified), notice <= options.through {
                value.steps.append(OversightStep(.notified, on: notice))
            }
            if remedies, let subject = oversightCase.subjects.first {
                let followed = max(notice, ended).adding(days: 1)
                if followed <= options.through { value.steps.append(OversightStep(.followUp, on: followed)) }
                let due = ended.adding(days: 60)
                let done: Day? = switch random.int(in: 0...3) {
                case 0: due.adding(days: -random.int(in: 0...30))
                case 1: due.adding(days: random.int(in: 1...40))
                default: nil
                }
                tasks.append(FollowUpTask(caseReference: oversightCase.reference, text: "Khắc phục hạn chế theo kết luận",
                                          responsible: subject, due: due, done: done.flatMap { $0 <= options.through ? $0 : nil }))
            }
            progress.append(value)
        }
    }
}
