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
    /// A cell other than the secretary's, on the fixture's day.
    static let outsideCell: String = {
        let registry = WebFixture.synthetic.registry()
        let day = Day(iso: "2026-11-26")!, own = WebFixture.cell(in: registry).id
        return registry.tree.organizations.values.filter { $0.version(on: day)?.kind.isCell == true && $0.id != own }
            .min { $0.id < $1.id }!.code
    }()

    /// A case conducted outside the secretary's cell.
    static let outsideCase: String = {
        let registry = WebFixture.synthetic.registry()
        let own = WebFixture.cell(in: registry).id
        return registry.cases.first { $0.conductorOrganization != own }!.reference
    }()

    /// Minutes recorded by another cell than the secretary's.
    static let outsideMeeting: String = {
        let registry = WebFixture.synthetic.registry()
        let own = WebFixture.cell(in: registry).id
        return registry.meetings.first { $0.cell != own }!.reference
    }()

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
        case .reviewNarrative: [SiteURL.reviewNarrative.with(query: [("to-chuc", root), ("tu", "1/7/2026"), ("den", "30/9/2026")])]
        case .reviewWorkbook: [SiteURL.reviewWorkbook.with(query: [("to-chuc", root), ("tu", "1/7/2026"), ("den", "30/9/2026")])]
        case .reviewPrint: [SiteURL.reviewPrint.with(query: [("to-chuc", root), ("tu", "1/7/2026"), ("den", "30/9/2026")])]
        // The root's report, issued by `issueTheRootsReport` (id 1); the list is the caller's own (checked apart).
        case .issuedReview: [SiteURL.issuedReview(1).path]
        case .issuedReviewDocument: [SiteURL.issuedReviewDocument(1).path]
        case .issuedReviewPDF: [SiteURL.issuedReviewPDF(1).path]
        case .issuedReviews: []
        case .meetings: [SiteURL.meetings.with(query: [("to-chuc", root)]),
                         SiteURL.meetings.with(query: [("to-chuc", root), ("tu", "1/1/2025"), ("den", "30/9/2026")])]
        case .newMeeting: [SiteURL.newMeeting.with(query: [("chi-bo", outsideCell)]),
                           SiteURL.newMeeting.with(query: [("chi-bo", outsideCell), ("ngay-hop", "15/10/2026")])]
        case .meetingCorrection: [SiteURL.meetingCorrection.with(query: [("bien-ban", outsideMeeting)]),
                                  SiteURL.meetingCorrection.with(query: [("bien-ban", outsideMeeting), ("chi-bo", outsideCell)])]
        case .oversight: [SiteURL.oversight.with(query: [("to-chuc", root)]),
                          SiteURL.oversight.with(query: [("to-chuc", root), ("tu", "1/1/2000"), ("den", "26/11/2026")])]
        case .oversightProgramme: [SiteURL.oversightProgramme.with(query: [("to-chuc", root), ("nam", "2026")])]
        case .oversightCase: [SiteURL.oversightCase(outsideCase).path]
        case .discipline: [SiteURL.discipline.with(query: [("to-chuc", root)]),
                           SiteURL.discipline.with(query: [("to-chuc", outsideCell), ("tu", "1/1/2000"), ("den", "26/11/2026")])]
        case .committees: [SiteURL.committees.with(query: [("to-chuc", root)]),
                           SiteURL.committees.with(query: [("to-chuc", outsideCell), ("ngay", "1/1/2020")])]
        }
    }

    static let routes: [SiteURL] = [.home, .login, .logout, .organizations, .members, .member(MemberID(1)),
                                    .organization(""), .review, .stylesheet, .health, .apiReview,
                                    .reviewRecords, .reviewDocument, .movements, .eventForm(MemberID(1), .transferredOut), .newMember,
                                    .newOrganization, .organizationChange(""), .importUpload, .importConfirm, .importPreview, .auditLog,
                                    .reviewNarrative, .reviewPrint, .reviewWorkbook, .issuedReviews, .issuedReview(1), .issuedReviewDocument(1), .issuedReviewPDF(1),
                                    .meetings, .newMeeting, .meetingCorrection, .committees, .discipline, .oversight, .oversightProgramme,
                                    .oversightCase("")]

    /// The root's report of the third quarter of 2026, issued (id 1), so that asking for it from a cell is a real
    /// question about the outside.
    static func issueTheRootsReport(_ store: Store) async throws -> IssuedReview {
        let root = WebFixture.synthetic.organizations[0]
        try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK"), of: root.id, actor: "test")
        return try await store.issueReview(
            of: root.id, from: Day(iso: "2026-07-01")!, to: Day(iso: "2026-09-30")!, number: 15,
            narrative: ReviewDocument.Narrative(results: ["Kết quả."], shortcomings: ["Hạn chế."], directions: ["Phương hướng."]),
            actor: "test")
    }

    @Test func aCellSecretaryGetsNothingFromOutsideTheCell() async throws {
        try await WebFixture.withApp { app, store, registry in
            let day = Day(iso: "2026-11-26")!
            let cell = WebFixture.cell(in: registry)
            let root = WebFixture.synthetic.organizations[0]
            let report = try await Self.issueTheRootsReport(store)
            #expect(report.id == 1)
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
            // The list of issued reports is the caller's own: the root's is not on it.
            let list = try await client.get(SiteURL.issuedReviews.path)
            #expect(list.status == .ok && !list.body.string.contains(report.document.numberAndCode))
            // Writing the root's narrative or issuing it: refused, nothing written.
            let posted = try await client.post(SiteURL.reviewNarrative.with(query: [("to-chuc", root.code), ("tu", "1/10/2026"), ("den", "31/12/2026")]),
                                               ["ket-qua": "x", "han-che": "y", "phuong-huong": "z", "hanh-dong": "ban-hanh"])
            #expect([.notFound, .forbidden].contains(posted.status))
            #expect(try await store.issuedReviews(in: Scope(roots: [root.id])).count == 1)
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
