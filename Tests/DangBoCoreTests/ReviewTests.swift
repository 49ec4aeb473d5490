import Testing
@testable import DangBoCore

/// A hand-computed quarter: every figure of the review checked against what a secretary would count on paper.
@Suite struct ReviewTests {
    typealias F = Fixture

    static func registry(reparentCellB: Bool = false) throws -> Registry {
        var tree = F.tree
        if reparentCellB {
            tree.insert(Organization(id: OrganizationID(7), code: "DUK.04", versions: [OrganizationVersion(
                validity: DayRange(start: F.day("1990-01-01"), end: nil), name: "DUK.04", kind: .grassrootsCommittee, parent: F.bloc)]))
            tree.insert(Organization(id: F.cellB, code: "DUK.01.02", versions: [
                OrganizationVersion(validity: DayRange(start: F.day("1990-01-01"), end: F.day("2021-02-01")), name: "B",
                                    kind: .subordinateCell, parent: F.committee),
                OrganizationVersion(validity: DayRange(start: F.day("2021-02-01"), end: nil), name: "B",
                                    kind: .subordinateCell, parent: OrganizationID(7)),
            ]))
        }
        #expect(tree.violations().isEmpty)
        var registry = Registry(tree: tree)
        let journals: [Int: [MembershipEvent]] = [
            1: [F.event(.transferredIn, "2010-01-01", F.cellA, member: 1), F.event(.moved, "2021-02-10", F.cellC, member: 1)],
            2: [F.event(.admitted, "2021-01-20", F.cellB, member: 2)],
            3: [F.event(.transferredIn, "2015-01-01", F.cellC, member: 3), F.event(.died, "2021-03-31", member: 3)],
            4: [F.event(.transferredIn, "2021-03-01", F.cellA, member: 4)],
            5: [F.event(.transferredIn, "2012-01-01", F.cellB, member: 5), F.event(.transferredOut, "2021-01-01", member: 5)],
            6: [F.event(.admitted, "2020-01-15", F.cellA, member: 6), F.event(.recognizedOfficial, "2021-01-15", member: 6)],
            7: [F.event(.temporaryIn, "2021-02-01", F.cellC, member: 7)],
        ]
        for (id, events) in journals { try registry.record(F.member(id), events: events) }
        registry.seats = [
            CommitteeSeat(organization: F.committee, committee: .executive, member: MemberID(1), position: .member,
                          source: .conference, validity: DayRange(start: F.day("2021-02-01"), end: nil)),
            CommitteeSeat(organization: F.cellC, committee: .executive, member: MemberID(3), position: .secretary,
                          source: .congress, validity: DayRange(start: F.day("2021-01-05"), end: nil)),
        ]
        registry.cases = [
            OversightCase(reference: "R1", activity: .supervision, mode: .regular, conductor: .committee,
                          conductorOrganization: F.committee, started: F.day("2021-02-15"),
                          subjects: [.member(MemberID(1)), .member(MemberID(6)), .organization(F.cellA)]),
            OversightCase(reference: "R2", activity: .supervision, mode: .regular, conductor: .committee,
                          conductorOrganization: F.committee, started: F.day("2021-03-31"), subjects: [.member(MemberID(1))]),
            OversightCase(reference: "R3", activity: .supervision, mode: .regular, conductor: .inspectionCommission,
                          conductorOrganization: F.committee, started: F.day("2020-12-31"), subjects: [.member(MemberID(4))]),
        ]
        return registry
    }

    @Test func quarterOfTheBloc() throws {
        let review = try Self.registry().review(of: F.bloc, from: F.day("2021-01-01"), to: F.day("2021-03-31"))
        #expect(review.members.atStart == 4)
        #expect(review.members.total == 4)
        #expect(review.members.official == 3)
        #expect(review.members.probationary == 1)
        #expect(review.movements.admitted == 1)
        #expect(review.movements.transferredIn == 1)
        #expect(review.movements.transferredOut == 1)
        #expect(review.movements.transfers == 2)
        #expect(review.movements.movedInternally == 1)
        #expect(review.movements.died == 1)
        #expect(review.movements.recognizedOfficial == 1)
        #expect(review.organizations.grassroots == 2)
        #expect(review.organizations.established == 0)
        #expect(review.committees.consolidated == 1)
        #expect(review.oversight(.supervision, .regular, .committee) == Review.SubjectCounts(cases: 2, organizations: 1, members: 2))
        #expect(review.oversight(.supervision, .regular, .inspectionCommission) == Review.SubjectCounts())
        #expect(review.balance.holds)
    }

    @Test func aMoveOutOfASubtreeIsATransferOutOfIt() throws {
        let review = try Self.registry().review(of: F.committee, from: F.day("2021-01-01"), to: F.day("2021-03-31"))
        #expect(review.members.atStart == 3)
        #expect(review.members.total == 3)
        #expect(review.movements.transferredOut == 2)
        #expect(review.movements.movedInternally == 0)
        #expect(review.balance.holds)
    }

    @Test func aCellMovedAwayTakesItsMembersAlong() throws {
        let review = try Self.registry(reparentCellB: true).review(of: F.committee, from: F.day("2021-01-01"), to: F.day("2021-03-31"))
        #expect(review.members.atStart == 3)
        #expect(review.members.total == 2)
        #expect(review.movements.admitted == 1)
        #expect(review.movements.reorganizedOut == 1)
        #expect(review.balance == Review.Balance(atStart: 3, inflow: 2, outflow: 3, atEnd: 2))
        #expect(review.balance.holds)
    }

    @Test(arguments: [("2021-03-30", 5), ("2021-03-31", 4), ("2021-04-01", 4)])
    func deathCountsFromItsDay(day: String, headCount: Int) throws {
        #expect(try Self.registry().statistics(of: F.bloc, asOf: F.day(day)).members.total == headCount)
    }

    @Test func statisticsBreakDown() throws {
        let statistics = try Self.registry().statistics(of: F.bloc, asOf: F.day("2021-03-31"))
        #expect(statistics.organizations.byKind["subordinate_cell"] == 2)
        #expect(statistics.organizations.total == 5)  // DUK.03 is not yet established
        #expect(statistics.members.byGender["nam"] == 4)
        #expect(statistics.members.byAgeBand["18-30"] == 4)  // born 15/5/1990: 30 on 31/3/2021
        #expect(statistics.members.ethnicMinority == 0)
    }
}

@Suite struct OrganizationTreeTests {
    typealias F = Fixture

    @Test func ancestryIsMaximalAndIncludesItself() {
        let links = F.tree.ancestry()
        let cellA = links.filter { $0.descendant == F.cellA }
        #expect(Set(cellA.map(\.ancestor)) == [F.cellA, F.committee, F.bloc])
        #expect(cellA.first { $0.ancestor == F.cellA }?.depth == 0)
        #expect(cellA.first { $0.ancestor == F.bloc }?.depth == 2)
    }

    @Test func reparentingSplitsTheAncestry() throws {
        let tree = try ReviewTests.registry(reparentCellB: true).tree
        let underCommittee = tree.ancestry().filter { $0.descendant == F.cellB && $0.ancestor == F.committee }
        #expect(underCommittee.map(\.validity) == [DayRange(start: F.day("1990-01-01"), end: F.day("2021-02-01"))])
        let underBloc = tree.ancestry().filter { $0.descendant == F.cellB && $0.ancestor == F.bloc }
        #expect(underBloc.map(\.validity) == [DayRange(start: F.day("1990-01-01"), end: nil)])
        #expect(!tree.isWithin(F.cellB, root: F.committee, on: F.day("2021-02-01")))
        #expect(tree.isWithin(F.cellB, root: F.committee, on: F.day("2021-01-31")))
    }

    @Test func structuralRules() {
        var tree = F.tree
        tree.insert(Organization(id: OrganizationID(20), code: "X", versions: [OrganizationVersion(
            validity: DayRange(start: F.day("1980-01-01"), end: nil), name: "X", kind: .subordinateCell, parent: F.committee)]))
        tree.insert(Organization(id: OrganizationID(21), code: "Y", versions: [OrganizationVersion(
            validity: DayRange(start: F.day("2000-01-01"), end: nil), name: "Y", kind: .subordinateCell, parent: F.bloc)]))
        let reasons = tree.violations().map(\.reason)
        #expect(reasons.contains(.parentMissing("DUK.01")))
        #expect(reasons.contains(.kindNotAllowed(.subordinateCell, parent: .upperCommittee, parentCode: "DUK")))
    }
}
