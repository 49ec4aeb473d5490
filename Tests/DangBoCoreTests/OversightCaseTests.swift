import Testing
@testable import DangBoCore

/// A case is valid when its dates are in order, its conductor exists on the first day and each subject exists: an
/// organization established by then (dissolved since is fine), a known member; each rule at its edges.
@Suite struct OversightCaseTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    static let bloc = OrganizationID(1), committee = OrganizationID(2), cell = OrganizationID(3)
    /// The grassroots committee exists from 1/3/2010 until its dissolution on 1/7/2024; its cell too.
    static let established = day("2010-03-01"), dissolved = day("2024-07-01")

    static let registry: Registry = {
        func version(_ from: String, _ to: String?, _ kind: OrganizationKind, _ parent: OrganizationID?) -> OrganizationVersion {
            OrganizationVersion(validity: DayRange(start: day(from), end: to.map(day)), name: "", kind: kind, parent: parent)
        }
        var registry = Registry(tree: OrganizationTree([
            Organization(id: bloc, code: "DUK", versions: [version("1990-01-01", nil, .upperCommittee, nil)]),
            Organization(id: committee, code: "DUK.01", versions: [
                version("2010-03-01", "2024-07-01", .grassrootsCommittee, bloc)]),
            Organization(id: cell, code: "DUK.01.01", versions: [
                version("2010-03-01", "2024-07-01", .subordinateCell, committee)]),
        ]))
        let member = Member(id: MemberID(1), nationalID: "001085012345", familyName: "Nguyễn", middleName: "Văn",
                            givenName: "An", gender: .male, birthDate: day("1985-04-12"))
        try! registry.record(member, events: [MembershipEvent(member: MemberID(1), kind: .transferredIn,
                                                              effective: day("2012-01-01"), organization: cell)])
        return registry
    }()

    static func oversight(by conductor: OrganizationID = committee, from started: Day, to ended: Day? = nil,
                          subjects: [OversightSubject]) -> OversightCase {
        OversightCase(reference: "KT-1", activity: .inspection, mode: .thematic, conductor: .committee,
                      conductorOrganization: conductor, started: started, ended: ended, subjects: subjects)
    }

    @Test(arguments: [
        (established.previous, [OversightViolation.Reason.conductorNotEstablished(established: established)]),
        (established, []),
        (established.next, []),
        (dissolved.previous, []),
        (dissolved, [.conductorDissolved(dissolved: dissolved)]),
        (dissolved.next, [.conductorDissolved(dissolved: dissolved)]),
    ])
    func theConductorExistsOnTheFirstDay(started: Day, expected: [OversightViolation.Reason]) {
        let oversight = Self.oversight(from: started, subjects: [.member(MemberID(1))])
        #expect(oversight.violations(in: Self.registry).map(\.reason) == expected)
    }

    @Test(arguments: [
        // Not yet established on the first day: refused.
        (established.previous, [OversightViolation.Reason.subjectNotEstablished(code: "DUK.01.01", established: established)]),
        (established, []),
        (established.next, []),
        // Dissolved since, or before the case: still a subject (QĐ 22-QĐ/TW).
        (dissolved.previous, []),
        (dissolved, []),
        (dissolved.next, []),
    ])
    func aSubjectOrganizationExistedByTheFirstDay(started: Day, expected: [OversightViolation.Reason]) {
        let oversight = Self.oversight(by: Self.bloc, from: started, subjects: [.organization(Self.cell)])
        #expect(oversight.violations(in: Self.registry).map(\.reason) == expected)
        #expect(oversight.violations(in: Self.registry).allSatisfy { $0.subject == .organization(Self.cell) })
    }

    @Test(arguments: [
        (Optional(day("2018-03-31")), [OversightViolation.Reason.endBeforeStart]),
        (day("2018-04-01"), []),
        (day("2018-04-02"), []),
        (nil, []),
    ])
    func theEndIsNotBeforeTheStart(ended: Day?, expected: [OversightViolation.Reason]) {
        let oversight = Self.oversight(from: Self.day("2018-04-01"), to: ended, subjects: [.member(MemberID(1))])
        #expect(oversight.violations(in: Self.registry).map(\.reason) == expected)
    }

    @Test func unknownSubjectsAndNoneAtAll() {
        let started = Self.day("2018-04-01")
        let unknown = Self.oversight(from: started, subjects: [.member(MemberID(1)), .member(MemberID(7)),
                                                               .organization(OrganizationID(70))])
        let violations = unknown.violations(in: Self.registry)
        #expect(violations.map(\.reason) == [.unknownSubjectMember, .unknownSubjectOrganization])
        #expect(violations.map(\.field) == [.subjectMember, .subjectOrganization])
        #expect(violations.map(\.subject) == [.member(MemberID(7)), .organization(OrganizationID(70))])
        #expect(Self.oversight(from: started, subjects: []).violations(in: Self.registry).map(\.field) == [.subjects])
        let nowhere = Self.oversight(by: OrganizationID(80), from: started, subjects: [.member(MemberID(1))])
        #expect(nowhere.violations(in: Self.registry).map(\.field) == [.conductorOrganization])
        #expect(throws: OversightViolation.self) { try nowhere.validate(in: Self.registry) }
    }

    @Test func theMessagesSayWhatIsWrong() {
        let early = Self.oversight(by: Self.bloc, from: Self.established.previous, subjects: [.organization(Self.cell)])
        #expect(early.violations(in: Self.registry).first?.message
            == "Tổ chức đảng DUK.01.01 được thành lập ngày 1/3/2010, sau ngày bắt đầu cuộc kiểm tra 28/2/2010; chỉ kiểm "
            + "tra, giám sát tổ chức đã có, kể cả đã giải thể, sáp nhập (Quy định 22-QĐ/TW, phạm vi điều chỉnh).")
        let late = Self.oversight(from: Self.dissolved, subjects: [.member(MemberID(1))])
        #expect(late.violations(in: Self.registry).first?.message
            == "Tổ chức đảng DUK.01 đã giải thể từ ngày 1/7/2024, nên không thể tiến hành cuộc kiểm tra từ ngày 1/7/2024.")
    }
}
