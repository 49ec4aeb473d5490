import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import SQLKit
import Testing
import VaporTesting

/// Kỷ luật in the web app (issue 11 points 3 and 5): the inspection commission or the department records a decision
/// through the form — refused on its field with nothing written when it breaks a rule, written with its effect when it
/// keeps them — then an appeal; the page's figures are the review's and list the decisions behind them; a cell secretary
/// may read but not write.
@Suite struct DisciplinePagesTests {
    static func count(_ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM discipline_decisions").first()!.decode(column: "n", as: Int.self)
    }

    @Test func aDecisionThroughTheFormWithItsEffectAndAnAppeal() async throws {
        try await WebFixture.withApp { app, store, registry in
            let day = Day(iso: "2026-10-15")!
            let root = WebFixture.synthetic.organizations[0]
            let journals = registry.journals.values.sorted { $0.member.id < $1.member.id }
            let official = try #require(journals.first { $0.period(on: day)?.standing == .official && $0.events.allSatisfy { $0.effective <= day } })
            let probationer = try #require(journals.first { $0.period(on: day)?.standing == .probationary })
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let query: [(String, String)] = [("to-chuc", root.code), ("tu", "1/10/2026"), ("den", "31/12/2026")]
            let page = try await client.get(SiteURL.discipline.with(query: query))
            #expect(page.status == .ok && page.body.string.contains("Ghi quyết định kỷ luật"))
            let before = try await Self.count(store)

            var fields = ["thao-tac": "quyet-dinh", "to-chuc": root.code, "tu": "1/10/2026", "den": "31/12/2026",
                          "doi-tuong-cccd": probationer.member.nationalID, "hinh-thuc": "expulsion", "to-chuc-quyet-dinh": root.code,
                          "co-quan": "standing_committee", "ngay-vi-pham": "1/8/2026", "ngay-ky": "15/10/2026", "so-quyet-dinh": "45-QĐ/ĐUK"]
            let refused = try await client.post(SiteURL.discipline.path, fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("<p class=\"error\" id=\"loi-hinh-thuc\">"), "\(refused.body.string.suffix(3_000))")
            #expect(try await Self.count(store) == before)

            // A cell decides in its meeting: its committee is refused on the body's field, the cell itself may warn its
            // own member (Charter 36.1); the second is written.
            let cell = try #require(official.period(on: day)?.cell)
            let cellCode = try #require(registry.tree[cell]?.code)
            var byCell = fields
            byCell.merge(["doi-tuong-cccd": official.member.nationalID, "hinh-thuc": "warning", "to-chuc-quyet-dinh": cellCode,
                          "co-quan": "committee"]) { $1 }
            let wrongBody = try await client.post(SiteURL.discipline.path, byCell)
            #expect(wrongBody.status == .unprocessableEntity && wrongBody.body.string.contains("<p class=\"error\" id=\"loi-co-quan\">"),
                    "\(wrongBody.body.string.suffix(3_000))")
            #expect(try await Self.count(store) == before)
            byCell["co-quan"] = "cell"
            byCell["hinh-thuc"] = "removal_from_post"
            let beyond = try await client.post(SiteURL.discipline.path, byCell)
            #expect(beyond.status == .unprocessableEntity && beyond.body.string.contains("<p class=\"error\" id=\"loi-hinh-thuc\">"))
            byCell["hinh-thuc"] = "warning"
            #expect(try await client.post(SiteURL.discipline.path, byCell).status == .seeOther)
            #expect(try await Self.count(store) == before + 1)

            fields["doi-tuong-cccd"] = official.member.nationalID
            let written = try await client.post(SiteURL.discipline.path, fields)
            #expect(written.status == .seeOther, "\(written.body.string.suffix(2_000))")
            #expect(try await Self.count(store) == before + 2)
            let loaded = try await store.loadRegistry()
            #expect(loaded.journals[official.member.id]?.events.last?.kind == .expelled)
            #expect(loaded.journals[official.member.id]?.period(on: day) == nil)

            // The page lists it and counts it, as the review does.
            let location = try #require(written.headers.first(name: .location))
            let listed = try await client.get(location).body.string
            #expect(listed.contains("<p class=\"notice\">Đã ghi quyết định kỷ luật KL-"))
            #expect(listed.contains(official.member.fullName))
            let review = try await store.review(of: root.id, from: Day(iso: "2026-10-01")!, to: Day(iso: "2026-12-31")!)
            let expelled = try #require(review.discipline.members["expulsion"])
            #expect(expelled >= 1)
            #expect(listed.contains("<tr><th>Khai trừ</th><td class=\"number\">—</td><td class=\"number\">\(expelled)</td></tr>"),
                    "\(listed.suffix(4_000))")

            // The review page shows the same figures and leads to the same list.
            let reviewPage = try await client.get(SiteURL.review.with(query: query)).body.string
            for sanction in Sanction.allCases {
                let row = listed.components(separatedBy: "<tr><th>\(sanction.vietnamese)</th>").dropFirst().first?.components(separatedBy: "</tr>").first
                #expect(row != nil && reviewPage.contains("<tr><th>\(sanction.vietnamese)</th>\(row ?? "")</tr>"), "\(sanction)")
            }
            #expect(reviewPage.contains(SiteURL.discipline.with(query: query).replacingOccurrences(of: "&", with: "&amp;")))

            // An appeal, lodged late (more than a month after the decision): refused; within the month: written.
            let reference = try #require(loaded.disciplines.last?.reference)
            var appeal = ["thao-tac": "khieu-nai", "to-chuc": root.code, "tu": "1/10/2026", "den": "31/12/2026",
                          "quyet-dinh": reference, "ngay-khieu-nai": "20/11/2026", "ket-qua": "pending"]
            let late = try await client.post(SiteURL.discipline.path, appeal)
            #expect(late.status == .unprocessableEntity && late.body.string.contains("<p class=\"error\" id=\"loi-ngay-khieu-nai\">"))
            appeal["ngay-khieu-nai"] = "25/10/2026"
            #expect(try await client.post(SiteURL.discipline.path, appeal).status == .seeOther)
            #expect(try await store.loadRegistry().disciplines.last?.appeals == [DisciplineAppeal(lodged: Day(iso: "2026-10-25")!)])
            #expect(try await store.auditEntries(limit: 1).first?.action == "discipline.appeal")
        }
    }

    @Test func aCellSecretaryReadsButDoesNotWrite() async throws {
        try await WebFixture.withApp { app, store, registry in
            let client = WebClient(app: app)
            _ = try await client.login("bithu", WebFixture.password)
            let page = try await client.get(SiteURL.discipline.path)
            #expect(page.status == .ok && !page.body.string.contains("Ghi quyết định kỷ luật"))
            let posted = try await client.post(SiteURL.discipline.path, ["thao-tac": "quyet-dinh", "to-chuc": WebFixture.cell(in: registry).code])
            #expect(posted.status == .forbidden)
        }
    }
}
