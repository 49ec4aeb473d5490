import Testing
@testable import DangBoCore

/// The composition of committees (issue 11 point 1; RULES §3.9): the cell's 9-member rule and its committee of at most
/// 7, one deputy, the standing committee from 9 members, sole positions, terms and their sizes; and the end of a seat
/// when its holder leaves the organization — each at its edges.
@Suite struct CommitteeCompositionTests {
    typealias F = Fixture
    static let start = F.day("2022-06-15")

    static func seat(_ holder: Int, _ position: Position, at organization: OrganizationID = F.cellA,
                     committee: CommitteeKind = .executive, from start: Day = start, to end: Day? = nil) -> CommitteeSeat {
        CommitteeSeat(organization: organization, committee: committee, member: MemberID(holder), position: position,
                      source: .congress, validity: DayRange(start: start, end: end))
    }

    static func reasons(_ seat: CommitteeSeat, kind: OrganizationKind = .subordinateCell, officials: Int,
                        seats: [CommitteeSeat] = [], terms: [CommitteeTerm] = []) -> [SeatViolation.Reason] {
        seat.compositionViolations(joining: CommitteeOnDay(kind: kind, officialMembers: officials, seats: seats, terms: terms),
                                   organizationCode: "DUK.01.01").map(\.reason)
    }

    // MARK: - A cell's leading body

    @Test func aCellOfEightElectsASecretaryAndADeputyButNoCommitteeMembersAndNineElectACommittee() {
        #expect(Self.reasons(Self.seat(1, .secretary), officials: 8).isEmpty)
        #expect(Self.reasons(Self.seat(2, .deputySecretary), officials: 8, seats: [Self.seat(1, .secretary)]).isEmpty)
        #expect(Self.reasons(Self.seat(3, .member), officials: 8)
            == [.cellTooSmallForCommittee(officialMembers: 8, threshold: 9)])
        #expect(Self.reasons(Self.seat(3, .member), officials: 9).isEmpty)
        #expect(Self.reasons(Self.seat(3, .member), officials: 10).isEmpty)
    }

    @Test func aCellCommitteeHasSevenSeatsAtMost() {
        let six = [Self.seat(1, .secretary), Self.seat(2, .deputySecretary)] + (3...6).map { Self.seat($0, .member) }
        #expect(Self.reasons(Self.seat(7, .member), officials: 20, seats: six).isEmpty)
        #expect(Self.reasons(Self.seat(8, .member), officials: 20, seats: six + [Self.seat(7, .member)])
            == [.cellCommitteeFull(maximum: 7)])
        // A seat that ended the day before, or ends on the start day, no longer counts; one that ends the day after does.
        let endedBefore = six + [Self.seat(7, .member, from: F.day("2020-01-01"), to: Self.start)]
        #expect(Self.reasons(Self.seat(8, .member), officials: 20, seats: endedBefore).isEmpty)
        let endsAfter = six + [Self.seat(7, .member, from: F.day("2020-01-01"), to: Self.start.next)]
        #expect(Self.reasons(Self.seat(8, .member), officials: 20, seats: endsAfter) == [.cellCommitteeFull(maximum: 7)])
    }

    @Test func aCellHasOneDeputyOneSecretaryNoStandingCommitteeAndNoInspectionCommission() {
        let both = [Self.seat(1, .secretary), Self.seat(2, .deputySecretary)]
        #expect(Self.reasons(Self.seat(3, .deputySecretary), officials: 20, seats: both) == [.tooManyDeputies(maximum: 1)])
        #expect(Self.reasons(Self.seat(3, .secretary), officials: 20, seats: both) == [.positionTaken(.secretary)])
        #expect(Self.reasons(Self.seat(3, .standingMember), officials: 20) == [.noStandingCommitteeInCell])
        #expect(Self.reasons(Self.seat(3, .chair, committee: .inspection), officials: 20)
            == [.noSuchCommittee(.subordinateCell)])
        #expect(Self.reasons(Self.seat(3, .chair), officials: 20) == [.positionNotOfCommittee(.chair)])
        // The secretary's seat ending on the start day frees the position that day.
        let ended = [Self.seat(1, .secretary, from: F.day("2020-01-01"), to: Self.start)]
        #expect(Self.reasons(Self.seat(3, .secretary), officials: 20, seats: ended).isEmpty)
        // One person, one seat of a committee.
        #expect(Self.reasons(Self.seat(1, .deputySecretary), officials: 20, seats: [Self.seat(1, .secretary)]) == [.holderAlreadySeated])
    }

    // MARK: - A đảng bộ's standing committee

    @Test func aStandingCommitteeIsElectedFromNineCommitteeMembers() {
        let seven = (1...7).map { Self.seat($0, .member, at: F.committee) }
        let standing = Self.seat(9, .standingMember, at: F.committee)
        #expect(Self.reasons(standing, kind: .grassrootsCommittee, officials: 300, seats: seven)
            == [.committeeTooSmallForStanding(members: 8, threshold: 9)])
        let eight = seven + [Self.seat(8, .member, at: F.committee)]
        #expect(Self.reasons(standing, kind: .grassrootsCommittee, officials: 300, seats: eight).isEmpty)
        // Seats of the inspection commission are not members of the executive committee.
        let inspection = seven + [Self.seat(8, .member, at: F.committee, committee: .inspection)]
        #expect(Self.reasons(standing, kind: .grassrootsCommittee, officials: 300, seats: inspection)
            == [.committeeTooSmallForStanding(members: 8, threshold: 9)])
        // A đảng bộ's committee is not held to the cell's 7; its inspection commission has a chair.
        #expect(Self.reasons(Self.seat(20, .member, at: F.committee), kind: .grassrootsCommittee, officials: 300,
                             seats: eight).isEmpty)
        let chair = Self.seat(30, .chair, at: F.committee, committee: .inspection)
        #expect(Self.reasons(chair, kind: .grassrootsCommittee, officials: 300).isEmpty)
        #expect(Self.reasons(Self.seat(31, .chair, at: F.committee, committee: .inspection), kind: .grassrootsCommittee,
                             officials: 300, seats: [chair]) == [.positionTaken(.chair)])
    }

    // MARK: - Terms

    static func term(_ from: String, _ to: String?, size: Int? = nil, at organization: OrganizationID = F.cellA) -> CommitteeTerm {
        CommitteeTerm(organization: organization, committee: .executive, name: "\(from.prefix(4))–\(to?.prefix(4) ?? "")",
                      validity: DayRange(start: F.day(from), end: to.map(F.day)), size: size)
    }

    @Test func aSeatFallsInATermAndWithinItsSize() {
        let terms = [Self.term("2020-03-01", "2022-06-15"), Self.term("2022-06-15", nil, size: 2)]
        #expect(Self.reasons(Self.seat(1, .secretary), officials: 20, terms: terms).isEmpty)
        #expect(Self.reasons(Self.seat(2, .deputySecretary), officials: 20, seats: [Self.seat(1, .secretary)], terms: terms).isEmpty)
        #expect(Self.reasons(Self.seat(3, .member), officials: 20, seats: [Self.seat(1, .secretary), Self.seat(2, .deputySecretary)],
                             terms: terms) == [.beyondTermSize(term: "2022–", size: 2)])
        // The day before the first term: outside every term.
        #expect(Self.reasons(Self.seat(1, .secretary, from: F.day("2020-02-29")), officials: 20, terms: terms) == [.outsideTerms])
        #expect(Self.reasons(Self.seat(1, .secretary, from: F.day("2020-03-01")), officials: 20, terms: terms).isEmpty)
    }

    @Test func aTermIsNamedHasItsDaysInOrderAndSharesNoDayWithAnother() {
        let first = Self.term("2020-03-01", "2025-03-01")
        #expect(first.violations(in: F.tree, others: []).isEmpty)
        #expect(Self.term("2025-03-01", nil).violations(in: F.tree, others: [first]).isEmpty)
        #expect(Self.term("2025-02-28", nil).violations(in: F.tree, others: [first]).map(\.reason)
            == [.overlaps(name: first.name, validity: first.validity)])
        #expect(Self.term("2020-03-01", "2020-03-01").violations(in: F.tree, others: []).map(\.reason) == [.endBeforeStart])
        #expect(Self.term("2020-03-01", nil, size: 7).violations(in: F.tree, others: []).isEmpty)
        #expect(Self.term("2020-03-01", nil, size: 8).violations(in: F.tree, others: []).map(\.reason)
            == [.sizeAboveCellMaximum(maximum: 7)])
        #expect(Self.term("2020-03-01", nil, size: 15, at: F.committee).violations(in: F.tree, others: []).isEmpty)
        #expect(Self.term("2020-03-01", nil, size: 0, at: F.committee).violations(in: F.tree, others: []).map(\.reason) == [.badSize])
        var inspection = Self.term("2020-03-01", nil)
        inspection.committee = .inspection
        #expect(inspection.violations(in: F.tree, others: []).map(\.reason) == [.noSuchCommittee(.subordinateCell)])
        // The late cell is dissolved on 1/1/2023: a term from that day has no organization.
        #expect(Self.term("2023-01-01", nil, at: F.lateCell).violations(in: F.tree, others: []).map(\.reason)
            == [.organizationNotExisting])
        #expect(Self.term("2022-12-31", nil, at: F.lateCell).violations(in: F.tree, others: []).isEmpty)
    }

    @Test func theMessagesCiteTheRuleInVietnamese() {
        let small = SeatViolation(seat: Self.seat(3, .member), reason: .cellTooSmallForCommittee(officialMembers: 8, threshold: 9),
                                  organizationCode: "DUK.01.01")
        #expect(small.message.contains("8 đảng viên chính thức, dưới 9"))
        #expect(small.message.contains("Quy định"))
        #expect(small.field == .position)
        let standing = SeatViolation(seat: Self.seat(3, .standingMember), reason: .committeeTooSmallForStanding(members: 8, threshold: 9),
                                     organizationCode: "DUK.01")
        #expect(standing.message.contains("Điều 22, khoản 5"))
    }

    // MARK: - A seat ends when its holder leaves

    static func end(_ events: [MembershipEvent], seat: CommitteeSeat) throws -> CommitteeSeat.EndReasonDay? {
        try seat.end(holderPeriods: F.journal(events).periods, tree: F.tree).map { CommitteeSeat.EndReasonDay(day: $0.day, reason: $0.reason) }
    }

    @Test func aSeatEndsOnTheDayItsHolderLeavesTheOrganization() throws {
        let seat = Self.seat(1, .member, at: F.committee)
        let arrived = F.event(.transferredIn, "2020-01-01", F.cellA)
        #expect(try Self.end([arrived], seat: seat) == nil)
        // A move between two cells of the organization keeps the seat; a move out of it ends it that day.
        #expect(try Self.end([arrived, F.event(.moved, "2023-02-01", F.cellB)], seat: seat) == nil)
        #expect(try Self.end([arrived, F.event(.moved, "2023-02-01", F.cellC)], seat: seat)
            == .init(day: F.day("2023-02-01"), reason: .holderLeft))
        #expect(try Self.end([arrived, F.event(.moved, "2023-02-01", F.cellB), F.event(.moved, "2023-05-01", F.cellC)], seat: seat)
            == .init(day: F.day("2023-05-01"), reason: .holderLeft))
        for kind in [EventKind.transferredOut, .died, .removed, .expelled, .withdrew] {
            #expect(try Self.end([arrived, F.event(kind, "2024-03-10")], seat: seat) == .init(day: F.day("2024-03-10"), reason: .holderLeft))
        }
        // A recorded end before the holder leaves wins; on the same day the recorded end names the reason.
        var ended = seat
        ended.validity.end = F.day("2024-03-09")
        #expect(try Self.end([arrived, F.event(.died, "2024-03-10")], seat: ended) == .init(day: F.day("2024-03-09"), reason: .recorded))
        ended.validity.end = F.day("2024-03-10")
        #expect(try Self.end([arrived, F.event(.died, "2024-03-10")], seat: ended) == .init(day: F.day("2024-03-10"), reason: .recorded))
        ended.validity.end = F.day("2024-03-11")
        #expect(try Self.end([arrived, F.event(.died, "2024-03-10")], seat: ended) == .init(day: F.day("2024-03-10"), reason: .holderLeft))
    }

    @Test func aSeatEndsWithItsOrganization() throws {
        let seat = Self.seat(1, .secretary, at: F.lateCell, from: F.day("2022-01-01"))
        #expect(try Self.end([F.event(.transferredIn, "2021-07-01", F.lateCell), F.event(.moved, "2023-01-01", F.cellC)], seat: seat)
            == .init(day: F.day("2023-01-01"), reason: .organizationDissolved))
    }
}

extension CommitteeSeat {
    /// The end of a seat as a comparable value, for the tests.
    struct EndReasonDay: Equatable {
        var day: Day
        var reason: EndReason
    }
}
