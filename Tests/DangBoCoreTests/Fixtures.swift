import Foundation
@testable import DangBoCore

/// A small fixed tree: a bloc with a grassroots committee (two subordinate cells) and a grassroots cell; a third cell
/// established on 1/7/2021 and dissolved on 1/1/2023.
enum Fixture {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    static let bloc = OrganizationID(1), committee = OrganizationID(2), cellA = OrganizationID(3)
    static let cellB = OrganizationID(4), cellC = OrganizationID(5), lateCell = OrganizationID(6)

    static var tree: OrganizationTree {
        func org(_ id: OrganizationID, _ code: String, _ kind: OrganizationKind, _ parent: OrganizationID?,
                 from: String = "1990-01-01", to: String? = nil) -> Organization {
            Organization(id: id, code: code, versions: [OrganizationVersion(
                validity: DayRange(start: day(from), end: to.map(day)), name: code, kind: kind, parent: parent)])
        }
        return OrganizationTree([
            org(bloc, "DUK", .upperCommittee, nil),
            org(committee, "DUK.01", .grassrootsCommittee, bloc),
            org(cellA, "DUK.01.01", .subordinateCell, committee),
            org(cellB, "DUK.01.02", .subordinateCell, committee),
            org(cellC, "DUK.02", .grassrootsCell, bloc),
            org(lateCell, "DUK.03", .grassrootsCell, bloc, from: "2021-07-01", to: "2023-01-01"),
        ])
    }

    static func member(_ id: Int = 1, born: String = "1990-05-15") -> Member {
        Member(id: MemberID(id), nationalID: String(format: "%012d", id), familyName: "Nguyễn", middleName: "Văn",
               givenName: "An", gender: .male, birthDate: day(born))
    }

    static func event(_ kind: EventKind, _ effective: String, _ cell: OrganizationID? = nil, member: Int = 1,
                      decided: String? = nil) -> MembershipEvent {
        MembershipEvent(member: MemberID(member), kind: kind, effective: day(effective), organization: cell,
                        decision: decided.map { Decision(number: "1-QĐ/ĐUK", date: day($0)) })
    }

    static func journal(_ events: [MembershipEvent], member: Member = member()) throws(JournalViolation) -> Journal {
        try Journal(member: member, events: events, tree: tree)
    }

    static func violation(_ events: [MembershipEvent], member: Member = member()) -> JournalViolation.Reason? {
        do { _ = try journal(events, member: member); return nil } catch { return error.reason }
    }
}
