import DangBoCore
import DangBoInterchange
import DangBoStore
import Plot
import Vapor

/// Báo cáo sơ kết (issue 9 point 3): the review of an organization over a period, as the document staff know
/// (`ReportText.review`) and its figures, each a link to the records behind it (`reviewRecords`), within the caller's
/// scope (outside it: 404, never data).
struct ReviewController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) {
        routes.get(.review, use: show)
        routes.get(.reviewRecords, use: records)
        routes.get(.reviewDocument, use: document)
        routes.get(.reviewWorkbook, use: workbook)
    }

    /// The review's tables as a workbook (issue 10 points 2 and 4): the main figures, the movement table, the members
    /// of each grassroots organization and their composition, the organizations by kind; plain integers.
    @Sendable func workbook(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let (organization, from, to) = try await question(of: request, context: context)
        let review = try await store.review(of: organization.id, from: from, to: to)
        let statistics = try await store.reviewTables(of: organization.id, from: from, to: to)
        let tables = (ReviewDocument.tables(review) + ReviewDocument.sheets(statistics)).map { table in
            Table(name: table.name, header: table.header,
                  rows: table.rows.enumerated().map { TableRow(line: $0.offset + 2, cells: $0.element) })
        }
        return try await Download.response(Download.xlsx, fileName: "bang-so-lieu-\(organization.code)-\(from.iso)-\(to.iso).xlsx") {
            try XLSXWriter.write(tables, to: $0)
        }
    }

    /// The review as its party document (issue 10): a DOCX draft, its number left blank, the issuer block, place and
    /// signer as `Store.reviewDocument` finds them; refused (422) until the organization's document settings are set.
    @Sendable func document(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let (organization, from, to) = try await question(of: request, context: context)
        let document: PartyDocument
        do {
            document = try await store.reviewDocument(of: organization.id, from: from, to: to, number: nil)
        } catch let error as ReviewDocumentError {
            throw Abort(.unprocessableEntity, reason: error.description)
        }
        // NB: an ASCII name (codes are letters, digits and dots); the days as YYYY-MM-DD.
        return try await Download.response(Download.docx, fileName: "bao-cao-\(organization.code)-\(from.iso)-\(to.iso).docx") { [document] in
            try PartyDocumentDOCX.write(document, to: $0)
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let (organization, from, to) = try await question(of: request, context: context)
        let review = try await store.review(of: organization.id, from: from, to: to)
        let statistics = try await store.statistics(of: organization.id, asOf: to)
        return Response.html(ReviewPage(context: context, organization: organization, review: review, statistics: statistics).render())
    }

    /// The records behind one figure (`chi-tieu`, a `ReviewFigure` slug) of the review the same query asks.
    /// The most records one list shows (a province's admissions of a quarter fit; the nation's members do not).
    static let listedRecords = 10_000

    @Sendable func records(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let slug = request.query[String.self, at: "chi-tieu"] ?? ""
        guard let figure = ReviewFigure(slug: slug) else {
            throw Abort(.notFound, reason: slug.isEmpty
                ? "Chưa chọn số liệu nào của báo cáo sơ kết: hãy mở danh sách từ một số liệu trên trang báo cáo."
                : "Báo cáo sơ kết không có số liệu mã «\(slug)»: hãy mở danh sách từ một số liệu trên trang báo cáo.")
        }
        let (organization, from, to) = try await question(of: request, context: context)
        let rows: [ReviewRecordRow]
        do {
            rows = try await store.reviewRecords(of: organization.id, from: from, to: to, figure: figure,
                                                 in: context.caller.scope, limit: Self.listedRecords)
        } catch let tooMany as ReviewRecordsTooMany {
            throw Abort(.unprocessableEntity, reason: "Số liệu này có hơn \(VietnameseFormat.number(tooMany.limit)) hồ sơ, quá dài "
                + "cho một trang: hãy xem báo cáo của từng tổ chức trực thuộc \(organization.name) (trang tổ chức có danh sách), "
                + "hoặc danh sách đảng viên có phân trang.")
        }
        return Response.html(ReviewRecordsPage(context: context, organization: organization, figure: figure,
                                               from: from, to: to, rows: rows).render())
    }

    /// The organization (`to-chuc`, else the caller's first root) and the period (`tu`, `den`, else the quarter
    /// before today's) a review page asks about, within the caller's scope on the period's last day.
    func question(of request: Request, context: PageContext) async throws -> (OrganizationSummary, Day, Day) {
        let quarter = Self.previousQuarter(of: today())
        let from = request.query[String.self, at: "tu"].flatMap(Day.init(parsing:)) ?? quarter.from
        let to = request.query[String.self, at: "den"].flatMap(Day.init(parsing:)) ?? quarter.to
        guard from <= to else {
            throw Abort(.badRequest, reason: "Ngày bắt đầu kỳ (\(VietnameseFormat.day(from))) phải trước hoặc bằng ngày kết thúc (\(VietnameseFormat.day(to))).")
        }
        let code = request.query[String.self, at: "to-chuc"] ?? ""
        if code.isEmpty {
            // NB: without a code, the first root of the caller's scope that exists on `to`.
            for root in context.caller.scope.roots {
                if let found = try await store.organization(root, on: to) { return (found, from, to) }
            }
            throw Abort(.notFound, reason: "Tài khoản của bạn không có tổ chức đảng nào vào ngày \(VietnameseFormat.day(to)).")
        }
        // NB: an organization outside the caller's scope is answered as unknown, never with its figures.
        guard let found = try await store.organization(code: code, on: to, in: context.caller.scope) else {
            throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(code) trong phạm vi tài khoản của bạn vào ngày \(VietnameseFormat.day(to)).")
        }
        return (found, from, to)
    }

    /// The quarter before the one `day` lies in: quý III/2026 for 29/11/2026, quý IV/2025 for 15/2/2026.
    static func previousQuarter(of day: Day) -> (from: Day, to: Day) { ReviewDraft.lastQuarter(endingBy: day.previous) }
}
