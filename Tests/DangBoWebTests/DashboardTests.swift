import DangBoCore
import DangBoStore
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
            // The recent changes are the store's, each with its member and its words.
            for line in try await store.recentEvents(in: Scope(roots: [registry.tree.organizations.keys.min()!]), asOf: day) {
                #expect(page.contains(">\(line.member.fullName)</a>") && page.contains(line.event.kind.vietnamese))
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
}
