import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import SQLKit
import Testing
import VaporTesting

/// The audit log page: admins only, newest first, 50 a page, filtered by action and by days, with the chain's state.
@Suite struct AuditLogPageTests {
    static func rows(_ page: String) -> Int {
        guard let body = page.range(of: "<tbody>"), let end = page.range(of: "</tbody>") else { return 0 }
        return page[body.upperBound..<end.lowerBound].components(separatedBy: "<tr>").count - 1
    }

    @Test func anAdminReadsTheLogNewestFirstWithTheImportAndTheChainsState() async throws {
        try await WebFixture.withApp { app, store, _ in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let preview = try await ImportPageTests.upload(client, try ImportPageTests.zip(ImportPageTests.bloc))
            let token = try #require(ImportPageTests.token(in: preview.body.string))
            #expect(try await client.post(SiteURL.importConfirm.path, ["ma": token]).status == .ok)
            let page = try await client.get(SiteURL.auditLog.path)
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(html.contains("Chuỗi nhật ký toàn vẹn"))
            for column in ["Thời điểm", "Người thực hiện", "Hành động", "Nội dung"] { #expect(html.contains("<th>\(column)</th>")) }
            // Newest first: the import (by quantri), then the accounts added.
            let importAt = try #require(html.range(of: "<td>quantri</td><td>Nhập dữ liệu</td>"))
            let accountAt = try #require(html.range(of: "<td>Thêm tài khoản</td>"))
            #expect(importAt.lowerBound < accountAt.lowerBound)
            #expect(html.range(of: #"<td>\d\d/\d\d/\d{4} \d\d:\d\d</td>"#, options: .regularExpression) != nil)
            // Filters: by action; by days (none in 2000); a day that is no day, on its field.
            let imports = try await client.get(SiteURL.auditLog.with(query: [("hanh-dong", "import")])).body.string
            #expect(Self.rows(imports) == 1 && imports.contains("Nhập dữ liệu"))
            let none = try await client.get(SiteURL.auditLog.with(query: [("tu", "1/1/2000"), ("den", "31/12/2000")])).body.string
            #expect(Self.rows(none) == 0 && none.contains("0 mục"))
            let bad = try await client.get(SiteURL.auditLog.with(query: [("tu", "31/2/2026")]))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("id=\"loi-tu\""))
            _ = store
        }
    }

    @Test func theLogIsPaginatedByFiftyAndABrokenChainIsNamed() async throws {
        try await WebFixture.withApp { app, store, _ in
            let root = WebFixture.synthetic.organizations[0]
            for number in 1...55 {
                try await store.addAccount(login: "tk\(number)", grant: Grant(role: .viewer, organization: root.id), passwordHash: "x", actor: "test")
            }
            let total = try await store.auditLog(AuditLogQuery()).total
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let first = try await client.get(SiteURL.auditLog.path).body.string
            #expect(Self.rows(first) == 50 && first.contains("Trang sau"))
            let second = try await client.get(SiteURL.auditLog.with(query: [("trang", "2")])).body.string
            #expect(Self.rows(second) == total - 50)
            try await store.sql.raw("UPDATE audit_entries SET summary = 'sửa tay' WHERE id = 2").run()
            let broken = try await client.get(SiteURL.auditLog.path).body.string
            #expect(broken.contains("Chuỗi nhật ký KHÔNG toàn vẹn") && broken.contains("Mục #2"))
        }
    }

    @Test func nonAdminsAreRefused() async throws {
        try await WebFixture.withApp { app, store, _ in
            let root = WebFixture.synthetic.organizations[0]
            for (login, role) in [("bantochuc", Role.organizationStaff), ("xem", .viewer), ("ubkt", .inspectionStaff)] {
                try await store.addAccount(login: login, grant: Grant(role: role, organization: root.id),
                                           passwordHash: try Passwords.hash(WebFixture.password), actor: "test")
            }
            for login in ["bantochuc", "xem", "ubkt", "bithu"] {
                let client = WebClient(app: app)
                _ = try await client.login(login, WebFixture.password)
                let response = try await client.get(SiteURL.auditLog.path)
                #expect(response.status == .forbidden, "\(login)")
                #expect(!response.body.string.contains("Nhập dữ liệu") && !response.body.string.contains("account.add"))
            }
        }
    }
}
