import DangBoCore
@testable import DangBoInterchange
import DangBoStore
import DangBoSynthetic
@testable import DangBoWeb
import Foundation
import Testing
import VaporTesting

/// The review page offers its party document (issue 10 point 4, "from the web app"): a DOCX draft of the same
/// organization and period, refused with the reason until the organization's document settings are set.
@Suite struct ReviewDocumentPageTests {
    @Test func theReviewPageOffersItsDocument() async throws {
        try await WebFixture.withApp { app, store, registry in
            let client = WebClient(app: app)
            _ = try await client.login("quantri", WebFixture.password)
            let root = WebFixture.synthetic.organizations[0]
            let query = [("to-chuc", root.code), ("tu", "1/7/2026"), ("den", "30/9/2026")]
            let page = try await client.get(SiteURL.review.with(query: query)).body.string
            let link = HTMLEscaping.attribute(SiteURL.reviewDocument.with(query: query))
            #expect(page.contains("href=\"\(link)\""), "\(link)")

            let refused = try await client.get(SiteURL.reviewDocument.with(query: query))
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Chưa đặt địa danh và chữ viết tắt"))

            try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK"), of: root.id, actor: "test")
            let response = try await client.get(SiteURL.reviewDocument.with(query: query))
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(response.headers.first(name: .contentDisposition) == "attachment; filename=\"bao-cao-\(root.code)-2026-07-01-2026-09-30.docx\"")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-\(UUID().uuidString).docx")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(response.body.readableBytesView).write(to: file)
            let texts = try PartyDocumentDOCX.texts(of: file)
            let end = Day(iso: "2026-09-30")!
            let statistics = registry.statistics(of: root.id, asOf: end)
            #expect(texts.contains("Số     -BC/ĐUK") && texts.contains("Vĩnh Phúc, ngày 30 tháng 9 năm 2026"))
            #expect(texts.contains { $0.hasPrefix("Đến 30/9/2026, \(root.name(on: end)) có \(VietnameseFormat.number(statistics.organizations.grassroots)) chi, "
                + "đảng bộ cơ sở, với \(VietnameseFormat.number(statistics.members.total)) đảng viên") }, "\(texts.prefix(14))")
        }
    }
}
