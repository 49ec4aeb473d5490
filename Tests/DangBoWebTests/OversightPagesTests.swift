import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import SQLKit
import Testing
import VaporTesting

/// Kiểm tra, giám sát in the web app (issue 11 points 2 and 5): the inspection commission plans a quarter's programme,
/// runs a case of it step by step to its conclusion and follow-up, and reads the counts; what breaks a rule is refused
/// on its field with nothing written; the page's figures are the review's and list its cases.
@Suite struct OversightPagesTests {
    static func count(_ table: String, _ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }

    @Test func theCommissionPlansAQuarterAndRunsACaseToItsConclusion() async throws {
        try await WebFixture.withApp { app, store, registry in
            let day = Day(iso: "2026-10-05")!
            let root = WebFixture.synthetic.organizations[0]
            let grassroots = registry.tree.organizations.values.filter { $0.version(on: day)?.kind.isGrassroots == true }
                .sorted { $0.id < $1.id }
            let members = registry.journals.values.filter { $0.period(on: day)?.standing == .official }.map(\.member)
                .sorted { $0.id < $1.id }
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let programmeQuery: [(String, String)] = [("to-chuc", root.code), ("chu-the", "inspection_commission"), ("nam", "2026")]
            #expect(try await client.get(SiteURL.oversightProgramme.with(query: programmeQuery)).status == .ok)

            // The quarter's programme: a thematic inspection of two grassroots organizations, a thematic supervision.
            var item = ["thao-tac": "muc", "to-chuc": root.code, "chu-the": "inspection_commission", "nam": "2026",
                        "noi-dung": "Kiểm tra việc thực hiện Quy định 102 về kỷ luật đảng viên", "hoat-dong": "inspection",
                        "hinh-thuc": "thematic", "quy": "4", "doi-tuong": "\(grassroots[0].code)\n\(grassroots[1].code)"]
            #expect(try await client.post(SiteURL.oversightProgramme.path, item).status == .seeOther)
            item["noi-dung"] = "Giám sát chuyên đề công tác phát triển đảng viên"
            item["hoat-dong"] = "supervision"
            item["doi-tuong"] = grassroots[2].code
            let second = try await client.post(SiteURL.oversightProgramme.path, item)
            #expect(second.status == .seeOther, "\(second.body.string.components(separatedBy: "class=\"error\"").dropFirst().map { $0.prefix(300) })")
            item["quy"] = "5"
            let badQuarter = try await client.post(SiteURL.oversightProgramme.path, item)
            #expect(badQuarter.status == .unprocessableEntity && badQuarter.body.string.contains("<p class=\"error\" id=\"loi-quy\">"))
            let programme = try await client.get(SiteURL.oversightProgramme.with(query: programmeQuery)).body.string
            #expect(programme.contains("Quý IV/2026: 2 nội dung, 0 đã tiến hành, 0 đã kết luận"), "\(programme.suffix(3_000))")

            // A thematic supervision outside the programme is refused; nothing written.
            let cases = try await Self.count("oversight_cases", store)
            var open = ["to-chuc": root.code, "tu": "1/10/2026", "den": "31/12/2026", "hoat-dong": "supervision", "hinh-thuc": "thematic",
                        "chu-the": "inspection_commission", "ngay-bat-dau": "5/10/2026", "doi-tuong": grassroots[3].code]
            let outside = try await client.post(SiteURL.oversight.path, open)
            #expect(outside.status == .unprocessableEntity && outside.body.string.contains("<p class=\"error\" id=\"loi-noi-dung\">"),
                    "\(outside.body.string.suffix(2_000))")
            #expect(try await Self.count("oversight_cases", store) == cases)

            // The first item's case: a decision, a team of two, its leader the first.
            open = ["thao-tac": "mo-cuoc", "to-chuc": root.code, "chu-the": "inspection_commission", "nam": "2026", "muc": "0",
                    "hoat-dong": "inspection", "hinh-thuc": "thematic", "ngay-bat-dau": "5/10/2026",
                    "doi-tuong": "\(grassroots[0].code)\n\(grassroots[1].code)", "ngay-quyet-dinh": "5/10/2026", "so-quyet-dinh": "12-QĐ/UBKT",
                    "doan": "\(members[0].nationalID)\n\(members[1].nationalID)"]
            let opened = try await client.post(SiteURL.oversightProgramme.path, open)
            #expect(opened.status == .seeOther, "\(opened.body.string.suffix(2_000))")
            let url = try #require(opened.headers.first(name: .location))
            let reference = String(url.split(separator: "/").last!)
            #expect(reference.hasPrefix("KT-\(root.code)-2026-10-05"))

            // Steps in order; a skipped stage and a conclusion without outcome are refused.
            func step(_ stage: String, _ day: String, _ extra: [String: String] = [:]) async throws -> TestingHTTPResponse {
                var fields = ["thao-tac": "buoc", "buoc": stage, "ngay": day]
                fields.merge(extra) { $1 }
                return try await client.post(url, fields)
            }
            let skipped = try await step("team_report", "20/10/2026")
            #expect(skipped.status == .unprocessableEntity && skipped.body.string.contains("<p class=\"error\" id=\"loi-buoc\">"),
                    "\(skipped.body.string.suffix(2_000))")
            #expect(try await step("self_report", "12/10/2026").status == .seeOther)
            #expect(try await step("verification", "19/10/2026").status == .seeOther)
            #expect(try await step("team_report", "26/10/2026").status == .seeOther)
            let noOutcome = try await step("concluded", "2/11/2026")
            #expect(noOutcome.status == .unprocessableEntity && noOutcome.body.string.contains("<p class=\"error\" id=\"loi-ket-qua\">"))
            #expect(try await step("concluded", "2/11/2026", ["ket-qua": "violation", "ket-luan": "Có vi phạm trong xét kết nạp.",
                                                                  "de-nghi-ky-luat": "co"]).status == .seeOther)
            #expect(try await step("notified", "4/11/2026").status == .seeOther)
            // A remedy due the day before the conclusion is refused; after it, written; then done.
            let early = try await client.post(url, ["thao-tac": "nhiem-vu", "nhiem-vu": "Rà soát hồ sơ kết nạp", "doi-tuong": grassroots[0].code,
                                                    "han": "1/11/2026"])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("<p class=\"error\" id=\"loi-han\">"),
                    "\(early.body.string.suffix(2_000))")
            #expect(try await client.post(url, ["thao-tac": "nhiem-vu", "nhiem-vu": "Rà soát hồ sơ kết nạp", "doi-tuong": grassroots[0].code,
                                                "han": "20/11/2026"]).status == .seeOther)
            let page = try await client.get(url).body.string
            #expect(page.contains("20/11/2026 (quá hạn)"), "\(page.suffix(3_000))")
            #expect(try await step("follow_up", "5/11/2026").status == .seeOther)
            let line = try #require(try await store.oversightCaseLine(reference, in: Scope(roots: [root.id])))
            #expect(line.progress.steps.map(\.stage) == [.decided, .selfReport, .verification, .teamReport, .concluded, .notified, .followUp])
            #expect(line.oversightCase.outcome == .violation && line.progress.disciplineProposed == true && line.progress.team.count == 2)
            let taskID = try #require(line.tasks.first?.id)
            #expect(try await client.post(url, ["thao-tac": "xong", "nhiem-vu-so": "\(taskID)", "ngay-xong": "25/11/2026"]).status == .seeOther)
            #expect(try await store.auditEntries(limit: 1).first?.action == "oversight.followUpDone")

            // The programme shows the item started and concluded; the period's page counts the case as the review does.
            let after = try await client.get(SiteURL.oversightProgramme.with(query: programmeQuery)).body.string
            #expect(after.contains("Quý IV/2026: 2 nội dung, 1 đã tiến hành, 1 đã kết luận"))
            let (from, to) = (Day(iso: "2026-10-01")!, Day(iso: "2026-12-31")!)
            let review = try await store.review(of: root.id, from: from, to: to)
            let figures = try await store.oversightFigures(of: root.id, from: from, to: to)
            for key in OversightFigures.Key.all {
                let counted = review.oversight(key.activity, key.mode, key.conductor)
                let counts = figures[key.activity, key.mode, key.conductor]
                #expect(counted.cases == counts.started && counted.organizations == counts.organizations && counted.members == counts.members)
            }
            #expect(figures[.inspection, .thematic, .inspectionCommission].concluded(.violation) >= 1)
            let listed = try await client.get(SiteURL.oversight.with(query: [("to-chuc", root.code), ("tu", "1/10/2026"), ("den", "31/12/2026")])).body.string
            let started = OversightFigures.Key.all.map { review.oversight($0.activity, $0.mode, $0.conductor).cases }.reduce(0, +)
            #expect(listed.contains("Các cuộc bắt đầu trong kỳ (\(started))"), "\(listed.suffix(3_000))")
            #expect(listed.contains(reference))
        }
    }
}
