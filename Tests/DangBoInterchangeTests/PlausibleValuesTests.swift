import DangBoCore
import Foundation
import Testing
@testable import DangBoInterchange

/// Issue 8: days in a plausible range (born after 1/1/1900, nothing after today for past events, planned ends up to a
/// year ahead) and no control character in any field, each refused at its column.
@Suite struct PlausibleValuesTests {
    static let today = Day(year: 2026, month: 11, day: 29)!

    static func issues(_ files: [(String, String)], today: Day = today) async throws -> [String] {
        let tables = try files.map { try ImporterTests.table($0.0, $0.1) }
        do {
            _ = try await Importer.load(tables, into: Registry(), nextOrganizationID: 1, nextMemberID: 1, today: today)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    // MARK: - Days

    @Test(arguments: [
        ("1899-12-31", "ngày 31/12/1899 không hợp lý: ngày sinh phải sau ngày 1/1/1900"),
        ("1900-01-01", "ngày 1/1/1900 không hợp lý: ngày sinh phải sau ngày 1/1/1900"),
        ("1900-01-02", nil),
        ("2026-11-28", nil),
        ("2026-11-29", nil),
        ("2026-11-30", "ngày 30/11/2026 không hợp lý: không được sau hôm nay (29/11/2026)"),
        ("2150-01-01", "ngày 1/1/2150 không hợp lý: không được sau hôm nay (29/11/2026)"),
    ] as [(String, String?)])
    func aBirthDay(day: String, reason: String?) async throws {
        let issues = try await Self.issues([("members.csv", "national_id,full_name,gender,birth_date\n001085012345,Nguyễn Văn An,nam,\(day)\n")])
        #expect(issues == (reason.map { ["members.csv:2: birth_date: \($0)"] } ?? []))
    }

    @Test(arguments: [
        ("established_on", "1899-12-31", "ngày 31/12/1899 không hợp lý: không được trước ngày 1/1/1900"),
        ("established_on", "1900-01-01", nil),
        ("established_on", "2026-11-29", nil),
        ("established_on", "2026-11-30", "ngày 30/11/2026 không hợp lý: không được sau hôm nay (29/11/2026)"),
        ("dissolved_on", "2027-11-29", nil),
        ("dissolved_on", "2027-11-30", "ngày 30/11/2027 không hợp lý: không được quá một năm sau hôm nay (muộn nhất 29/11/2027)"),
    ] as [(String, String, String?)])
    func anOrganizationDay(column: String, day: String, reason: String?) async throws {
        let established = column == "established_on" ? day : "2000-01-01"
        let dissolved = column == "dissolved_on" ? day : ""
        let issues = try await Self.issues([("organizations.csv", """
            code,name,kind,parent_code,established_on,dissolved_on
            VD,Đảng bộ Khối,upper_committee,,\(established),\(dissolved)
            """)])
        #expect(issues == (reason.map { ["organizations.csv:2: \(column): \($0)"] } ?? []))
    }

    @Test(arguments: [
        ("effective_on", "2026-11-30"), ("decision_date", "2026-11-30"), ("voted_on", "2026-11-30"),
    ])
    func anEventDayAfterToday(column: String, day: String) async throws {
        var cells = ["effective_on": "2020-03-15", "decision_date": "2020-03-01", "voted_on": "2020-02-20"]
        cells[column] = day
        let issues = try await Self.issues([
            ("organizations.csv", ImporterTests.organizations), ("members.csv", ImporterTests.members),
            ("events.csv", """
                national_id,kind,effective_on,organization_code,decision_date,voted_on
                026190004321,admitted,\(cells["effective_on"]!),VD.01,\(cells["decision_date"]!),\(cells["voted_on"]!)
                """),
        ])
        #expect(issues == ["events.csv:2: \(column): ngày 30/11/2026 không hợp lý: không được sau hôm nay (29/11/2026)"])
    }

    @Test(arguments: [("started_on", "2026-11-30"), ("ended_on", "2027-11-30")])
    func aCaseDayOutOfRange(column: String, day: String) async throws {
        let started = column == "started_on" ? day : "2026-01-05"
        let ended = column == "ended_on" ? day : ""
        let issues = try await Self.issues([
            ("organizations.csv", ImporterTests.organizations),
            ("oversight.csv", """
                case_ref,activity,mode,conductor,conductor_code,started_on,ended_on,subject_code
                KT-01,inspection,regular,committee,VD,\(started),\(ended),VD.01
                """),
        ])
        #expect(issues.count == 1)
        #expect(issues.first?.hasPrefix("oversight.csv:2: \(column): ngày \(VietnameseFormat.day(Day(iso: day)!)) không hợp lý") == true)
    }

    @Test func theDefaultTodayIsReadInVietnam() {
        // 29/11/2026 23:30 UTC is already 30/11/2026 in Hà Nội (UTC+7).
        let now = Date(timeIntervalSince1970: 1_795_995_000)
        #expect(Importer.Context.today(at: now) == Day(year: 2026, month: 11, day: 30))
    }

    // MARK: - Control characters

    @Test(arguments: [
        ("Nguyễn\u{0}Văn An", "U+0000"), ("Nguyễn Văn\nAn", "U+000A"), ("Nguyễn Văn\r\nAn", "U+000D"),
        ("Nguyễn Văn An\u{7F}", "U+007F"), ("Nguyễn\u{1B}Văn An", "U+001B"), ("Nguyễn\tVăn An", nil),
    ] as [(String, String?)])
    func aControlCharacterIsRefusedAtItsColumn(name: String, code: String?) async throws {
        let table = Table(name: "members.csv", header: ["national_id", "Họ và tên", "gender", "birth_date"], rows: [
            TableRow(line: 2, cells: ["001085012345", name, "nam", "1985-04-12"]),
        ])
        let issues: [String]
        do {
            _ = try await Importer.load([table], into: Registry(), nextOrganizationID: 1, nextMemberID: 1, today: Self.today)
            issues = []
        } catch {
            issues = error.issues.map(\.description)
        }
        #expect(issues == (code.map {
            ["members.csv:2: Họ và tên: có ký tự điều khiển \($0); hãy xóa ký tự này (kể cả chỗ xuống dòng trong ô)"]
        } ?? []))
    }

    /// A note may break lines (Alt+Enter in a cell; kept as single spaces, as all text is); other control characters
    /// are refused there too.
    @Test(arguments: [("Chuyển về\nnơi cư trú", true), ("dòng 1\r\ndòng 2", true), ("ghi\u{0}chú", false)])
    func aNoteMayBreakLines(note: String, accepted: Bool) async throws {
        let tables = [
            Table(name: "organizations.csv", header: ["code", "name", "kind", "established_on"], rows: [
                TableRow(line: 2, cells: ["VD", "Đảng bộ Khối", "upper_committee", "2000-01-01"]),
                TableRow(line: 3, cells: ["VD.01", "Chi bộ Sở Tài chính", "grassroots_cell", "2000-01-01"]),
            ]),
            Table(name: "members.csv", header: ["national_id", "full_name", "gender", "birth_date"], rows: [
                TableRow(line: 2, cells: ["001085012345", "Nguyễn Văn An", "nam", "1985-04-12"]),
            ]),
            Table(name: "events.csv", header: ["national_id", "kind", "effective_on", "organization_code", "note"], rows: [
                TableRow(line: 2, cells: ["001085012345", "transferred_in", "2010-03-01", "VD.01", note]),
            ]),
        ]
        do {
            let (change, _, _) = try await Importer.load(tables, into: Registry(), nextOrganizationID: 1, nextMemberID: 1,
                                                         today: Self.today)
            #expect(accepted)
            #expect(change.events.first?.note == note.split(whereSeparator: \.isNewline).joined(separator: " "))
        } catch {
            #expect(!accepted)
            #expect(error.issues.first?.description.hasPrefix("events.csv:2: note: có ký tự điều khiển U+0000") == true,
                    "\(error.issues)")
        }
    }
}
