import DangBoCore
import DangBoInterchange
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import SQLKit
import Testing

/// A meeting's minutes corrected or deleted through the store: a locked write that replaces the meeting's rows and
/// says in its audit entry what changed and why, so that the review's figures and the compliance view follow the
/// next time they are asked; a refused correction or deletion writes nothing; an imported meeting is corrected the
/// same way; on SQLite and PostgreSQL.
@Suite struct MeetingMinutesTests {
    /// A registry without generated meetings: the figures of the tests are the tests' own meetings.
    static let synthetic = SyntheticRegistry(options: .init(seed: 5, grassroots: 4, members: 200, meetingYears: 0))
    static let days = ["2026-01-15", "2026-02-16", "2026-03-16"].map { Day(iso: $0)! }
    static let quarter = (Day(iso: "2026-01-01")!, Day(iso: "2026-03-31")!)

    /// The rows of meetings, attendance lines and audit entries.
    static func count(_ store: Store) async throws -> [Int] {
        var counts: [Int] = []
        for table in ["meetings", "meeting_attendance", "audit_entries", "meeting_revisions", "meeting_revision_attendance"] {
            counts.append(try await store.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self))
        }
        return counts
    }

    /// A cell with at least three members on its rolls on each of `days`, those members (the same on each day), another
    /// cell of that quarter, and a member of that other cell.
    static func fixture(_ registry: Registry) -> (cell: OrganizationID, members: [MemberID], other: OrganizationID, stranger: MemberID) {
        func cells() -> [OrganizationID] {
            registry.tree.organizations.values.filter { organization in days.allSatisfy { organization.version(on: $0)?.kind.isCell == true } }
                .map(\.id).sorted()
        }
        func roll(_ cell: OrganizationID) -> [MemberID] {
            registry.journals.values.filter { journal in days.allSatisfy { journal.period(on: $0)?.cell == cell } }
                .map(\.member.id).sorted()
        }
        let cell = cells().first { roll($0).count >= 3 }!
        let other = cells().first { $0 != cell && !roll($0).isEmpty }!
        return (cell, roll(cell), other, roll(other)[0])
    }

    /// A regular meeting of `cell` on `day`: `absent` absent without reason, every other member present.
    static func meeting(_ cell: OrganizationID, _ day: Day, _ members: [MemberID], absent: MemberID) -> Meeting {
        Meeting(reference: "", cell: cell, kind: .regular, held: day, durationMinutes: 120,
                attendance: members.map { Attendance(member: $0, status: $0 == absent ? .absentUnexcused : .present) },
                chair: members[1], agenda: "Kiểm điểm công tác tháng.", resolution: "Thống nhất.")
    }

    @Test func aCorrectionChangesTheReviewAndTheComplianceViewTheNextTimeTheyAreAsked() async throws {
        let (change, registry) = Self.synthetic.change()
        let (cell, members, _, _) = Self.fixture(registry)
        let absent = members[0]
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let scope = Scope(roots: [cell])
            var references: [String] = []
            for day in Self.days {
                references.append(try await store.recordMeeting(Self.meeting(cell, day, members, absent: absent), in: scope, actor: "bithu"))
            }
            let (from, to) = Self.quarter
            var review = try await store.review(of: cell, from: from, to: to)
            #expect(review.meetings.regular == 3 && review.meetings.thematic == 0 && review.meetings.cellsWithoutMonthlyMeeting == 0)
            #expect(try await store.meetingCompliance(of: cell, from: from, to: to).absentees
                == [MeetingCompliance.Absentee(member: absent, year: 2026, months: 3)])
            let rows = try await Self.count(store)
            // The meetings page lists the latest first, with their attendance.
            let listed = try await store.meetings(of: cell, from: from, to: to, limit: 2)
            #expect(listed.map(\.reference) == [references[2], references[1]] && listed.allSatisfy { $0.attendance.count == members.count })
            // Both plans (from the subtree's cells, from the period's meetings of the nation) list the same, from the
            // cell and from the root.
            for subtreeFirst in [true, false] {
                #expect(try await store.meetings(of: cell, from: from, to: to, limit: 2, startFromSubtree: subtreeFirst) == listed)
                #expect(try await store.meetings(of: Self.synthetic.organizations[0].id, from: from, to: to, limit: 2, startFromSubtree: subtreeFirst)
                    == listed)
                #expect(try await store.meetingCompliance(of: cell, from: from, to: to, startFromSubtree: subtreeFirst).absentees
                    == [MeetingCompliance.Absentee(member: absent, year: 2026, months: 3)])
            }

            // February's absence was excused: the member is no longer absent without reason 3 months of the year.
            var february = try #require(try await store.meeting(references[1], in: scope))
            february.attendance[february.attendance.firstIndex { $0.member == absent }!].status = .absentExcused
            try await store.correctMeeting(references[1], to: february, reason: "Đồng chí đã báo ốm trước buổi họp.",
                                           in: scope, actor: "bithu")
            #expect(try await store.meetingCompliance(of: cell, from: from, to: to).absentees.isEmpty)
            #expect(try await store.meeting(references[1], in: scope) == february)
            var entry = try #require(try await store.auditEntries(limit: 1).first)
            #expect(entry.action == "meeting.correct" && entry.actor == "bithu")
            #expect(entry.details["meeting"] == references[1] && entry.details["organization"] == "\(cell.rawValue)")
            #expect(entry.details["day"] == "2026-02-16" && entry.details["attendance"] == "\(members.count)")
            #expect(entry.details["attendance.changed"] == "\(absent.rawValue):absent_unexcused → absent_excused")
            #expect(entry.details["reason"] == "Đồng chí đã báo ốm trước buổi họp.")
            #expect(entry.details["attendance.added"] == nil && entry.details["attendance.removed"] == nil && entry.details["kind"] == nil)

            // March's was a thematic meeting of 75 minutes: the counts move, March lacks a regular meeting, and the
            // meeting is short. Its reference is kept (whatever the corrected minutes say), its rows replaced.
            var march = try #require(try await store.meeting(references[2], in: scope))
            march.kind = .thematic
            march.durationMinutes = 75
            march.reference = "KHAC"
            march.agenda = "Học tập chuyên đề năm 2026."
            try await store.correctMeeting(references[2], to: march, reason: "Ghi nhầm loại buổi sinh hoạt.", in: scope, actor: "bithu")
            review = try await store.review(of: cell, from: from, to: to)
            #expect(review.meetings.regular == 2 && review.meetings.thematic == 1 && review.meetings.cellsWithoutMonthlyMeeting == 1)
            let compliance = try await store.meetingCompliance(of: cell, from: from, to: to)
            #expect(compliance.withoutRegular.map(\.from) == [Day(iso: "2026-03-01")!])
            #expect(compliance.short.map(\.reference) == [references[2]])
            #expect(try await store.meeting("KHAC", in: scope) == nil)
            entry = try #require(try await store.auditEntries(limit: 1).first)
            #expect(entry.details["kind"] == "regular → thematic" && entry.details["duration"] == "120 → 75")
            #expect(entry.details["agenda"] == "changed" && entry.details["attendance.changed"] == nil)
            #expect(!entry.details.values.contains { $0.contains("chuyên đề") }, "the agenda's text stays out of the trail")
            // The same rows, two audit entries more; the Core twin agrees with the SQL report.
            #expect(try await Array(Self.count(store).prefix(4)) == [rows[0], rows[1], rows[2] + 2, rows[3] + 2])
            let loaded = try await store.loadRegistry()
            #expect(loaded.meetingCompliance(of: cell, from: from, to: to) == compliance)
        }
    }

    @Test func aRefusedCorrectionOrDeletionWritesNothing() async throws {
        let (change, registry) = Self.synthetic.change()
        let (cell, members, other, stranger) = Self.fixture(registry)
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let scope = Scope(roots: [cell])
            let recorded = Self.meeting(cell, Self.days[0], members, absent: members[0])
            let reference = try await store.recordMeeting(recorded, in: scope, actor: "bithu")
            let stored = try #require(try await store.meeting(reference, in: scope))
            let before = try await Self.count(store)

            func refused(_ expected: MeetingRefusal, _ corrected: Meeting, reference: String = reference, reason: String = "Sửa.",
                         in callerScope: Scope = scope, sourceLocation: SourceLocation = #_sourceLocation) async throws {
                await #expect(throws: expected, sourceLocation: sourceLocation) {
                    try await store.correctMeeting(reference, to: corrected, reason: reason, in: callerScope, actor: "bithu")
                }
                #expect(try await Self.count(store) == before, sourceLocation: sourceLocation)
                #expect(try await store.meeting(stored.reference, in: scope) == stored, sourceLocation: sourceLocation)
            }
            var longer = stored
            longer.durationMinutes = 150
            try await refused(.unknownMeeting("SH-KHONG-CO"), longer, reference: "SH-KHONG-CO")
            // The stored meeting outside the caller's scope, or the corrected one.
            try await refused(.outsideScope, longer, in: Scope(roots: [other]))
            var moved = longer
            moved.cell = other
            moved.attendance = [Attendance(member: stranger, status: .present)]
            try await refused(.outsideScope, moved)
            let root = Self.synthetic.organizations[0]
            moved.cell = root.id
            try await refused(.notACell(code: root.code, day: Self.days[0]), moved, in: Scope(roots: [root.id]))
            try await refused(.noReason, longer, reason: " \n")
            // Unchanged: the same minutes, their lines in another order, under another reference.
            var same = stored
            same.attendance.reverse()
            same.reference = "KHAC"
            try await refused(.unchanged, same)
            // The rules of new minutes: every member once, on the rolls but a guest.
            let names = try await store.memberNames(of: [stranger, members[0]])
            var outsider = longer
            outsider.attendance.append(Attendance(member: stranger, status: .present))
            try await refused(.notOnTheRolls(name: names[stranger]!), outsider)
            var twice = longer
            twice.attendance.append(Attendance(member: members[0], status: .present))
            try await refused(.listedTwice(name: names[members[0]]!), twice)
            // A guest from another cell is no refusal.
            outsider.attendance[outsider.attendance.count - 1].status = .guest
            try await store.correctMeeting(reference, to: outsider, reason: "Bổ sung đảng viên sinh hoạt tạm thời.", in: scope, actor: "bithu")
            #expect(try await Array(Self.count(store).prefix(4)) == [before[0], before[1] + 1, before[2] + 1, before[3] + 1])

            // A deletion: unknown, outside the scope or without a reason, refused; nothing written.
            let now = try await Self.count(store)
            await #expect(throws: MeetingRefusal.unknownMeeting("SH-KHONG-CO")) {
                try await store.deleteMeeting("SH-KHONG-CO", reason: "Ghi trùng.", in: scope, actor: "bithu")
            }
            await #expect(throws: MeetingRefusal.outsideScope) {
                try await store.deleteMeeting(reference, reason: "Ghi trùng.", in: Scope(roots: [other]), actor: "bithu")
            }
            await #expect(throws: MeetingRefusal.noReason) { try await store.deleteMeeting(reference, reason: "", in: scope, actor: "bithu") }
            #expect(try await Self.count(store) == now)
        }
    }

    /// A meeting imported from `meetings.csv` (its attendance partial, as the files allow) is corrected like one
    /// recorded on the form, then deleted as recorded twice: the audit entries say what, by member id, and why.
    @Test func anImportedMeetingIsCorrectedThenDeletedWithItsReason() async throws {
        let (change, registry) = Self.synthetic.change()
        let (cell, members, other, stranger) = Self.fixture(registry)
        let code = registry.tree[cell]!.code
        func nationalID(_ id: MemberID) -> String { registry.members[id]!.nationalID }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-meetings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("""
            meeting_ref,organization_code,kind,held_on,duration_minutes
            BB-01/2026,\(code),regular,15/01/2026,120

            """.utf8).write(to: folder.appendingPathComponent("meetings.csv"))
        try Data("""
            meeting_ref,national_id,status
            BB-01/2026,\(nationalID(members[0])),present
            BB-01/2026,\(nationalID(members[1])),absent_unexcused

            """.utf8).write(to: folder.appendingPathComponent("attendance.csv"))
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let summary = try await store.importData(at: folder, actor: "vanphong", today: Day(iso: "2026-11-26")!)
            #expect(summary.meetings == 1 && summary.attendance == 2)
            let scope = Scope(roots: [cell])
            var corrected = try #require(try await store.meeting("BB-01/2026", in: scope))
            let imported = corrected
            #expect(corrected.attendance.map(\.member) == [members[0], members[1]].sorted())
            let before = try await Self.count(store)

            corrected.attendance = [Attendance(member: members[1], status: .absentUnexcused), Attendance(member: members[2], status: .present),
                                    Attendance(member: stranger, status: .guest)]
            corrected.chair = members[2]
            try await store.correctMeeting("BB-01/2026", to: corrected, reason: "Biên bản gốc ghi thiếu.", in: scope, actor: "bithu")
            #expect(try await Self.count(store) == [before[0], before[1] + 1, before[2] + 1, before[3] + 1, before[4] + 2])
            // The minutes as imported are kept beside the correction, with why and by whom (UX: the page shows both).
            let revisions = try await store.meetingRevisions(of: "BB-01/2026", in: scope)
            #expect(revisions.map(\.meeting) == [imported] && revisions.map(\.reason) == ["Biên bản gốc ghi thiếu."])
            #expect(revisions.map(\.action) == [.correct] && revisions.map(\.actor) == ["bithu"])
            #expect(try await store.meetingRevisions(of: "BB-01/2026", in: Scope(roots: [other])).isEmpty)
            let entry = try #require(try await store.auditEntries(limit: 1).first)
            #expect(entry.details["attendance.added"]
                == [(members[2], "present"), (stranger, "guest")].sorted { $0.0 < $1.0 }.map { "\($0.0.rawValue):\($0.1)" }.joined(separator: ", "))
            #expect(entry.details["attendance.removed"] == "\(members[0].rawValue):present")
            #expect(entry.details["chair"] == "— → \(members[2].rawValue)" && entry.details["attendance"] == "2 → 3")
            // Ids only: no name or national ID of those listed.
            let people = [members[0], members[1], members[2], stranger].map { registry.members[$0]! }
            #expect(!entry.details.values.contains { value in people.contains { value.contains($0.nationalID) || value.contains($0.fullName) } })
            let (from, to) = Self.quarter
            #expect(try await store.meetingFigures(of: cell, from: from, to: to).regular == 1)

            try await store.deleteMeeting("BB-01/2026", reason: "Ghi trùng với biên bản SH-01.", in: scope, actor: "bithu")
            #expect(try await Self.count(store) == [before[0] - 1, before[1] - 2, before[2] + 2, before[3] + 2, before[4] + 5])
            let deletedMinutes = try await store.deletedMeetings(of: cell, from: from, to: to, in: scope)
            #expect(deletedMinutes.map(\.meeting) == [corrected.sortedForTest] && deletedMinutes.map(\.action) == [.delete])
            #expect(try await store.meetingRevisions(of: "BB-01/2026", in: scope).map(\.action) == [.delete, .correct])
            #expect(try await store.meeting("BB-01/2026", in: scope) == nil)
            #expect(try await store.meetingFigures(of: cell, from: from, to: to).regular == 0)
            let deleted = try #require(try await store.auditEntries(limit: 1).first)
            #expect(deleted.action == "meeting.delete" && deleted.details["reason"] == "Ghi trùng với biên bản SH-01.")
            #expect(deleted.details["meeting"] == "BB-01/2026" && deleted.details["kind"] == "regular" && deleted.details["day"] == "2026-01-15")
            #expect(deleted.details["attendance.removed"] == corrected.attendance.sorted { $0.member < $1.member }
                .map { "\($0.member.rawValue):\($0.status.rawValue)" }.joined(separator: ", "))
        }
    }
}

private extension Meeting {
    /// The minutes as the store gives them back: attendance in member order.
    var sortedForTest: Meeting {
        var meeting = self
        meeting.attendance.sort { $0.member < $1.member }
        return meeting
    }
}
