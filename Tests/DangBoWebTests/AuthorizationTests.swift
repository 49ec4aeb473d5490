import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import Testing
import VaporTesting

/// Every route, asked by a cell secretary about records outside the cell, answers 403, 404 or a redirect to login —
/// never data (issue 9 point 5). The switch is exhaustive: a new route does not compile until this test says how to
/// ask it about the outside.
@Suite struct AuthorizationTests {
    /// The requests that ask `url` about the outside of the caller's cell (none for routes that hold no record).
    static func outsideRequests(_ url: SiteURL, root: String, outsider: MemberID) -> [String] {
        switch url {
        case .home, .login, .logout, .stylesheet, .health: []
        case .organizations: [SiteURL.organizations.with(query: [("ma", root)])]
        case .members: [SiteURL.members.with(query: [("to-chuc", root)])]
        case .member: [SiteURL.member(outsider).path, SiteURL.member(outsider).with(query: [("ngay", "1/1/2010")])]
        case .organization: [SiteURL.organization(root).path]
        case .review: [SiteURL.review.with(query: [("to-chuc", root)]),
                       SiteURL.review.with(query: [("to-chuc", root), ("tu", "1/1/2021"), ("den", "31/3/2021")])]
        case .reviewRecords: ["dang-vien", "chuyen-di", "loai-cap-tren-co-so", "kiem-tra-thuong-xuyen-cap-uy-dang-vien"].map {
                                 SiteURL.reviewRecords.with(query: [("to-chuc", root), ("tu", "1/1/2016"), ("den", "26/11/2026"), ("chi-tieu", $0)])
                             } + [SiteURL.reviewRecords.with(query: [("to-chuc", root), ("chi-tieu", "ket-nap")])]
        case .reviewDocument: [SiteURL.reviewDocument.with(query: [("to-chuc", root)]),
                               SiteURL.reviewDocument.with(query: [("to-chuc", root), ("tu", "1/1/2021"), ("den", "31/3/2021")])]
        case .movements: [SiteURL.movements.with(query: [("to-chuc", root)]), SiteURL.movements.with(query: [("to-chuc", root), ("tu", "1/1/2000")])]
        case .eventForm: [EventKind.transferredOut, .recognizedOfficial, .moved].map { SiteURL.eventForm(outsider, $0).path }
                         + [SiteURL.eventForm(outsider, .transferredOut).with(query: [("ngay", "1/1/2010")])]
        case .newMember: [SiteURL.newMember.with(query: [("to-chuc", root)])]
        // A cell secretary may neither import nor read the audit log (403); confirming is a form, posted in ImportPageTests.
        case .importUpload: [SiteURL.importUpload.path]
        case .auditLog: [SiteURL.auditLog.path, SiteURL.auditLog.with(query: [("hanh-dong", "import"), ("tu", "1/1/2000")])]
        case .importConfirm, .importPreview: []
        // A cell secretary changes no part of the tree (403); the forms' posts are refused in TreeChangeFormsTests.
        case .newOrganization: [SiteURL.newOrganization.path, SiteURL.newOrganization.with(query: [("cap-tren", root)])]
        case .organizationChange: [SiteURL.organizationChange(root).path,
                                   SiteURL.organizationChange(root).with(query: [("ngay", "1/1/2010")])]
        case .apiReview: [SiteURL.apiReview.with(query: [("organization", root), ("from", "2021-01-01"), ("to", "2021-03-31")])]
        }
    }

    static let routes: [SiteURL] = [.home, .login, .logout, .organizations, .members, .member(MemberID(1)),
                                    .organization(""), .review, .stylesheet, .health, .apiReview,
                                    .reviewRecords, .reviewDocument, .movements, .eventForm(MemberID(1), .transferredOut), .newMember,
                                    .newOrganization, .organizationChange(""), .importUpload, .importConfirm, .importPreview, .auditLog]

    @Test func aCellSecretaryGetsNothingFromOutsideTheCell() async throws {
        try await WebFixture.withApp { app, _, registry in
            let day = Day(iso: "2026-11-26")!
            let cell = WebFixture.cell(in: registry)
            let root = WebFixture.synthetic.organizations[0]
            let outsider = try #require(registry.journals.values.first { ($0.period(on: day)?.cell).map { $0 != cell.id } ?? false })
            let client = WebClient(app: app)
            _ = try await client.login("bithu", WebFixture.password)
            var asked = 0
            for route in Self.routes {
                for path in Self.outsideRequests(route, root: root.code, outsider: outsider.member.id) {
                    asked += 1
                    let response = try await client.get(path)
                    #expect([.notFound, .forbidden].contains(response.status), "\(path): \(response.status)")
                    #expect(!response.body.string.contains(outsider.member.fullName) || registry.journals.values.contains {
                        $0.period(on: day)?.cell == cell.id && $0.member.fullName == outsider.member.fullName }, "\(path)")
                    #expect(!response.body.string.contains(root.versions.last!.name), "\(path) shows the root's name")
                }
            }
            #expect(asked >= 8)
        }
    }

    /// Without a session, every page sends to the login page and the API answers 401.
    @Test func nobodySignedInGetsNothing() async throws {
        try await WebFixture.withApp { app, _, _ in
            let client = WebClient(app: app)
            for route in Self.routes {
                for path in Self.outsideRequests(route, root: "DUK", outsider: MemberID(1)) {
                    let response = try await client.get(path)
                    #expect([.seeOther, .found, .unauthorized].contains(response.status), "\(path): \(response.status)")
                }
            }
        }
    }
}
