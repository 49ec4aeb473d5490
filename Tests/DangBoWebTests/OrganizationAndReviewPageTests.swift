import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import Testing
import VaporTesting

/// The organization page and the review page (issue 9 point 3): what they show equals Core's answers over the same
/// registry, dates read dd/MM/yyyy, and an account outside the organization gets 404, never data.
@Suite struct OrganizationAndReviewPageTests {
    static let today = Day(iso: "2026-11-26")!

    @Test func theOrganizationPageShowsTheDaysVersionItsFiguresAndItsCommittee() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let root = WebFixture.synthetic.organizations[0]
            let page = try await client.get("/to-chuc/\(root.code)").body.string
            let figures = registry.statistics(of: root.id, asOf: Self.today)
            let n = VietnameseFormat.number
            #expect(page.contains(root.version(on: Self.today)!.name))
            for (label, value) in [("Tổng số đảng viên", figures.members.total), ("Đảng viên chính thức", figures.members.official),
                                   ("Đảng viên dự bị", figures.members.probationary), ("Đảng viên nữ", figures.members.female),
                                   ("Miễn công tác và sinh hoạt đảng", figures.members.exempt), ("Tổ chức đảng", figures.organizations.total)] {
                let cell = try #require(page.range(of: "<th>\(label)</th>"), "\(label)")
                let after = page[cell.upperBound...].prefix(300)
                #expect(after.contains(">\(n(value))</"), "\(label): \(n(value)) in \(after)")
            }
            #expect(page.contains(membersLink(root.code, Self.today)))
            #expect(page.contains("/to-chuc?ma=\(root.code)&amp;ngay=26/11/2026"))

            // The tree links each name to its page, and its children separately.
            let tree = try await client.get("/to-chuc").body.string
            #expect(tree.contains("<a href=\"/to-chuc/\(root.code)?ngay=26/11/2026\">\(root.version(on: Self.today)!.name)</a>"))
            #expect(tree.contains("<a href=\"/to-chuc?ma=\(root.code)&amp;ngay=26/11/2026\">Trực thuộc</a>"))

            // An organization with seats in force on a day: every holder shown, linking to the member page.
            let seated = try #require(registry.seats.filter { $0.validity.contains(Self.today) }.map(\.organization).min())
            let code = registry.tree[seated]!.code
            let committee = try await client.get("/to-chuc/\(code)").body.string
            for seat in registry.seats where seat.organization == seated && seat.validity.contains(Self.today) {
                let name = registry.journals[seat.member]!.member.fullName
                #expect(committee.contains(">\(name)</a>"), "\(name)")
                #expect(committee.contains("/dang-vien/\(seat.member.rawValue)?"))
                #expect(committee.contains(VietnameseFormat.day(seat.validity.start)))
            }
            // A seat ended before the day is not shown.
            let current = Set(registry.seats.filter { $0.organization == seated && $0.validity.contains(Self.today) }.map(\.member))
            if let ended = registry.seats.first(where: { seat in
                seat.organization == seated && (seat.validity.end.map { $0 <= Self.today } ?? false) && !current.contains(seat.member)
            }) {
                #expect(!committee.contains(">\(registry.journals[ended.member]!.member.fullName)</a>"))
            }
        }
    }

    /// The organization page draws the organization's three charts (issue 9 "charts"), each with its table of figures,
    /// and the standing chart ends on the page's day with the page's figures.
    @Test func theOrganizationPageShowsItsThreeCharts() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let cell = WebFixture.cell(in: registry)
            let page = try await client.get("/to-chuc/\(cell.code)?ngay=26/11/2026").body.string
            for id in ["bieu-do-dang-vien-", "bieu-do-thap-tuoi-", "bieu-do-ket-nap-"] {
                #expect(page.contains("role=\"img\" aria-labelledby=\"\(id)\(cell.code)-title \(id)\(cell.code)-desc\""), "\(id)")
            }
            #expect(page.components(separatedBy: "<summary>Bảng số liệu</summary>").count == 4)
            let figures = registry.statistics(of: cell.id, asOf: Self.today).members
            let n = VietnameseFormat.number
            #expect(page.contains("Ngày 26/11/2026: \(n(figures.total)) đảng viên, \(n(figures.official)) chính thức, "
                + "\(n(figures.probationary)) dự bị."))
            // Admissions by quarter, as the review counts them.
            let admissions = registry.admissionSeries(of: cell.id, asOf: Self.today)
            let total = admissions.quarters.reduce(0) { $0 + $1.admitted }
            #expect(page.contains("Cộng 8 quý: \(n(total)) kết nạp") || (total == 0 && page.contains("Không kết nạp đảng viên nào")))
        }
    }

    /// The page on the day before a rename shows the old name, on the day of it the new one (the history shows both).
    @Test func theOrganizationPageFollowsTheDay() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let renamed = try #require(registry.tree.organizations.values.sorted { $0.id < $1.id }.first { organization in
                zip(organization.versions, organization.versions.dropFirst()).contains { $0.name != $1.name && $0.validity.end == $1.validity.start }
            })
            let pair = zip(renamed.versions, renamed.versions.dropFirst()).first { $0.name != $1.name && $0.validity.end == $1.validity.start }!
            let day = pair.1.validity.start
            let before = try await client.get("/to-chuc/\(renamed.code)?ngay=\(VietnameseFormat.day(day.previous))").body.string
            let on = try await client.get("/to-chuc/\(renamed.code)?ngay=\(VietnameseFormat.day(day))").body.string
            #expect(before.contains("<h1>\(pair.0.name)</h1>"))
            #expect(on.contains("<h1>\(pair.1.name)</h1>"))
            // The history lists every version with its first day as dd/MM/yyyy.
            for version in renamed.versions {
                #expect(on.contains("<td>\(VietnameseFormat.day(version.validity.start))</td>"))
            }
            #expect(!on.contains(day.iso))
        }
    }

    @Test func theReviewPageShowsCoresReview() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let root = WebFixture.synthetic.organizations[0]
            let n = VietnameseFormat.number
            // Without a period: the quarter before today's (quý III/2026 for 26/11/2026).
            let page = try await client.get("/bao-cao/so-ket?to-chuc=\(root.code)").body.string
            let review = registry.review(of: root.id, from: Day(iso: "2026-07-01")!, to: Day(iso: "2026-09-30")!)
            #expect(page.contains("quý III/2026"))
            #expect(page.contains("value=\"1/7/2026\"") && page.contains("value=\"30/9/2026\""))
            for line in ReportText.review(review, name: root.version(on: review.to)!.name).split(separator: "\n") {
                #expect(page.contains("<p>\(line)</p>"), "\(line)")
            }
            #expect(page.contains(">\(n(review.members.total))</a>"))
            #expect(page.contains("chi-tieu=ket-nap\">\(n(review.movements.admitted))</a></td>"))
            #expect(page.contains("chi-tieu=chuyen-di\">\(n(review.movements.transferredOut))</a></td>"))
            #expect(page.contains("cuối kỳ \(n(review.balance.atEnd))"))
            #expect(!page.contains("2026-07-01") && !page.contains("2026-09-30"))
            // A period given as dd/MM/yyyy.
            let year = try await client.get("/bao-cao/so-ket?to-chuc=\(root.code)&tu=1/1/2025&den=31/12/2025").body.string
            let yearly = registry.review(of: root.id, from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-12-31")!)
            #expect(year.contains("năm 2025"))
            #expect(year.contains("chi-tieu=ket-nap\">\(n(yearly.movements.admitted))</a></td>"))
            #expect(year.contains(">\(n(yearly.members.total))</a>"))
        }
    }

    @Test func theDefaultPeriodIsTheQuarterBefore() {
        let cases: [(String, String, String)] = [
            ("2026-11-29", "2026-07-01", "2026-09-30"), ("2026-10-01", "2026-07-01", "2026-09-30"),
            ("2026-09-30", "2026-04-01", "2026-06-30"), ("2026-02-15", "2025-10-01", "2025-12-31"),
            ("2026-01-01", "2025-10-01", "2025-12-31"), ("2025-12-31", "2025-07-01", "2025-09-30"),
        ]
        for (today, from, to) in cases {
            let quarter = ReviewController.previousQuarter(of: Day(iso: today)!)
            #expect(quarter.from == Day(iso: from)! && quarter.to == Day(iso: to)!, "\(today)")
        }
    }

    @Test func aCellSecretaryGets404ForTheRootsPages() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("bithu", WebFixture.password)
            let root = WebFixture.synthetic.organizations[0]
            let cell = WebFixture.cell(in: registry)
            for path in ["/to-chuc/\(root.code)", "/bao-cao/so-ket?to-chuc=\(root.code)",
                         "/bao-cao/so-ket?to-chuc=\(root.code)&tu=1/1/2025&den=31/12/2025"] {
                let response = try await client.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.body.string.contains(root.version(on: Self.today)!.name), "\(path)")
            }
            #expect(try await client.get("/to-chuc/\(cell.code)").status == .ok)
            #expect(try await client.get("/bao-cao/so-ket?to-chuc=\(cell.code)").status == .ok)
            // Without a code, the review is the account's own cell.
            #expect(try await client.get("/bao-cao/so-ket").body.string.contains(cell.version(on: Self.today)!.name))
        }
    }
}

/// The member list link of `code` on `day`, as the pages write it.
private func membersLink(_ code: String, _ day: Day) -> String {
    "/dang-vien?to-chuc=\(code)&amp;ngay=\(VietnameseFormat.day(day))"
}
