import DangBoCore
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import SQLKit
import Testing
import VaporTesting

/// What the membership form tests share: the counts "nothing written" compares, cells that stand through the days the
/// tests write on, national IDs nobody holds, and a person put on the rolls through the new member form.
enum MembershipForms {
    static let today = Day(iso: "2026-11-26")!

    /// Members, events, periods and audit entries.
    static func counts(_ store: Store) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["members", "membership_events", "membership_periods", "audit_entries"] {
            counts[table] = try await store.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// Cells of the fixture that are cells on every day from 1/1/2025 to today, the secretary's first when it is one.
    static func stableCells(_ registry: Registry) -> [Organization] {
        let days = stride(from: Day(iso: "2025-01-01")!.ordinal, through: today.ordinal, by: 7).map(Day.init(ordinal:)) + [today]
        let secretary = WebFixture.cell(in: registry).id
        return registry.tree.organizations.values
            .filter { organization in days.allSatisfy { organization.version(on: $0)?.kind.isCell == true } }
            .sorted { ($0.id == secretary ? 0 : 1, $0.id.rawValue) < ($1.id == secretary ? 0 : 1, $1.id.rawValue) }
    }

    /// A national ID of the province code 096 that no member of the fixture holds.
    static func unusedNationalID(_ registry: Registry, _ n: Int) -> String {
        let taken = Set(registry.members.values.map(\.nationalID))
        return (0..<1_000).lazy.map { String(format: "096199%06d", n * 1_000 + $0) }.first { !taken.contains($0) }!
    }

    /// Posts the new member form for an admission; the member's id when written.
    static func admit(
        _ client: WebClient, name: String, nationalID: String, birth: String = "20/5/1990", cell: String,
        votedOn: String, ceremony: String
    ) async throws -> (response: TestingHTTPResponse, id: MemberID?) {
        let response = try await client.post("/dang-vien/moi", [
            "loai": "admitted", "ho-ten": name, "ngay-sinh": birth, "gioi-tinh": "nu", "cccd": nationalID, "dan-toc": "Ê-đê",
            "to-chuc": cell, "ngay-bieu-quyet": votedOn, "so-quyet-dinh": "12-QĐ/ĐUK", "ngay-quyet-dinh": votedOn,
            "ngay-hieu-luc": ceremony,
        ])
        let location = response.headers.first(name: .location) ?? ""
        let id = location.split(separator: "?").first?.split(separator: "/").last.flatMap { Int($0) }.map(MemberID.init(rawValue:))
        return (response, response.status == .seeOther ? id : nil)
    }

    /// A viewer's account on the fixture's root, logged in.
    static func viewer(_ app: Application, _ store: Store) async throws -> WebClient {
        _ = try await store.addAccount(login: "chixem", grant: Grant(role: .viewer, organization: WebFixture.synthetic.organizations[0].id),
                                       passwordHash: try Passwords.hash(WebFixture.password), actor: "test")
        let client = WebClient(app: app)
        _ = try await client.login("chixem", WebFixture.password)
        return client
    }
}

/// Each membership event's own form: for every kind, a refusal at a rule's edge comes back on its field with nothing
/// written, and the day that keeps the rule is written with its audit entry; only the kinds that can apply are
/// offered; only writers within the scope may post.
@Suite struct EventFormsTests {
    /// One step of a member's life through the forms: the refusal (its fields and the field its message is on), then
    /// the fields that are written.
    struct Step: CustomStringConvertible {
        var kind: EventKind
        var refused: [String: String]
        var on: String
        var written: [String: String]
        var description: String { kind.rawValue }
    }

    /// A life that goes through every kind recorded on an existing member: admitted in `a` on 15/3/2025.
    static func life(a: String, b: String) -> [Step] {
        let reason = "Nghị quyết của chi bộ"
        return [
            // Recognition exactly 12 months after the ceremony (RuleBook.recognitionEffect): the day before is refused.
            Step(kind: .recognizedOfficial, refused: ["ngay-hieu-luc": "14/3/2026"], on: "ngay-hieu-luc",
                 written: ["ngay-bieu-quyet": "1/3/2026", "so-quyet-dinh": "30-QĐ/ĐUK", "ngay-quyet-dinh": "10/3/2026",
                           "ngay-hieu-luc": "15/3/2026"]),
            // Nothing before the member is on the rolls: the day before the ceremony.
            Step(kind: .exempted, refused: ["ngay-hieu-luc": "14/3/2025", "ghi-chu": "Tuổi cao"], on: "loai",
                 written: ["ghi-chu": "Tuổi cao", "so-quyet-dinh": "31-QĐ/ĐUK", "ngay-hieu-luc": "1/4/2026"]),
            Step(kind: .exemptionEnded, refused: ["ngay-hieu-luc": "31/3/2026"], on: "loai", written: ["ngay-hieu-luc": "1/5/2026"]),
            Step(kind: .temporaryOut, refused: ["ngay-hieu-luc": "14/3/2025"], on: "loai",
                 written: ["noi-chuyen": "Đảng bộ phường Hòa Khánh", "ngay-hieu-luc": "1/6/2026"]),
            Step(kind: .temporaryEnded, refused: ["ngay-hieu-luc": "31/5/2026"], on: "loai", written: ["ngay-hieu-luc": "1/7/2026"]),
            Step(kind: .temporaryIn, refused: ["ngay-hieu-luc": "10/7/2026"], on: "to-chuc",
                 written: ["to-chuc": b, "noi-chuyen": "Đảng bộ phường Hòa Khánh", "ngay-hieu-luc": "10/7/2026"]),
            Step(kind: .temporaryEnded, refused: ["ngay-hieu-luc": "9/7/2026"], on: "loai", written: ["ngay-hieu-luc": "20/7/2026"]),
            Step(kind: .moved, refused: ["to-chuc": a, "ngay-hieu-luc": "1/8/2026"], on: "to-chuc",
                 written: ["to-chuc": b, "so-quyet-dinh": "40-QĐ/ĐUK", "ngay-hieu-luc": "1/8/2026"]),
            Step(kind: .transferredOut, refused: ["ngay-hieu-luc": "14/3/2025"], on: "loai",
                 written: ["noi-chuyen": "Đảng bộ tỉnh Hòa Bình", "ngay-hieu-luc": "10/8/2026"]),
            // Back in only after the transfer out: the day before it the member is still on the rolls.
            Step(kind: .transferredIn, refused: ["to-chuc": a, "ngay-hieu-luc": "9/8/2026"], on: "loai",
                 written: ["noi-chuyen": "Đảng bộ tỉnh Hòa Bình", "to-chuc": a, "ngay-hieu-luc": "1/9/2026"]),
            Step(kind: .removed, refused: ["ghi-chu": reason, "ngay-hieu-luc": "31/8/2026"], on: "loai",
                 written: ["ghi-chu": reason, "so-quyet-dinh": "50-QĐ/ĐUK", "ngay-hieu-luc": "10/9/2026"]),
            Step(kind: .restored, refused: ["to-chuc": a, "ngay-hieu-luc": "9/9/2026"], on: "loai",
                 written: ["to-chuc": a, "so-quyet-dinh": "51-QĐ/ĐUK", "ngay-hieu-luc": "20/9/2026"]),
            Step(kind: .expelled, refused: ["ghi-chu": reason, "ngay-hieu-luc": "19/9/2026"], on: "loai",
                 written: ["ghi-chu": reason, "so-quyet-dinh": "52-QĐ/ĐUK", "ngay-hieu-luc": "1/10/2026"]),
            Step(kind: .readmitted, refused: ["to-chuc": a, "ngay-hieu-luc": "30/9/2026"], on: "loai",
                 written: ["to-chuc": a, "ngay-bieu-quyet": "1/10/2026", "so-quyet-dinh": "53-QĐ/ĐUK", "ngay-hieu-luc": "15/10/2026"]),
            // Readmitted once only (RuleBook.readmissionLimit): the person leaves for good.
            Step(kind: .withdrew, refused: ["ghi-chu": "Xin ra", "ngay-hieu-luc": "14/10/2026"], on: "loai",
                 written: ["ghi-chu": "Xin ra", "ngay-hieu-luc": "1/11/2026"]),
        ]
    }

    /// Posts one form and checks the outcome: refused (422, the message on `on`, nothing written) or written (a
    /// redirect to the member page, one event and one audit entry more, the audit entry of this kind).
    static func post(
        _ client: WebClient, _ store: Store, _ member: MemberID, _ kind: EventKind, _ fields: [String: String], refusedOn field: String?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await MembershipForms.counts(store)
        let response = try await client.post(SiteURL.eventForm(member, kind).path, fields)
        let after = try await MembershipForms.counts(store)
        if let field {
            #expect(response.status == .unprocessableEntity, "\(kind)", sourceLocation: sourceLocation)
            #expect(response.body.string.contains("id=\"loi-\(field)\""), "\(kind): \(response.body.string.matches(of: /class="error"[^<]*<\/p>/).map(\.output))",
                    sourceLocation: sourceLocation)
            #expect(after == before, "\(kind): written on a refusal", sourceLocation: sourceLocation)
        } else {
            #expect(response.status == .seeOther, "\(kind): \(response.body.string.matches(of: /class="error"[^<]*<\/p>/).map(\.output))",
                    sourceLocation: sourceLocation)
            #expect(response.headers.first(name: .location) == SiteURL.member(member).path, sourceLocation: sourceLocation)
            #expect(after["membership_events"] == before["membership_events"]! + 1, "\(kind)", sourceLocation: sourceLocation)
            #expect(after["audit_entries"] == before["audit_entries"]! + 1, "\(kind)", sourceLocation: sourceLocation)
            let audit = try await store.auditEntries(limit: 1).first
            #expect(audit?.action == "event.record" && audit?.details["kind"] == kind.rawValue
                    && audit?.details["member"] == "\(member.rawValue)", "\(kind)", sourceLocation: sourceLocation)
        }
    }

    @Test func everyKindIsRefusedAtItsEdgeAndWrittenOnTheDayThatKeepsTheRule() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cells = MembershipForms.stableCells(registry)
            try #require(cells.count >= 2)
            let (a, b) = (cells[0].code, cells[1].code)
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let admitted = try await MembershipForms.admit(client, name: "Y Thị Hoa", nationalID: MembershipForms.unusedNationalID(registry, 1),
                                                           cell: a, votedOn: "1/3/2025", ceremony: "15/3/2025")
            let member = try #require(admitted.id, "\(admitted.response.body.string.prefix(600))")

            // The recognition form writes in the day the rule expects, and says why.
            let form = try await client.get(SiteURL.eventForm(member, .recognizedOfficial).path).body.string
            #expect(form.contains("value=\"15/3/2026\"") && form.contains("Đủ 12 tháng dự bị kể từ ngày kết nạp: ngày 15/3/2026"))
            #expect(form.contains("name=\"ngay-bieu-quyet\"") && !form.contains("name=\"noi-chuyen\""))
            // An admission for a member already admitted is refused on its kind.
            try await Self.post(client, store, member, .admitted, ["to-chuc": a, "ngay-hieu-luc": "1/4/2025"], refusedOn: "loai")

            for step in Self.life(a: a, b: b) {
                try await Self.post(client, store, member, step.kind, step.refused, refusedOn: step.on)
                try await Self.post(client, store, member, step.kind, step.written, refusedOn: nil)
            }
            let journal = try #require(try await store.memberRecord(member, in: Scope(roots: [cells[0].id]), asOf: MembershipForms.today)).journal
            #expect(journal.events.map(\.kind) == [.admitted] + Self.life(a: a, b: b).map(\.kind))
            #expect(journal.events[1].votedOn == Day(iso: "2026-03-01") && journal.events[1].decision?.number == "30-QĐ/ĐUK")
            #expect(journal.events.first { $0.kind == .transferredOut }?.counterpart == "Đảng bộ tỉnh Hòa Bình")

            // A probationer struck off, and one who dies: the day before the ceremony is refused.
            let second = try #require(try await MembershipForms.admit(
                client, name: "Y Thị Lan", nationalID: MembershipForms.unusedNationalID(registry, 2), cell: a,
                votedOn: "20/5/2025", ceremony: "1/6/2025").id)
            try await Self.post(client, store, second, .probationRemoved, ["ghi-chu": "Không đủ tư cách", "ngay-hieu-luc": "31/5/2025"], refusedOn: "loai")
            try await Self.post(client, store, second, .probationRemoved, ["ngay-hieu-luc": "10/1/2026"], refusedOn: "ghi-chu")
            try await Self.post(client, store, second, .probationRemoved, ["ghi-chu": "Không đủ tư cách", "ngay-hieu-luc": "10/1/2026"], refusedOn: nil)
            let third = try #require(try await MembershipForms.admit(
                client, name: "Y Thị Mai", nationalID: MembershipForms.unusedNationalID(registry, 3), cell: a,
                votedOn: "20/5/2025", ceremony: "1/6/2025").id)
            try await Self.post(client, store, third, .died, ["ngay-hieu-luc": "31/5/2025"], refusedOn: "loai")
            try await Self.post(client, store, third, .died, ["ngay-hieu-luc": "2/2/2026"], refusedOn: nil)
            // Nothing after death, the day after.
            try await Self.post(client, store, third, .exempted, ["ghi-chu": "x", "ngay-hieu-luc": "3/2/2026"], refusedOn: "loai")
        }
    }

    @Test func aBrokenDayOrAnUnknownKindIsNoEvent() async throws {
        try await WebFixture.withApp { app, store, registry in
            let official = try #require(registry.journals.values.filter { $0.period(on: MembershipForms.today)?.standing == .official }
                .min { $0.member.id < $1.member.id })
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            try await Self.post(client, store, official.member.id, .transferredOut, ["ngay-hieu-luc": "31/2/2026"], refusedOn: "ngay-hieu-luc")
            try await Self.post(client, store, official.member.id, .transferredOut,
                                ["ngay-hieu-luc": "20/11/2026", "ngay-quyet-dinh": "hôm qua"], refusedOn: "ngay-quyet-dinh")
            #expect(try await client.get("/dang-vien/\(official.member.id.rawValue)/bien-dong/nghi-huu").status == .notFound)
        }
    }

    @Test func theMemberPageOffersOnlyTheKindsThatCanApply() async throws {
        try await WebFixture.withApp { app, _, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let official = try #require(registry.journals.values.filter {
                $0.period(on: MembershipForms.today)?.standing == .official && $0.periods.last?.exempt == false
                    && $0.events.last.map { !$0.kind.leaves } == true
            }.min { $0.member.id < $1.member.id })
            let page = try await client.get(SiteURL.member(official.member.id).path).body.string
            #expect(page.contains("href=\"\(SiteURL.eventForm(official.member.id, .transferredOut).path)\""))
            #expect(page.contains("href=\"\(SiteURL.eventForm(official.member.id, .exempted).path)\""))
            #expect(!page.contains(SiteURL.eventForm(official.member.id, .recognizedOfficial).path))
            #expect(!page.contains(SiteURL.eventForm(official.member.id, .exemptionEnded).path))
            #expect(!page.contains(SiteURL.eventForm(official.member.id, .readmitted).path))
            // A form the page does not offer, opened by its address, says so before its fields; an offered one does not.
            let notOffered = try await client.get(SiteURL.eventForm(official.member.id, .recognizedOfficial).path).body.string
            #expect(notOffered.contains("id=\"khong-ap-dung\"") && notOffered.contains("không thể ghi tiếp theo"))
            let offered = try await client.get(SiteURL.eventForm(official.member.id, .transferredOut).path).body.string
            #expect(offered.contains("<form") && !offered.contains("khong-ap-dung"))

            let cells = MembershipForms.stableCells(registry)
            let admitted = try #require(try await MembershipForms.admit(
                client, name: "Y Thị Hoa", nationalID: MembershipForms.unusedNationalID(registry, 1), cell: cells[0].code,
                votedOn: "1/3/2026", ceremony: "15/3/2026").id)
            let probationer = try await client.get(SiteURL.member(admitted).path).body.string
            #expect(probationer.contains(SiteURL.eventForm(admitted, .recognizedOfficial).path))
            #expect(probationer.contains(SiteURL.eventForm(admitted, .probationRemoved).path))
            #expect(!probationer.contains(SiteURL.eventForm(admitted, .removed).path))
            #expect(!probationer.contains(SiteURL.eventForm(admitted, .expelled).path))
        }
    }

    @Test func onlyWritersWithinTheScopeSeeAndPostTheForms() async throws {
        try await WebFixture.withApp { app, store, registry in
            let cell = WebFixture.cell(in: registry)
            let day = MembershipForms.today
            let insider = try #require(registry.journals.values.filter {
                $0.period(on: day)?.cell == cell.id && $0.period(on: day)?.standing == .official
                    && ($0.events.last?.effective ?? day) < Day(iso: "2026-11-01")!
            }.min { $0.member.id < $1.member.id })
            let outsider = try #require(registry.journals.values.first { ($0.period(on: day)?.cell).map { $0 != cell.id } ?? false })
            let elsewhere = try #require(MembershipForms.stableCells(registry).first { $0.id != cell.id })
            let before = try await MembershipForms.counts(store)

            let secretary = WebClient(app: app)
            _ = try await secretary.login("bithu", WebFixture.password)
            #expect(try await secretary.get(SiteURL.eventForm(outsider.member.id, .transferredOut).path).status == .notFound)
            let refused = try await secretary.post(SiteURL.eventForm(outsider.member.id, .transferredOut).path, ["ngay-hieu-luc": "20/11/2026"])
            #expect(refused.status == .notFound)
            // A member of the cell moved to a cell outside it: refused on the cell field; the form lists the own cell only.
            let form = try await secretary.get(SiteURL.eventForm(insider.member.id, .temporaryIn).path).body.string
            #expect(form.contains("value=\"\(cell.code)\"") && !form.contains("value=\"\(elsewhere.code)\""))
            let moved = try await secretary.post(SiteURL.eventForm(insider.member.id, .moved).path,
                                                 ["to-chuc": elsewhere.code, "ngay-hieu-luc": "20/11/2026"])
            #expect(moved.status == .unprocessableEntity)
            #expect(moved.body.string.contains("id=\"loi-to-chuc\"") && moved.body.string.contains("không thuộc phạm vi tài khoản"))
            // Without the CSRF token: 403.
            let forged = try await secretary.post(SiteURL.eventForm(insider.member.id, .transferredOut).path,
                                                  ["ngay-hieu-luc": "20/11/2026"], csrf: "")
            #expect(forged.status == .forbidden)

            let viewer = try await MembershipForms.viewer(app, store)
            let page = try await viewer.get(SiteURL.member(insider.member.id).path)
            #expect(page.status == .ok && !page.body.string.contains("event-kinds") && !page.body.string.contains("/bien-dong/"))
            #expect(try await viewer.get(SiteURL.eventForm(insider.member.id, .transferredOut).path).status == .forbidden)
            let posted = try await viewer.post(SiteURL.eventForm(insider.member.id, .transferredOut).path, ["ngay-hieu-luc": "20/11/2026"])
            #expect(posted.status == .forbidden)
            var after = try await MembershipForms.counts(store)
            after["audit_entries"]! -= 1  // the viewer's account
            #expect(after == before)
        }
    }
}
