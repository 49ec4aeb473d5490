import DangBoCore
@testable import DangBoInterchange
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import Testing

/// The review document drafted from the store (what `dangbo report review --format docx` writes): its figures are the
/// JSON review's, its issuer block the tree's of the document's day, its place and abbreviation the settings', its
/// signer the committee's secretary that day, its recipients the superior committee; the DOCX holds them in order;
/// without settings it is refused.
@Suite struct ReviewDocumentStoreTests {
    static let generated = SyntheticRegistry(options: .init(seed: 11, grassroots: 6, members: 400)).change()

    /// The DOCX's texts in reading order.
    static func texts(of document: PartyDocument) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        try PartyDocumentDOCX.write(document, to: url)
        return try PartyDocumentDOCX.texts(of: url)
    }

    @Test func theDocumentCarriesTheReviewsFiguresAndTheTreesNames() async throws {
        let (change, registry) = Self.generated
        let tree = registry.tree
        let from = Day(iso: "2026-07-01")!, to = Day(iso: "2026-09-30")!
        // A grassroots organization under the root on the last day: its superior is the root.
        let grassroots = try #require(tree.organizations.values.filter { tree.version(of: $0.id, on: to)?.kind.isGrassroots == true
            && tree.version(of: $0.id, on: to)?.parent != nil }.min { $0.id < $1.id })
        let parent = try #require(tree.version(of: grassroots.id, on: to)?.parent)
        try await TestDatabases.each { store in
            try await store.write(change, tree: tree, audit: ReportTwinTests.audit)
            await #expect(throws: ReviewDocumentError.noSettings(grassroots.code)) {
                try await store.reviewDocument(of: grassroots.id, from: from, to: to, number: 3)
            }
            try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐU"), of: grassroots.id, actor: "test")
            let document = try await store.reviewDocument(of: grassroots.id, from: from, to: to, number: 3)
            let review = try await store.review(of: grassroots.id, from: from, to: to)
            #expect(review == registry.review(of: grassroots.id, from: from, to: to))  // the JSON review, SQL == Core
            let name = tree.version(of: grassroots.id, on: to)!.name
            #expect(document.issuer == PartyDocument.issuingBody(of: name).uppercased())
            #expect(document.superior == tree.version(of: parent, on: to)!.name.uppercased())
            #expect(document.numberAndCode == "Số 3-BC/ĐU" && document.dateLine == "Vĩnh Phúc, ngày 30 tháng 9 năm 2026")
            #expect(document.recipients == ["Thường trực \(PartyDocument.issuingBody(of: tree.version(of: parent, on: to)!.name)) (b/c),", "Lưu VP."])
            let secretary = try await store.seats(of: grassroots.id, in: Scope(roots: [grassroots.id]), on: to)
                .first { $0.seat.committee == .executive && $0.seat.position == .secretary }?.name ?? ""
            #expect(document.signerName == secretary)

            let n = VietnameseFormat.number
            let texts = try Self.texts(of: document)
            #expect(texts.contains("Đến 30/9/2026, \(name) có \(n(review.organizations.grassroots)) chi, đảng bộ cơ sở, với "
                + "\(n(review.members.total)) đảng viên (\(n(review.members.official)) đảng viên chính thức, "
                + "\(n(review.members.probationary)) đảng viên dự bị)."))
            // The movement table's figures, each after its label.
            for (label, value) in [("Đảng viên đầu kỳ", review.balance.atStart), ("Kết nạp", review.movements.admitted),
                                   ("Chuyển đến", review.movements.transferredIn), ("Chuyển đi", review.movements.transferredOut),
                                   ("Từ trần", review.movements.died), ("Đảng viên cuối kỳ", review.balance.atEnd)] {
                let at = try #require(texts.firstIndex(of: label), "\(label)")
                #expect(texts[at + 1] == n(value), "\(label)")
            }
            #expect(texts.prefix(5) == [document.superior, document.issuer, "*", "Số 3-BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM"])
        }
    }
}
