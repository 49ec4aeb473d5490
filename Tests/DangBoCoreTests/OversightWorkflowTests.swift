import Testing
@testable import DangBoCore

/// The inspection and supervision workflow (issue 11 point 2; RULES §4): the stages each kind of case passes, a case's
/// progress, follow-up tasks, annual programmes and the period's figures; each rule at its edges.
@Suite struct OversightWorkflowTests {
    typealias F = Fixture

    /// Every case below starts on 10/3/2025.
    static let started = F.day("2025-03-10")

    /// The fixture tree with members 1 to 4 in the cell DUK.01.01.
    static let registry: Registry = {
        var registry = Registry(tree: F.tree)
        for id in 1...4 {
            try! registry.record(F.member(id), events: [F.event(.transferredIn, "2010-01-01", F.cellA, member: id)])
        }
        return registry
    }()

    static func oversight(
        _ activity: OversightActivity = .inspection, _ mode: OversightMode = .thematic,
        _ conductor: ConductorKind = .inspectionCommission, by organization: OrganizationID = F.committee,
        reference: String = "KT-1", started: Day = started, ended: Day? = nil, outcome: OversightOutcome? = nil,
        subjects: [OversightSubject] = [.organization(F.cellA), .member(MemberID(1))]
    ) -> OversightCase {
        OversightCase(reference: reference, activity: activity, mode: mode, conductor: conductor,
                      conductorOrganization: organization, started: started, ended: ended, outcome: outcome,
                      subjects: subjects)
    }

    /// A step on a day given as "MM-DD" of 2025.
    static func step(_ stage: OversightStage, _ day: String) -> OversightStep {
        OversightStep(stage, on: F.day("2025-\(day)"))
    }

    /// The progress of a case with a team of members 2 (leader) and 3.
    static func progress(
        _ steps: [OversightStep], reference: String = "KT-1", team: [Int] = [2, 3], leader: Int? = 2,
        subjectOutcomes: [OversightSubject: OversightOutcome] = [:], disciplineProposed: Bool? = nil
    ) -> OversightProgress {
        OversightProgress(caseReference: reference, steps: steps, conclusion: "Kết luận", team: team.map { MemberID($0) },
                          teamLeader: leader.map { MemberID($0) }, subjectOutcomes: subjectOutcomes,
                          disciplineProposed: disciplineProposed)
    }

    static func reasons(_ progress: OversightProgress, of oversightCase: OversightCase) -> [OversightProgressViolation.Reason] {
        progress.violations(of: oversightCase) { registry.members[$0] != nil }.map(\.reason)
    }

    /// The steps of a thematic inspection, all of them, from 10/3/2025 to the follow-up on 20/5/2025.
    static let allSteps: [OversightStep] = [
        step(.planned, "03-10"), step(.decided, "03-15"), step(.selfReport, "04-01"), step(.verification, "04-10"),
        step(.teamReport, "04-20"), step(.concluded, "05-05"), step(.notified, "05-10"), step(.followUp, "05-20"),
    ]

    // MARK: - Stages

    @Test func theStagesInOrder() {
        #expect(OversightStage.allCases.map(\.rawValue) == ["planned", "decided", "self_report", "verification",
                                                            "team_report", "concluded", "notified", "follow_up"])
        #expect(OversightStage.allCases.map(\.vietnamese) == [
            "Kế hoạch", "Quyết định", "Tự kiểm điểm/báo cáo", "Thẩm tra/xác minh", "Báo cáo của đoàn", "Kết luận",
            "Thông báo kết luận", "Theo dõi khắc phục"])
        #expect(OversightStage.allCases.sorted() == OversightStage.allCases)
        #expect(OversightStage.allCases.map(\.order) == Array(0..<8))
    }

    /// Regular supervision is concluded directly; thematic supervision and every inspection pass the team's stages; a
    /// follow-up only when the outcome asks remedies.
    @Test(arguments: OversightActivity.allCases.flatMap { activity in OversightMode.allCases.map { (activity, $0) } })
    func theStagesEachKindOfCasePasses(activity: OversightActivity, mode: OversightMode) {
        let sequences = RuleBook.oversightStages.version(on: Self.started).value
        let withRemedies = sequences.sequence(for: activity, mode: mode, remedies: true)
        let without = sequences.sequence(for: activity, mode: mode, remedies: false)
        if activity == .supervision && mode == .regular {
            #expect(withRemedies.stages == [.planned, .concluded, .notified, .followUp])
            #expect(withRemedies.stages.filter(withRemedies.isRequired) == [.concluded, .followUp])
            #expect(without.stages == [.planned, .concluded, .notified])
            #expect(without.lastRequired == .concluded)
        } else {
            #expect(withRemedies.stages == OversightStage.allCases)
            #expect(withRemedies.stages.filter(withRemedies.isRequired) == Array(OversightStage.allCases.dropFirst()))
            #expect(without.stages == Array(OversightStage.allCases.dropLast()))
            #expect(without.lastRequired == .notified)
        }
        #expect(!without.contains(.followUp))
    }

    @Test func theRuleBookHasTheStages() {
        #expect(RuleBook.rule(id: "oversight.stages") != nil)
        #expect(RuleBook.oversightStages.versions.map(\.regulation) == [.qd22, .qd296])
        #expect(RuleBook.oversightStages.versions.allSatisfy { !$0.confirmed })
    }

    // MARK: - The steps of a case

    @Test func aWholeThematicInspection() {
        let oversight = Self.oversight(outcome: .shortcomings)
        #expect(Self.reasons(Self.progress(Self.allSteps), of: oversight) == [])
        // A regular supervision goes from its plan to its conclusion, without a team.
        let regular = Self.oversight(.supervision, .regular, .committee, outcome: .noViolation)
        let direct = Self.progress([Self.step(.planned, "03-10"), Self.step(.concluded, "03-20")], team: [], leader: nil)
        #expect(Self.reasons(direct, of: regular) == [])
        #expect(Self.reasons(Self.progress([Self.step(.concluded, "03-10")], team: [], leader: nil), of: regular) == [])
    }

    @Test(arguments: [
        (started.previous, [OversightProgressViolation.Reason.stepBeforeStart(step: 0)]),
        (started, []),
        (started.next, []),
    ])
    func noStepBeforeTheCaseStarts(day: Day, expected: [OversightProgressViolation.Reason]) {
        let progress = Self.progress([OversightStep(.decided, on: day)])
        #expect(Self.reasons(progress, of: Self.oversight()) == expected)
    }

    @Test(arguments: [
        // Self-report left out between the decision and the verification.
        ([OversightStage.decided, .verification], [OversightProgressViolation.Reason.stagesSkipped(step: 1, missing: [.selfReport])]),
        // No decision before the self-report; the plan is optional.
        ([.selfReport], [.stagesSkipped(step: 0, missing: [.decided])]),
        ([.planned, .decided, .selfReport], []),
        // Straight from the decision to the conclusion.
        ([.decided, .concluded], [.stagesSkipped(step: 1, missing: [.selfReport, .verification, .teamReport]),
                                  .concludedWithoutOutcome]),
    ])
    func noRequiredStageIsSkipped(stages: [OversightStage], expected: [OversightProgressViolation.Reason]) {
        let steps = stages.enumerated().map { OversightStep($1, on: Self.started.adding(days: $0)) }
        #expect(Self.reasons(Self.progress(steps), of: Self.oversight()) == expected)
    }

    @Test(arguments: [
        ([OversightStage.decided, .selfReport, .decided], [OversightProgressViolation.Reason.stageGoesBack(step: 2, after: .selfReport)]),
        ([.decided, .decided], [.stageGoesBack(step: 1, after: .decided)]),
        ([.decided, .selfReport, .verification], []),
    ])
    func noGoingBack(stages: [OversightStage], expected: [OversightProgressViolation.Reason]) {
        let steps = stages.enumerated().map { OversightStep($1, on: Self.started.adding(days: $0)) }
        #expect(Self.reasons(Self.progress(steps), of: Self.oversight()) == expected)
    }

    @Test func aRegularSupervisionHasNoDecision() {
        let regular = Self.oversight(.supervision, .regular, .committee)
        let violations = Self.progress([Self.step(.decided, "03-10")]).violations(in: Self.registry.with(regular))
        #expect(violations.map(\.reason) == [.stageNotPassed(step: 0)])
        #expect(violations.first?.step == 0 && violations.first?.field == .steps)
        #expect(violations.first?.message == "Bước Quyết định ngày 10/3/2025: giám sát thường xuyên không có bước này "
            + "(Quy định 22-QĐ/TW).")
    }

    @Test(arguments: [
        (OversightOutcome?.none, [OversightProgressViolation.Reason.concludedWithoutOutcome]),
        (.noViolation, []),
        (.violation, [.disciplineProposalNotStated]),
    ])
    func aConclusionNeedsAnOutcome(outcome: OversightOutcome?, expected: [OversightProgressViolation.Reason]) {
        let steps = Array(Self.allSteps.prefix(6))
        #expect(Self.reasons(Self.progress(steps), of: Self.oversight(outcome: outcome)) == expected)
    }

    @Test func noOutcomeBeforeTheConclusion() {
        let steps = Array(Self.allSteps.prefix(5))
        #expect(Self.reasons(Self.progress(steps), of: Self.oversight(outcome: .noViolation)) == [.outcomeWithoutConclusion])
    }

    /// The notice goes out on the day of the conclusion or after it.
    @Test(arguments: [
        ("05-04", [OversightProgressViolation.Reason.stepBeforePrevious(step: 6)]),
        ("05-05", []),
        ("05-06", []),
    ])
    func notifiedNotBeforeConcluded(notified: String, expected: [OversightProgressViolation.Reason]) {
        var steps = Array(Self.allSteps.prefix(7))
        steps[6] = Self.step(.notified, notified)
        let violations = Self.progress(steps).violations(of: Self.oversight(outcome: .noViolation)) { _ in true }
        #expect(violations.map(\.reason) == expected)
        if let first = violations.first {
            #expect(first.message == "Bước Thông báo kết luận ngày 4/5/2025 trước bước liền trước, Kết luận ngày "
                + "5/5/2025; ngày các bước không lùi lại.")
        }
    }

    @Test(arguments: [
        (OversightOutcome.noViolation, [OversightProgressViolation.Reason.followUpWithoutRemedies(step: 7)]),
        (.positiveFactor, [.followUpWithoutRemedies(step: 7)]),
        (.shortcomings, []),
    ])
    func aFollowUpOnlyWhenRemediesAreAsked(outcome: OversightOutcome, expected: [OversightProgressViolation.Reason]) {
        #expect(Self.reasons(Self.progress(Self.allSteps), of: Self.oversight(outcome: outcome)) == expected)
    }

    @Test func aSubjectsOutcomeMayAskRemedies() {
        let progress = Self.progress(Self.allSteps, subjectOutcomes: [.member(MemberID(1)): .shortcomings])
        #expect(Self.reasons(progress, of: Self.oversight(outcome: .noViolation)) == [])
    }

    @Test func theTeam() {
        let decided = [Self.step(.decided, "03-10")]
        let oversight = Self.oversight()
        #expect(Self.reasons(Self.progress(decided, team: [], leader: nil), of: oversight) == [.noTeam])
        #expect(Self.reasons(Self.progress(decided, team: [2, 9], leader: 2), of: oversight)
            == [.unknownTeamMember(MemberID(9))])
        #expect(Self.reasons(Self.progress(decided, team: [2, 3], leader: nil), of: oversight) == [.noTeamLeader])
        #expect(Self.reasons(Self.progress(decided, team: [2, 3], leader: 4), of: oversight) == [.leaderNotInTeam])
        #expect(Self.reasons(Self.progress(decided, team: [2, 3], leader: 3), of: oversight) == [])
        // Before the decision there need be no team.
        #expect(Self.reasons(Self.progress([Self.step(.planned, "03-10")], team: [], leader: nil), of: oversight) == [])
    }

    @Test func subjectOutcomesAndDiscipline() {
        let concluded = Array(Self.allSteps.prefix(7))
        let oversight = Self.oversight(outcome: .shortcomings)
        let stranger = Self.progress(concluded, subjectOutcomes: [.member(MemberID(4)): .noViolation,
                                                                  .member(MemberID(1)): .shortcomings])
        #expect(Self.reasons(stranger, of: oversight) == [.notASubject(.member(MemberID(4)))])
        // A subject's violation needs the proposal stated, as the case's would.
        let subjectViolation = Self.progress(concluded, subjectOutcomes: [.member(MemberID(1)): .violation])
        #expect(Self.reasons(subjectViolation, of: oversight) == [.disciplineProposalNotStated])
        #expect(Self.reasons(Self.progress(concluded, disciplineProposed: true), of: oversight) == [.disciplineWithoutViolation])
        #expect(Self.reasons(Self.progress(concluded, disciplineProposed: false), of: oversight) == [])
        let violation = Self.oversight(outcome: .violation)
        #expect(Self.reasons(Self.progress(concluded, disciplineProposed: true), of: violation) == [])
        #expect(Self.reasons(Self.progress(concluded, disciplineProposed: false), of: violation) == [])
    }

    @Test func theProgressOfAnotherCase() {
        let progress = Self.progress([], reference: "KT-9")
        #expect(Self.reasons(progress, of: Self.oversight()) == [.otherCase])
        #expect(progress.violations(in: Self.registry.with(Self.oversight())).map(\.reason) == [.unknownCase])
        #expect(throws: OversightProgressViolation.self) { try progress.validate(in: Self.registry) }
    }

    /// The stage on a day is that of the last step on or before it; before the first step, planned.
    @Test(arguments: [
        ("03-09", OversightStage.planned), ("03-14", .planned), ("03-15", .decided), ("03-31", .decided),
        ("04-01", .selfReport), ("05-04", .teamReport), ("05-05", .concluded), ("05-10", .notified),
        ("05-20", .followUp), ("12-31", .followUp),
    ])
    func theStageOnADay(day: String, stage: OversightStage) {
        let progress = Self.progress(Array(Self.allSteps.dropFirst()))
        #expect(progress.stage(on: F.day("2025-\(day)")) == stage)
    }

    /// A case recorded without its steps (started 10/3/2025, concluded 5/5/2025 with an outcome) is planned before its
    /// first day, running from it, concluded from its last day; with no progress as with a progress without steps.
    @Test(arguments: [
        ("03-09", OversightCaseStage.stage(.planned)), ("03-10", .running), ("03-11", .running), ("05-04", .running),
        ("05-05", .stage(.concluded)), ("05-06", .stage(.concluded)),
    ])
    func theStageOfACaseWithoutSteps(day: String, stage: OversightCaseStage) {
        let oversightCase = Self.oversight(ended: F.day("2025-05-05"), outcome: .violation)
        #expect(oversightCase.stage(on: F.day("2025-\(day)"), progress: nil) == stage)
        #expect(oversightCase.stage(on: F.day("2025-\(day)"), progress: Self.progress([])) == stage)
    }

    /// Without an outcome a case is not concluded, whatever its last day; still running when it has none.
    @Test(arguments: [("03-09", OversightCaseStage.stage(.planned)), ("05-05", .running), ("12-31", .running)])
    func aCaseWithoutStepsOrOutcomeRuns(day: String, stage: OversightCaseStage) {
        #expect(Self.oversight(ended: F.day("2025-05-05")).stage(on: F.day("2025-\(day)"), progress: nil) == stage)
        #expect(Self.oversight().stage(on: F.day("2025-\(day)"), progress: nil) == stage)
    }

    /// With steps, the steps say the stage, not the case's days: concluded on 5/5/2025 although the case's last day is
    /// 30/4/2025; planned on the first day until the decision.
    @Test(arguments: [
        ("03-09", OversightStage.planned), ("03-10", .planned), ("03-15", .decided), ("04-30", .teamReport),
        ("05-04", .teamReport), ("05-05", .concluded), ("05-20", .followUp),
    ])
    func theStageOfACaseWithSteps(day: String, stage: OversightStage) {
        let oversightCase = Self.oversight(ended: F.day("2025-04-30"), outcome: .violation)
        let progress = Self.progress(Array(Self.allSteps.dropFirst()))
        #expect(oversightCase.stage(on: F.day("2025-\(day)"), progress: progress) == .stage(stage))
    }

    @Test func theCaseStageReadsInVietnamese() {
        #expect(OversightCaseStage.running.vietnamese == "Đang tiến hành")
        #expect(OversightStage.allCases.allSatisfy { OversightCaseStage.stage($0).vietnamese == $0.vietnamese })
    }

    // MARK: - Follow-up tasks

    static func task(due: String, done: String? = nil, responsible: OversightSubject = .organization(F.cellA),
                     text: String = "Bổ sung sổ ghi biên bản") -> FollowUpTask {
        FollowUpTask(caseReference: "KT-1", text: text, responsible: responsible, due: F.day("2025-\(due)"),
                     done: done.map { F.day("2025-\($0)") })
    }

    /// Concluded on 5/5/2025.
    static let concludedProgress = progress(Array(allSteps.prefix(7)))

    @Test(arguments: [
        ("05-04", [FollowUpTaskViolation.Reason.dueBeforeConclusion(concluded: F.day("2025-05-05"))]),
        ("05-05", []),
        ("05-06", []),
    ])
    func aTaskIsDueOnOrAfterTheConclusion(due: String, expected: [FollowUpTaskViolation.Reason]) {
        let violations = Self.task(due: due).violations(of: Self.oversight(outcome: .shortcomings),
                                                         progress: Self.concludedProgress)
        #expect(violations.map(\.reason) == expected)
        #expect(violations.allSatisfy { $0.field == .due })
        if let first = violations.first { #expect(first.message == "Hạn khắc phục 4/5/2025 phải từ ngày kết luận 5/5/2025 trở đi.") }
    }

    @Test func theRulesOfATask() {
        let oversight = Self.oversight(outcome: .shortcomings)
        let concluded = Self.concludedProgress
        func reasons(_ task: FollowUpTask, _ oversight: OversightCase,
                     _ progress: OversightProgress?) -> [FollowUpTaskViolation.Reason] {
            task.violations(of: oversight, progress: progress).map(\.reason)
        }
        #expect(reasons(Self.task(due: "06-30", done: "05-04"), oversight, concluded)
            == [.doneBeforeConclusion(concluded: F.day("2025-05-05"))])
        #expect(reasons(Self.task(due: "06-30", done: "05-05"), oversight, concluded) == [])
        #expect(reasons(Self.task(due: "06-30", text: "  "), oversight, concluded) == [.noText])
        #expect(reasons(Self.task(due: "06-30", responsible: .member(MemberID(4))), oversight, concluded)
            == [.responsibleNotASubject])
        #expect(reasons(Self.task(due: "06-30"), oversight, Self.progress(Array(Self.allSteps.prefix(5))))
            == [.caseNotConcluded])
        #expect(reasons(Self.task(due: "06-30"), oversight, nil) == [.caseNotConcluded])
        #expect(reasons(Self.task(due: "06-30"), Self.oversight(outcome: .positiveFactor), concluded) == [.noRemediesAsked])
        #expect(reasons(Self.task(due: "06-30"), Self.oversight(reference: "KT-2", outcome: .shortcomings), concluded)
            == [.otherCase("KT-2")])
        #expect(throws: FollowUpTaskViolation.self) { try Self.task(due: "05-04").validate(of: oversight, progress: concluded) }
    }

    /// Late the day after the due day, not on it; a task done is late no more from the day it was done.
    @Test(arguments: [
        ("06-29", nil, false), ("06-30", nil, false), ("07-01", nil, true),
        ("07-01", "06-30", false), ("07-01", "07-01", false), ("07-01", "07-02", true), ("07-02", "07-02", false),
    ] as [(String, String?, Bool)])
    func overdueTheDayAfterItIsDue(day: String, done: String?, overdue: Bool) {
        let task = Self.task(due: "06-30", done: done)
        #expect(task.isOverdue(on: F.day("2025-\(day)")) == overdue)
        #expect(Self.concludedProgress.isOverdue(on: F.day("2025-\(day)"), tasks: [task]) == overdue)
        // Another case's tasks are not this one's.
        var other = task
        other.caseReference = "KT-2"
        #expect(!Self.concludedProgress.isOverdue(on: F.day("2025-\(day)"), tasks: [other]))
    }

    @Test func aCaseIsClosedWhenItsRemediesAreDone() {
        let shortcomings = Self.oversight(outcome: .shortcomings)
        let progress = Self.progress(Self.allSteps)
        let tasks = [Self.task(due: "06-30", done: "06-15"), Self.task(due: "07-31", done: "07-20")]
        #expect(!progress.isClosed(on: F.day("2025-07-19"), of: shortcomings, tasks: tasks))
        #expect(progress.isClosed(on: F.day("2025-07-20"), of: shortcomings, tasks: tasks))
        #expect(!progress.isClosed(on: F.day("2025-07-20"), of: shortcomings, tasks: []))
        // Without remedies, a case is over once notified.
        let clean = Self.oversight(outcome: .noViolation)
        let notified = Self.progress(Array(Self.allSteps.prefix(7)))
        #expect(!notified.isClosed(on: F.day("2025-05-09"), of: clean, tasks: []))
        #expect(notified.isClosed(on: F.day("2025-05-10"), of: clean, tasks: []))
    }

    // MARK: - Messages

    @Test func everyProgressAndTaskReasonHasAMessage() {
        let oversight = Self.oversight()
        let progress = Self.progress(Self.allSteps)
        let reasons: [OversightProgressViolation.Reason] = [
            .unknownCase, .otherCase, .stageNotPassed(step: 1), .followUpWithoutRemedies(step: 7),
            .stageGoesBack(step: 2, after: .verification), .stagesSkipped(step: 3, missing: [.selfReport]),
            .stepBeforeStart(step: 0), .stepBeforePrevious(step: 1), .concludedWithoutOutcome, .outcomeWithoutConclusion,
            .noTeam, .unknownTeamMember(MemberID(9)), .noTeamLeader, .leaderNotInTeam, .notASubject(.member(MemberID(9))),
            .disciplineProposalNotStated, .disciplineWithoutViolation,
        ]
        for reason in reasons {
            let message = OversightProgressViolation(progress: progress, oversightCase: oversight, reason: reason).message
            #expect(!message.isEmpty && message.hasSuffix("."), "\(reason)")
        }
        let task = Self.task(due: "06-30", done: "06-01")
        let taskReasons: [FollowUpTaskViolation.Reason] = [
            .otherCase("KT-2"), .noText, .responsibleNotASubject, .caseNotConcluded, .noRemediesAsked,
            .dueBeforeConclusion(concluded: F.day("2025-07-01")), .doneBeforeConclusion(concluded: F.day("2025-07-01")),
        ]
        for reason in taskReasons {
            #expect(FollowUpTaskViolation(task: task, reason: reason).message.hasSuffix("."), "\(reason)")
        }
    }

    // MARK: - Programmes

    static func item(_ planned: ProgrammePeriod, _ activity: OversightActivity = .supervision,
                     _ mode: OversightMode = .thematic, reference: String? = nil,
                     subjects: [OversightSubject] = [.organization(F.cellA)]) -> ProgrammeItem {
        ProgrammeItem(content: "Việc thực hiện nghị quyết", activity: activity, mode: mode, subjects: subjects,
                      planned: planned, caseReference: reference)
    }

    static func programme(_ items: [ProgrammeItem], year: Int = 2025,
                          by organization: OrganizationID = F.committee) -> OversightProgramme {
        OversightProgramme(conductorOrganization: organization, conductor: .inspectionCommission, year: year, items: items)
    }

    @Test(arguments: [
        (ProgrammePeriod.quarter(year: 2024, quarter: 4), [OversightProgrammeViolation.Reason.plannedOutsideYear(item: 0)]),
        (.month(year: 2024, month: 12), [.plannedOutsideYear(item: 0)]),
        (.quarter(year: 2025, quarter: 1), []),
        (.month(year: 2025, month: 1), []),
        (.month(year: 2025, month: 12), []),
        (.quarter(year: 2025, quarter: 4), []),
        (.quarter(year: 2026, quarter: 1), [.plannedOutsideYear(item: 0)]),
        (.quarter(year: 2025, quarter: 0), [.invalidPeriod(item: 0)]),
        (.quarter(year: 2025, quarter: 5), [.invalidPeriod(item: 0)]),
        (.month(year: 2025, month: 13), [.invalidPeriod(item: 0)]),
    ])
    func itemsAreWithinTheProgrammesYear(planned: ProgrammePeriod, expected: [OversightProgrammeViolation.Reason]) {
        let violations = Self.programme([Self.item(planned)]).violations(in: Self.registry)
        #expect(violations.map(\.reason) == expected)
        #expect(violations.allSatisfy { $0.field == .items && $0.item == 0 })
    }

    /// The late cell exists from 1/7/2021 until its dissolution on 1/1/2023.
    @Test(arguments: [
        (2020, [OversightProgrammeViolation.Reason.conductorNotEstablished(established: F.day("2021-07-01"))]),
        (2021, []),
        (2022, []),
        (2023, [.conductorDissolved(dissolved: F.day("2023-01-01"))]),
    ])
    func theConductorExistsThatYear(year: Int, expected: [OversightProgrammeViolation.Reason]) {
        let programme = Self.programme([], year: year, by: F.lateCell)
        #expect(programme.violations(in: Self.registry).map(\.reason) == expected)
    }

    @Test func theSubjectsAndCasesOfItems() {
        let q1 = ProgrammePeriod.quarter(year: 2025, quarter: 1)
        let programme = Self.programme([
            Self.item(q1, reference: "GS-1", subjects: []),
            Self.item(q1, reference: "GS-1", subjects: [.organization(OrganizationID(70)), .member(MemberID(9))]),
        ])
        let violations = programme.violations(in: Self.registry)
        #expect(violations.map(\.reason) == [
            .noSubjects(item: 0), .unknownSubjectOrganization(item: 1, OrganizationID(70)),
            .unknownSubjectMember(item: 1, MemberID(9)), .caseInTwoItems(item: 1, reference: "GS-1"),
        ])
        #expect(violations.map(\.item) == [0, 1, 1, 1])
        #expect(Self.programme([Self.item(.quarter(year: 2020, quarter: 1), subjects: [.organization(F.lateCell)])],
                               year: 2020, by: F.bloc)
            .violations(in: Self.registry).map(\.reason)
            == [.subjectNotEstablished(item: 0, code: "DUK.03", established: F.day("2021-07-01"))])
        #expect(throws: OversightProgrammeViolation.self) {
            try Self.programme([], by: OrganizationID(80)).validate(in: Self.registry)
        }
    }

    @Test func everyProgrammeReasonHasAMessage() {
        let programme = Self.programme([Self.item(.quarter(year: 2025, quarter: 1))])
        let programmeReasons: [OversightProgrammeViolation.Reason] = [
            .invalidYear, .unknownConductor, .conductorNotEstablished(established: F.day("2026-01-01")),
            .conductorDissolved(dissolved: F.day("2024-01-01")), .invalidPeriod(item: 0), .plannedOutsideYear(item: 0),
            .noSubjects(item: 0), .unknownSubjectOrganization(item: 0, OrganizationID(9)),
            .subjectNotEstablished(item: 0, code: "DUK.09", established: F.day("2025-05-01")),
            .unknownSubjectMember(item: 0, MemberID(9)), .caseInTwoItems(item: 0, reference: "GS-1"),
        ]
        for reason in programmeReasons {
            let violation = OversightProgrammeViolation(programme: programme, reason: reason, conductorCode: "DUK.01")
            #expect(violation.message.hasSuffix("."), "\(reason)")
        }
        #expect(OversightProgrammeViolation(programme: programme, reason: .plannedOutsideYear(item: 0),
                                            conductorCode: "DUK.01").message
            == "Nội dung thứ 1 của chương trình dự kiến vào Quý I/2025, ngoài năm 2025 của chương trình.")
    }

    @Test(arguments: [("2025-03-31", 1), ("2025-04-01", 2), ("2025-01-01", 1), ("2025-12-31", 4), ("2025-06-30", 2),
                      ("2025-07-01", 3), ("2025-09-30", 3), ("2025-10-01", 4)])
    func theQuarterOfADay(day: String, quarter: Int) {
        #expect(ProgrammePeriod.quarter(of: F.day(day)) == quarter)
        #expect(ProgrammePeriod.quarter(year: 2025, quarter: quarter).days?.contains(F.day(day)) == true)
    }

    @Test func itemsOfAQuarter() {
        let march = Self.item(.month(year: 2025, month: 3)), april = Self.item(.month(year: 2025, month: 4))
        let q2 = Self.item(.quarter(year: 2025, quarter: 2))
        let programme = Self.programme([march, april, q2])
        #expect(programme.items(inQuarter: 1) == [march])
        #expect(programme.items(inQuarter: 2) == [april, q2])
        #expect(programme.items(inQuarter: 3) == [])
        #expect(ProgrammePeriod.quarter(year: 2025, quarter: 2).vietnamese == "Quý II/2025")
        #expect(ProgrammePeriod.month(year: 2025, month: 4).vietnamese == "Tháng 4/2025")
    }

    /// A quarter's report counts a case started, or concluded, by 31/3 in the first quarter, not one of 1/4.
    @Test(arguments: [
        ("2025-03-31", "2025-03-31", 1, 1),
        ("2025-03-31", "2025-04-01", 1, 0),
        ("2025-04-01", "2025-04-01", 0, 0),
    ])
    func aQuartersReport(started: String, concluded: String, expectedStarted: Int, expectedConcluded: Int) {
        let items = [Self.item(.quarter(year: 2025, quarter: 1), reference: "GS-1"),
                     Self.item(.month(year: 2025, month: 2), reference: "GS-2"),
                     Self.item(.month(year: 2025, month: 3))]
        let programme = Self.programme(items)
        let oversight = Self.oversight(.supervision, .thematic, reference: "GS-1", started: F.day(started),
                                       outcome: .noViolation)
        // GS-2 is conducted by another organization: not this programme's case.
        let elsewhere = Self.oversight(.supervision, .thematic, by: F.bloc, reference: "GS-2", started: F.day("2025-02-01"))
        let progress = OversightProgress(caseReference: "GS-1", steps: [OversightStep(.concluded, on: F.day(concluded))])
        let report = programme.report(quarter: 1, cases: [oversight, elsewhere], progress: [progress])
        #expect(report.planned == items)
        #expect(report.started.count == expectedStarted)
        #expect(report.concluded.count == expectedConcluded)
        #expect(programme.report(quarter: 2, cases: [oversight], progress: [progress]).planned == [])
    }

    @Test func aThematicSupervisionIsInItsConductorsProgramme() throws {
        #expect(RuleBook.rule(id: "oversight.thematicInProgramme") != nil)
        #expect(RuleBook.oversightThematicInProgramme.version(on: F.day("2025-05-29")).citation
            == "Quy định 22-QĐ/TW, Điều 3, khoản 4")
        let programme = Self.programme([Self.item(.quarter(year: 2025, quarter: 1), reference: "GS-1")])
        let supervision = Self.oversight(.supervision, .thematic, reference: "GS-1")
        #expect(supervision.needsProgramme)
        #expect(supervision.isInProgramme([programme]))
        #expect(supervision.programmeItem(in: [programme]) == programme.items[0])
        try supervision.validateProgramme([programme])
        // Another conductor's programme, or another reference, is not its programme.
        #expect(!supervision.isInProgramme([Self.programme(programme.items, by: F.bloc)]))
        let unlisted = Self.oversight(.supervision, .thematic, reference: "GS-2")
        #expect(!unlisted.isInProgramme([programme]))
        #expect(throws: NotInProgrammeViolation.self) { try unlisted.validateProgramme([programme]) }
        do throws(NotInProgrammeViolation) {
            try unlisted.validateProgramme([programme])
        } catch {
            #expect(error.message == "Cuộc giám sát chuyên đề GS-2 không có trong chương trình kiểm tra, giám sát năm "
                + "của chủ thể giám sát; giám sát theo chương trình, kế hoạch là giám sát chuyên đề "
                + "(Quy định 22-QĐ/TW, Điều 3, khoản 4).")
        }
        // Other cases need no programme.
        #expect(!Self.oversight(.supervision, .regular).needsProgramme)
        #expect(!Self.oversight(.inspection, .thematic).needsProgramme)
        try Self.oversight(.inspection, .violationSigns).validateProgramme([OversightProgramme]())
    }

    // MARK: - Figures

    /// Cases of several keys, inside and outside the committee's subtree and the year 2025.
    static let figureCases: [OversightCase] = [
        oversight(.supervision, .regular, .committee, reference: "A", started: F.day("2025-01-01"), outcome: .noViolation,
                  subjects: [.organization(F.cellA), .member(MemberID(1))]),
        oversight(.supervision, .regular, .committee, reference: "B", started: F.day("2025-12-31"),
                  subjects: [.organization(F.cellA), .member(MemberID(2))]),
        oversight(.supervision, .thematic, .inspectionCommission, reference: "C", started: F.day("2025-03-10"),
                  outcome: .shortcomings, subjects: [.organization(F.cellB)]),
        oversight(.inspection, .violationSigns, .inspectionCommission, reference: "D", started: F.day("2025-06-01"),
                  outcome: .violation, subjects: [.member(MemberID(3))]),
        oversight(.inspection, .thematic, .cell, by: F.cellA, reference: "E", started: F.day("2025-02-01"),
                  outcome: .positiveFactor, subjects: [.member(MemberID(4))]),
        // The day before the year: not started in it; concluded in it.
        oversight(.inspection, .finance, .inspectionCommission, reference: "F", started: F.day("2024-12-31"),
                  ended: F.day("2025-01-15"), outcome: .shortcomings, subjects: [.organization(F.cellA)]),
        // Outside the committee's subtree.
        oversight(.inspection, .thematic, .committee, by: F.cellC, reference: "G", started: F.day("2025-05-01"),
                  subjects: [.organization(F.cellC)]),
        // The day after the year.
        oversight(.supervision, .regular, .committee, reference: "H", started: F.day("2026-01-01"),
                  subjects: [.organization(F.cellB)]),
    ]

    static let figureProgress: [OversightProgress] = [
        OversightProgress(caseReference: "A", steps: [OversightStep(.concluded, on: F.day("2025-01-01"))]),
        OversightProgress(caseReference: "C", steps: [OversightStep(.concluded, on: F.day("2025-06-30"))]),
        // Concluded the day after the year.
        OversightProgress(caseReference: "D", steps: [OversightStep(.concluded, on: F.day("2026-01-01"))]),
        OversightProgress(caseReference: "E", steps: [OversightStep(.concluded, on: F.day("2025-12-31"))]),
    ]

    static let figureTasks: [FollowUpTask] = [
        // Open and overdue on 31/12/2025.
        FollowUpTask(caseReference: "C", text: "a", responsible: .organization(F.cellB), due: F.day("2025-12-30")),
        // Open, due that very day: not overdue.
        FollowUpTask(caseReference: "C", text: "b", responsible: .organization(F.cellB), due: F.day("2025-12-31")),
        // Done on the last day.
        FollowUpTask(caseReference: "F", text: "c", responsible: .organization(F.cellA), due: F.day("2025-03-31"),
                     done: F.day("2025-12-31")),
        // Done the day after: open on the last day, and overdue.
        FollowUpTask(caseReference: "F", text: "d", responsible: .organization(F.cellA), due: F.day("2025-03-31"),
                     done: F.day("2026-01-01")),
        // Of a case concluded after the period: not counted.
        FollowUpTask(caseReference: "D", text: "e", responsible: .member(MemberID(3)), due: F.day("2026-02-01")),
    ]

    /// The figures agree with the review's `supervision` and `inspection` counts on every key, in every scope.
    @Test(arguments: [F.bloc, F.committee, F.cellA, F.cellC])
    func theFiguresAgreeWithTheReview(root: OrganizationID) {
        var registry = Self.registry
        registry.cases = Self.figureCases
        let from = F.day("2025-01-01"), to = F.day("2025-12-31")
        let review = registry.review(of: root, from: from, to: to)
        let figures = registry.oversightFigures(of: root, from: from, to: to, progress: Self.figureProgress,
                                                tasks: Self.figureTasks)
        for key in OversightFigures.Key.all {
            let counts = figures[key.activity, key.mode, key.conductor]
            #expect(review.oversight(key.activity, key.mode, key.conductor)
                == Review.SubjectCounts(cases: counts.started, organizations: counts.organizations, members: counts.members),
                    "\(key)")
        }
    }

    @Test func theFiguresOfAYear() {
        let figures = OversightFigures(of: F.committee, from: F.day("2025-01-01"), to: F.day("2025-12-31"),
                                       cases: Self.figureCases, progress: Self.figureProgress, tasks: Self.figureTasks,
                                       tree: F.tree)
        let regular = figures[.supervision, .regular, .committee]
        #expect(regular.started == 2 && regular.organizations == 1 && regular.members == 2)
        #expect(regular.concluded == 1 && regular.concluded(.noViolation) == 1)
        let thematic = figures[.supervision, .thematic, .inspectionCommission]
        #expect(thematic.started == 1 && thematic.concluded(.shortcomings) == 1)
        #expect(thematic.followUpsOpen == 2 && thematic.followUpsOverdue == 1)
        let signs = figures[.inspection, .violationSigns, .inspectionCommission]
        #expect(signs.started == 1 && signs.concluded == 0 && signs.followUpsOpen == 0)
        #expect(figures[.inspection, .thematic, .cell].concluded(.positiveFactor) == 1)
        // Imported without progress: concluded on its end day, with its outcome.
        let finance = figures[.inspection, .finance, .inspectionCommission]
        #expect(finance.started == 0 && finance.concluded(.shortcomings) == 1)
        #expect(finance.followUpsOpen == 1 && finance.followUpsOverdue == 1)
        #expect(figures[.inspection, .thematic, .committee].isEmpty)
        let table = figures.markdownTable.split(separator: "\n")
        #expect(table.count == 2 + 5)
        #expect(table[0] == "| Hoạt động | Hình thức | Chủ thể | Số cuộc | Tổ chức | Đảng viên | Kết luận | Không vi phạm | "
            + "Có khuyết điểm cần khắc phục | Có vi phạm | Nhân tố mới tích cực | Khắc phục chưa xong | Quá hạn |")
        #expect(table[2] == "| Giám sát | thường xuyên | Cấp ủy | 2 | 1 | 2 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |")
    }
}

extension Registry {
    /// This registry with `oversightCase` as its only case.
    fileprivate func with(_ oversightCase: OversightCase) -> Registry {
        var registry = self
        registry.cases = [oversightCase]
        return registry
    }
}
