import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import SQLKit
import Testing
import VaporTesting

/// Sinh hoạt chi bộ in the web app (issue 11 points 4 and 5): a cell secretary records a month's meeting — the cell
/// and the day, then the roll, each present unless changed — in one post; bad input is refused on its field and
/// nothing is written; the compliance page shows it; another cell is out of reach.
@Suite struct MeetingPagesTests {
    static func meetings(_ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM meetings").first()!.decode(column: "n", as: Int.self)
    }

    /// A member of another cell attends (sinh hoạt tạm thời): named by citizen ID, recorded as a guest; a member of the
    /// roll named as a guest, or an unknown ID, is refused on the field with nothing written.
    @Test func aGuestFromAnotherCell() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cell = WebFixture.cell(in: registry)
            let day = Day(iso: "2026-10-20")!
            let roll = registry.journals.values.filter { $0.period(on: day)?.cell == cell.id }.map(\.member).sorted { $0.id < $1.id }
            let guest = try #require(registry.journals.values.sorted { $0.member.id < $1.member.id }
                .first { ($0.period(on: day)?.cell).map { $0 != cell.id } ?? false }?.member)
            let client = WebClient(app: app)
            _ = try await client.login("bithu", WebFixture.password)
            let before = try await Self.meetings(store)
            var fields = ["chi-bo": cell.code, "ngay": "20/10/2026", "loai": "regular", "thoi-luong": "120",
                          "khach": "\(roll[0].nationalID)"]
            let own = try await client.post(SiteURL.newMeeting.path, fields)
            #expect(own.status == .unprocessableEntity && own.body.string.contains("<p class=\"error\" id=\"loi-khach\">"))
            fields["khach"] = "999999999999"
            #expect(try await client.post(SiteURL.newMeeting.path, fields).status == .unprocessableEntity)
            #expect(try await Self.meetings(store) == before)
            fields["khach"] = guest.nationalID
            #expect(try await client.post(SiteURL.newMeeting.path, fields).status == .seeOther)
            let recorded = try #require(try await store.loadRegistry().meetings.last)
            #expect(recorded.attendance.first { $0.member == guest.id }?.status == .guest)
            #expect(recorded.attendance.count == roll.count + 1)
        }
    }

    @Test func aCellSecretaryRecordsAMonthsMeetingWithItsRoll() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cell = WebFixture.cell(in: registry)
            let day = Day(iso: "2026-10-15")!
            let roll = registry.journals.values.filter { $0.period(on: day)?.cell == cell.id }.map(\.member).sorted { $0.id < $1.id }
            let client = WebClient(app: app)
            _ = try await client.login("bithu", WebFixture.password)
            let first = try await client.get(SiteURL.newMeeting.path).body.string
            #expect(first.contains("value=\"\(cell.code)\"") && !first.contains("name=\"thoi-luong\""))
            let form = try await client.get(SiteURL.newMeeting.with(query: [("chi-bo", cell.code), ("ngay-hop", "15/10/2026")])).body.string
            #expect(form.contains("Điểm danh (\(roll.count) đảng viên)"), "\(form.suffix(2_000))")
            for member in roll { #expect(form.contains("name=\"dd-\(member.id.rawValue)\"")) }
            // An untouched "—" posts an empty value, never the dash (a browser posts an option's text when it has none).
            // NB: `value` written bare is the empty value in HTML.
            #expect(form.contains("<select name=\"chu-tri\" id=\"chu-tri\"><option value selected=\"selected\">—</option>"))
            let before = try await Self.meetings(store)

            var fields = ["chi-bo": cell.code, "ngay": "15/10/2026", "loai": "regular", "thoi-luong": "nửa ngày"]
            let bad = try await client.post(SiteURL.newMeeting.path, fields)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("<p class=\"error\" id=\"loi-thoi-luong\">"))
            #expect(try await Self.meetings(store) == before)

            fields["thoi-luong"] = "95"
            fields["chu-tri"] = "999999999"
            let stranger = try await client.post(SiteURL.newMeeting.path, fields)
            #expect(stranger.status == .unprocessableEntity && stranger.body.string.contains("<p class=\"error\" id=\"loi-chu-tri\">"))
            fields["chu-tri"] = ""
            fields["thu-ky"] = ""
            let unnamed = try await client.post(SiteURL.newMeeting.path, fields)
            #expect(unnamed.status == .seeOther, "\(unnamed.body.string.suffix(800))")
            fields["ngay"] = "16/10/2026"
            fields["chu-tri"] = "\(roll[1].id.rawValue)"
            fields["thu-ky"] = "\(roll[2].id.rawValue)"
            fields["noi-dung"] = "Kiểm điểm công tác tháng 10; triển khai nhiệm vụ tháng 11."
            fields["ket-luan"] = "Chi bộ thống nhất 100% các nội dung."
            fields["dd-\(roll[0].id.rawValue)"] = "absent_unexcused"
            let recorded = try await client.post(SiteURL.newMeeting.path, fields)
            #expect(recorded.status == .seeOther, "\(recorded.body.string.suffix(1_500))")
            #expect(try await Self.meetings(store) == before + 2)
            let lines = try await store.sql.raw("""
                SELECT member_id, status FROM meeting_attendance WHERE meeting_id = (SELECT MAX(id) FROM meetings) ORDER BY member_id
                """).all()
            #expect(lines.count == roll.count)
            #expect(try lines.first { try $0.decode(column: "member_id", as: Int.self) == roll[0].id.rawValue }?
                .decode(column: "status", as: String.self) == "absent_unexcused")
            #expect(try await store.auditEntries(limit: 1).first?.action == "meeting.record")
            let minutes = try #require(try await store.loadRegistry().meetings.last)
            #expect(minutes.chair == roll[1].id && minutes.secretary == roll[2].id && minutes.durationMinutes == 95)
            #expect(minutes.agenda == "Kiểm điểm công tác tháng 10; triển khai nhiệm vụ tháng 11." && minutes.resolution.hasPrefix("Chi bộ thống nhất"))

            // The page it leads to counts it with the cell's other meetings of the period; October is met by this cell.
            let location = try #require(recorded.headers.first(name: .location))
            #expect(location.contains("to-chuc=\(cell.code)") && location.contains("da-ghi=SH-"))
            let page = try await client.get(location).body.string
            #expect(page.contains("<p class=\"notice\">Đã ghi biên bản buổi sinh hoạt SH-\(cell.code)-2026-10-16-TK"))
            let figures = try await store.meetingFigures(of: cell.id, from: Day(iso: "2026-10-01")!, to: Day(iso: "2026-12-31")!)
            #expect(page.contains("<tr><th>Buổi sinh hoạt thường kỳ</th><td class=\"number\">\(figures.regular)</td></tr>"), "\(page.suffix(3_000))")
            let compliance = try await store.meetingCompliance(of: cell.id, from: Day(iso: "2026-10-15")!, to: Day(iso: "2026-10-15")!)
            #expect(compliance.withoutRegular.isEmpty)

            // Another cell: refused on the field, nothing written; its roll is not shown.
            fields["chi-bo"] = AuthorizationTests.outsideCell
            let outside = try await client.post(SiteURL.newMeeting.path, fields)
            #expect(outside.status == .unprocessableEntity && outside.body.string.contains("id=\"loi-chi-bo\""))
            #expect(try await Self.meetings(store) == before + 2)
        }
    }

    /// The review page shows the period's meetings, as the meetings page counts them, and leads to it.
    @Test func theReviewPageShowsTheMeetingsOfItsPeriod() async throws {
        try await WebFixture.withApp { app, store, _ in
            let root = WebFixture.synthetic.organizations[0]
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let query = [("to-chuc", root.code), ("tu", "1/7/2026"), ("den", "30/9/2026")]
            let review = try await client.get(SiteURL.review.with(query: query)).body.string
            let figures = try await store.meetingFigures(of: root.id, from: Day(iso: "2026-07-01")!, to: Day(iso: "2026-09-30")!)
            #expect(figures.regular > 0 && figures.cellsWithoutMonthlyMeeting > 0)
            #expect(review.contains("<tr><th>Buổi sinh hoạt thường kỳ</th><td class=\"number\">\(VietnameseFormat.number(figures.regular))</td></tr>"))
            let link = HTMLEscaping.attribute(SiteURL.meetings.with(query: query))
            #expect(review.contains("<a href=\"\(link)\">\(figures.cellsWithoutMonthlyMeeting)</a>"), "\(link)")
            let meetings = try await client.get(SiteURL.meetings.with(query: query)).body.string
            #expect(meetings.contains("<tr><th>Chi bộ chưa sinh hoạt thường kỳ đủ các tháng</th><td class=\"number\">\(figures.cellsWithoutMonthlyMeeting)</td></tr>"))
            // Each missed month by the cell's name, its code (two agencies may have a "Chi bộ Văn phòng") and the month.
            let compliance = try await store.meetingCompliance(of: root.id, from: Day(iso: "2026-07-01")!, to: Day(iso: "2026-09-30")!)
            let gap = try #require(compliance.withoutRegular.first)
            let cell = try #require(try await store.organization(gap.cell, on: gap.to))
            #expect(meetings.contains("<tr><td>\(HTMLEscaping.text(cell.name))</td><td>\(cell.code)</td><td>\(VietnameseFormat.period(from: gap.from, to: gap.to))</td></tr>"))
            #expect(VietnameseFormat.period(from: gap.from, to: gap.to).hasPrefix("tháng "))
        }
    }
}
