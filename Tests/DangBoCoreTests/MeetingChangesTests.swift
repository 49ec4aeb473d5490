@testable import DangBoCore
import Testing

/// What a correction of a meeting's minutes changes (the audit entry of `meeting.correct` says it): each field that
/// differs, each attendance line added, removed or changed by member; never the reference or the lines' order.
@Suite struct MeetingChangesTests {
    typealias F = Fixture
    static let a = MemberID(1), b = MemberID(2), c = MemberID(3)
    static let recorded = Meeting(
        reference: "SH-1", cell: F.cellA, kind: .regular, held: F.day("2022-03-15"), durationMinutes: 120,
        attendance: [Attendance(member: a, status: .present), Attendance(member: b, status: .absentUnexcused)],
        chair: a, agenda: "Nội dung", resolution: "Kết luận")

    static let corrections: [(String, @Sendable (inout Meeting) -> Void, [MeetingChanges.Field])] = [
        ("reference and order", { $0.reference = "X"; $0.attendance.reverse() }, []),
        ("cell", { $0.cell = F.cellB }, [.cell]),
        ("kind", { $0.kind = .thematic }, [.kind]),
        ("day", { $0.held = F.day("2022-03-16") }, [.held]),
        ("length", { $0.durationMinutes = 90 }, [.durationMinutes]),
        ("chair", { $0.chair = nil }, [.chair]),
        ("secretary", { $0.secretary = b }, [.secretary]),
        ("agenda", { $0.agenda += "." }, [.agenda]),
        ("resolution and kind", { $0.resolution = ""; $0.kind = .thematic }, [.kind, .resolution]),
    ]

    @Test(arguments: corrections.indices)
    func aFieldThatDiffersIsNamed(_ index: Int) {
        let (_, correct, fields) = Self.corrections[index]
        var corrected = Self.recorded
        correct(&corrected)
        let changes = Self.recorded.changes(to: corrected)
        #expect(changes.fields == fields)
        #expect(changes.added.isEmpty && changes.removed.isEmpty && changes.changed.isEmpty)
        #expect(changes.isEmpty == fields.isEmpty)
    }

    @Test func attendanceLinesAreComparedByMember() {
        var corrected = Self.recorded
        corrected.attendance = [Attendance(member: Self.c, status: .guest), Attendance(member: Self.b, status: .absentExcused)]
        let changes = Self.recorded.changes(to: corrected)
        #expect(changes.fields.isEmpty && !changes.isEmpty)
        #expect(changes.added == [Attendance(member: Self.c, status: .guest)])
        #expect(changes.removed == [Attendance(member: Self.a, status: .present)])
        #expect(changes.changed == [.init(member: Self.b, before: .absentUnexcused, after: .absentExcused)])
    }
}
