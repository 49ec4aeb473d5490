import DangBoCore
@testable import DangBoInterchange
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import Testing
import VaporTesting

/// Issue 10 in the browser: staff write the narrative beside the figures DangBo drafts, issue the report (errors on
/// the field at fault, nothing written), print it again identically after a later record changes its period, and see
/// that record in the reconciliation.
@Suite struct ReviewReportPageTests {
    static let query = [("to-chuc", WebFixture.synthetic.organizations[0].code), ("tu", "1/7/2026"), ("den", "30/9/2026")]
    static let from = Day(iso: "2026-07-01")!, to = Day(iso: "2026-09-30")!
    static var form: String { SiteURL.reviewNarrative.with(query: query) }
    static let sections = ["ket-qua": "Công tác tuyên truyền được triển khai kịp thời.\nCác chi bộ sinh hoạt đều đặn.",
                           "han-che": "Một số chi bộ sinh hoạt còn hình thức.", "phuong-huong": "Chuẩn bị đại hội chi bộ."]

    static func docx(_ response: TestingHTTPResponse) throws -> (Data, [String]) {
        let data = Data(response.body.readableBytesView)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        return (data, try PartyDocumentDOCX.texts(of: file))
    }

    @Test func aNarrativeIsWrittenAndRefusalsLandOnTheirFields() async throws {
        try await WebFixture.withApp { app, store, registry in
            let root = WebFixture.synthetic.organizations[0]
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            // The review page leads here; the figures' sentences are DangBo's.
            #expect(try await client.get(SiteURL.review.with(query: Self.query)).body.string.contains(HTMLEscaping.attribute(Self.form)))
            let review = registry.review(of: root.id, from: Self.from, to: Self.to)
            let empty = try await client.get(Self.form).body.string
            #expect(empty.contains(HTMLEscaping.text(ReviewDraft.sentences(review, name: root.name(on: Self.to))[0])))
            // No document settings yet: said so, no issue fields, the narrative can still be saved.
            #expect(empty.contains("Chưa đặt địa danh và chữ viết tắt") && !empty.contains("name=\"nguoi-ky\""))
            var fields = Self.sections
            fields["hanh-dong"] = "luu"
            let saved = try await client.post(Self.form, fields)
            #expect(saved.status == .seeOther)
            #expect(try await client.get(saved.headers.first(name: .location)!).body.string.contains("Đã lưu phần nhận định."))
            #expect(try await store.reviewNarrative(of: root.id, from: Self.from, to: Self.to)?.shortcomings == ["Một số chi bộ sinh hoạt còn hình thức."])

            try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK"), of: root.id, actor: "test")
            let ready = try await client.get(Self.form).body.string
            #expect(ready.contains("name=\"nguoi-ky\"") && ready.contains("Lưu VP."), "\(ready.suffix(3_000))")
            // An empty section and a bad number: each on its field, the posted text kept, nothing written.
            let audit = try await store.auditEntries(limit: 1).first?.id
            fields = Self.sections
            fields["han-che"] = "  "
            fields["so"] = "mười lăm"
            fields["hanh-dong"] = "ban-hanh"
            let bad = try await client.post(Self.form, fields)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("<p class=\"error\" id=\"loi-so\">Số văn bản là một số nguyên dương"))
            #expect(bad.body.string.contains("Chuẩn bị đại hội chi bộ."))
            fields["so"] = ""
            let missing = try await client.post(Self.form, fields)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("<p class=\"error\" id=\"loi-han-che\">Hãy viết phần này trước khi ban hành.</p>"))
            #expect(try await store.auditEntries(limit: 1).first?.id == audit)
            #expect(try await store.reviewNarrative(of: root.id, from: Self.from, to: Self.to)?.shortcomings == ["Một số chi bộ sinh hoạt còn hình thức."])
            #expect(try await store.issuedReviews(in: Scope(roots: [root.id])).isEmpty)
        }
    }

    @Test func anIssuedReportPrintsIdenticallyAndNamesTheLaterRecord() async throws {
        try await WebFixture.withApp { app, store, registry in
            let root = WebFixture.synthetic.organizations[0]
            try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK"), of: root.id, actor: "test")
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            var fields = Self.sections
            fields["so"] = "15"
            fields["ngay-van-ban"] = "5/10/2026"
            fields["hanh-dong"] = "ban-hanh"
            let issued = try await client.post(Self.form, fields)
            #expect(issued.status == .seeOther, "\(issued.body.string.suffix(2_000))")
            let location = try #require(issued.headers.first(name: .location))
            #expect(location == SiteURL.issuedReview(1).path)
            let page = try await client.get(location).body.string
            #expect(page.contains("Số 15-BC/ĐUK") && page.contains("Vĩnh Phúc, ngày 05 tháng 10 năm 2026"))
            #expect(page.contains("Các chi bộ sinh hoạt đều đặn.") && page.contains("class=\"party-document\""))
            #expect(page.contains("Không có số liệu nào của báo cáo thay đổi kể từ khi ban hành."))
            #expect(page.contains("<h3>Biến động đảng viên quý III/2026</h3><svg") && page.contains("<h3>Đảng viên theo độ tuổi đến ngày 30/9/2026</h3><svg"))
            let before = try Self.docx(try await client.get(SiteURL.issuedReviewDocument(1).path))
            #expect(before.1.contains("Số 15-BC/ĐUK") && before.1.contains("Một số chi bộ sinh hoạt còn hình thức."))
            // The PDF: LibreOffice's where it is installed, else the reason (never a broken file).
            let pdf = try await client.get(SiteURL.issuedReviewPDF(1).path)
            if PartyDocumentPDF.program != nil {
                #expect(pdf.status == .ok && Data(pdf.body.readableBytesView).starts(with: Data("%PDF".utf8)))
            } else {
                #expect(pdf.status == .notImplemented && pdf.body.string.contains("LibreOffice"))
            }
            // Once issued: the form says so and offers no more fields.
            let closed = try await client.get(Self.form).body.string
            #expect(closed.contains("Báo cáo kỳ này đã ban hành") && !closed.contains("name=\"han-che\""))

            // A transfer out in the period, recorded afterwards through the member's form.
            let member = try #require(registry.journals.values.filter {
                $0.period(on: Self.to)?.standing == .official && $0.period(on: Self.to)?.exempt == false
                    && ($0.events.last?.effective ?? Self.to) < Self.from
            }.min { $0.member.id < $1.member.id })
            let recorded = try await client.post(SiteURL.eventForm(member.member.id, .transferredOut).path, [
                "ngay-hieu-luc": "20/9/2026", "so-quyet-dinh": "97-QĐ/ĐUK", "ngay-quyet-dinh": "18/9/2026"])
            #expect(recorded.status == .seeOther, "\(recorded.body.string.suffix(1_000))")

            // The same document, to the byte; the reconciliation names the member.
            let after = try Self.docx(try await client.get(SiteURL.issuedReviewDocument(1).path))
            #expect(after.0 == before.0)
            let reconciled = try await client.get(location).body.string
            #expect(reconciled.contains("Các hồ sơ được nhập hoặc sửa sau khi ban hành"))
            #expect(reconciled.contains(">\(HTMLEscaping.text(member.member.fullName))</a>, chuyển sinh hoạt đi, ngày 20/9/2026"), "\(reconciled.suffix(3_000))")
            #expect(reconciled.contains("<td>Chuyển sinh hoạt đi</td>"))

            // The list of issued reports, and the draft's print page.
            let list = try await client.get(SiteURL.issuedReviews.path).body.string
            #expect(list.contains("Số 15-BC/ĐUK") && list.contains("Khớp mã kiểm tra"))
            let print = try await client.get(SiteURL.reviewPrint.with(query: [("to-chuc", root.code), ("tu", "1/10/2026"), ("den", "31/12/2026")]))
            #expect(print.status == .ok && print.body.string.contains("class=\"party-document\"") && print.body.string.contains("Bản dự thảo"))
        }
    }

    /// The review page's workbook: the figures, the movement table and the statistical tables, plain integers.
    @Test func theWorkbookHoldsTheTables() async throws {
        try await WebFixture.withApp { app, _, registry in
            let root = WebFixture.synthetic.organizations[0]
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let reviewPage = try await client.get(SiteURL.review.with(query: Self.query)).body.string
            #expect(reviewPage.contains(HTMLEscaping.attribute(SiteURL.reviewWorkbook.with(query: Self.query))))
            // Point 5: the document's charts on the review page, drawn from its figures.
            let review = registry.review(of: root.id, from: Self.from, to: Self.to)
            #expect(reviewPage.contains("<h3>Biến động đảng viên quý III/2026</h3><svg"))
            #expect(reviewPage.contains("<title>Chuyển đến: \(review.movements.transferredIn) đảng viên</title>"))
            #expect(reviewPage.contains("<h3>Đảng viên theo độ tuổi đến ngày 30/9/2026</h3>"))
            let response = try await client.get(SiteURL.reviewWorkbook.with(query: Self.query))
            #expect(response.status == .ok && response.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(response.body.readableBytesView).write(to: file)
            let sheets = try XLSXReader.read(url: file)
            #expect(sheets.map(\.name).prefix(3) == ["Tổng hợp", "Biến động đảng viên", "Theo tổ chức cơ sở"])
            let perOrganization = try #require(sheets.first { $0.name == "Theo tổ chức cơ sở" })
            let statistics = registry.statistics(of: root.id, asOf: Self.to)
            #expect(perOrganization.rows.last?.cells.prefix(4) == ["", "Cộng", "\(statistics.members.total)", "\(statistics.members.official)"])
        }
    }

    /// The form offers part I.1 as the draft's sentences to reword; reworded, then overtaken by a later record, issuing
    /// is refused on that field with today's figures shown, and the same form posted again issues it.
    @Test func rewordedFiguresAreCheckedAgainstTodaysFigures() async throws {
        try await WebFixture.withApp { app, store, registry in
            let root = WebFixture.synthetic.organizations[0]
            try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK"), of: root.id, actor: "test")
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let drafted = ReviewDraft.sentences(registry.review(of: root.id, from: Self.from, to: Self.to), name: root.name(on: Self.to))
            let page = try await client.get(Self.form).body.string
            #expect(page.contains("<textarea name=\"so-lieu\" id=\"so-lieu\" rows=\"6\">\(HTMLEscaping.text(drafted.joined(separator: "\n")))</textarea>"))
            struct NoBasis: Error {}
            func basis(_ page: String) throws -> String {
                guard let range = page.range(of: #"name="co-so" value="[0-9a-f]{64}""#, options: .regularExpression) else { throw NoBasis() }
                return String(page[range].dropLast().suffix(64))
            }
            #expect(try basis(page) == ReviewDraft.basis(drafted))
            var fields = Self.sections
            fields["so-lieu"] = (["Tổng kết: " + drafted[0]] + drafted.dropFirst()).joined(separator: "\n")
            fields["co-so"] = try basis(page)
            fields["hanh-dong"] = "ban-hanh"
            // A transfer out in the period recorded by someone else meanwhile.
            let member = try #require(registry.journals.values.filter {
                $0.period(on: Self.to)?.standing == .official && $0.period(on: Self.to)?.exempt == false
                    && ($0.events.last?.effective ?? Self.to) < Self.from
            }.min { $0.member.id < $1.member.id })
            _ = try await store.recordEvent(MembershipEvent(member: member.member.id, kind: .transferredOut, effective: Day(iso: "2026-09-20")!),
                                            in: Scope(roots: [root.id]), actor: "test")
            let refused = try await client.post(Self.form, fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("<p class=\"error\" id=\"loi-so-lieu\">Số liệu đã thay đổi"), "\(refused.body.string.suffix(4_000))")
            #expect(refused.body.string.contains("Tổng kết: "))  // the reworded text is kept
            #expect(try await store.issuedReviews(in: Scope(roots: [root.id])).isEmpty)
            // Read against today's figures and posted again: issued, with the reworded text.
            fields["co-so"] = try basis(refused.body.string)
            let issued = try await client.post(Self.form, fields)
            #expect(issued.status == .seeOther, "\(issued.body.string.suffix(2_000))")
            let report = try #require(try await store.issuedReviews(in: Scope(roots: [root.id])).first)
            #expect(report.document.body.contains(.paragraph("Tổng kết: " + drafted[0])))
        }
    }
}
