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
/// nothing is written; the compliance page shows it and lists it, with a link to correct it (a reason asked) or delete
/// it; another cell is out of reach.
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

    /// The rows of meetings, attendance lines and audit entries.
    static func rows(_ store: Store) async throws -> [Int] {
        var counts: [Int] = []
        for table in ["meetings", "meeting_attendance", "audit_entries"] {
            counts.append(try await store.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self))
        }
        return counts
    }

    /// The fields the first form posting to `action` would post as the page fills it: its inputs, each select's chosen
    /// option, its text areas (values unescaped).
    static func filledForm(_ page: String, action: String) throws -> [String: String] {
        let start = try #require(page.range(of: "<form action=\"\(action)\" method=\"post\""))
        let form = String(page[start.lowerBound...].split(separator: "</form>", maxSplits: 1)[0])
        func unescaped(_ text: Substring) -> String {
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        var fields: [String: String] = [:]
        for match in form.matches(of: /<input type="(?:hidden|text)" name="([^"]*)"(?: id="[^"]*")? value="([^"]*)"/) {
            fields[String(match.1)] = unescaped(match.2)
        }
        for match in form.matches(of: /<select name="([^"]*)"[^>]*>(.*?)<\/select>/) {
            let chosen = match.2.firstMatch(of: /<option value(?:="([^"]*)")? selected="selected">/)
            fields[String(match.1)] = chosen.map { String($0.1 ?? "") } ?? ""
        }
        for match in form.matches(of: /<textarea name="([^"]*)"[^>]*>([^<]*)<\/textarea>/) {
            fields[String(match.1)] = unescaped(match.2)
        }
        fields["_csrf"] = nil
        return fields
    }

    /// A meeting recorded with a wrong line and a wrong kind is corrected from the meetings page: the form comes filled
    /// with the minutes; without a reason, or with nothing changed, it is refused on its field with nothing written;
    /// the correction then moves the figures, and minutes recorded twice are deleted with their reason.
    @Test func aCellSecretaryCorrectsMinutesFromTheMeetingsPage() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cell = WebFixture.cell(in: registry)
            let day = Day(iso: "2026-11-05")!
            let roll = registry.journals.values.filter { $0.period(on: day)?.cell == cell.id }.map(\.member).sorted { $0.id < $1.id }
            let guest = try #require(registry.journals.values.sorted { $0.member.id < $1.member.id }
                .first { ($0.period(on: day)?.cell).map { $0 != cell.id } ?? false }?.member)
            let client = WebClient(app: app)
            _ = try await client.login("bithu", WebFixture.password)
            let recorded = try await client.post(SiteURL.newMeeting.path, [
                "chi-bo": cell.code, "ngay": "5/11/2026", "loai": "regular", "thoi-luong": "120", "chu-tri": "\(roll[1].id.rawValue)",
                "noi-dung": "Kiểm điểm công tác tháng 10 & triển khai tháng 11.", "khach": guest.nationalID,
                "dd-\(roll[0].id.rawValue)": "absent_unexcused"])
            #expect(recorded.status == .seeOther)
            let reference = "SH-\(cell.code)-2026-11-05-TK"
            let period = (Day(iso: "2026-11-01")!, Day(iso: "2026-11-30")!)
            let figures = try await store.meetingFigures(of: cell.id, from: period.0, to: period.1)

            // The meetings page lists it, with a link to its form.
            let listing = SiteURL.meetings.with(query: [("to-chuc", cell.code), ("tu", "1/11/2026"), ("den", "30/11/2026")])
            let page = try await client.get(listing).body.string
            let link = HTMLEscaping.attribute(SiteURL.meetingCorrection.with(query: [("bien-ban", reference)]))
            #expect(page.contains("<a href=\"\(link)\" title=\"Sửa biên bản \(reference)\">Sửa</a>"), "\(page.suffix(2_000))")
            #expect(page.contains("Biên bản đã ghi (\(figures.regular + figures.thematic))"))

            // The form, filled: the absence, the chair, the agenda, the guest by citizen ID; a reason asked.
            let form = try await client.get(SiteURL.meetingCorrection.with(query: [("bien-ban", reference)]))
            #expect(form.status == .ok)
            let filled = try Self.filledForm(form.body.string, action: SiteURL.meetingCorrection.path)
            #expect(filled["bien-ban"] == reference && filled["chi-bo"] == cell.code && filled["ngay"] == "5/11/2026")
            #expect(filled["dd-\(roll[0].id.rawValue)"] == "absent_unexcused" && filled["dd-\(roll[1].id.rawValue)"] == "present")
            #expect(filled["chu-tri"] == "\(roll[1].id.rawValue)" && filled["thu-ky"] == "" && filled["khach"] == guest.nationalID)
            #expect(filled["noi-dung"] == "Kiểm điểm công tác tháng 10 & triển khai tháng 11." && filled["ly-do"] == "")
            #expect(form.body.string.contains("name=\"_csrf\"") && form.body.string.contains("Xóa biên bản ghi nhầm"))
            let before = try await Self.rows(store)

            // Without a reason; then with nothing changed: refused on the field, or above the form; nothing written.
            let unreasoned = try await client.post(SiteURL.meetingCorrection.path, filled)
            #expect(unreasoned.status == .unprocessableEntity && unreasoned.body.string.contains("<p class=\"error\" id=\"loi-ly-do\">"))
            var fields = filled
            fields["ly-do"] = "Đồng chí đã báo vắng."
            let unchanged = try await client.post(SiteURL.meetingCorrection.path, fields)
            #expect(unchanged.status == .unprocessableEntity && unchanged.body.string.contains(MeetingRefusal.unchanged.description))
            // Without the CSRF token: refused.
            #expect(try await client.post(SiteURL.meetingCorrection.path, fields, csrf: "").status == .forbidden)
            #expect(try await Self.rows(store) == before)

            // The absence was excused and the meeting thematic: corrected, the figures follow.
            fields["dd-\(roll[0].id.rawValue)"] = "absent_excused"
            fields["loai"] = "thematic"
            let corrected = try await client.post(SiteURL.meetingCorrection.path, fields)
            #expect(corrected.status == .seeOther, "\(corrected.body.string.suffix(1_500))")
            #expect(try await Self.rows(store) == [before[0], before[1], before[2] + 1])
            let location = try #require(corrected.headers.first(name: .location))
            #expect(try await client.get(location).body.string.contains("<p class=\"notice\">Đã sửa biên bản buổi sinh hoạt \(reference).</p>"))
            let minutes = try #require(try await store.meeting(reference, in: Scope(roots: [cell.id])))
            #expect(minutes.kind == .thematic && minutes.attendance.first { $0.member == roll[0].id }?.status == .absentExcused)
            #expect(minutes.attendance.first { $0.member == guest.id }?.status == .guest && minutes.chair == roll[1].id)
            let after = try await store.meetingFigures(of: cell.id, from: period.0, to: period.1)
            #expect(after.regular == figures.regular - 1 && after.thematic == figures.thematic + 1)
            let entry = try #require(try await store.auditEntries(limit: 1).first)
            #expect(entry.action == "meeting.correct" && entry.details["reason"] == "Đồng chí đã báo vắng.")
            #expect(entry.details["attendance.changed"] == "\(roll[0].id.rawValue):absent_unexcused → absent_excused")
            // The correction page shows the minutes as they were beside the form, with the reason.
            let history = try await client.get(SiteURL.meetingCorrection.with(query: [("bien-ban", reference)])).body.string
            #expect(history.contains("Các bản trước của biên bản này (1)") && history.contains("lý do: Đồng chí đã báo vắng."), "\(history.suffix(2_000))")
            #expect(history.contains("<tr><th>Loại</th><td>\(MeetingKind.regular.vietnamese)</td></tr>"))

            // Recorded twice: deleted, with its own reason.
            let unreasonedDelete = try await client.post(SiteURL.meetingCorrection.path, ["bien-ban": reference, "hanh-dong": "xoa"])
            #expect(unreasonedDelete.status == .unprocessableEntity && unreasonedDelete.body.string.contains("id=\"loi-ly-do-xoa\""))
            #expect(try await Self.rows(store) == [before[0], before[1], before[2] + 1])
            let deleted = try await client.post(SiteURL.meetingCorrection.path,
                                                ["bien-ban": reference, "hanh-dong": "xoa", "ly-do-xoa": "Ghi trùng."])
            #expect(deleted.status == .seeOther)
            #expect(try #require(deleted.headers.first(name: .location)).contains("da-xoa="))
            #expect(try await Self.rows(store) == [before[0] - 1, before[1] - roll.count - 1, before[2] + 2])
            #expect(try await store.auditEntries(limit: 1).first?.action == "meeting.delete")
            // The meetings page lists the deleted minutes with the reason.
            let afterDeletion = try await client.get(try #require(deleted.headers.first(name: .location))).body.string
            #expect(afterDeletion.contains("Biên bản đã xóa vì ghi nhầm (1)") && afterDeletion.contains("<td>Ghi trùng.</td>"),
                    "\(afterDeletion.suffix(2_000))")
            #expect(try await client.get(SiteURL.meetingCorrection.with(query: [("bien-ban", reference)])).status == .notFound)

            // Minutes of another cell: unknown here, nothing written.
            let outside = try await client.post(SiteURL.meetingCorrection.path,
                                                ["bien-ban": AuthorizationTests.outsideMeeting, "ly-do": "x", "thoi-luong": "30"])
            #expect(outside.status == .notFound)
            #expect(try await Self.rows(store) == [before[0] - 1, before[1] - roll.count - 1, before[2] + 2])
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
