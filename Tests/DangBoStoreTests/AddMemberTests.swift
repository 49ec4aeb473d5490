import DangBoCore
@testable import DangBoStore
import Foundation
import SQLKit
import Testing

/// A new person onto the rolls: written with the first event, periods, name index and audit entry together, found by
/// the accent-insensitive search at once; refused whole on a national ID already stored (naming only the holder's
/// cell), a cell outside the caller's scope, a first event that enters no cell, or a broken rule of Core.
@Suite struct AddMemberTests {
    static let day = Day(iso: "2025-06-01")!

    /// The counts "nothing written" compares: members, events, periods, audit entries.
    static func counts(_ store: Store) async throws -> [Int] {
        var counts: [Int] = []
        for table in ["members", "membership_events", "membership_periods", "audit_entries"] {
            counts.append(try await WriteTests.count(table, store))
        }
        return counts
    }

    /// VD with cells VD.01 and VD.02, and Nguyễn Văn An (CCCD 001085012345) admitted to VD.01.
    static func seed(_ store: Store) async throws -> (root: OrganizationID, first: OrganizationID, second: OrganizationID) {
        _ = try await WriteTests.importFolder([
            "organizations.csv": WriteTests.organizations,
            "members.csv": "national_id,full_name,gender,birth_date\n001085012345,Nguyễn Văn An,nam,1985-04-12\n",
            "events.csv": "national_id,kind,effective_on,organization_code\n001085012345,admitted,2020-03-15,VD.01\n",
        ], into: store)
        let root = try #require(try await store.organization(code: "VD", on: day)).id
        let first = try #require(try await store.organization(code: "VD.01", on: day)).id
        let second = try #require(try await store.organization(code: "VD.02", on: day)).id
        return (root, first, second)
    }

    static func person(_ nationalID: String = "001090000001", birth: String = "2007-03-01") -> Member {
        Member(id: MemberID(0), nationalID: nationalID, familyName: "Trần", middleName: "Thị", givenName: "Bình",
               gender: .female, birthDate: Day(iso: birth)!, ethnicity: "Tày")
    }

    static func admission(into cell: OrganizationID, votedOn: String) -> MembershipEvent {
        MembershipEvent(member: MemberID(0), kind: .admitted, effective: Day(iso: "2025-05-19")!, organization: cell,
                        decision: Decision(number: "15-QĐ/ĐUK", date: Day(iso: "2025-05-10")!), votedOn: Day(iso: votedOn)!)
    }

    @Test func aNewMemberIsWrittenWholeAndFoundWithoutToneMarks() async throws {
        try await TestDatabases.each { store in
            let (root, _, second) = try await Self.seed(store)
            let before = try await Self.counts(store)
            let id = try await store.addMember(Self.person(), firstEvent: Self.admission(into: second, votedOn: "2025-03-01"),
                                               in: Scope(roots: [root]), actor: "account#1")
            #expect(try await Self.counts(store) == zip(before, [1, 1, 1, 1]).map(+))
            let record = try #require(try await store.memberRecord(id, in: Scope(roots: [second]), asOf: Self.day))
            #expect(record.member.fullName == "Trần Thị Bình" && record.member.ethnicity == "Tày")
            #expect(record.journal.period(on: Self.day)?.standing == .probationary)
            #expect(record.journal.events.first?.votedOn == Day(iso: "2025-03-01"))
            let audit = try #require(try await store.auditEntries(limit: 1).first)
            #expect(audit.action == "member.add" && audit.details["member"] == "\(id.rawValue)")
            #expect(!audit.summary.contains("Bình") && !audit.details.values.contains("001090000001"))
            // Found at once, without tone marks: the list's LIKE and the trigram index (M0010's pending names).
            let list = try await store.memberList(MemberListQuery(asOf: Self.day, text: "tran thi binh"), in: Scope(roots: [root]))
            #expect(list.rows.map(\.member.id) == [id])
            let found = try await store.members(matching: "tran thi binh", in: root, asOf: Self.day, limit: 10,
                                                plan: .trigrams(lookupLimit: 1))
            #expect(found.map(\.id) == [id])
        }
    }

    @Test func aNationalIDAlreadyStoredIsRefusedNamingOnlyTheCell() async throws {
        try await TestDatabases.each { store in
            let (root, _, second) = try await Self.seed(store)
            let before = try await Self.counts(store)
            // Written as a spreadsheet lost its zeros, it is the same CCCD.
            await #expect(throws: AddMemberRefusal.nationalIDTaken(cellCode: "VD.01")) {
                try await store.addMember(Self.person("001085012345"), firstEvent: Self.admission(into: second, votedOn: "2025-03-01"),
                                          in: Scope(roots: [root]), actor: "account#1")
            }
            await #expect(throws: NationalIDViolation.self) {
                try await store.addMember(Self.person("1085012345"), firstEvent: Self.admission(into: second, votedOn: "2025-03-01"),
                                          in: Scope(roots: [root]), actor: "account#1")
            }
            #expect(try await Self.counts(store) == before)
        }
    }

    @Test func aCellOutsideTheScopeOrAnEventThatEntersNoCellIsRefused() async throws {
        try await TestDatabases.each { store in
            let (_, first, second) = try await Self.seed(store)
            let before = try await Self.counts(store)
            await #expect(throws: AddMemberRefusal.cellOutsideScope) {
                try await store.addMember(Self.person(), firstEvent: Self.admission(into: second, votedOn: "2025-03-01"),
                                          in: Scope(roots: [first]), actor: "account#1")
            }
            await #expect(throws: AddMemberRefusal.notAnArrival(.moved)) {
                try await store.addMember(Self.person(), firstEvent: MembershipEvent(
                    member: MemberID(0), kind: .moved, effective: Self.day, organization: first), in: Scope(roots: [first]), actor: "account#1")
            }
            #expect(try await Self.counts(store) == before)
        }
    }

    /// Admission age is counted on the cell's vote (QĐ 24-QĐ/TW §1.1): born 1/3/2007, the day before the 18th
    /// birthday is refused on the vote's field with nothing written; the birthday itself is taken.
    @Test(arguments: [("2025-02-28", false), ("2025-03-01", true)])
    func theAdmissionAgeIsCountedOnTheVote(votedOn: String, accepted: Bool) async throws {
        try await TestDatabases.each { store in
            let (root, _, second) = try await Self.seed(store)
            let before = try await Self.counts(store)
            do {
                _ = try await store.addMember(Self.person(), firstEvent: Self.admission(into: second, votedOn: votedOn),
                                              in: Scope(roots: [root]), actor: "account#1")
                #expect(accepted)
                #expect(try await Self.counts(store) == zip(before, [1, 1, 1, 1]).map(+))
            } catch let violation as JournalViolation {
                #expect(!accepted)
                #expect(violation.field == .votedOn)
                #expect(try await Self.counts(store) == before)
            }
        }
    }

    @Test func theCellsOfAScopeAreListedByCode() async throws {
        try await TestDatabases.each { store in
            let (root, first, second) = try await Self.seed(store)
            #expect(try await store.cells(in: Scope(roots: [root]), on: Self.day).map(\.id) == [first, second])
            #expect(try await store.cells(in: Scope(roots: [first]), on: Self.day).map(\.id) == [first])
            #expect(try await store.cells(in: Scope(roots: [root]), on: Self.day, limit: 1).count == 2)
            #expect(try await store.cells(in: Scope(roots: []), on: Self.day).isEmpty)
        }
    }
}
