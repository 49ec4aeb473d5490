import DangBoCore
import DangBoStore
import DangBoSynthetic
import DangBoWeb
import Foundation
import Testing
import VaporTesting

/// The dashboard's "Cần làm" and "Biến động gần đây" (issue 9 point 3): the probationers due name themselves with
/// their deadline, and a cell secretary sees only the cell's.
@Suite struct DashboardTests {
    static let today = Day(iso: "2026-11-26")!

    /// Core's probationers due within 30 days of `day` (or overdue) in `cell` (nil: anywhere), by member id.
    static func due(in registry: Registry, on day: Day, cell: OrganizationID?) -> [(Member, Day)] {
        registry.journals.values.compactMap { journal -> (Member, Day)? in
            guard let period = journal.period(on: day), cell == nil || period.cell == cell,
                  let due = journal.probationEnd(asOf: day), due <= day.adding(days: 30) else { return nil }
            return (journal.member, due)
        }.sorted { $0.0.id < $1.0.id }
    }

    /// The latest day (the fixture's today, else the 1st of an earlier month) on which the secretary's cell has a
    /// probationer due and another cell has one too, so that the page can both show and hide.
    static func day(in registry: Registry, cell: OrganizationID) -> Day {
        let start = Day(year: today.year, month: today.month, day: 1)!
        return ([today] + (1...360).map { start.adding(months: -$0) }).first { day in
            let all = due(in: registry, on: day, cell: nil), mine = due(in: registry, on: day, cell: cell)
            return !mine.isEmpty && all.count > mine.count
        }!
    }

    @Test func theAdminSeesTheProbationersDueWithTheirDeadline() async throws {
        try await WebFixture.withApp { app, store, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let day = Self.day(in: registry, cell: WebFixture.cell(in: registry).id)
            let page = try await client.get("/?ngay=\(VietnameseFormat.day(day))").body.string
            let due = Self.due(in: registry, on: day, cell: nil)
            #expect(page.contains("Cần làm") && page.contains("Biến động gần đây"))
            for (member, deadline) in due {
                #expect(page.contains(">\(member.fullName)</a>"), "\(member.fullName)")
                #expect(page.contains(VietnameseFormat.day(deadline)), "\(deadline)")
            }
            let soon = due.filter { $0.1 >= day }.count, late = due.count - soon
            if soon > 0 {
                #expect(page.contains("\(soon) đảng viên dự bị đến hạn xét công nhận chính thức trước "
                    + "\(VietnameseFormat.day(day.adding(days: 31)))."))
            }
            if late > 0 { #expect(page.contains("\(late) đảng viên dự bị đã quá hạn xét công nhận chính thức")) }
            // The recent changes are the store's, each with its member and its words; a member coming to attend for a
            // while is named without a link (the member's own cell, elsewhere, decides who opens the record).
            for line in try await store.recentEvents(in: Scope(roots: [registry.tree.organizations.keys.min()!]), asOf: day) {
                let name = line.event.kind == .temporaryIn ? "<td>\(line.member.fullName)</td>" : ">\(line.member.fullName)</a>"
                #expect(page.contains(name) && page.contains(line.event.kind.vietnamese), "\(name)")
            }
            #expect(!page.contains("<script"))
        }
    }

    @Test func aCellSecretarySeesOnlyTheCellsAlerts() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("bithu", WebFixture.password)
            let cell = WebFixture.cell(in: registry).id
            let day = Self.day(in: registry, cell: cell)
            let page = try await client.get("/?ngay=\(VietnameseFormat.day(day))").body.string
            let mine = Self.due(in: registry, on: day, cell: cell)
            let names = Set(mine.map(\.0.fullName))
            for (member, _) in mine { #expect(page.contains(">\(member.fullName)</a>"), "\(member.fullName)") }
            for (member, _) in Self.due(in: registry, on: day, cell: nil) where !names.contains(member.fullName) {
                #expect(!page.contains(">\(member.fullName)</a>"), "\(member.fullName) is outside the cell")
            }
            #expect(page.contains("\(mine.count) đảng viên dự bị"))
        }
    }

    // MARK: Figures as links, and the charts

    /// Every `href` of a page, unescaped.
    static func links(in page: String) -> [String] {
        page.matches(of: /href="([^"]*)"/).map { String($0.1).replacingOccurrences(of: "&amp;", with: "&") }
    }

    /// The `<details>` of the page whose summary contains `words`: its summary and the member ids it links to.
    static func list(in page: String, containing words: String) -> (summary: String, members: [Int])? {
        for match in page.matches(of: /<details[^>]*><summary>([^<]*)<\/summary>(.*?)<\/details>/.dotMatchesNewlines()) where match.1.contains(words) {
            let ids = match.2.matches(of: /href="\/dang-vien\/([0-9]+)\?/).compactMap { Int($0.1) }
            return (String(match.1), ids)
        }
        return nil
    }

    /// The number a sentence starts with ("1.234 đảng viên …").
    static func leadingNumber(_ text: String) -> Int? {
        Int(text.prefix { $0.isNumber || $0 == "." }.replacingOccurrences(of: ".", with: ""))
    }

    @Test func everyFigureAndEveryAlertCountIsALinkThatResolves() async throws {
        try await WebFixture.withApp { app, store, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let day = Self.day(in: registry, cell: WebFixture.cell(in: registry).id)
            let root = WebFixture.synthetic.organizations[0]
            let page = try await client.get("/?ngay=\(VietnameseFormat.day(day))").body.string
            let statistics = registry.statistics(of: root.id, asOf: day)
            let n = VietnameseFormat.number, d = VietnameseFormat.day(day)

            // Each figure of the card is a link to the list behind it, as of the page's day.
            for (label, value) in [("Đảng viên", statistics.members.total), ("Chính thức", statistics.members.official),
                                   ("Dự bị", statistics.members.probationary), ("Nữ", statistics.members.female),
                                   ("Dân tộc thiểu số", statistics.members.ethnicMinority), ("Miễn sinh hoạt", statistics.members.exempt),
                                   ("Tổ chức cơ sở đảng", statistics.organizations.grassroots), ("Chi bộ", statistics.organizations.cells)] {
                let figure = try #require(page.range(of: "<div class=\"label\">\(label)</div>"), "\(label)")
                #expect(page[figure.upperBound...].prefix(200).contains(">\(n(value))</a>"), "\(label)")
            }
            #expect(page.contains("/dang-vien?to-chuc=\(root.code)&amp;dang-vien=chinh-thuc&amp;ngay=\(d)"))
            // The member list behind "Đảng viên" shows the same total.
            let list = try await client.get("/dang-vien?to-chuc=\(root.code)&ngay=\(d)").body.string
            #expect(list.contains(n(statistics.members.total)))

            // Every link of the page answers 200 (anchors name a list on the page).
            let links = Set(Self.links(in: page))
            #expect(links.count > 40)
            for link in links.sorted() {
                if link.hasPrefix("#") {
                    #expect(page.contains("id=\"\(link.dropFirst())\""), "\(link)")
                    continue
                }
                let status = try await client.get(link).status
                #expect(status == .ok, "\(link)")
            }
            // Each figure of the age pyramid opens the list of exactly that many members (its band and gender).
            let bandLinks = page.matches(of: /<a href="(\/dang-vien\?[^"]*tuoi=[^"]*)">([0-9.]+)<\/a>/)
                .map { (String($0.1).replacingOccurrences(of: "&amp;", with: "&"), String($0.2)) }
            #expect(bandLinks.count >= 10)
            for (link, figure) in bandLinks {
                #expect(try await client.get(link).body.string.contains(">\(figure) đảng viên; trang"), "\(link)")
            }

            // The alert lists and the figure lists show exactly the members they count.
            let alerts = try await store.alerts(in: Scope(roots: [root.id]), asOf: day)
            let overdue = alerts.probations.filter { $0.due < day }, soon = alerts.probations.filter { $0.due >= day }
            for (words, expected) in [("đã quá hạn xét công nhận", overdue.map(\.member.id.rawValue)),
                                      ("dự bị đến hạn xét công nhận", soon.map(\.member.id.rawValue)),
                                      ("Huy hiệu Đảng", alerts.badges.map(\.member.id.rawValue)),
                                      // Members attending from elsewhere are named without a link (their own cell decides who opens them).
                                      ("sinh hoạt đảng tạm thời", alerts.temporaryStays.filter { $0.kind == .away }.map(\.member.id.rawValue))] where !expected.isEmpty {
                let shown = try #require(Self.list(in: page, containing: words), "\(words)")
                #expect(shown.members == expected, "\(words)")
                if words != "sinh hoạt đảng tạm thời" { #expect(Self.leadingNumber(shown.summary) == expected.count, "\(shown.summary)") }
            }
            if let stays = Self.list(in: page, containing: "sinh hoạt đảng tạm thời") {
                #expect(Self.leadingNumber(stays.summary) == alerts.temporaryStays.count)
                for stay in alerts.temporaryStays where stay.kind == .attending {
                    #expect(page.contains("<td>\(stay.member.fullName)</td><td>\(stay.cell.name)</td><td>Đến</td>"))
                }
            }
            func core(_ keep: (Journal, MembershipPeriod) -> Bool) -> Set<Int> {
                Set(registry.journals.values.compactMap { journal in
                    guard let period = journal.period(on: day), registry.tree.isWithin(period.cell, root: root.id, on: day),
                          keep(journal, period) else { return nil }
                    return journal.member.id.rawValue
                })
            }
            for (words, expected) in [("dân tộc thiểu số", core { journal, _ in Member.isEthnicMinority(journal.member.ethnicity) }),
                                      ("miễn công tác", core { $1.exempt })] {
                let shown = try #require(Self.list(in: page, containing: words), "\(words)")
                #expect(Set(shown.members) == expected && shown.members.count == expected.count, "\(words)")
                #expect(Self.leadingNumber(shown.summary) == expected.count, "\(shown.summary)")
            }
        }
    }

    @Test func theDashboardShowsTheThreeChartsOfTheFirstRoot() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let root = WebFixture.synthetic.organizations[0]
            let page = try await client.get("/").body.string
            for id in ["bieu-do-dang-vien-", "bieu-do-thap-tuoi-", "bieu-do-ket-nap-"] {
                #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"") && page.contains("id=\"\(id)\(root.code)\""), "\(id)")
            }
            // The last month of the standing chart is the day's figures.
            let statistics = registry.statistics(of: root.id, asOf: Self.today).members
            let n = VietnameseFormat.number
            #expect(page.contains("\(n(statistics.total)) đảng viên, \(n(statistics.official)) chính thức, \(n(statistics.probationary)) dự bị."))
            #expect(!page.contains("<script"))
        }
    }

    @Test func aCellSecretarysDashboardShowsOnlyTheCellsFigures() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("bithu", WebFixture.password)
            let cell = WebFixture.cell(in: registry)
            let page = try await client.get("/").body.string
            let statistics = registry.statistics(of: cell.id, asOf: Self.today).members
            let n = VietnameseFormat.number
            #expect(page.contains("id=\"bieu-do-dang-vien-\(cell.code)\"") && page.contains("id=\"bieu-do-thap-tuoi-\(cell.code)\""))
            #expect(page.contains("\(n(statistics.total)) đảng viên, \(n(statistics.official)) chính thức, \(n(statistics.probationary)) dự bị."))
            // No organization but the cell is named in a link.
            let codes = Set(Self.links(in: page).compactMap { link in
                link.firstMatch(of: /to-chuc=([^&]+)/).map { String($0.1) } ?? link.firstMatch(of: /^\/to-chuc\/([^?\/]+)/).map { String($0.1) }
            })
            let known = Set(registry.tree.organizations.values.map(\.code))
            #expect(codes.intersection(known) == [cell.code])
            for other in registry.tree.organizations.values where other.id != cell.id {
                #expect(!page.contains("bieu-do-dang-vien-\(other.code)\""))
            }
        }
    }
}

