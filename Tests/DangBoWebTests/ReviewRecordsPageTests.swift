import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import Testing
import VaporTesting

/// Every figure on the review page is a link to the list behind it (UX.md), and each list shows as many records as
/// the figure next to its link, within the caller's scope.
@Suite struct ReviewRecordsPageTests {
    static let today = Day(iso: "2026-11-26")!

    /// The links to record lists on `page`, with the number each shows.
    static func recordLinks(_ page: String) throws -> [(path: String, shown: Int)] {
        let pattern = try NSRegularExpression(pattern: #"<a href="(/bao-cao/so-ket/danh-sach\?[^"]*)">([0-9.]+)</a>"#)
        return pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { match in
            let path = String(page[Range(match.range(at: 1), in: page)!]).replacingOccurrences(of: "&amp;", with: "&")
            let shown = Int(page[Range(match.range(at: 2), in: page)!].replacingOccurrences(of: ".", with: ""))!
            return (path, shown)
        }
    }

    /// The rows of the records table of `page`.
    static func recordRows(_ page: String) -> Int {
        guard let table = page.range(of: "<table class=\"records\">"),
              let body = page.range(of: "<tbody>", range: table.upperBound..<page.endIndex),
              let end = page.range(of: "</tbody>", range: body.upperBound..<page.endIndex) else { return 0 }
        return page[body.upperBound..<end.lowerBound].components(separatedBy: "<tr>").count - 1
    }

    @Test func everyFigureLinksToAsManyRecordsAsItShows() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let root = WebFixture.synthetic.organizations[0]
            let cell = WebFixture.cell(in: registry)
            let grassroots = try #require(registry.tree.ancestors(of: cell.id, on: Self.today)
                .compactMap { registry.tree[$0] }.first { $0.version(on: Self.today)?.kind.isGrassroots == true })
            let questions: [(Organization, String, String)] = [
                (root, "1/7/2026", "30/9/2026"), (root, "1/1/2016", "31/12/2025"), (grassroots, "1/1/2020", "31/12/2025"),
                (cell, "1/1/2016", "26/11/2026"),
            ]
            var linked = 0
            for (organization, from, to) in questions {
                let page = try await client.get(SiteURL.review.with(query: [("to-chuc", organization.code), ("tu", from), ("den", to)]))
                #expect(page.status == .ok)
                let review = registry.review(of: organization.id, from: Day(parsing: from)!, to: Day(parsing: to)!)
                let links = try Self.recordLinks(page.body.string)
                // Every figure that is not zero is linked, once, with its value; zeros are plain text.
                let slugs = links.compactMap { URLComponents(string: $0.path)?.queryItems?.first { $0.name == "chi-tieu" }?.value }
                let expected = ReviewFigure.allCases.filter { $0.value(in: review) != 0 }
                #expect(Set(slugs) == Set(expected.map(\.slug)), "\(organization.code) \(from)…\(to)")
                for (path, shown) in links {
                    let figure = try #require(URLComponents(string: path)?.queryItems?.first { $0.name == "chi-tieu" }?.value
                        .flatMap(ReviewFigure.init(slug:)), "\(path)")
                    #expect(shown == figure.value(in: review), "\(path)")
                    let list = try await client.get(path)
                    #expect(list.status == .ok, "\(path)")
                    let html = list.body.string
                    #expect(Self.recordRows(html) == shown, "\(path)")
                    #expect(html.contains("<strong>\(VietnameseFormat.number(shown))</strong>"), "\(path)")
                    #expect(html.contains("<title>\(figure.vietnamese) — DangBo</title>"), "\(path)")
                    linked += 1
                }
            }
            #expect(linked >= 40)
        }
    }

    /// A member who transferred out is listed with a link to the member's page, the day and the event.
    @Test func aTransferOutIsListedWithItsMember() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let root = WebFixture.synthetic.organizations[0]
            let event = try #require(registry.journals.values.flatMap(\.events)
                .filter { $0.kind == .transferredOut && $0.effective.year >= 2016 }.min { ($0.effective, $0.member) < ($1.effective, $1.member) })
            let member = try #require(registry.members[event.member])
            let from = Day(year: event.effective.year, month: 1, day: 1)!, to = Day(year: event.effective.year, month: 12, day: 31)!
            let path = ReviewPage.recordsLink(.movement(.transferredOut), code: root.code, from: from, to: to)
            let page = try await client.get(path).body.string
            #expect(page.contains("<a href=\"\(SiteURL.member(member.id).path)\">\(member.fullName)</a>"))
            #expect(page.contains("<td>\(VietnameseFormat.day(event.effective))</td><td>Chuyển sinh hoạt đi</td>"))
            #expect(page.contains("Chuyển sinh hoạt đi — DangBo"))
        }
    }

    @Test func anUnknownFigureIsNotFound() async throws {
        try await WebFixture.withApp { app, _, _ in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let root = WebFixture.synthetic.organizations[0].code
            for slug in ["khong-co", "", "chuyen_di"] {
                let response = try await client.get(SiteURL.reviewRecords.with(query: [("to-chuc", root), ("chi-tieu", slug)]))
                #expect(response.status == .notFound, "\(slug)")
                #expect(response.body.string.contains("hãy mở danh sách từ một số liệu trên trang báo cáo"), "\(slug)")
            }
            let backwards = try await client.get(SiteURL.reviewRecords.with(query: [
                ("to-chuc", root), ("tu", "1/4/2021"), ("den", "31/3/2021"), ("chi-tieu", "ket-nap")]))
            #expect(backwards.status == .badRequest)
        }
    }

    /// A cell secretary gets the cell's lists, and 404 for the root's, whatever the figure.
    @Test func aCellSecretaryGetsOnlyTheCellsLists() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("bithu", WebFixture.password)
            let root = WebFixture.synthetic.organizations[0]
            let cell = WebFixture.cell(in: registry)
            for figure in [ReviewFigure.members(.total), .movement(.transferredOut), .organizations(.kind(.upperCommittee))] {
                let outside = try await client.get(ReviewPage.recordsLink(figure, code: root.code, from: Day(iso: "2016-01-01")!, to: Self.today))
                #expect(outside.status == .notFound, "\(figure.slug)")
                #expect(!outside.body.string.contains(root.versions.last!.name))
                let inside = try await client.get(ReviewPage.recordsLink(figure, code: cell.code, from: Day(iso: "2016-01-01")!, to: Self.today))
                #expect(inside.status == .ok, "\(figure.slug)")
            }
            let review = registry.review(of: cell.id, from: Day(iso: "2016-01-01")!, to: Self.today)
            let page = try await client.get(ReviewPage.recordsLink(.members(.total), code: cell.code, from: Day(iso: "2016-01-01")!, to: Self.today))
            #expect(Self.recordRows(page.body.string) == review.members.total)
        }
    }
}
