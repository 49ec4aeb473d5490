import Testing
@testable import DangBoCore

/// Party discipline (issue 11 point 3; RULES §4): which sanctions each subject may be given, the statute of
/// limitations, appeals, what a decision does to the registry and the review's figures; each rule at its edges.
@Suite struct DisciplineTests {
    typealias F = Fixture

    /// Member 2 is admitted on 10/5/2024 and official from 10/5/2025.
    static let admitted = F.day("2024-05-10"), official = F.day("2025-05-10")
    /// Member 3 transfers out of the system on 1/6/2024.
    static let left = F.day("2024-06-01")
    /// Member 4 holds a seat on the committee DUK.01 from 1/1/2020 until 1/6/2025 (excluded).
    static let seatStart = F.day("2020-01-01"), seatEnd = F.day("2025-06-01")

    /// The fixture tree with four members, all in the cell DUK.01.01, and member 4's seat.
    static let registry: Registry = {
        var registry = Registry(tree: F.tree)
        func member(_ id: Int) -> Member { F.member(id) }
        try! registry.record(member(1), events: [F.event(.transferredIn, "2010-01-01", F.cellA, member: 1)])
        try! registry.record(member(2), events: [F.event(.admitted, "2024-05-10", F.cellA, member: 2),
                                                 F.event(.recognizedOfficial, "2025-05-10", member: 2)])
        try! registry.record(member(3), events: [F.event(.transferredIn, "2012-01-01", F.cellA, member: 3),
                                                 F.event(.transferredOut, "2024-06-01", member: 3)])
        try! registry.record(member(4), events: [F.event(.transferredIn, "2012-01-01", F.cellA, member: 4)])
        registry.seats = [CommitteeSeat(organization: F.committee, committee: .executive, member: MemberID(4),
                                        position: .member, source: .congress, validity: DayRange(start: seatStart, end: seatEnd))]
        return registry
    }()

    static func decision(
        _ subject: DisciplineSubject = .member(MemberID(1)), _ sanction: Sanction = .reprimand,
        by organization: OrganizationID = F.committee, body: DecidingBody = .committee, offence: String,
        ended: String? = nil, later: [String] = [], withoutLimit: OffenceWithoutLimit? = nil,
        postponed: [DayRange] = [], decided: String, effective: String? = nil, received: String? = nil,
        appeals: [DisciplineAppeal] = []
    ) -> DisciplineDecision {
        DisciplineDecision(
            reference: "KL-1", subject: subject, sanction: sanction, decidingOrganization: organization,
            decidingBody: body, offenceCommitted: F.day(offence), offenceEnded: ended.map(F.day),
            laterOffences: later.map(F.day), offenceWithoutLimit: withoutLimit, postponements: postponed,
            decided: F.day(decided), effective: effective.map(F.day), received: received.map(F.day),
            decision: Decision(number: "12-QĐ/ĐU", date: F.day(decided), issuer: "DUK.01"), appeals: appeals)
    }

    static func reasons(_ decision: DisciplineDecision) -> [DisciplineViolation.Reason] {
        decision.violations(in: registry).map(\.reason)
    }

    // MARK: - Sanctions

    @Test func sanctionsGoFromLightestToHeaviest() {
        #expect(Sanction.allCases.sorted() == [.reprimand, .warning, .removalFromPost, .expulsion, .dissolution])
        #expect(Sanction.allCases.map(\.rawValue)
            == ["reprimand", "warning", "removal_from_post", "expulsion", "dissolution"])
        #expect(Sanction.allCases.map(\.vietnamese) == ["Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ", "Giải tán"])
        #expect(Sanction.reprimand < .warning && Sanction.removalFromPost < .expulsion)
    }

    /// Each subject × each sanction, decided on 15/1/2025: member 2 is probationary that day, member 4 official and
    /// holding a seat.
    @Test(arguments: [
        (DisciplineSubject.organization(F.cellC), Sanction.reprimand, [DisciplineViolation.Reason]()),
        (.organization(F.cellC), .warning, []),
        (.organization(F.cellC), .removalFromPost, [.sanctionNotAllowed(kind: .organization)]),
        (.organization(F.cellC), .expulsion, [.sanctionNotAllowed(kind: .organization)]),
        (.organization(F.cellC), .dissolution, []),
        (.member(MemberID(4)), .reprimand, []),
        (.member(MemberID(4)), .warning, []),
        (.member(MemberID(4)), .removalFromPost, []),
        (.member(MemberID(4)), .expulsion, []),
        (.member(MemberID(4)), .dissolution, [.sanctionNotAllowed(kind: .officialMember)]),
        (.member(MemberID(2)), .reprimand, []),
        (.member(MemberID(2)), .warning, []),
        (.member(MemberID(2)), .removalFromPost, [.sanctionNotAllowed(kind: .probationaryMember)]),
        (.member(MemberID(2)), .expulsion, [.sanctionNotAllowed(kind: .probationaryMember)]),
        (.member(MemberID(2)), .dissolution, [.sanctionNotAllowed(kind: .probationaryMember)]),
    ])
    func eachSubjectHasItsSanctions(subject: DisciplineSubject, sanction: Sanction, expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(subject, sanction, by: F.bloc, offence: "2024-12-01", decided: "2025-01-15")
        #expect(Self.reasons(decision) == expected)
        #expect(decision.violations(in: Self.registry).allSatisfy { $0.field == .sanction })
    }

    /// The standing is read on the decision day, not on the offence's: an offence committed on probation may be
    /// punished by expulsion once the member is official.
    @Test(arguments: [
        (official.previous, [DisciplineViolation.Reason.sanctionNotAllowed(kind: .probationaryMember)]),
        (official, []),
        (official.next, []),
    ])
    func aProbationerOnTheDecisionDayIsOnlyReprimandedOrWarned(decided: Day, expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(.member(MemberID(2)), .expulsion, offence: "2025-01-01", decided: decided.iso)
        #expect(Self.reasons(decision) == expected)
    }

    @Test(arguments: [
        (seatStart.previous, [DisciplineViolation.Reason.noPostHeld]),
        (seatStart, []),
        (seatStart.next, []),
        (seatEnd.previous, []),
        (seatEnd, [.noPostHeld]),
        (seatEnd.next, [.noPostHeld]),
    ])
    func removalFromPostNeedsASeatOnTheDecisionDay(decided: Day, expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(.member(MemberID(4)), .removalFromPost, offence: "2019-06-01", decided: decided.iso)
        #expect(Self.reasons(decision) == expected)
    }

    /// Only members on the rolls that day: not before admission, not after leaving; an unknown member is refused.
    @Test(arguments: [
        (2, admitted.previous, [DisciplineViolation.Reason.memberNotOnRolls(since: nil)]),
        (2, admitted, []),
        (3, left.previous, []),
        (3, left, [.memberNotOnRolls(since: left)]),
        (3, left.next, [.memberNotOnRolls(since: left)]),
        (9, left, [.unknownSubjectMember]),
    ])
    func theMemberIsOnTheRollsOnTheDecisionDay(member: Int, decided: Day, expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(.member(MemberID(member)), .warning, offence: "2024-05-01", decided: decided.iso)
        #expect(Self.reasons(decision) == expected)
        #expect(decision.violations(in: Self.registry).allSatisfy { $0.field == .subjectMember })
    }

    // MARK: - Days in order

    @Test(arguments: [
        ("2024-03-09", nil, [DisciplineViolation.Reason.decidedBeforeOffence]),
        ("2024-03-10", nil, []),
        ("2024-03-11", nil, []),
        // A lasting offence: not before its end.
        ("2024-03-31", "2024-04-01", [.decidedBeforeOffence]),
        ("2024-04-01", "2024-04-01", []),
        ("2024-04-02", "2024-04-01", []),
        // An end before the start.
        ("2024-03-10", "2024-03-09", [.offenceEndedBeforeCommitted]),
    ] as [(String, String?, [DisciplineViolation.Reason])])
    func theDecisionIsNotBeforeTheOffence(decided: String, ended: String?, expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(offence: "2024-03-10", ended: ended, decided: decided)
        #expect(Self.reasons(decision) == expected)
    }

    @Test func effectAndReceiptAreNotBeforeTheDecision() {
        let early = Self.decision(offence: "2024-03-10", decided: "2024-05-10", effective: "2024-05-09",
                                  received: "2024-05-09")
        #expect(Self.reasons(early) == [.effectiveBeforeDecided, .receivedBeforeDecided])
        #expect(early.violations(in: Self.registry).map(\.field) == [.effective, .received])
        #expect(Self.reasons(Self.decision(offence: "2024-03-10", decided: "2024-05-10", effective: "2024-05-10",
                                           received: "2024-05-10")).isEmpty)
        // The effective day defaults to the decision day.
        #expect(Self.decision(offence: "2024-03-10", decided: "2024-05-10").effective == F.day("2024-05-10"))
    }

    @Test func laterOffencesFallBetweenTheOffenceAndTheDecision() {
        let decision = Self.decision(offence: "2020-03-10", later: ["2020-03-10", "2020-03-11", "2024-05-10", "2024-05-11"],
                                     decided: "2024-05-10")
        #expect(Self.reasons(decision) == [.laterOffenceOutside(F.day("2020-03-10")), .laterOffenceOutside(F.day("2024-05-11"))])
        #expect(decision.violations(in: Self.registry).map(\.field) == [.laterOffences, .laterOffences])
    }

    // MARK: - The organizations

    /// DUK.03 exists from 1/7/2021 until its dissolution on 1/1/2023.
    @Test(arguments: [
        ("2021-06-30", [DisciplineViolation.Reason.decidingOrganizationNotEstablished(established: F.day("2021-07-01"))]),
        ("2021-07-01", []),
        ("2022-12-31", []),
        ("2023-01-01", [.decidingOrganizationDissolved(dissolved: F.day("2023-01-01"))]),
    ])
    func theDecidingOrganizationExistsOnTheDecisionDay(decided: String, expected: [DisciplineViolation.Reason]) throws {
        // Member 5 attends DUK.03 while it exists, DUK.02 before and after.
        var registry = Self.registry
        try registry.record(F.member(5), events: [F.event(.transferredIn, "2012-01-01", F.cellC, member: 5),
                                                  F.event(.moved, "2021-07-01", F.lateCell, member: 5),
                                                  F.event(.moved, "2023-01-01", F.cellC, member: 5)])
        let decision = Self.decision(.member(MemberID(5)), by: F.lateCell, body: .cell, offence: "2021-01-01",
                                     decided: decided)
        #expect(decision.violations(in: registry).map(\.reason) == expected)
        let unknown = Self.decision(by: OrganizationID(99), offence: "2021-01-01", decided: decided)
        #expect(Self.reasons(unknown) == [.unknownDecidingOrganization])
    }

    /// An organization is disciplined for what it did once established, even when dissolved since (QĐ 22-QĐ/TW).
    @Test(arguments: [
        ("2021-06-30", [DisciplineViolation.Reason.subjectNotEstablished(established: F.day("2021-07-01"))]),
        ("2021-07-01", []),
        ("2021-07-02", []),
    ])
    func theSubjectOrganizationExistedWhenItOffended(offence: String, expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(.organization(F.lateCell), .warning, by: F.bloc, offence: offence,
                                     decided: "2024-01-01")
        #expect(Self.reasons(decision) == expected)
    }

    @Test(arguments: [
        ("2022-12-31", [DisciplineViolation.Reason]()),
        // Dissolved that very day: the decision's own dissolution, once recorded in the tree.
        ("2023-01-01", []),
        ("2023-01-02", [.subjectAlreadyDissolved(dissolved: F.day("2023-01-01"))]),
    ])
    func aDissolvedOrganizationIsNotDissolvedAgain(effective: String, expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(.organization(F.lateCell), .dissolution, by: F.bloc, offence: "2022-01-01",
                                     decided: "2022-12-01", effective: effective)
        #expect(Self.reasons(decision) == expected)
        let unknown = Self.decision(.organization(OrganizationID(99)), .warning, by: F.bloc, offence: "2022-01-01",
                                    decided: "2022-12-01")
        #expect(Self.reasons(unknown) == [.unknownSubjectOrganization])
    }

    // MARK: - What a cell may decide (Charter Art. 36.1)

    /// The fixture registry, with member 5 in DUK.01.02 from 2012 until moving to DUK.01.01 on `movedIn`, and member 6
    /// in the grassroots cell DUK.02.
    static let movedIn = F.day("2025-03-10")
    static let cells: Registry = {
        var registry = Self.registry
        try! registry.record(F.member(5), events: [F.event(.transferredIn, "2012-01-01", F.cellB, member: 5),
                                                   F.event(.moved, movedIn.iso, F.cellA, member: 5)])
        try! registry.record(F.member(6), events: [F.event(.transferredIn, "2012-01-01", F.cellC, member: 6)])
        return registry
    }()

    static func cellReasons(_ decision: DisciplineDecision) -> [DisciplineViolation.Reason] {
        decision.violations(in: cells).map(\.reason)
    }

    /// A cell reprimands or warns its own members, probationary or official, and nothing more; on 15/1/2025 member 2
    /// is probationary, member 4 official and on the committee DUK.01.
    @Test(arguments: [
        (1, Sanction.reprimand, [DisciplineViolation.Reason]()),
        (1, .warning, []),
        (2, .reprimand, []),
        (2, .warning, []),
        (4, .reprimand, []),
        (4, .warning, []),
        (4, .removalFromPost, [.sanctionBeyondCell]),
        (4, .expulsion, [.sanctionBeyondCell]),
        // What the subject may never be given is refused as such, whoever decides.
        (2, .expulsion, [.sanctionNotAllowed(kind: .probationaryMember)]),
        (1, .removalFromPost, [.sanctionBeyondCell]),
    ])
    func aCellReprimandsOrWarnsItsMembers(member: Int, sanction: Sanction, expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(.member(MemberID(member)), sanction, by: F.cellA, body: .cell, offence: "2024-12-01",
                                     decided: "2025-01-15")
        #expect(Self.cellReasons(decision) == expected)
        // The grassroots committee above may decide them all.
        let above = Self.decision(.member(MemberID(member)), sanction, by: F.committee, body: .standingCommittee,
                                  offence: "2024-12-01", decided: "2025-01-15")
        #expect(!Self.cellReasons(above).contains(.sanctionBeyondCell))
    }

    /// A grassroots cell (chi bộ cơ sở) is a cell too.
    @Test func aGrassrootsCellDecidesAsACell() {
        let warning = Self.decision(.member(MemberID(6)), .warning, by: F.cellC, body: .cell, offence: "2024-12-01",
                                    decided: "2025-01-15")
        #expect(Self.cellReasons(warning).isEmpty)
        let expulsion = Self.decision(.member(MemberID(6)), .expulsion, by: F.cellC, body: .cell, offence: "2024-12-01",
                                      decided: "2025-01-15")
        #expect(Self.cellReasons(expulsion) == [.sanctionBeyondCell])
        let other = Self.decision(.member(MemberID(1)), .warning, by: F.cellC, body: .cell, offence: "2024-12-01",
                                  decided: "2025-01-15")
        #expect(Self.cellReasons(other) == [.memberOutsideCell(cell: F.cellA)])
    }

    /// Member 5 moves from DUK.01.02 to DUK.01.01 on 10/3/2025: from that day DUK.01.01 may discipline them, until the
    /// day before only DUK.01.02.
    @Test(arguments: [
        (movedIn.previous, F.cellA, [DisciplineViolation.Reason.memberOutsideCell(cell: F.cellB)]),
        (movedIn, F.cellA, []),
        (movedIn.next, F.cellA, []),
        (movedIn.previous, F.cellB, []),
        (movedIn, F.cellB, [.memberOutsideCell(cell: F.cellA)]),
    ])
    func aCellDisciplinesWhoIsItsMemberOnTheDecisionDay(decided: Day, cell: OrganizationID,
                                                        expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(.member(MemberID(5)), .warning, by: cell, body: .cell, offence: "2024-12-01",
                                     decided: decided.iso)
        #expect(Self.cellReasons(decision) == expected)
        #expect(decision.violations(in: Self.cells).allSatisfy { $0.field == .subjectMember })
    }

    /// A cell never disciplines an organization, not even one below it nor itself.
    @Test(arguments: [
        (F.cellB, Sanction.reprimand, [DisciplineViolation.Reason.organizationByCell]),
        (F.cellA, .warning, [.organizationByCell]),
        (F.cellB, .dissolution, [.organizationByCell, .sanctionBeyondCell]),
    ])
    func aCellDisciplinesNoOrganization(subject: OrganizationID, sanction: Sanction,
                                        expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(.organization(subject), sanction, by: F.cellA, body: .cell, offence: "2024-12-01",
                                     decided: "2025-01-15")
        #expect(Self.cellReasons(decision) == expected)
    }

    /// The body `cell` is a cell's only; a cell decides as a cell, not through a committee it may have, nor a standing
    /// committee or an inspection commission it does not have.
    @Test(arguments: [
        (F.cellA, DecidingBody.cell, [DisciplineViolation.Reason]()),
        (F.cellA, .committee, [.cellDecidesInItsMeeting(body: .committee)]),
        (F.cellA, .standingCommittee, [.cellDecidesInItsMeeting(body: .standingCommittee)]),
        (F.cellA, .inspectionCommission, [.cellDecidesInItsMeeting(body: .inspectionCommission)]),
        (F.committee, .cell, [.cellBodyOutsideCell(kind: .grassrootsCommittee)]),
        (F.committee, .committee, []),
        (F.committee, .standingCommittee, []),
        (F.committee, .inspectionCommission, []),
        (F.bloc, .cell, [.cellBodyOutsideCell(kind: .upperCommittee)]),
        (F.bloc, .standingCommittee, []),
    ])
    func theBodyFitsTheDecidingOrganization(organization: OrganizationID, body: DecidingBody,
                                            expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(.member(MemberID(1)), .warning, by: organization, body: body, offence: "2024-12-01",
                                     decided: "2025-01-15")
        #expect(Self.cellReasons(decision) == expected)
        #expect(decision.violations(in: Self.cells).allSatisfy { $0.field == .decidingBody })
    }

    @Test func aCellsRefusalsNameTheCellAndTheSanction() {
        func message(_ decision: DisciplineDecision) -> String? { decision.violations(in: Self.cells).first?.message }
        let citation = "(Điều lệ Đảng, Điều 36, khoản 1)"
        #expect(message(Self.decision(.member(MemberID(4)), .expulsion, by: F.cellA, body: .cell, offence: "2024-12-01",
                                      decided: "2025-01-15"))
            == "Chi bộ DUK.01.01 không thể quyết định hình thức khai trừ; chi bộ chỉ quyết định khiển trách, cảnh cáo "
            + "đảng viên trong chi bộ \(citation).")
        #expect(message(Self.decision(.member(MemberID(1)), .warning, by: F.cellB, body: .cell, offence: "2024-12-01",
                                      decided: "2025-01-15"))
            == "Ngày 15/1/2025 đảng viên Nguyễn Văn An không sinh hoạt tại chi bộ DUK.01.02, nên chi bộ không thể quyết "
            + "định cảnh cáo; chi bộ chỉ quyết định khiển trách, cảnh cáo đảng viên trong chi bộ \(citation).")
        #expect(message(Self.decision(.organization(F.cellB), .reprimand, by: F.cellA, body: .cell, offence: "2024-12-01",
                                      decided: "2025-01-15"))
            == "Chi bộ DUK.01.01 không thể kỷ luật tổ chức đảng DUK.01.02; chi bộ chỉ quyết định khiển trách, cảnh cáo "
            + "đảng viên trong chi bộ \(citation).")
        #expect(message(Self.decision(by: F.committee, body: .cell, offence: "2024-12-01", decided: "2025-01-15"))
            == "Tổ chức đảng DUK.01 là đảng bộ cơ sở, không phải chi bộ, nên cơ quan quyết định kỷ luật không thể là chi "
            + "bộ \(citation).")
        #expect(message(Self.decision(by: F.cellA, body: .committee, offence: "2024-12-01", decided: "2025-01-15"))
            == "Chi ủy không quyết định kỷ luật thay chi bộ DUK.01.01; chi bộ quyết định kỷ luật tại hội nghị chi bộ "
            + "\(citation).")
        #expect(message(Self.decision(by: F.cellA, body: .standingCommittee, offence: "2024-12-01", decided: "2025-01-15"))
            == "Chi bộ DUK.01.01 không có ban thường vụ; chi bộ quyết định kỷ luật tại hội nghị chi bộ \(citation).")
    }

    // MARK: - The statute of limitations

    /// Counted as Bộ luật Dân sự counts years: an offence on 10/3/2020 warranting khiển trách may be sanctioned
    /// through 10/3/2025; cảnh cáo and cách chức 10 years; the same for organizations.
    @Test(arguments: [
        (DisciplineSubject.member(MemberID(1)), Sanction.reprimand, "2020-03-10", "2025-03-10", 5),
        (.member(MemberID(4)), .warning, "2012-06-15", "2022-06-15", 10),
        (.member(MemberID(4)), .removalFromPost, "2012-06-15", "2022-06-15", 10),
        (.organization(F.cellC), .reprimand, "2020-03-10", "2025-03-10", 5),
        (.organization(F.cellC), .warning, "2012-06-15", "2022-06-15", 10),
    ])
    func theLimitationEndsOnTheSameDayYearsLater(subject: DisciplineSubject, sanction: Sanction, offence: String,
                                                 lastDay: String, years: Int) {
        let last = F.day(lastDay)
        let seat = CommitteeSeat(organization: F.committee, committee: .executive, member: MemberID(4), position: .member,
                                 source: .congress, validity: DayRange(start: F.day("2012-01-01"), end: nil))
        var registry = Self.registry
        registry.seats = [seat]
        func reasons(_ decided: Day) -> [DisciplineViolation.Reason] {
            Self.decision(subject, sanction, by: F.bloc, offence: offence, decided: decided.iso).violations(in: registry)
                .map(\.reason)
        }
        #expect(Self.decision(subject, sanction, offence: offence, decided: lastDay).limitationLastDay == last)
        #expect(reasons(last.previous) == [])
        #expect(reasons(last) == [])
        #expect(reasons(last.next) == [.timeBarred(lastDay: last, years: years)])
    }

    /// A lasting offence counts from its end; postponed days push the last day later, each once; a new offence inside
    /// the period restarts it, one after it does not.
    @Test(arguments: [
        // Committed 1/1/2015, lasting until 10/3/2020.
        ("2015-01-01", "2020-03-10", [String](), [DayRange](), "2025-03-10"),
        // 90 days postponed (1/1–31/3/2021).
        ("2020-03-10", nil, [], [DayRange(start: F.day("2021-01-01"), end: F.day("2021-04-01"))], "2025-06-08"),
        // The same, given twice overlapping, and a postponement before the offence: still 90 days.
        ("2020-03-10", nil, [], [DayRange(start: F.day("2021-02-01"), end: F.day("2021-04-01")),
                                 DayRange(start: F.day("2021-01-01"), end: F.day("2021-03-01")),
                                 DayRange(start: F.day("2019-01-01"), end: F.day("2020-03-11"))], "2025-06-08"),
        // A postponement that begins after the last day changes nothing.
        ("2020-03-10", nil, [], [DayRange(start: F.day("2025-03-11"), end: F.day("2025-06-01"))], "2025-03-10"),
        // One that begins on the last day moves it by its length.
        ("2020-03-10", nil, [], [DayRange(start: F.day("2025-03-10"), end: F.day("2025-03-20"))], "2025-03-20"),
        // A new offence on 5/5/2018 restarts the period; one on 1/6/2019, after it ended (1/1/2019), does not.
        ("2014-01-01", nil, ["2018-05-05"], [], "2023-05-05"),
        ("2014-01-01", nil, ["2019-06-01"], [], "2019-01-01"),
        ("2014-01-01", nil, ["2018-05-05", "2023-05-05"], [], "2028-05-05"),
        // Leap day: no 29/2 in 2025.
        ("2020-02-29", nil, [], [], "2025-02-28"),
    ] as [(String, String?, [String], [DayRange], String)])
    func theLimitationMoves(offence: String, ended: String?, later: [String], postponed: [DayRange], lastDay: String) {
        let last = F.day(lastDay)
        func reasons(_ decided: Day) -> [DisciplineViolation.Reason] {
            Self.reasons(Self.decision(offence: offence, ended: ended, later: later, postponed: postponed,
                                       decided: decided.iso).with(laterOffencesUpTo: decided))
        }
        let decision = Self.decision(offence: offence, ended: ended, later: later, postponed: postponed, decided: lastDay)
        #expect(decision.limitationLastDay == last)
        #expect(reasons(last.previous) == [])
        #expect(reasons(last) == [])
        #expect(reasons(last.next) == [.timeBarred(lastDay: last, years: 5)])
    }

    @Test func someOffencesAndSanctionsAreNeverTimeBarred() {
        // Expulsion and dissolution: no limit.
        #expect(Self.reasons(Self.decision(.member(MemberID(4)), .expulsion, offence: "2012-01-02", decided: "2025-01-01")).isEmpty)
        #expect(Self.reasons(Self.decision(.organization(F.cellC), .dissolution, by: F.bloc, offence: "1995-01-01",
                                           decided: "2025-01-01")).isEmpty)
        // The offences without limit, for a member: all four.
        for kind in OffenceWithoutLimit.allCases {
            let decision = Self.decision(offence: "2012-01-02", withoutLimit: kind, decided: "2025-01-01")
            #expect(decision.limitationLastDay == nil)
            #expect(Self.reasons(decision).isEmpty, "\(kind)")
        }
        // For an organization, unlawful degrees are not among them.
        for kind in OffenceWithoutLimit.allCases {
            let decision = Self.decision(.organization(F.cellC), .reprimand, by: F.bloc, offence: "2012-01-02",
                                         withoutLimit: kind, decided: "2025-01-01")
            let barred = [DisciplineViolation.Reason.timeBarred(lastDay: F.day("2017-01-02"), years: 5)]
            #expect(Self.reasons(decision) == (kind == .unlawfulDegrees ? barred : []), "\(kind)")
        }
        // A postponement still running stops the clock.
        let running = Self.decision(offence: "2015-01-01", postponed: [DayRange(start: F.day("2019-01-01"), end: nil)],
                                    decided: "2025-01-01")
        #expect(running.limitationLastDay == nil)
        #expect(Self.reasons(running).isEmpty)
        // One that begins after the period ended does not.
        let late = Self.decision(offence: "2015-01-01", postponed: [DayRange(start: F.day("2020-01-02"), end: nil)],
                                 decided: "2025-01-01")
        #expect(late.limitationLastDay == F.day("2020-01-01"))
    }

    // MARK: - Appeals

    /// Received on 10/3/2025: an appeal from that day through 10/4/2025 (one month).
    @Test(arguments: [
        ("2025-03-09", [DisciplineViolation.Reason.appealLodgedEarly(appeal: 0, from: F.day("2025-03-10"))]),
        ("2025-03-10", []),
        ("2025-04-10", []),
        ("2025-04-11", [.appealLodgedLate(appeal: 0, lastDay: F.day("2025-04-10"))]),
    ])
    func anAppealIsLodgedWithinAMonthOfReceipt(lodged: String, expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(.member(MemberID(4)), .warning, offence: "2024-12-01", decided: "2025-03-05",
                                     received: "2025-03-10", appeals: [DisciplineAppeal(lodged: F.day(lodged))])
        #expect(Self.reasons(decision) == expected)
        #expect(decision.violations(in: Self.registry).allSatisfy { $0.field == .appeals && $0.appeal == 0 })
    }

    /// Without a day of receipt the month counts from the effective day; a month without the same day ends on its
    /// last day.
    @Test(arguments: [("2025-02-28", [DisciplineViolation.Reason]()),
                      ("2025-03-01", [.appealLodgedLate(appeal: 0, lastDay: F.day("2025-02-28"))])])
    func theAppealMonthEndsOnTheMonthsLastDay(lodged: String, expected: [DisciplineViolation.Reason]) {
        let decision = Self.decision(.member(MemberID(4)), .warning, offence: "2024-12-01", decided: "2025-01-31",
                                     appeals: [DisciplineAppeal(lodged: F.day(lodged))])
        #expect(Self.reasons(decision) == expected)
    }

    /// A reduction must be lighter than what it reviews and allowed for the subject.
    @Test(arguments: [
        (DisciplineSubject.member(MemberID(4)), Sanction.warning, Sanction.removalFromPost,
         [DisciplineViolation.Reason.appealNotLighter(appeal: 0, inForce: .warning)]),
        (.member(MemberID(4)), .warning, .warning, [.appealNotLighter(appeal: 0, inForce: .warning)]),
        (.member(MemberID(4)), .warning, .reprimand, []),
        (.member(MemberID(4)), .expulsion, .removalFromPost, []),
        (.member(MemberID(1)), .expulsion, .removalFromPost, [.appealNoPostHeld(appeal: 0)]),
        (.member(MemberID(1)), .expulsion, .warning, []),
        (.organization(F.cellC), .dissolution, .warning, []),
        (.organization(F.cellC), .dissolution, .expulsion, [.appealSanctionNotAllowed(appeal: 0, kind: .organization)]),
    ])
    func aReductionIsLighterAndAllowed(subject: DisciplineSubject, sanction: Sanction, reduced: Sanction,
                                       expected: [DisciplineViolation.Reason]) {
        let appeal = DisciplineAppeal(lodged: F.day("2025-03-20"), outcome: .reduced(to: reduced, on: F.day("2025-05-20")))
        let decision = Self.decision(subject, sanction, by: F.bloc, offence: "2024-12-01", decided: "2025-03-05",
                                     appeals: [appeal])
        #expect(Self.reasons(decision) == expected)
    }

    @Test func appealsFollowOneAnother() {
        func decision(_ appeals: [DisciplineAppeal]) -> DisciplineDecision {
            Self.decision(.member(MemberID(4)), .expulsion, offence: "2024-12-01", decided: "2025-03-05", appeals: appeals)
        }
        let first = F.day("2025-03-20"), decided = F.day("2025-05-20")
        // Decided before it was lodged.
        #expect(Self.reasons(decision([DisciplineAppeal(lodged: first, outcome: .upheld(on: first.previous))]))
            == [.appealDecidedBeforeLodged(appeal: 0)])
        // A second appeal while the first is pending, or after it annulled the sanction.
        #expect(Self.reasons(decision([DisciplineAppeal(lodged: first), DisciplineAppeal(lodged: decided)]))
            == [.appealWhilePending(appeal: 1)])
        #expect(Self.reasons(decision([DisciplineAppeal(lodged: first, outcome: .annulled(on: decided)),
                                       DisciplineAppeal(lodged: decided)])) == [.nothingToAppeal(appeal: 1)])
        // A second appeal counts its month from the day the first was decided, and reviews what the first left.
        let reduced = DisciplineAppeal(lodged: first, outcome: .reduced(to: .warning, on: decided))
        #expect(Self.reasons(decision([reduced, DisciplineAppeal(lodged: decided.adding(months: 1))])).isEmpty)
        #expect(Self.reasons(decision([reduced, DisciplineAppeal(lodged: decided.adding(months: 1).next)]))
            == [.appealLodgedLate(appeal: 1, lastDay: decided.adding(months: 1))])
        #expect(Self.reasons(decision([reduced, DisciplineAppeal(lodged: decided, outcome: .reduced(
            to: .removalFromPost, on: decided.next))])) == [.appealNotLighter(appeal: 1, inForce: .warning)])
    }

    @Test func theSanctionInForceFollowsTheAppeals() {
        let decision = Self.decision(.member(MemberID(4)), .expulsion, offence: "2024-12-01", decided: "2025-03-01",
                                     effective: "2025-03-05", appeals: [
                                        DisciplineAppeal(lodged: F.day("2025-03-20"),
                                                         outcome: .reduced(to: .warning, on: F.day("2025-05-20"))),
                                        DisciplineAppeal(lodged: F.day("2025-06-01"), outcome: .annulled(on: F.day("2025-08-01"))),
                                     ])
        #expect(Self.reasons(decision).isEmpty)
        let expected: [(String, Sanction?)] = [
            ("2025-03-04", nil), ("2025-03-05", .expulsion), ("2025-05-19", .expulsion), ("2025-05-20", .warning),
            ("2025-07-31", .warning), ("2025-08-01", nil),
        ]
        for (day, sanction) in expected { #expect(decision.sanctionInForce(on: F.day(day)) == sanction, "\(day)") }
        let pending = Self.decision(offence: "2024-12-01", decided: "2025-03-01", appeals: [DisciplineAppeal(lodged: F.day("2025-03-02"))])
        #expect(pending.sanctionInForce(on: F.day("2030-01-01")) == .reprimand)
        #expect(DisciplineAppeal(lodged: F.day("2025-03-02")).decided == nil)
    }

    // MARK: - Effects

    @Test func expulsionIsAnExpelledEventOnTheEffectiveDay() throws {
        let decision = Self.decision(.member(MemberID(4)), .expulsion, offence: "2024-12-01", decided: "2025-03-01",
                                     effective: "2025-03-05")
        let event = MembershipEvent(member: MemberID(4), kind: .expelled, effective: F.day("2025-03-05"),
                                    decision: Decision(number: "12-QĐ/ĐU", date: F.day("2025-03-01"), issuer: "DUK.01"))
        #expect(decision.effect == .membershipEvent(event))
        // The journal takes it: off the rolls from the effective day.
        let journal = try #require(Self.registry.journals[MemberID(4)])
        let expelled = try Journal(member: journal.member, events: journal.events + [event], tree: F.tree)
        #expect(expelled.period(on: F.day("2025-03-04")) != nil)
        #expect(expelled.period(on: F.day("2025-03-05")) == nil)
    }

    @Test func dissolutionIsTheOrganizationsDissolutionOnTheEffectiveDay() throws {
        let decision = Self.decision(.organization(F.cellC), .dissolution, by: F.bloc, offence: "2024-12-01",
                                     decided: "2025-03-01", effective: "2025-03-05")
        #expect(decision.effect == .organizationChange(.dissolve(F.cellC), on: F.day("2025-03-05")))
        guard case .organizationChange(let change, let day) = decision.effect else { return }
        var tree = F.tree
        try tree.apply(change, on: day)
        #expect(tree[F.cellC]?.dissolved == F.day("2025-03-05"))
    }

    @Test func otherSanctionsChangeNothingInTheRegistry() {
        for sanction in [Sanction.reprimand, .warning, .removalFromPost] {
            #expect(Self.decision(.member(MemberID(4)), sanction, offence: "2024-12-01", decided: "2025-03-01").effect == nil)
        }
        for sanction in [Sanction.reprimand, .warning] {
            #expect(Self.decision(.organization(F.cellC), sanction, offence: "2024-12-01", decided: "2025-03-01").effect == nil)
        }
    }

    // MARK: - Figures for reviews

    @Test func theReviewCountsSubjectsBySanctionInTheScopeAndPeriod() {
        func decision(_ subject: DisciplineSubject, _ sanction: Sanction, by organization: OrganizationID,
                      effective: String) -> DisciplineDecision {
            Self.decision(subject, sanction, by: organization, offence: "2024-01-01", decided: "2024-12-01",
                          effective: effective)
        }
        let decisions = [
            decision(.member(MemberID(1)), .reprimand, by: F.committee, effective: "2025-01-01"),  // the first day
            decision(.member(MemberID(1)), .reprimand, by: F.cellA, effective: "2025-02-01"),  // the same member again
            decision(.member(MemberID(4)), .warning, by: F.committee, effective: "2025-03-31"),  // the last day
            decision(.member(MemberID(2)), .warning, by: F.committee, effective: "2024-12-31"),  // before the period
            decision(.member(MemberID(3)), .warning, by: F.committee, effective: "2025-04-01"),  // after it
            decision(.organization(F.cellC), .warning, by: F.bloc, effective: "2025-02-01"),  // the bloc decides
            decision(.member(MemberID(5)), .expulsion, by: F.cellC, effective: "2025-02-01"),  // outside DUK.01
        ]
        let from = F.day("2025-01-01"), to = F.day("2025-03-31")
        let committee = DisciplineFigures(of: F.committee, from: from, to: to, decisions: decisions, tree: F.tree)
        #expect(committee == DisciplineFigures(organizations: [:], members: [.reprimand: 1, .warning: 1]))
        let bloc = DisciplineFigures(of: F.bloc, from: from, to: to, decisions: decisions, tree: F.tree)
        #expect(bloc.organizations(.warning) == 1)
        #expect(bloc.members(.reprimand) == 1 && bloc.members(.warning) == 1 && bloc.members(.expulsion) == 1)
        #expect(bloc.members(.removalFromPost) == 0)
        // A deciding organization dissolved by then is in no subtree.
        let late = [decision(.member(MemberID(1)), .reprimand, by: F.lateCell, effective: "2023-01-01")]
        #expect(DisciplineFigures(of: F.bloc, from: F.day("2022-01-01"), to: F.day("2023-12-31"), decisions: late,
                                  tree: F.tree) == DisciplineFigures())
    }

    // MARK: - Messages and citations

    @Test func theMessagesSayWhatIsWrongAndCiteTheRuleOfTheDecisionDay() throws {
        let barred = Self.decision(offence: "2020-03-10", decided: "2025-03-11")
        #expect(throws: DisciplineViolation.self) { try barred.validate(in: Self.registry) }
        #expect(barred.violations(in: Self.registry).first?.message
            == "Đã hết thời hiệu kỷ luật khiển trách (5 năm, tính từ ngày 10/3/2020): chỉ được quyết định đến hết ngày "
            + "10/3/2025, không thể quyết định ngày 11/3/2025 (Quy định 69-QĐ/TW (sửa đổi theo Quy định 264-QĐ/TW)).")
        let old = Self.decision(offence: "2013-03-10", decided: "2019-03-11")
        #expect(old.violations(in: Self.registry).first?.message.hasSuffix("(Quy định 102-QĐ/TW, Điều 3).") == true)
        let oldOrganization = Self.decision(.organization(F.cellC), by: F.bloc, offence: "2013-03-10", decided: "2019-03-11")
        #expect(oldOrganization.violations(in: Self.registry).first?.message.hasSuffix("(Quy định 07-QĐi/TW, Điều 5).") == true)

        let probationer = Self.decision(.member(MemberID(2)), .expulsion, offence: "2025-01-01", decided: "2025-03-01")
        #expect(probationer.violations(in: Self.registry).first?.message
            == "Không áp dụng hình thức khai trừ với đảng viên dự bị; chỉ có thể khiển trách, cảnh cáo "
            + "(Quy định 69-QĐ/TW (sửa đổi theo Quy định 264-QĐ/TW), Điều 7).")
        let gone = Self.decision(.member(MemberID(3)), offence: "2024-01-01", decided: "2024-07-01")
        #expect(gone.violations(in: Self.registry).first?.message
            == "Ngày 1/7/2024 đảng viên Nguyễn Văn An không còn là đảng viên sinh hoạt trong hệ thống từ ngày 1/6/2024; "
            + "chỉ kỷ luật đảng viên có tên trong danh sách đảng viên vào ngày quyết định.")
        let noPost = Self.decision(.member(MemberID(1)), .removalFromPost, offence: "2022-01-01", decided: "2022-08-01")
        #expect(noPost.violations(in: Self.registry).first?.message
            == "Ngày 1/8/2022 đảng viên Nguyễn Văn An không giữ chức vụ nào trong cấp ủy, ủy ban kiểm tra, nên không thể "
            + "kỷ luật cách chức (Quy định 69-QĐ/TW, Điều 7).")
        let late = Self.decision(offence: "2024-12-01", decided: "2025-03-05", received: "2025-03-10",
                                 appeals: [DisciplineAppeal(lodged: F.day("2025-04-11"))])
        #expect(late.violations(in: Self.registry).first?.message
            == "Đơn khiếu nại thứ 1 gửi ngày 11/4/2025, quá thời hạn khiếu nại 1 tháng kể từ ngày nhận quyết định (hết "
            + "ngày 10/4/2025) (Điều lệ Đảng, Điều 39).")
        let early = Self.decision(.organization(F.lateCell), .warning, by: F.bloc, offence: "2021-06-30", decided: "2024-01-01")
        #expect(early.violations(in: Self.registry).first?.message
            == "Tổ chức đảng DUK.03 được thành lập ngày 1/7/2021, sau ngày vi phạm 30/6/2021; chỉ kỷ luật tổ chức đảng đã "
            + "có khi vi phạm, kể cả đã giải thể, sáp nhập (Quy định 22-QĐ/TW, phạm vi điều chỉnh).")
        try Self.decision(offence: "2020-03-10", decided: "2025-03-10").validate(in: Self.registry)
    }

    /// An expulsion signed and effective the same day ends the membership that day: once its `expelled` event is in
    /// the journal, the decision still holds (the form checks before writing it, an import after); another sanction
    /// that day, or an expulsion effective later, finds the member gone.
    @Test func anExpulsionEffectiveTheDayItIsSignedJudgesThePeriodItCloses() throws {
        var registry = Self.registry
        try registry.record(F.member(5), events: [F.event(.transferredIn, "2012-01-01", F.cellA, member: 5),
                                                  F.event(.expelled, "2024-03-01", member: 5)])
        let expulsion = Self.decision(.member(MemberID(5)), .expulsion, offence: "2023-11-01", decided: "2024-03-01")
        #expect(expulsion.violations(in: registry).isEmpty)
        let warning = Self.decision(.member(MemberID(5)), .warning, offence: "2023-11-01", decided: "2024-03-01")
        #expect(warning.violations(in: registry).map(\.reason) == [.memberNotOnRolls(since: F.day("2024-03-01"))])
        let later = Self.decision(.member(MemberID(5)), .expulsion, offence: "2023-11-01", decided: "2024-03-01",
                                  effective: "2024-03-02")
        #expect(later.violations(in: registry).map(\.reason) == [.memberNotOnRolls(since: F.day("2024-03-01"))])
        // Member 3 transferred out on 1/6/2024: not an expulsion, so an expulsion that day finds nobody.
        let transferred = Self.decision(.member(MemberID(3)), .expulsion, offence: "2023-11-01", decided: "2024-06-01")
        #expect(transferred.violations(in: registry).map(\.reason) == [.memberNotOnRolls(since: F.day("2024-06-01"))])
    }

    /// The general form: the member as they stood before the decision's own effect. Member 5, in DUK.01.01 since 2012,
    /// is expelled from 5/3/2024, the `expelled` event recorded: an expulsion effective that day is judged on the period
    /// it closed, whether signed that day or before, even when the member moved cell in between; signed after, or
    /// effective another day, the event is not its own.
    @Test(arguments: [
        ("2024-03-01", "2024-03-05", Sanction.expulsion, [DisciplineViolation.Reason]()),
        ("2024-03-04", "2024-03-05", .expulsion, []),
        ("2024-03-05", "2024-03-05", .expulsion, []),
        ("2024-03-05", "2024-03-06", .expulsion, [.memberNotOnRolls(since: F.day("2024-03-05"))]),
        ("2024-03-06", "2024-03-06", .expulsion, [.memberNotOnRolls(since: F.day("2024-03-05"))]),
        ("2024-03-04", "2024-03-05", .warning, []),
        ("2024-03-05", "2024-03-05", .warning, [.memberNotOnRolls(since: F.day("2024-03-05"))]),
        // Moved to DUK.01.02 on 3/3/2024: signed on 2/3 it judges the period in DUK.01.01, on 3/3 the one it closed.
        ("2024-03-02", "2024-03-05", .expulsion, []),
        ("2024-03-03", "2024-03-05", .expulsion, []),
    ])
    func anExpulsionJudgesTheMemberBeforeItsOwnEffect(decided: String, effective: String, sanction: Sanction,
                                                      expected: [DisciplineViolation.Reason]) throws {
        var registry = Self.registry
        try registry.record(F.member(5), events: [F.event(.transferredIn, "2012-01-01", F.cellA, member: 5),
                                                  F.event(.moved, "2024-03-03", F.cellB, member: 5),
                                                  F.event(.expelled, "2024-03-05", member: 5)])
        let decision = Self.decision(.member(MemberID(5)), sanction, offence: "2023-11-01", decided: decided,
                                     effective: effective)
        #expect(decision.violations(in: registry).map(\.reason) == expected)
    }

    @Test func everyReasonHasAMessage() {
        let decision = Self.decision(offence: "2024-03-10", ended: "2024-04-01", decided: "2024-05-01",
                                     received: "2024-05-02", appeals: [DisciplineAppeal(lodged: F.day("2024-05-03"))])
        let reasons: [DisciplineViolation.Reason] = [
            .offenceEndedBeforeCommitted, .laterOffenceOutside(F.day("2024-01-01")), .decidedBeforeOffence,
            .effectiveBeforeDecided, .receivedBeforeDecided, .unknownDecidingOrganization,
            .decidingOrganizationNotEstablished(established: F.day("2025-01-01")),
            .decidingOrganizationDissolved(dissolved: F.day("2024-01-01")), .cellBodyOutsideCell(kind: .grassrootsCommittee),
            .cellDecidesInItsMeeting(body: .committee), .cellDecidesInItsMeeting(body: .standingCommittee),
            .cellDecidesInItsMeeting(body: .inspectionCommission), .cellDecidesInItsMeeting(body: .cell),
            .unknownSubjectOrganization, .subjectNotEstablished(established: F.day("2025-01-01")),
            .subjectAlreadyDissolved(dissolved: F.day("2024-01-01")), .organizationByCell, .unknownSubjectMember,
            .memberNotOnRolls(since: nil), .memberOutsideCell(cell: F.cellB), .sanctionNotAllowed(kind: .organization),
            .noPostHeld, .sanctionBeyondCell,
            .timeBarred(lastDay: F.day("2024-01-01"), years: 5), .appealLodgedEarly(appeal: 0, from: F.day("2024-05-04")),
            .appealLodgedLate(appeal: 0, lastDay: F.day("2024-05-02")), .appealWhilePending(appeal: 0),
            .nothingToAppeal(appeal: 0), .appealDecidedBeforeLodged(appeal: 0),
            .appealNotLighter(appeal: 0, inForce: .reprimand), .appealSanctionNotAllowed(appeal: 0, kind: .organization),
            .appealNoPostHeld(appeal: 0),
        ]
        for reason in reasons {
            let violation = DisciplineViolation(decision: decision, reason: reason, decidingCode: "DUK.01",
                                                subjectName: "tổ chức đảng DUK.02")
            #expect(!violation.message.isEmpty && !violation.message.contains("  "), "\(reason)")
            #expect(violation.description == violation.message)
        }
    }

    @Test func theDecidingBodyMapsOntoTheReviewsSplit() {
        #expect(DecidingBody.allCases.map(\.conductor) == [.cell, .committee, .committee, .inspectionCommission])
        #expect(DecidingBody.allCases.map(\.rawValue) == ["cell", "committee", "standing_committee", "inspection_commission"])
    }
}

extension DisciplineDecision {
    /// The decision with only the later offences on or before `day`, so that one table row can try several decision
    /// days.
    fileprivate func with(laterOffencesUpTo day: Day) -> DisciplineDecision {
        var copy = self
        copy.laterOffences = laterOffences.filter { $0 <= day }
        return copy
    }
}
