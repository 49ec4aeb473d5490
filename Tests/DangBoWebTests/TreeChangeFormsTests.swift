import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import SQLKit
import Testing
import VaporTesting

/// The forms that change the tree (issue 9 point 3): each posts, is written and shows on the organization's page; a
/// refusal of the store comes back with 422 and its message on the field at fault, nothing written; a form without
/// its CSRF token, a cell secretary, and the organization department of one grassroots organization touching another
/// are refused.
@Suite struct TreeChangeFormsTests {
    static let today = Day(iso: "2026-11-26")!
    /// Every change here takes effect on the fixture's today, so that its pages show it by default.
    static let effective = "26/11/2026"

    static func count(_ table: String, _ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }

    /// The rows a change of the tree writes, counted: equal before and after means nothing was written.
    static func counts(_ store: Store) async throws -> [Int] {
        var result: [Int] = []
        for table in ["organizations", "organization_versions", "organization_ancestry", "membership_events", "audit_entries"] {
            result.append(try await count(table, store))
        }
        return result
    }

    /// The organizations of `kind` on today, in code order.
    static func organizations(_ kind: OrganizationKind, _ registry: Registry) -> [Organization] {
        registry.tree.organizations.values.filter { $0.version(on: today)?.kind == kind }.sorted { $0.code < $1.code }
    }

    /// The members on the rolls of `cell` today.
    static func members(of cell: OrganizationID, _ registry: Registry) -> Int {
        registry.journals.values.filter { $0.period(on: today)?.cell == cell }.count
    }

    /// A grassroots committee with at least two subordinate cells today that have members, and two of those cells.
    static func committeeWithCells(_ registry: Registry) throws -> (committee: Organization, cells: [Organization]) {
        for committee in organizations(.grassrootsCommittee, registry) {
            let cells = registry.tree.children(of: committee.id, on: today).compactMap { registry.tree[$0] }
                .filter { $0.version(on: today)?.kind == .subordinateCell && members(of: $0.id, registry) > 0 }
            if cells.count >= 2 { return (committee, Array(cells.prefix(2))) }
        }
        throw TestFailure.missing("a grassroots committee with two cells that have members")
    }

    enum TestFailure: Error { case missing(String) }

    static func login(_ app: Application, _ username: String = "quantri") async throws -> WebClient {
        let client = WebClient(app: app)
        _ = try await client.login(username, WebFixture.password)
        return client
    }

    static func expectRedirect(_ response: TestingHTTPResponse, to path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == .seeOther, "\(response.status): \(response.body.string.prefix(600))", sourceLocation: sourceLocation)
        #expect(response.headers.first(name: .location) == path, sourceLocation: sourceLocation)
    }

    // MARK: each form posts and shows its result

    @Test func establishingThenRenamingChangingTheKindAndDissolvingANewCell() async throws {
        try await WebFixture.withApp { app, store, registry in
            let (committee, _) = try Self.committeeWithCells(registry)
            let client = try await Self.login(app)
            let form = try await client.get("/to-chuc/moi?cap-tren=\(committee.code)").body.string
            #expect(form.contains("value=\"\(committee.code)\"") && form.contains("Ngày thành lập") && form.contains("Chi bộ trực thuộc"))

            let made = try await client.post("/to-chuc/moi", [
                "ma": "\(committee.code).MOI", "ten": "Chi bộ Phòng Tổng hợp", "loai": "subordinate_cell", "cap-tren": committee.code,
                "ngay-thanh-lap": Self.effective, "so-quyet-dinh": "120-QĐ/ĐU", "ngay-quyet-dinh": "20/11/2026",
            ])
            Self.expectRedirect(made, to: "/to-chuc/\(committee.code).MOI?ngay=26/11/2026")
            let page = try await client.get("/to-chuc/\(committee.code).MOI").body.string
            #expect(page.contains("Chi bộ Phòng Tổng hợp") && page.contains("Chi bộ trực thuộc") && page.contains("Thay đổi tổ chức"))
            #expect(try await client.get("/to-chuc/\(committee.code).MOI?ngay=25/11/2026").status == .notFound)
            let audit = try #require(try await store.auditEntries(limit: 1).first)
            #expect(audit.action == "organization.establish" && audit.summary.contains("120-QĐ/ĐU"))

            let changes = "/to-chuc/\(committee.code).MOI/thay-doi"
            let shown = try await client.get(changes).body.string
            for title in ["Đổi tên", "Chuyển trực thuộc", "Đổi loại hình tổ chức", "Sáp nhập", "Chia tách", "Giải thể"] {
                #expect(shown.contains("<h2>\(title)</h2>"), "\(title)")
            }
            let order = ["Đổi tên", "Chuyển trực thuộc", "Đổi loại hình", "Sáp nhập", "Chia tách", "Giải thể"]
                .compactMap { shown.range(of: "<h2>\($0)")?.lowerBound }
            #expect(order.count == 6 && order == order.sorted())

            let renamed = try await client.post(changes, ["thay-doi": "doi-ten", "ten": "Chi bộ Văn phòng", "ngay-hieu-luc": Self.effective])
            Self.expectRedirect(renamed, to: "/to-chuc/\(committee.code).MOI?ngay=26/11/2026")
            #expect(try await client.get("/to-chuc/\(committee.code).MOI").body.string.contains("<td>Chi bộ Văn phòng</td>"))

            let kind = try await client.post(changes, ["thay-doi": "doi-loai-hinh", "loai": "partial_committee", "ngay-hieu-luc": Self.effective])
            Self.expectRedirect(kind, to: "/to-chuc/\(committee.code).MOI?ngay=26/11/2026")
            #expect(try await client.get("/to-chuc/\(committee.code).MOI").body.string.contains("<td>Đảng bộ bộ phận</td>"))

            let dissolved = try await client.post(changes, ["thay-doi": "giai-the", "ngay-hieu-luc": "27/11/2026", "so-quyet-dinh": "121-QĐ/ĐU"])
            Self.expectRedirect(dissolved, to: "/to-chuc/\(committee.code).MOI?ngay=26/11/2026")
            #expect(try await client.get("/to-chuc/\(committee.code).MOI?ngay=27/11/2026").status == .notFound)
            #expect(try await store.auditEntries(limit: 1).first?.action == "organization.dissolve")
        }
    }

    @Test func movingACellToAnotherCommittee() async throws {
        try await WebFixture.withApp { app, store, registry in
            let (committee, cells) = try Self.committeeWithCells(registry)
            let other = try #require(Self.organizations(.grassrootsCommittee, registry).first { $0.id != committee.id })
            let client = try await Self.login(app)
            let moved = try await client.post("/to-chuc/\(cells[0].code)/thay-doi", [
                "thay-doi": "chuyen-truc-thuoc", "cap-tren": other.code, "ngay-hieu-luc": Self.effective,
            ])
            Self.expectRedirect(moved, to: "/to-chuc/\(cells[0].code)?ngay=26/11/2026")
            let page = try await client.get("/to-chuc/\(cells[0].code)").body.string
            #expect(page.contains(other.version(on: Self.today)!.name))
            let members = try await store.memberList(MemberListQuery(asOf: Self.today, root: other.id), in: Scope(roots: [other.id]))
            #expect(members.rows.contains { $0.cell.id == cells[0].id })
            #expect(members.total == Self.members(of: cells[0].id, registry) + registry.statistics(of: other.id, asOf: Self.today).members.total)
        }
    }

    @Test func mergingACellMovesItsMembersIntoTheTarget() async throws {
        try await WebFixture.withApp { app, store, registry in
            let (_, cells) = try Self.committeeWithCells(registry)
            let (target, absorbed) = (cells[0], cells[1])
            let client = try await Self.login(app)
            let form = try await client.get("/to-chuc/\(target.code)/thay-doi").body.string
            #expect(form.contains("name=\"sap-nhap-\(absorbed.code)\""))
            let events = try await Self.count("membership_events", store)
            let merged = try await client.post("/to-chuc/\(target.code)/thay-doi", [
                "thay-doi": "sap-nhap", "sap-nhap-\(absorbed.code)": "1", "ngay-hieu-luc": Self.effective,
                "so-quyet-dinh": "130-QĐ/ĐU", "ngay-quyet-dinh": "24/11/2026",
            ])
            Self.expectRedirect(merged, to: "/to-chuc/\(target.code)?ngay=26/11/2026")
            let moving = Self.members(of: absorbed.id, registry)
            #expect(try await Self.count("membership_events", store) == events + moving)
            let list = try await store.memberList(MemberListQuery(asOf: Self.today, root: target.id), in: Scope(roots: [target.id]))
            #expect(list.total == Self.members(of: target.id, registry) + moving)
            #expect(try await client.get("/to-chuc/\(absorbed.code)").status == .notFound)
            #expect(try await store.auditEntries(limit: 1).first?.details["members.moved"] == "\(moving)")
        }
    }

    @Test func splittingACommitteeAssignsItsChildren() async throws {
        try await WebFixture.withApp { app, store, registry in
            let (committee, _) = try Self.committeeWithCells(registry)
            let children = registry.tree.children(of: committee.id, on: Self.today).compactMap { registry.tree[$0] }
            let client = try await Self.login(app)
            var fields = ["thay-doi": "chia-tach", "ngay-hieu-luc": Self.effective,
                          "ma-moi-1": "\(committee.code)A", "ten-moi-1": "Đảng bộ A", "ma-moi-2": "\(committee.code)B", "ten-moi-2": "Đảng bộ B"]
            // One child not assigned: refused on the assignments, nothing written.
            for (index, child) in children.enumerated() where index > 0 { fields["giao-\(child.code)"] = index % 2 == 0 ? "1" : "2" }
            let before = try await Self.counts(store)
            let refused = try await client.post("/to-chuc/\(committee.code)/thay-doi", fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("id=\"loi-giao\"") && refused.body.string.contains("\(children[0].code) phải được giao"))
            #expect(refused.body.string.contains("value=\"Đảng bộ A\""))
            #expect(try await Self.counts(store) == before)

            fields["giao-\(children[0].code)"] = "1"
            let split = try await client.post("/to-chuc/\(committee.code)/thay-doi", fields)
            Self.expectRedirect(split, to: "/to-chuc/\(committee.code)?ngay=25/11/2026")
            let first = try await client.get("/to-chuc?ma=\(committee.code)A").body.string
            #expect(first.contains(children[0].code))
            #expect(try await client.get("/to-chuc/\(committee.code)").status == .notFound)
            #expect(try await store.auditEntries(limit: 1).first?.action == "organization.split")
        }
    }

    // MARK: refusals

    @Test func aRefusalComesBackOnItsFieldWithNothingWritten() async throws {
        try await WebFixture.withApp { app, store, registry in
            let (committee, cells) = try Self.committeeWithCells(registry)
            let client = try await Self.login(app)
            let before = try await Self.counts(store)
            // A code already used, on the code field, the values kept.
            let taken = try await client.post("/to-chuc/moi", [
                "ma": cells[0].code, "ten": "Chi bộ mới", "loai": "subordinate_cell", "cap-tren": committee.code, "ngay-thanh-lap": Self.effective,
            ])
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.body.string.contains("id=\"loi-ma\"") && taken.body.string.contains("\(cells[0].code) đã được dùng"))
            #expect(taken.body.string.contains("value=\"Chi bộ mới\""))
            // No kind chosen, on the kind field.
            let noKind = try await client.post("/to-chuc/moi", [
                "ma": "\(committee.code).MOI", "ten": "Chi bộ mới", "loai": "", "cap-tren": committee.code, "ngay-thanh-lap": Self.effective,
            ])
            #expect(noKind.status == .unprocessableEntity && noKind.body.string.contains("id=\"loi-loai\""))
            // An empty value (written `value`, which a browser posts as ""), never the option's text.
            #expect(noKind.body.string.contains("<option value selected=\"selected\">— chọn —</option>"))
            // A day that is no day, on its own field.
            let bad = try await client.post("/to-chuc/\(cells[0].code)/thay-doi", ["thay-doi": "doi-ten", "ten": "Chi bộ X", "ngay-hieu-luc": "31/2/2026"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("id=\"loi-ngay-hieu-luc\""))
            // A cell with members is not dissolved: the count and the way out, on the organization.
            let dissolve = try await client.post("/to-chuc/\(cells[0].code)/thay-doi", ["thay-doi": "giai-the", "ngay-hieu-luc": Self.effective])
            #expect(dissolve.status == .unprocessableEntity)
            #expect(dissolve.body.string.contains("id=\"loi-to-chuc\"")
                    && dissolve.body.string.contains("còn \(Self.members(of: cells[0].id, registry)) đảng viên"))
            // A cell under a grassroots cell breaks Core's rule of kinds, on the parent field.
            let grassrootsCell = try #require(Self.organizations(.grassrootsCell, registry).first)
            let move = try await client.post("/to-chuc/\(cells[0].code)/thay-doi", [
                "thay-doi": "chuyen-truc-thuoc", "cap-tren": grassrootsCell.code, "ngay-hieu-luc": Self.effective,
            ])
            #expect(move.status == .unprocessableEntity)
            #expect(move.body.string.contains("id=\"loi-cap-tren\"") && move.body.string.contains("không thể trực thuộc"))
            // History is never rewritten: the day before the cell's current version is refused on the day.
            let start = try #require(cells[0].versions.last?.validity.start)
            let early = try await client.post("/to-chuc/\(cells[0].code)/thay-doi", [
                "thay-doi": "doi-ten", "ten": "Chi bộ X", "ngay-hieu-luc": VietnameseFormat.day(start.previous),
            ])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("id=\"loi-ngay-hieu-luc\""))
            #expect(try await Self.counts(store) == before)
        }
    }

    @Test func aFormWithoutItsTokenIsRefused() async throws {
        try await WebFixture.withApp { app, store, registry in
            let (_, cells) = try Self.committeeWithCells(registry)
            let client = try await Self.login(app)
            let before = try await Self.counts(store)
            let response = try await client.post("/to-chuc/\(cells[0].code)/thay-doi",
                                                  ["thay-doi": "doi-ten", "ten": "Chi bộ X", "ngay-hieu-luc": Self.effective], csrf: "")
            #expect(response.status == .forbidden)
            #expect(try await Self.counts(store) == before)
        }
    }

    @Test func aCellSecretaryMayNotChangeTheTree() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cell = WebFixture.cell(in: registry)
            let client = try await Self.login(app, "bithu")
            #expect(try await client.get("/to-chuc/\(cell.code)/thay-doi").status == .forbidden)
            #expect(try await client.get("/to-chuc/moi").status == .forbidden)
            #expect(!(try await client.get("/to-chuc/\(cell.code)").body.string.contains("Thay đổi tổ chức")))
            let before = try await Self.counts(store)
            let response = try await client.post("/to-chuc/\(cell.code)/thay-doi",
                                                  ["thay-doi": "doi-ten", "ten": "Chi bộ X", "ngay-hieu-luc": Self.effective])
            #expect(response.status == .forbidden)
            #expect(try await Self.counts(store) == before)
        }
    }

    @Test func theDepartmentOfOneGrassrootsOrganizationCannotTouchAnother() async throws {
        try await WebFixture.withApp { app, store, registry in
            let committees = Self.organizations(.grassrootsCommittee, registry)
            try #require(committees.count >= 2)
            let (mine, theirs) = (committees[0], committees[1])
            _ = try await store.addAccount(login: "bantochuc", grant: Grant(role: .organizationStaff, organization: mine.id),
                                           passwordHash: try Passwords.hash(WebFixture.password), actor: "test")
            let client = try await Self.login(app, "bantochuc")
            #expect(try await client.get("/to-chuc/\(mine.code)/thay-doi").status == .ok)
            #expect(try await client.get("/to-chuc/\(mine.code)").body.string.contains("Thay đổi tổ chức"))
            #expect(try await client.get("/to-chuc/\(theirs.code)/thay-doi").status == .notFound)
            #expect(try await client.get("/to-chuc/moi?cap-tren=\(theirs.code)").status == .notFound)
            let before = try await Self.counts(store)
            let rename = try await client.post("/to-chuc/\(theirs.code)/thay-doi",
                                                ["thay-doi": "doi-ten", "ten": "Đảng bộ X", "ngay-hieu-luc": Self.effective])
            #expect(rename.status == .notFound)
            let establish = try await client.post("/to-chuc/moi", [
                "ma": "\(theirs.code).MOI", "ten": "Chi bộ mới", "loai": "subordinate_cell", "cap-tren": theirs.code,
                "ngay-thanh-lap": Self.effective,
            ])
            #expect(establish.status == .unprocessableEntity)
            #expect(establish.body.string.contains("id=\"loi-cap-tren\"") && establish.body.string.contains("không thuộc phạm vi"))
            #expect(!establish.body.string.contains(theirs.version(on: Self.today)!.name))
            // A cell of mine may not be moved under theirs.
            let cell = try #require(registry.tree.children(of: mine.id, on: Self.today).compactMap { registry.tree[$0] }.first {
                $0.version(on: Self.today)?.kind == .subordinateCell })
            let move = try await client.post("/to-chuc/\(cell.code)/thay-doi",
                                              ["thay-doi": "chuyen-truc-thuoc", "cap-tren": theirs.code, "ngay-hieu-luc": Self.effective])
            #expect(move.status == .unprocessableEntity && move.body.string.contains("id=\"loi-cap-tren\""))
            #expect(try await Self.counts(store) == before)
        }
    }
}
