import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import SQLKit
import Testing
import VaporTesting

/// Cấp ủy in the web app (issue 11 points 1 and 5): the organization department records a cell's term, its secretary
/// and deputy, ends a seat and fills it again; what breaks a rule (a cell's committee above 7, committee members in a
/// cell under 9 official members, a second secretary) is refused on its field with nothing written; a cell secretary
/// may read but not write.
@Suite struct CommitteePagesTests {
    static func count(_ table: String, _ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }

    /// Official members of `cell` on `day`, by id.
    static func officials(of cell: OrganizationID, on day: Day, in registry: Registry) -> [MemberID] {
        registry.journals.values.filter { $0.period(on: day).map { $0.cell == cell && $0.standing == .official } ?? false }
            .map(\.member.id).sorted()
    }

    @Test func theDepartmentRecordsACellsTermAndSeatsByTheRules() async throws {
        try await WebFixture.withApp { app, store, registry in
            let day = Day(iso: "2025-07-01")!
            let cells = registry.tree.organizations.values.filter { $0.version(on: day)?.kind.isCell == true }.sorted { $0.id < $1.id }
            func officials(_ cell: Organization) -> [MemberID] { Self.officials(of: cell.id, on: day, in: registry) }
            // A cell with fewer than 9 official members that day, and one with more and no seat yet (the generator seats
            // the committees of grassroots organizations only).
            let small = try #require(cells.first { (2..<9).contains(officials($0).count) })
            let large = try #require(cells.first { cell in officials(cell).count >= 9 && !registry.seats.contains { $0.organization == cell.id } })
            let holders = officials(large)
            #expect(try await store.officialMembers(of: large.id, on: day) == holders.count)
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let smallPage = try await client.get(SiteURL.committees.with(query: [("to-chuc", small.code), ("ngay", "1/7/2025")]))
            #expect(smallPage.status == .ok)
            #expect(smallPage.body.string.contains("\(officials(small).count) đảng viên chính thức (dưới 9): chi bộ bầu bí thư"),
                    "\(smallPage.body.string.suffix(3_000))")
            #expect(smallPage.body.string.contains("name=\"nguoi\""))

            // A committee member in a cell under 9: refused on the position, nothing written.
            let seats = try await Self.count("committee_seats", store)
            let seated = Set(registry.seatsInForce(of: small.id, on: day).map(\.member))
            let newcomer = try #require(officials(small).first { !seated.contains($0) })
            var seat = ["thao-tac": "chuc-danh", "to-chuc": small.code, "ngay": "1/7/2025", "uy-ban": "executive",
                        "chuc-vu": "member", "nguoi": "\(newcomer.rawValue)", "nguon": "conference", "tu-ngay": "1/7/2025",
                        "so-quyet-dinh": "12-QĐ/ĐU"]
            let member = try await client.post(SiteURL.committees.path, seat)
            #expect(member.status == .unprocessableEntity)
            #expect(member.body.string.contains("<p class=\"error\" id=\"loi-chuc-vu\">Ngày 1/7/2025 chi bộ có \(officials(small).count) đảng viên chính thức"),
                    "\(member.body.string.suffix(3_000))")
            #expect(try await Self.count("committee_seats", store) == seats)

            // A term of the large cell: a cell's committee is at most 7.
            let terms = try await Self.count("committee_terms", store)
            var term = ["thao-tac": "nhiem-ky", "to-chuc": large.code, "ngay": "1/7/2025", "nk-uy-ban": "executive",
                        "nk-ten": "2025–2027", "nk-tu-ngay": "1/6/2025", "nk-so-luong": "8"]
            let big = try await client.post(SiteURL.committees.path, term)
            #expect(big.status == .unprocessableEntity && big.body.string.contains("<p class=\"error\" id=\"loi-nk-so-luong\">Chi ủy có không quá 7 người"))
            #expect(try await Self.count("committee_terms", store) == terms)
            // Ending before it starts: refused on the end's field (no range holds such days).
            var backwards = term
            backwards.merge(["nk-so-luong": "2", "nk-den-ngay": "31/5/2025"]) { $1 }
            let reversed = try await client.post(SiteURL.committees.path, backwards)
            #expect(reversed.status == .unprocessableEntity
                && reversed.body.string.contains("<p class=\"error\" id=\"loi-nk-den-ngay\">Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu 1/6/2025."))
            #expect(try await Self.count("committee_terms", store) == terms)
            term["nk-so-luong"] = "2"
            let recorded = try await client.post(SiteURL.committees.path, term)
            #expect(recorded.status == .seeOther, "\(recorded.body.string.suffix(1_500))")
            #expect(try await Self.count("committee_terms", store) == terms + 1)
            #expect(try await store.auditEntries(limit: 1).first?.action == "committee.term")
            // The same term again shares its days: refused.
            #expect(try await client.post(SiteURL.committees.path, term).status == .unprocessableEntity)
            #expect(try await Self.count("committee_terms", store) == terms + 1)

            // Before the term: outside every term.
            seat["to-chuc"] = large.code
            seat["nguoi"] = "\(holders[0].rawValue)"
            seat["chuc-vu"] = "secretary"
            seat["tu-ngay"] = "31/5/2025"
            let early = try await client.post(SiteURL.committees.path, seat)
            #expect(early.status == .unprocessableEntity && early.body.string.contains("<p class=\"error\" id=\"loi-tu-ngay\">"))
            #expect(try await Self.count("committee_seats", store) == seats)

            // The secretary, then a second secretary the same month: refused; the first ends, the second is recorded.
            seat["tu-ngay"] = "1/7/2025"
            #expect(try await client.post(SiteURL.committees.path, seat).status == .seeOther)
            seat["nguoi"] = "\(holders[1].rawValue)"
            seat["tu-ngay"] = "15/7/2025"
            let second = try await client.post(SiteURL.committees.path, seat)
            #expect(second.status == .unprocessableEntity && second.body.string.contains("đã có bí thư"))
            let badEnd = try await client.post(SiteURL.committees.path, [
                "thao-tac": "ket-thuc", "to-chuc": large.code, "ngay": "1/7/2025", "uy-ban": "executive",
                "nguoi": "\(holders[0].rawValue)", "bat-dau": "2025-07-01", "kt-ngay": "1/7/2025"])
            #expect(badEnd.status == .unprocessableEntity && badEnd.body.string.contains("<p class=\"error\" id=\"loi-kt-ngay\">"))
            let ended = try await client.post(SiteURL.committees.path, [
                "thao-tac": "ket-thuc", "to-chuc": large.code, "ngay": "1/7/2025", "uy-ban": "executive",
                "nguoi": "\(holders[0].rawValue)", "bat-dau": "2025-07-01", "kt-ngay": "15/7/2025"])
            #expect(ended.status == .seeOther)
            #expect(try await store.auditEntries(limit: 1).first?.action == "committee.seatEnd")
            #expect(try await client.post(SiteURL.committees.path, seat).status == .seeOther)
            // A deputy fills the term's 2 seats; a committee member is then beyond them.
            seat["chuc-vu"] = "deputy_secretary"
            seat["nguoi"] = "\(holders[2].rawValue)"
            #expect(try await client.post(SiteURL.committees.path, seat).status == .seeOther)
            seat["chuc-vu"] = "member"
            seat["nguoi"] = "\(holders[3].rawValue)"
            let beyond = try await client.post(SiteURL.committees.path, seat)
            #expect(beyond.status == .unprocessableEntity && beyond.body.string.contains("Nhiệm kỳ 2025–2027 có 2 cấp ủy viên"))
            // The term decided 2 seats: both are held.
            let panel = try #require(try await store.committeePanel(of: large.id, in: Scope(roots: [WebFixture.synthetic.organizations[0].id]), on: Day(iso: "2025-08-01")!))
            #expect(panel.inForce(.executive).map(\.seat.member) == [holders[1], holders[2]])
            #expect(panel.vacancies(.executive) == 0 && panel.vacantHead(.executive) == nil)
            let after = try await client.get(SiteURL.committees.with(query: [("to-chuc", large.code), ("ngay", "1/8/2025")])).body.string
            #expect(after.contains("Nhiệm kỳ 2025–2027: từ ngày 1/6/2025; số lượng 2; đủ số lượng"), "\(after.suffix(3_000))")
            #expect(after.contains("Đã thôi giữ chức danh (1)"))
        }
    }

    @Test func aCellSecretaryReadsButDoesNotWrite() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cell = WebFixture.cell(in: registry)
            let client = WebClient(app: app)
            let terms = try await Self.count("committee_terms", store)
            _ = try await client.login("bithu", WebFixture.password)
            let page = try await client.get(SiteURL.committees.path)
            #expect(page.status == .ok && page.body.string.contains(cell.versions.last!.name))
            #expect(!page.body.string.contains("Ghi chức danh"))
            let posted = try await client.post(SiteURL.committees.path, ["thao-tac": "nhiem-ky", "to-chuc": cell.code, "nk-uy-ban": "executive",
                                                                           "nk-ten": "2025–2030", "nk-tu-ngay": "1/6/2025"])
            #expect(posted.status == .forbidden)
            #expect(try await Self.count("committee_terms", store) == terms)
        }
    }
}
