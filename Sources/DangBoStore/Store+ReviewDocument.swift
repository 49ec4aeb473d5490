import DangBoCore
import Foundation

/// Why a review document cannot be drafted, in Vietnamese.
public enum ReviewDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The organization has no document settings (`dangbo organization settings`).
    case noSettings(String)
    /// The organization did not exist on the document's day.
    case notOnThatDay(String, Day)

    public var description: String {
        switch self {
        case .noSettings(let code):
            "Chưa đặt địa danh và chữ viết tắt của \(code): dangbo organization settings \(code) --place … --issuer-code …"
        case .notOnThatDay(let code, let day): "Tổ chức đảng \(code) không tồn tại vào ngày \(VietnameseFormat.day(day))."
        }
    }
}

extension Store {
    /// The review of `root` for `from`–`to` as its party document (issue 10): the figures of `review(of:from:to:)`,
    /// the issuer block from the tree of the document's day (`date`, default `to`), the place and abbreviation from
    /// the organization's settings, the signer the secretary of its committee that day unless named, the recipients
    /// the superior committee "(b/c)" and "Lưu VP." unless given.
    public func reviewDocument(
        of root: OrganizationID, from: Day, to: Day, number: Int?, date: Day? = nil, signer: String? = nil,
        signerTitle: String = "BÍ THƯ", authority: String? = nil, recipients: [String] = [],
        narrative: ReviewDocument.Narrative = ReviewDocument.Narrative()
    ) async throws -> PartyDocument {
        let day = date ?? to
        let tree = try await loadTree()
        let code = tree[root]?.code ?? "#\(root.rawValue)"
        guard let settings = try await documentSettings(of: root) else { throw ReviewDocumentError.noSettings(code) }
        guard let issuer = PartyDocument.issuerBlock(of: root, in: tree, on: day), let version = tree.version(of: root, on: day),
              let name = tree.version(of: root, on: to)?.name
        else { throw ReviewDocumentError.notOnThatDay(code, day) }
        let review = try await self.review(of: root, from: from, to: to)
        let secretary = try await seats(of: root, in: Scope(roots: [root]), on: day)
            .first { $0.seat.committee == .executive && $0.seat.position == .secretary }?.name
        let superior = version.parent.flatMap { tree.version(of: $0, on: day) }.map { PartyDocument.issuingBody(of: $0.name) }
        return ReviewDocument.document(
            review, name: name, issuer: issuer, settings: settings, number: number, date: day,
            signer: .init(authority: authority ?? ReviewDocument.authority(of: version.kind), title: signerTitle,
                          name: signer ?? secretary ?? ""),
            recipients: recipients.isEmpty ? (superior.map { ["Thường trực \($0) (b/c),"] } ?? []) + ["Lưu VP."] : recipients,
            narrative: narrative)
    }
}
