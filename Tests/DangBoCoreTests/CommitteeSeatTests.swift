import Testing
@testable import DangBoCore

/// A seat is valid when its dates are in order, its organization exists on the first day, and its holder is an
/// official member of that organization that day; each rule at its edges.
@Suite struct CommitteeSeatTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    static let bloc = OrganizationID(1), committee = OrganizationID(2), staying = OrganizationID(3)
    static let leaving = OrganizationID(4), elsewhere = OrganizationID(5)
    /// The grassroots committee exists from 1/3/2010 until its dissolution on 1/7/2024.
    static let established = day("2010-03-01"), dissolved = day("2024-07-01")
    /// The day the cell DUK.01.02 leaves the committee for the bloc.
    static let movedOut = day("2020-01-01")
    /// Member 2, admitted on 10/5/2015, is official from 10/5/2016.
    static let official = day("2016-05-10")

    /// A bloc; under it a grassroots committee with two subordinate cells, one of which becomes a grassroots cell of
    /// the bloc on `movedOut`; and a grassroots cell elsewhere.
    static let registry: Registry = {
        func version(_ from: String, _ to: String?, _ kind: OrganizationKind, _ parent: OrganizationID?) -> OrganizationVersion {
            OrganizationVersion(validity: DayRange(start: day(from), end: to.map(day)), name: "", kind: kind, parent: parent)
        }
        var registry = Registry(tree: OrganizationTree([
            Organization(id: bloc, code: "DUK", versions: [version("1990-01-01", nil, .upperCommittee, nil)]),
            Organization(id: committee, code: "DUK.01", versions: [
                version("2010-03-01", "2024-07-01", .grassrootsCommittee, bloc)]),
            Organization(id: staying, code: "DUK.01.01", versions: [
                version("2010-03-01", "2024-07-01", .subordinateCell, committee)]),
            Organization(id: leaving, code: "DUK.01.02", versions: [
                version("2010-03-01", "2020-01-01", .subordinateCell, committee),
                version("2020-01-01", nil, .grassrootsCell, bloc)]),
            Organization(id: elsewhere, code: "DUK.02", versions: [version("1990-01-01", nil, .grassrootsCell, bloc)]),
        ]))
        func member(_ id: Int) -> Member {
            Member(id: MemberID(id), nationalID: "00108501234\(id)", familyName: "Nguyễn", middleName: "Văn",
                   givenName: "An", gender: .male, birthDate: day("1985-04-12"))
        }
        func event(_ id: Int, _ kind: EventKind, _ on: String, _ cell: OrganizationID? = nil) -> MembershipEvent {
            MembershipEvent(member: MemberID(id), kind: kind, effective: day(on), organization: cell)
        }
        // 1: official in DUK.01.01 from the committee's first day.
        try! registry.record(member(1), events: [event(1, .transferredIn, "2010-03-01", staying)])
        // 2: admitted in DUK.01.01, official on `official`.
        try! registry.record(member(2), events: [event(2, .admitted, "2015-05-10", staying),
                                                 event(2, .recognizedOfficial, "2016-05-10")])
        // 3: official in DUK.01.02, the cell that leaves the committee.
        try! registry.record(member(3), events: [event(3, .transferredIn, "2012-01-01", leaving)])
        // 4: official in DUK.02, another grassroots organization.
        try! registry.record(member(4), events: [event(4, .transferredIn, "2012-01-01", elsewhere)])
        return registry
    }()

    static func seat(_ holder: Int, from start: Day, to end: Day? = nil, committee: CommitteeKind = .executive) -> CommitteeSeat {
        CommitteeSeat(organization: Self.committee, committee: committee, member: MemberID(holder), position: .member,
                      source: .conference, validity: DayRange(start: start, end: end))
    }

    @Test(arguments: [
        // The organization's establishment: the holder arrives with it.
        (1, established.previous, [SeatViolation.Reason.organizationNotEstablished(established: established), .holderNotOnRolls]),
        (1, established, []),
        (1, established.next, []),
        // Its dissolution.
        (1, dissolved.previous, []),
        (1, dissolved, [.organizationDissolved(dissolved: dissolved)]),
        (1, dissolved.next, [.organizationDissolved(dissolved: dissolved)]),
        // The holder's recognition as official.
        (2, official.previous, [.holderProbationary(officialFrom: official)]),
        (2, official, []),
        (2, official.next, []),
        // The holder's cell leaves the organization's subtree.
        (3, movedOut.previous, []),
        (3, movedOut, [.holderOutsideOrganization(cellCode: "DUK.01.02")]),
        (3, movedOut.next, [.holderOutsideOrganization(cellCode: "DUK.01.02")]),
        // A member of another organization; a day before anyone's history.
        (4, day("2015-01-01"), [.holderOutsideOrganization(cellCode: "DUK.02")]),
        (4, day("2011-12-31"), [.holderNotOnRolls]),
    ])
    func theOrganizationAndTheHolderOnTheFirstDay(holder: Int, start: Day, expected: [SeatViolation.Reason]) {
        #expect(Self.seat(holder, from: start).violations(in: Self.registry).map(\.reason) == expected)
    }

    @Test(arguments: [
        (Optional(day("2018-03-31")), [SeatViolation.Reason.endBeforeStart]),
        (day("2018-04-01"), []),
        (day("2018-04-02"), []),
        (nil, []),
    ])
    func theEndIsNotBeforeTheStart(end: Day?, expected: [SeatViolation.Reason]) {
        // A `DayRange` cannot end before it starts: the days are checked before the seat is built.
        let start = Self.day("2018-04-01")
        do {
            let validity = try CommitteeSeat.validity(start: start, end: end, committee: .executive)
            #expect(expected.isEmpty)
            #expect(validity == DayRange(start: start, end: end))
        } catch {
            #expect([error.reason] == expected)
            #expect(error.field == .end)
            #expect(error.message == "Ngày kết thúc 31/3/2018 phải từ ngày bắt đầu 1/4/2018 trở đi.")
        }
    }

    @Test func eachViolationNamesItsField() {
        let start = Self.day("2018-04-01")
        let unknownOrganization = CommitteeSeat(organization: OrganizationID(99), committee: .executive, member: MemberID(1),
                                                position: .member, source: .appointed, validity: DayRange(start: start, end: nil))
        #expect(unknownOrganization.violations(in: Self.registry).map(\.field) == [.organization])
        #expect(Self.seat(9, from: start).violations(in: Self.registry).map(\.reason) == [.unknownHolder])
        #expect(Self.seat(9, from: start).violations(in: Self.registry).map(\.field) == [.holder])
        #expect(Self.seat(1, from: Self.dissolved).violations(in: Self.registry).map(\.field) == [.start])
        #expect(Self.seat(2, from: Self.official.previous).violations(in: Self.registry).map(\.field) == [.holder])
    }

    @Test func theMessagesSayWhatIsWrong() throws {
        let probationer = Self.seat(2, from: Self.official.previous, committee: .inspection)
        #expect(throws: SeatViolation.self) { try probationer.validate(in: Self.registry) }
        #expect(probationer.violations(in: Self.registry).first?.message
            == "Ngày 9/5/2016 người này còn là đảng viên dự bị (chính thức từ ngày 10/5/2016); đảng viên dự bị không có "
            + "quyền ứng cử, bầu cử cơ quan lãnh đạo của Đảng nên không được bầu, chỉ định vào ủy ban kiểm tra "
            + "(Điều lệ Đảng, Điều 2, khoản 3).")
        #expect(Self.seat(1, from: Self.established.previous).violations(in: Self.registry).first?.message
            == "Tổ chức đảng DUK.01 được thành lập ngày 1/3/2010, nên chưa có cấp ủy vào ngày 28/2/2010.")
        #expect(Self.seat(3, from: Self.movedOut).violations(in: Self.registry).first?.message
            == "Ngày 1/1/2020 đảng viên sinh hoạt ở chi bộ DUK.01.02, không thuộc DUK.01; người giữ chức trong cấp ủy "
            + "phải là đảng viên của tổ chức đó.")
        try Self.seat(1, from: Self.established).validate(in: Self.registry)
    }

    @Test func theHolderPeriodsMayComeFromElsewhere() {
        // What an import hands over: the periods of the holders of a batch of seats, several members mixed.
        let periods = Self.registry.periods.sorted { ($0.member, $0.validity.start) < ($1.member, $1.validity.start) }
        let seat = Self.seat(2, from: Self.official.previous)
        #expect(seat.violations(in: Self.registry.tree, holderPeriods: periods).map(\.reason)
            == [.holderProbationary(officialFrom: Self.official)])
        #expect(Self.seat(2, from: Self.official).violations(in: Self.registry.tree, holderPeriods: periods).isEmpty)
        #expect(seat.violations(in: Self.registry.tree, holderPeriods: []).map(\.reason) == [.holderNotOnRolls])
    }
}
