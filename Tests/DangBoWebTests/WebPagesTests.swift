import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import Testing
import VaporTesting

/// The pages as a user meets them: signed in or sent to the login page, headers that keep the browser safe, forms
/// that only DangBo's own pages can send, and each account seeing only its subtree (issue 9 points 1–3).
@Suite struct WebPagesTests {
    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await WebFixture.withApp { app, _, _ in
            let client = WebClient(app: app)
            for path in ["/dang-nhap", "/", "/khong-co-trang-nay", "/static/dangbo.css"] {
                let response = try await client.get(path)
                #expect(response.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true, "\(path)")
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin", "\(path)")
            }
            // No script anywhere, no external asset.
            let login = try await client.get("/dang-nhap")
            #expect(!login.body.string.contains("<script"))
            #expect(!login.body.string.contains("http://") && !login.body.string.contains("https://"))
        }
    }

    @Test func aPageNeedsASignedInCaller() async throws {
        try await WebFixture.withApp { app, _, _ in
            let response = try await WebClient(app: app).get("/dang-vien")
            #expect(response.status == .seeOther || response.status == .found)
            #expect(response.headers.first(name: .location)?.hasPrefix("/dang-nhap?next=") == true)
        }
    }

    @Test func loginLogoutAndTheSessionCookie() async throws {
        try await WebFixture.withApp { app, store, _ in
            let client = WebClient(app: app)
            let wrong = try await client.login("quantri", "sai-mat-khau-roi")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            let right = try await client.login("quantri", WebFixture.password)
            #expect(right.headers.first(name: .location) == "/")
            let cookie = right.headers[.setCookie].first { $0.hasPrefix("dangbo_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "\(cookie)")
            let home = try await client.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("quantri"))
            // Logout ends the session in the store, not only in the browser.
            let token = try #require(client.cookies["dangbo_session"])
            _ = try await client.post("/dang-xuat", [:])
            #expect(try await store.account(ofSession: DangBoCore.SHA256.hex(Array(token.utf8)), now: Date()) == nil)
            #expect(try await client.get("/").status != .ok)
        }
    }

    @Test func aFormWithoutItsTokenIsRefused() async throws {
        try await WebFixture.withApp { app, _, _ in
            let client = WebClient(app: app)
            let forged = try await client.post("/dang-nhap", ["username": "quantri", "password": WebFixture.password], csrf: "x")
            #expect(forged.status == .forbidden)
            #expect(client.cookies["dangbo_session"] == nil)
        }
    }

    @Test func repeatedFailuresWait() async throws {
        try await WebFixture.withApp { app, _, _ in
            let client = WebClient(app: app)
            for _ in 0..<5 { _ = try await client.login("quantri", "sai-mat-khau-roi") }
            let locked = try await client.login("quantri", WebFixture.password)
            #expect(locked.status == .tooManyRequests)
            #expect(client.cookies["dangbo_session"] == nil)
        }
    }

    @Test func theDashboardShowsTheFiguresOfTheScope() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let page = try await client.get("/").body.string
            let root = WebFixture.synthetic.organizations[0]
            let figures = registry.statistics(of: root.id, asOf: Day(iso: "2026-11-26")!)
            #expect(page.contains(VietnameseFormat.number(figures.members.total)))
            #expect(page.contains("Số liệu đến ngày 26/11/2026"))
        }
    }

    /// A cell secretary sees the cell's members and nothing else: a member, an organization or a review outside the
    /// cell answers 404, never data.
    @Test func aCellSecretarySeesOnlyTheCell() async throws {
        try await WebFixture.withApp { app, _, registry in
            let day = Day(iso: "2026-11-26")!
            let cell = WebFixture.cell(in: registry)
            let client = WebClient(app: app)
            _ = try await client.login("bithu", WebFixture.password)
            let list = try await client.get("/dang-vien").body.string
            let inCell = registry.journals.values.filter { $0.period(on: day)?.cell == cell.id }
            #expect(list.contains("\(inCell.count) đảng viên"), "\(inCell.count)")
            let outside = try #require(registry.journals.values.first { ($0.period(on: day)?.cell).map { $0 != cell.id } ?? false })
            #expect(!list.contains(outside.member.fullName) || inCell.contains { $0.member.fullName == outside.member.fullName })
            #expect(try await client.get("/dang-vien/\(outside.member.id.rawValue)").status == .notFound)
            #expect(try await client.get("/dang-vien/\(inCell[0].member.id.rawValue)").status == .ok)
            let root = WebFixture.synthetic.organizations[0]
            #expect(try await client.get("/to-chuc?ma=\(root.code)").status == .notFound)
            #expect(try await client.get("/dang-vien?to-chuc=\(root.code)").status == .notFound)
            #expect(try await client.get("/api/v1/review?organization=\(root.code)&from=2026-01-01&to=2026-03-31").status == .notFound)
        }
    }

    /// "nguyen truong giang" finds Nguyễn Trường Giang: the search ignores tones and đ.
    @Test func theSearchIgnoresTones() async throws {
        try await WebFixture.withApp { app, _, registry in
            let day = Day(iso: "2026-11-26")!
            let member = try #require(registry.journals.values.filter { $0.period(on: day) != nil }.map(\.member)
                .min { $0.id < $1.id })
            let folded = VietnameseText.folded(member.fullName)
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let page = try await client.get("/dang-vien?q=\(folded.replacingOccurrences(of: " ", with: "+"))").body.string
            #expect(page.contains(member.fullName), "\(folded)")
            let record = try await client.get("/dang-vien/\(member.id.rawValue)").body.string
            #expect(record.contains("Quá trình sinh hoạt"))
            #expect(record.contains(VietnameseFormat.day(member.birthDate)))
        }
    }

    /// The member list is kept per data version and scope (`PageCache`): asked again it answers the same; after any
    /// write it shows the write; an account of another scope never gets a page kept for a wider one.
    @Test func aKeptListFollowsEveryWriteAndEveryScope() async throws {
        try await WebFixture.withApp { app, store, registry in
            let day = Day(iso: "2026-11-26")!
            let cell = WebFixture.cell(in: registry)
            let inCell = registry.journals.values.filter { $0.period(on: day)?.cell == cell.id }
            let total = registry.statistics(of: WebFixture.synthetic.organizations[0].id, asOf: day).members.total
            let admin = WebClient(app: app)
            _ = try await admin.login("quantri", WebFixture.password)
            let first = try await admin.get("/dang-vien").body.string
            #expect(first.contains("\(VietnameseFormat.number(total)) đảng viên"))
            #expect(try await admin.get("/dang-vien").body.string == first)

            // The same address for the cell's secretary: the cell's members only.
            let secretary = WebClient(app: app)
            _ = try await secretary.login("bithu", WebFixture.password)
            let own = try await secretary.get("/dang-vien").body.string
            #expect(own.contains("\(inCell.count) đảng viên") && !own.contains("\(VietnameseFormat.number(total)) đảng viên"))

            // A transfer out through the form: the same list, asked again, no longer has the member.
            let member = try #require(inCell.filter { $0.period(on: day)?.standing == .official && ($0.events.last?.effective ?? day) < Day(iso: "2026-11-01")! }
                .min { $0.member.id < $1.member.id })
            let listOfCell = "/dang-vien?to-chuc=\(cell.code)&q=\(VietnameseText.folded(member.member.fullName).replacingOccurrences(of: " ", with: "+"))"
            let before = try await admin.get(listOfCell).body.string
            #expect(before.contains(member.member.fullName))
            let version = try await store.dataVersion()
            let response = try await admin.post(SiteURL.eventForm(member.member.id, .transferredOut).path, [
                "ngay-hieu-luc": "20/11/2026", "so-quyet-dinh": "98-QĐ/ĐUK", "ngay-quyet-dinh": "18/11/2026",
            ])
            #expect(response.status == .seeOther, "\(response.body.string.prefix(400))")
            #expect(try await store.dataVersion() != version)
            let after = try await admin.get(listOfCell).body.string
            #expect(!after.contains(">\(member.member.fullName)<"), "\(member.member.fullName)")
            #expect(try await admin.get("/dang-vien").body.string.contains("\(VietnameseFormat.number(total - 1)) đảng viên"))
            #expect(try await secretary.get("/dang-vien").body.string.contains("\(inCell.count - 1) đảng viên"))
        }
    }
}
