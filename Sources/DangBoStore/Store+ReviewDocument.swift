import DangBoCore
import Foundation
import SQLKit

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
        try await reviewDocumentAndFigures(of: root, from: from, to: to, number: number, date: date, signer: signer,
                                           signerTitle: signerTitle, authority: authority, recipients: recipients,
                                           narrative: narrative).document
    }

    /// `reviewDocument(…)` with the review it was made from.
    func reviewDocumentAndFigures(
        of root: OrganizationID, from: Day, to: Day, number: Int?, date: Day?, signer: String?, signerTitle: String,
        authority: String?, recipients: [String], narrative: ReviewDocument.Narrative
    ) async throws -> (document: PartyDocument, review: Review) {
        let day = date ?? to
        // NB: the organization and its superior by indexed queries, never the whole tree (a province's page asks it).
        let code = try await reader.select().column("code").from("organizations").where("id", .equal, root.rawValue).first()?
            .decode(column: "code", as: String.self) ?? "#\(root.rawValue)"
        guard let settings = try await documentSettings(of: root) else { throw ReviewDocumentError.noSettings(code) }
        guard let summary = try await organization(root, on: day), let name = try await organization(root, on: to)?.name
        else { throw ReviewDocumentError.notOnThatDay(code, day) }
        var superior: String?
        if let parent = summary.parent { superior = try await organization(parent, on: day)?.name }
        let (review, established, dissolved) = try await draftFigures(of: root, from: from, to: to)
        let tables = try await reviewTables(of: root, from: from, to: to)
        let secretary = try await seats(of: root, in: Scope(roots: [root]), on: day)
            .first { $0.seat.committee == .executive && $0.seat.position == .secretary }?.name
        return (ReviewDocument.document(
            review, name: name, issuer: PartyDocument.issuerBlock(name: summary.name, superiorName: superior),
            settings: settings, number: number, date: day,
            signer: .init(authority: authority ?? ReviewDocument.authority(of: summary.kind), title: signerTitle,
                          name: signer ?? secretary ?? ""),
            recipients: recipients.isEmpty ? ReviewDocument.recipients(superiorName: superior) : recipients,
            narrative: narrative, tables: tables, established: established, dissolved: dissolved), review)
    }

    /// The review and the names its draft sentences give: the grassroots organizations established and dissolved, by
    /// name when few (as the example review names them).
    private func draftFigures(of root: OrganizationID, from: Day, to: Day) async throws
        -> (review: Review, established: [String], dissolved: [String]) {
        let review = try await self.review(of: root, from: from, to: to)
        func names(_ figure: ReviewFigure.OrganizationFigure, _ count: Int) async throws -> [String] {
            guard (1...3).contains(count) else { return [] }
            return try await reviewRecords(of: root, from: from, to: to, figure: .organizations(figure), in: Scope(roots: [root]))
                .compactMap { $0.organization?.name }
        }
        return (review, try await names(.established, review.organizations.established),
                try await names(.dissolved, review.organizations.dissolved))
    }

    /// The draft sentences of the review of `root` for `from`–`to` as the document would have them today (part I.1,
    /// `ReviewDraft.sentences`); empty when the organization did not exist on `to`.
    public func draftSentences(of root: OrganizationID, from: Day, to: Day) async throws -> [String] {
        guard let name = try await organization(root, on: to)?.name else { return [] }
        let (review, established, dissolved) = try await draftFigures(of: root, from: from, to: to)
        return ReviewDraft.sentences(review, name: name, established: established, dissolved: dissolved)
    }
}
