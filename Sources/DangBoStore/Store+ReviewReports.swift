import DangBoCore
import Foundation
import SQLKit

/// A review issued as a party document (issue 10 point 3): its number, its document and figures as they were on the
/// day it was issued, never recomputed.
public struct IssuedReview: Sendable, Equatable {
    public var id: Int
    public var organization: OrganizationID
    public var from: Day
    public var to: Day
    /// The document as issued: what every later print shows.
    public var document: PartyDocument
    /// The figures as issued (the published review JSON of that day).
    public var review: Review
    /// SHA-256 of the stored document and figures (`IssuedReview.digest(document:review:)`).
    public var digest: String
    /// Whether the stored document and figures still hash to `digest` (false: the row was edited outside DangBo).
    public var intact: Bool
    /// When and by whom ("account#3", "cli").
    public var issuedAt: String
    public var issuedBy: String

    /// The digest of a document and its figures: SHA-256 of their JSON texts joined by a line feed.
    static func digest(document: String, review: String) -> String {
        SHA256.hex(Array((document + "\n" + review).utf8))
    }
}

/// What changed in the registry since a report was issued (issue 10 point 3): each figure whose value or whose records
/// differ today, with the records now behind it that were not then, and those behind it then that are not now.
public struct ReviewReconciliation: Sendable {
    public struct Change: Sendable {
        public var figure: ReviewFigure
        public var issued: Int
        public var now: Int
        /// Records entered or corrected since: behind the figure now, not when issued.
        public var added: [ReviewRecordRow]
        /// Records behind the figure when issued and no longer (a correction, or a later record that ends them).
        public var removed: [ReviewRecordRow]
    }

    /// A figure the review counts without a list of records behind it (the meetings of the period), changed since.
    public struct FigureChange: Sendable, Equatable {
        public var name: String
        public var issued: Int
        public var now: Int
    }

    public var changes: [Change]
    /// The figures without records (`Review.meetings`) whose value changed since.
    public var figureChanges: [FigureChange] = []
    /// False when the report's records were too many to keep when it was issued: figures are compared, records not.
    public var recordsKept: Bool

    /// Whether nothing the report counts has changed since it was issued.
    public var isEmpty: Bool { changes.isEmpty && figureChanges.isEmpty }
}

/// Why a narrative cannot be written or a report issued, in Vietnamese.
public enum ReviewReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The organization's report for the period is issued already.
    case alreadyIssued(code: String)
    /// The number is used by another report of the organization that year.
    case numberTaken(code: String, year: Int)
    /// A narrative section is empty.
    case missingSection(String)
    /// Part I.1 was reworded from draft sentences whose figures have changed since.
    case figuresChanged

    public var description: String {
        switch self {
        case .alreadyIssued(let code):
            "Báo cáo của kỳ này đã ban hành (\(code)); báo cáo đã ban hành không sửa, không ban hành lại."
        case .numberTaken(let code, let year): "\(code) đã dùng cho một báo cáo khác năm \(year); hãy chọn số khác."
        case .missingSection(let name): "Chưa viết phần “\(name)”."
        case .figuresChanged:
            "Số liệu đã thay đổi từ khi phần “Tình hình tổ chức đảng, đảng viên” được sửa lời văn: hãy đối chiếu với số liệu mới rồi lưu lại."
        }
    }
}

extension Store {
    /// The narrative sections, with the names a form and an error give them.
    public static let narrativeSections: [(name: String, path: WritableKeyPath<ReviewDocument.Narrative, [String]>)] = [
        ("Các mặt công tác khác", \.results), ("Hạn chế, nguyên nhân", \.shortcomings), ("Phương hướng, nhiệm vụ", \.directions),
    ]

    /// The narrative staff wrote for `organization`'s review of `from`–`to`; nil when none was written.
    public func reviewNarrative(of organization: OrganizationID, from: Day, to: Day) async throws -> ReviewDocument.Narrative? {
        guard let row = try await reader.raw("""
            SELECT figures, figures_basis, results, shortcomings, directions FROM review_narratives
            WHERE organization_id = \(literal: organization.rawValue) AND period_from = \(literal: from.yyyymmdd)
                AND period_to = \(literal: to.yyyymmdd)
            """).first()
        else { return nil }
        func paragraphs(_ column: String) throws -> [String] {
            try row.decode(column: column, as: String.self).split(separator: "\n").map(String.init)
        }
        return ReviewDocument.Narrative(
            figures: try paragraphs("figures"), figuresBasis: try row.decode(column: "figures_basis", as: String.self),
            results: try paragraphs("results"), shortcomings: try paragraphs("shortcomings"), directions: try paragraphs("directions"))
    }

    /// Writes the narrative of `organization`'s review of `from`–`to` (each paragraph trimmed, empty ones dropped),
    /// replacing any, in a locked write with its audit entry; refused once the period's report is issued. Reworded
    /// figures (`figures`) equal to today's draft sentences are not kept (the document follows the figures); kept, they
    /// keep the basis given, or today's when none is.
    public func setReviewNarrative(
        _ narrative: ReviewDocument.Narrative, of organization: OrganizationID, from: Day, to: Day, actor: String
    ) async throws {
        try await writing { store in
            if let code = try await store.issuedCode(of: organization, from: from, to: to) {
                throw ReviewReportError.alreadyIssued(code: code)
            }
            let key: [(String, any Encodable & Sendable)] = [
                ("organization_id", organization.rawValue), ("period_from", from.yyyymmdd), ("period_to", to.yyyymmdd),
            ]
            try await store.sql.raw("""
                DELETE FROM review_narratives WHERE organization_id = \(literal: organization.rawValue)
                    AND period_from = \(literal: from.yyyymmdd) AND period_to = \(literal: to.yyyymmdd)
                """).run()
            var figures = Self.paragraphs(narrative.figures), basis = narrative.figuresBasis
            if !figures.isEmpty {
                let drafted = try await store.draftSentences(of: organization, from: from, to: to)
                if figures == drafted { figures = []; basis = "" } else if basis.isEmpty { basis = ReviewDraft.basis(drafted) }
            } else {
                basis = ""
            }
            let texts = [figures.joined(separator: "\n"), basis]
                + Self.narrativeSections.map { Self.paragraphs(narrative[keyPath: $0.path]).joined(separator: "\n") }
            try await store.sql.insert(into: "review_narratives")
                .columns(key.map(\.0) + ["figures", "figures_basis", "results", "shortcomings", "directions"])
                .values(key.map { SQLBind($0.1) } + texts.map { SQLBind($0) })
                .run()
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "review.narrative", summary: "Viết phần nhận định của báo cáo sơ kết, tổng kết",
                details: ["organization": "\(organization.rawValue)", "from": from.iso, "to": to.iso], recordedAt: Date()),
                on: store.database)
        }
    }

    /// Paragraphs as stored: one per line, trimmed, empty ones dropped.
    static func paragraphs(_ texts: [String]) -> [String] {
        texts.flatMap { $0.split(whereSeparator: \.isNewline) }.map { VietnameseText.normalized(String($0)) }.filter { !$0.isEmpty }
    }

    /// Issues the review of `root` for `from`–`to` as its party document: the narrative written for the period (each
    /// section required; `narrative`, when given, is written first in the same transaction), the number given or the
    /// next of the organization's reports that year (the document's day), the figures and the document computed inside
    /// the write and stored as JSON with their digest, and the keys of the records behind each figure (for the
    /// reconciliation), in one locked write with its audit entries: refused, nothing is written.
    public func issueReview(
        of root: OrganizationID, from: Day, to: Day, number: Int? = nil, date: Day? = nil, signer: String? = nil,
        signerTitle: String = "BÍ THƯ", authority: String? = nil, recipients: [String] = [],
        narrative written: ReviewDocument.Narrative? = nil, actor: String
    ) async throws -> IssuedReview {
        try await writing { store in
            if let code = try await store.issuedCode(of: root, from: from, to: to) { throw ReviewReportError.alreadyIssued(code: code) }
            if let written { try await store.setReviewNarrative(written, of: root, from: from, to: to, actor: actor) }
            let narrative = try await store.reviewNarrative(of: root, from: from, to: to) ?? ReviewDocument.Narrative()
            for section in Self.narrativeSections where narrative[keyPath: section.path].isEmpty {
                throw ReviewReportError.missingSection(section.name)
            }
            let day = date ?? to
            let taken = try await store.sql.raw("""
                SELECT COALESCE(MAX(number), 0) AS top, SUM(CASE WHEN number = \(literal: number ?? 0) THEN 1 ELSE 0 END) AS same
                FROM issued_reviews WHERE organization_id = \(literal: root.rawValue) AND year = \(literal: day.year)
                """).first()
            let chosen = try number ?? ((taken?.decode(column: "top", as: Int.self) ?? 0) + 1)
            if !narrative.figures.isEmpty,
               ReviewDraft.basis(try await store.draftSentences(of: root, from: from, to: to)) != narrative.figuresBasis {
                throw ReviewReportError.figuresChanged
            }
            let (document, review) = try await store.reviewDocumentAndFigures(
                of: root, from: from, to: to, number: chosen, date: day, signer: signer, signerTitle: signerTitle,
                authority: authority, recipients: recipients, narrative: narrative)
            if number != nil, try (taken?.decode(column: "same", as: Int?.self) ?? 0) > 0 {
                throw ReviewReportError.numberTaken(code: document.numberAndCode, year: day.year)
            }
            let records = try await store.recordKeys(of: root, from: from, to: to, review: review)
            let documentJSON = try Self.canonicalJSON(document), reviewJSON = try Self.canonicalJSON(review)
            let recordsJSON = try records.map(Self.canonicalJSON)
            let digest = IssuedReview.digest(document: documentJSON, review: reviewJSON)
            let id = try await Self.nextID(in: "issued_reviews", on: store.sql)
            let issuedAt = Self.timestamp()
            try await store.sql.insert(into: "issued_reviews")
                .columns("id", "organization_id", "period_from", "period_to", "year", "number", "document", "review", "records",
                         "digest", "issued_at", "issued_by")
                .values(SQLBind(id), SQLBind(root.rawValue), SQLBind(from.yyyymmdd), SQLBind(to.yyyymmdd), SQLBind(day.year),
                        SQLBind(chosen), SQLBind(documentJSON), SQLBind(reviewJSON), SQLBind(recordsJSON), SQLBind(digest),
                        SQLBind(issuedAt), SQLBind(actor))
                .run()
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "review.issue", summary: "Ban hành báo cáo \(document.numberAndCode)",
                details: ["organization": "\(root.rawValue)", "issuedReview": "\(id)", "from": from.iso, "to": to.iso,
                          "digest": digest], recordedAt: Date()), on: store.database)
            return IssuedReview(id: id, organization: root, from: from, to: to, document: document, review: review,
                                digest: digest, intact: true, issuedAt: issuedAt, issuedBy: actor)
        }
    }

    /// The number and code of the report issued for `organization`'s period, if any.
    private func issuedCode(of organization: OrganizationID, from: Day, to: Day) async throws -> String? {
        guard let row = try await reader.raw("""
            SELECT document FROM issued_reviews WHERE organization_id = \(literal: organization.rawValue)
                AND period_from = \(literal: from.yyyymmdd) AND period_to = \(literal: to.yyyymmdd)
            """).first()
        else { return nil }
        return try Self.decodeJSON(PartyDocument.self, try row.decode(column: "document", as: String.self)).numberAndCode
    }

    /// The reports issued for organizations in `scope` (an organization counts when it lies in the scope on some day of
    /// the report's period), optionally those of `organization` alone, newest first.
    public func issuedReviews(in scope: Scope, of organization: OrganizationID? = nil, limit: Int = 500) async throws -> [IssuedReview] {
        guard !scope.roots.isEmpty else { return [] }
        let only: SQLQueryString = organization.map { "AND r.organization_id = \(literal: $0.rawValue)" } ?? ""
        return try await reader.raw("""
            SELECT r.* FROM issued_reviews r
            WHERE EXISTS (SELECT 1 FROM organization_ancestry sa WHERE sa.descendant_id = r.organization_id
                AND sa.ancestor_id IN (\(unsafeRaw: Self.list(scope.roots))) AND sa.valid_from <= r.period_to AND sa.valid_to > r.period_from)
                \(only)
            ORDER BY r.id DESC LIMIT \(literal: limit)
            """).all().map(Self.issuedReview(from:))
    }

    /// The report `id` if its organization lies in `scope` (as `issuedReviews(in:)`); nil otherwise.
    public func issuedReview(_ id: Int, in scope: Scope) async throws -> IssuedReview? {
        guard !scope.roots.isEmpty else { return nil }
        return try await reader.raw("""
            SELECT r.* FROM issued_reviews r WHERE r.id = \(literal: id)
                AND EXISTS (SELECT 1 FROM organization_ancestry sa WHERE sa.descendant_id = r.organization_id
                    AND sa.ancestor_id IN (\(unsafeRaw: Self.list(scope.roots))) AND sa.valid_from <= r.period_to AND sa.valid_to > r.period_from)
            """).first().map(Self.issuedReview(from:))
    }

    static func issuedReview(from row: any SQLRow) throws -> IssuedReview {
        let documentJSON = try row.decode(column: "document", as: String.self)
        let reviewJSON = try row.decode(column: "review", as: String.self)
        let digest = try row.decode(column: "digest", as: String.self)
        return IssuedReview(
            id: try row.decode(column: "id", as: Int.self),
            organization: OrganizationID(try row.decode(column: "organization_id", as: Int.self)),
            from: try .stored(try row.decode(column: "period_from", as: Int.self)),
            to: try .stored(try row.decode(column: "period_to", as: Int.self)),
            document: try decodeJSON(PartyDocument.self, documentJSON), review: try decodeJSON(Review.self, reviewJSON),
            digest: digest, intact: IssuedReview.digest(document: documentJSON, review: reviewJSON) == digest,
            issuedAt: try row.decode(column: "issued_at", as: String.self), issuedBy: try row.decode(column: "issued_by", as: String.self))
    }

    /// What changed since `issued` was issued: the review computed again for its organization and period, figure by
    /// figure against the issued one, and for each figure the records behind it now against the keys kept then.
    public func reconciliation(of issued: IssuedReview) async throws -> ReviewReconciliation {
        let now = try await review(of: issued.organization, from: issued.from, to: issued.to)
        let kept = try await reader.raw("SELECT records FROM issued_reviews WHERE id = \(literal: issued.id)").first()?
            .decode(column: "records", as: String?.self).map { try Self.decodeJSON([String: [String]].self, $0) }
        var changes: [ReviewReconciliation.Change] = []
        let scope = Scope(roots: [issued.organization])
        for figure in ReviewFigure.allCases {
            let then = figure.value(in: issued.review), current = figure.value(in: now)
            guard let kept else {
                if then != current { changes.append(.init(figure: figure, issued: then, now: current, added: [], removed: [])) }
                continue
            }
            guard then != 0 || current != 0 else { continue }
            let rows = current == 0 ? [] : try await reviewRecords(of: issued.organization, from: issued.from, to: issued.to,
                                                                   figure: figure, in: scope)
            let keysThen = Set(kept[figure.slug] ?? [])
            let keysNow = Set(rows.map(Self.recordKey))
            let added = rows.filter { !keysThen.contains(Self.recordKey($0)) }
            let removed = try await recordRows(keys: keysThen.subtracting(keysNow).sorted())
            if then != current || !added.isEmpty || !removed.isEmpty {
                changes.append(.init(figure: figure, issued: then, now: current, added: added, removed: removed))
            }
        }
        var reconciliation = ReviewReconciliation(changes: changes, recordsKept: kept != nil)
        let meetings: [(String, KeyPath<Review.Meetings, Int>)] = [
            ("Buổi sinh hoạt thường kỳ", \.regular), ("Buổi sinh hoạt chuyên đề", \.thematic),
            ("Chi bộ chưa sinh hoạt thường kỳ đủ các tháng", \.cellsWithoutMonthlyMeeting),
        ]
        for (name, path) in meetings where issued.review.meetings[keyPath: path] != now.meetings[keyPath: path] {
            reconciliation.figureChanges.append(.init(name: name, issued: issued.review.meetings[keyPath: path],
                                                      now: now.meetings[keyPath: path]))
        }
        return reconciliation
    }

    /// Records a figure may list when its report is issued: beyond this, no record is kept for the report (a province's
    /// or the nation's report is compared figure by figure).
    static let keptRecordLimit = 50_000

    /// The keys of the records behind each non-zero figure of `review`; nil when a figure has more than
    /// `keptRecordLimit`.
    private func recordKeys(of root: OrganizationID, from: Day, to: Day, review: Review) async throws -> [String: [String]]? {
        var keys: [String: [String]] = [:]
        for figure in ReviewFigure.allCases where figure.value(in: review) != 0 {
            do {
                keys[figure.slug] = try await reviewRecords(of: root, from: from, to: to, figure: figure, in: Scope(roots: [root]),
                                                            limit: Self.keptRecordLimit).map(Self.recordKey).sorted()
            } catch is ReviewRecordsTooMany {
                return nil
            }
        }
        return keys
    }

    /// A record's identity across time: its member, organization, cell, day, event and case (never its decision
    /// number or names, which a correction may change without changing the figure).
    static func recordKey(_ row: ReviewRecordRow) -> String {
        [row.member.map { "\($0.id.rawValue)" } ?? "", row.organization.map { "\($0.id.rawValue)" } ?? "",
         row.cell.map { "\($0.id.rawValue)" } ?? "", "\(row.day.yyyymmdd)", row.event?.rawValue ?? "", row.caseReference ?? ""]
            .joined(separator: "|")
    }

    /// The records of `keys` as rows to show (members and organizations by their names as of the record's day).
    private func recordRows(keys: [String]) async throws -> [ReviewRecordRow] {
        var rows: [ReviewRecordRow] = []
        for key in keys {
            let parts = key.split(separator: "|", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 6, let yyyymmdd = Int(parts[3]) else { continue }
            let day = try Day.stored(yyyymmdd)
            var person: ReviewRecordRow.Person?
            if let id = Int(parts[0]), let row = try await reader.raw("SELECT full_name, birth_date, sort_key FROM members WHERE id = \(literal: id)").first() {
                person = .init(id: MemberID(id), fullName: try row.decode(column: "full_name", as: String.self),
                               birthDate: try .stored(try row.decode(column: "birth_date", as: Int.self)))
            }
            func place(_ text: String) async throws -> ReviewRecordRow.Place? {
                guard let id = Int(text) else { return nil }
                // NB: an organization dissolved on the record's day is named as it stood the day before.
                var summary = try await organization(OrganizationID(id), on: day)
                if summary == nil { summary = try await organization(OrganizationID(id), on: day.previous) }
                return summary.map { .init(id: $0.id, code: $0.code, name: $0.name) }
            }
            rows.append(ReviewRecordRow(
                member: person, organization: try await place(parts[1]), cell: try await place(parts[2]), day: day,
                event: EventKind(rawValue: parts[4]), organizationKind: nil, decisionNumber: "",
                caseReference: parts[5].isEmpty ? nil : parts[5], sortKey: ""))
        }
        return rows
    }

    static func canonicalJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
