import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import Testing
import VaporTesting

/// Biến động đảng viên: a period's movements in the caller's scope, newest first, a page at a time, each linking to
/// its member; the ways onto the rolls for writers only.
@Suite struct MovementsPageTests {
    @Test func theMonthsMovementsAreListedNewestFirstWithTheirMembers() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cell = MembershipForms.stableCells(registry)[0]
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let id = try #require(try await MembershipForms.admit(
                client, name: "Y Thị Hoa", nationalID: MembershipForms.unusedNationalID(registry, 1), cell: cell.code,
                votedOn: "10/11/2026", ceremony: "20/11/2026").id)
            let page = try await client.get(SiteURL.movements.path).body.string
            // This month by default: 1/11/2026 to 30/11/2026.
            #expect(page.contains("value=\"1/11/2026\"") && page.contains("value=\"30/11/2026\""))
            #expect(page.contains("href=\"\(SiteURL.member(id).with(query: [("ngay", "20/11/2026")]))\"") && page.contains("Y Thị Hoa"))
            #expect(page.contains("href=\"/bien-dong\" class=\"current\"") || page.contains("class=\"current\" href=\"/bien-dong\""))
            #expect(page.contains("Kết nạp đảng viên mới") && page.contains("Tiếp nhận đảng viên chuyển đến"))

            // The whole history, a page at a time, newest first; the two pages do not overlap.
            let root = WebFixture.synthetic.organizations[0].id
            let scope = Scope(roots: [root])
            let first = try await store.movements(in: scope, from: Day(iso: "2000-01-01")!, to: MembershipForms.today, page: 1, pageSize: 50)
            let second = try await store.movements(in: scope, from: Day(iso: "2000-01-01")!, to: MembershipForms.today, page: 2, pageSize: 50)
            #expect(first.total > 100 && first.rows.count == 50 && second.rows.count == 50)
            let days = (first.rows + second.rows).map(\.event.effective)
            #expect(days == days.sorted(by: >))
            #expect(Set(first.rows.map { "\($0.member.id)-\($0.event.kind)-\($0.event.effective)" })
                .isDisjoint(with: second.rows.map { "\($0.member.id)-\($0.event.kind)-\($0.event.effective)" }))
            // Core's count: the events from 1/1/2000 to today whose cell (the event's, else the member's cell that day: the last
            // period touching it) lay under the root that day, and the admission just written.
            let inPeriod = registry.journals.values.flatMap { journal in
                journal.events.filter { (Day(iso: "2000-01-01")!...MembershipForms.today).contains($0.effective) }.filter { event in
                    let cell = event.organization ?? journal.periods.last {
                        $0.validity.start <= event.effective && ($0.validity.end.map { $0 >= event.effective } ?? true)
                    }?.cell
                    return cell.map { registry.tree.isWithin($0, root: root, on: event.effective) } ?? false
                }
            }.count + 1
            #expect(first.total == inPeriod)
            let html = try await client.get(SiteURL.movements.with(query: [("tu", "1/1/2000"), ("trang", "2")])).body.string
            #expect(html.contains("← Trang trước") && html.contains("trang 2/"))
        }
    }

    @Test func aSecretarySeesTheCellsMovementsOnlyAndAViewerNoButtons() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cell = WebFixture.cell(in: registry)
            let root = WebFixture.synthetic.organizations[0]
            let secretary = WebClient(app: app)
            _ = try await secretary.login("bithu", WebFixture.password)
            #expect(try await secretary.get(SiteURL.movements.with(query: [("to-chuc", root.code)])).status == .notFound)
            let all = try await store.movements(in: Scope(roots: [cell.id]), from: Day(iso: "2000-01-01")!, to: MembershipForms.today,
                                                page: 1, pageSize: 1_000)
            #expect(all.total > 0 && all.rows.allSatisfy { $0.cell.id == cell.id })
            let page = try await secretary.get(SiteURL.movements.with(query: [("tu", "1/1/2000")])).body.string
            #expect(page.contains("\(VietnameseFormat.number(all.total)) biến động"))
            let bad = try await secretary.get(SiteURL.movements.with(query: [("tu", "32/1/2026")])).body.string
            #expect(bad.contains("class=\"error\"") && bad.contains("32/1/2026"))
            // The import page is offered to those who may import: an admin, not a cell secretary.
            #expect(!page.contains("href=\"/nhap-du-lieu\""))
            let admin = WebClient(app: app)
            _ = try await admin.login("quantri", WebFixture.password)
            #expect(try await admin.get(SiteURL.movements.path).body.string.contains("href=\"/nhap-du-lieu\""))

            let viewer = try await MembershipForms.viewer(app, store)
            let seen = try await viewer.get(SiteURL.movements.path)
            #expect(seen.status == .ok && !seen.body.string.contains("Kết nạp đảng viên mới"))
            #expect(!seen.body.string.contains("href=\"/nhap-du-lieu\""))
        }
    }
}
