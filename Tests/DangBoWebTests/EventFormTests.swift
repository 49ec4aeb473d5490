import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import SQLKit
import Testing
import VaporTesting

/// The event form of the member page: Core's rule broken comes back on the field at fault with nothing written; a
/// good event is written with its audit entry and the review changes; only writers within the scope may post.
@Suite struct EventFormTests {
    static let day = Day(iso: "2026-11-26")!

    static func events(_ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM membership_events").first()!.decode(column: "n", as: Int.self)
    }

    @Test func aBrokenRuleComesBackOnItsFieldAndNothingIsWritten() async throws {
        try await WebFixture.withApp { app, store, registry in
            let official = try #require(registry.journals.values.filter { $0.period(on: Self.day)?.standing == .official }
                .min { $0.member.id < $1.member.id })
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let before = try await Self.events(store)
            // A recognition for an official member breaks a rule of Core: shown on the kind field, in Vietnamese.
            let response = try await client.post(SiteURL.eventForm(official.member.id, .recognizedOfficial).path,
                                                  ["ngay-hieu-luc": "20/11/2026"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("id=\"loi-loai\""))
            #expect(response.body.string.contains("không phải đảng viên dự bị"))
            // A day that is no day, on its own field.
            let bad = try await client.post(SiteURL.eventForm(official.member.id, .transferredOut).path,
                                            ["ngay-hieu-luc": "31/2/2026"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("id=\"loi-ngay-hieu-luc\""))
            #expect(try await Self.events(store) == before)
        }
    }

    @Test func aTransferOutIsWrittenAndTheReviewChanges() async throws {
        try await WebFixture.withApp { app, store, registry in
            let root = WebFixture.synthetic.organizations[0]
            let member = try #require(registry.journals.values.filter {
                $0.period(on: Self.day)?.standing == .official && ($0.events.last?.effective ?? Self.day) < Day(iso: "2026-11-01")!
            }.min { $0.member.id < $1.member.id })
            let before = try await store.review(of: root.id, from: Day(iso: "2026-11-01")!, to: Self.day)
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let response = try await client.post(SiteURL.eventForm(member.member.id, .transferredOut).path, [
                "ngay-hieu-luc": "20/11/2026", "so-quyet-dinh": "99-QĐ/ĐUK",
                "ngay-quyet-dinh": "18/11/2026", "ghi-chu": "Chuyển về Đảng bộ tỉnh Hòa Bình",
            ])
            #expect(response.status == .seeOther || response.status == .found, "\(response.body.string.prefix(400))")
            let after = try await store.review(of: root.id, from: Day(iso: "2026-11-01")!, to: Self.day)
            #expect(after.movements.transferredOut == before.movements.transferredOut + 1)
            #expect(after.members.total == before.members.total - 1)
            let page = try await client.get("/dang-vien/\(member.member.id.rawValue)?ngay=19/11/2026").body.string
            #expect(page.contains("Chuyển sinh hoạt đi") && page.contains("99-QĐ/ĐUK, ngày 18/11/2026"))
            #expect(try await store.auditEntries(limit: 1).first?.action == "event.record")
        }
    }

    @Test func onlyWritersWithinTheScopeMayPost() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cell = WebFixture.cell(in: registry)
            let outsider = try #require(registry.journals.values.first {
                ($0.period(on: Self.day)?.cell).map { $0 != cell.id } ?? false })
            let client = WebClient(app: app)
            _ = try await client.login("bithu", WebFixture.password)
            let before = try await Self.events(store)
            let response = try await client.post(SiteURL.eventForm(outsider.member.id, .transferredOut).path,
                                                  ["ngay-hieu-luc": "20/11/2026"])
            #expect(response.status == .notFound)
            #expect(try await Self.events(store) == before)
        }
    }
}
