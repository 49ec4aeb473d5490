import DangBoCore
import DangBoInterchange
import DangBoStore
import Foundation
import Vapor

/// The review as an official document (issue 10): staff write its narrative beside the figures DangBo drafts, read it
/// as it will print, issue it (numbered, frozen), print it again from what was frozen, and see what changed in the
/// registry since. Reading needs the organization in the caller's scope (404 otherwise); writing and issuing need a
/// role that records (`MemberController.writers`, 403 otherwise).
struct ReviewReportController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) {
        routes.get(.reviewNarrative, use: form)
        routes.post(.reviewNarrative, use: post)
        routes.get(.reviewPrint, use: printDraft)
        routes.get(.issuedReviews, use: list)
        routes.get(.issuedReview(0), use: show)
        routes.get(.issuedReviewDocument(0), use: document)
        routes.get(.issuedReviewPDF(0), use: pdf)
    }

    /// The form's fields as posted (or as stored, for a first view).
    struct Fields: Content {
        var soLieu: String?
        var coSo: String?
        var ketQua: String?
        var hanChe: String?
        var phuongHuong: String?
        var so: String?
        var ngayVanBan: String?
        var nguoiKy: String?
        var chucVu: String?
        var thamQuyen: String?
        var noiNhan: String?
        var hanhDong: String?

        enum CodingKeys: String, CodingKey {
            case soLieu = "so-lieu", coSo = "co-so", ketQua = "ket-qua", hanChe = "han-che", phuongHuong = "phuong-huong", so, ngayVanBan = "ngay-van-ban"
            case nguoiKy = "nguoi-ky", chucVu = "chuc-vu", thamQuyen = "tham-quyen", noiNhan = "noi-nhan", hanhDong = "hanh-dong"
        }

        /// The field of each narrative section, in `Store.narrativeSections`' order.
        static let sectionFields = ["ket-qua", "han-che", "phuong-huong"]

        var narrative: ReviewDocument.Narrative {
            ReviewDocument.Narrative(figures: [soLieu ?? ""], figuresBasis: coSo ?? "", results: [ketQua ?? ""],
                                     shortcomings: [hanChe ?? ""], directions: [phuongHuong ?? ""])
        }

        func value(_ field: String) -> String? {
            switch field {
            case "so-lieu": soLieu
            case "ket-qua": ketQua
            case "han-che": hanChe
            case "phuong-huong": phuongHuong
            case "so": so
            case "ngay-van-ban": ngayVanBan
            case "nguoi-ky": nguoiKy
            case "chuc-vu": chucVu
            case "tham-quyen": thamQuyen
            case "noi-nhan": noiNhan
            default: nil
            }
        }
    }

    private var reviews: ReviewController { ReviewController(store: store, today: today) }

    @Sendable func form(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let (organization, from, to) = try await reviews.question(of: request, context: context)
        let stored = try await store.reviewNarrative(of: organization.id, from: from, to: to) ?? ReviewDocument.Narrative()
        var fields = Fields()
        // NB: part I.1 as reworded, else the draft's sentences of today's figures, with the basis they came from.
        let drafted = try await store.draftSentences(of: organization.id, from: from, to: to)
        fields.soLieu = (stored.figures.isEmpty ? drafted : stored.figures).joined(separator: "\n")
        fields.coSo = stored.figures.isEmpty ? ReviewDraft.basis(drafted) : stored.figuresBasis
        fields.ketQua = stored.results.joined(separator: "\n")
        fields.hanChe = stored.shortcomings.joined(separator: "\n")
        fields.phuongHuong = stored.directions.joined(separator: "\n")
        let notice = request.query[String.self, at: "da-luu"] == "1" ? "Đã lưu phần nhận định." : nil
        return Response.html(try await page(context, organization, from, to, fields: fields, errors: [:], notice: notice).render())
    }

    @Sendable func post(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        try EventFormController.requireWriter(context)
        let (organization, from, to) = try await reviews.question(of: request, context: context)
        var fields = try request.content.decode(Fields.self)
        var errors: [String: [String]] = [:]
        let actor = ImportController.actor(context.caller)
        let back = SiteURL.reviewNarrative.with(query: Self.query(organization, from, to))
        do {
            guard fields.hanhDong == "ban-hanh" else {
                try await store.setReviewNarrative(fields.narrative, of: organization.id, from: from, to: to, actor: actor)
                return request.redirect(to: back + "&da-luu=1", redirectType: .normal)
            }
            let trimmed = { (field: String) in VietnameseText.normalized(fields.value(field) ?? "") }
            var number: Int?
            if !trimmed("so").isEmpty {
                number = Int(trimmed("so"))
                if (number ?? 0) < 1 { errors["so", default: []].append("Số văn bản là một số nguyên dương, ví dụ 15; để trống để lấy số tiếp theo.") }
            }
            var date: Day?
            if !trimmed("ngay-van-ban").isEmpty {
                date = Day(parsing: trimmed("ngay-van-ban"))
                if date == nil { errors["ngay-van-ban", default: []].append(EventForm.badDay) }
            }
            if errors.isEmpty {
                let recipients = (fields.noiNhan ?? "").split(whereSeparator: \.isNewline)
                    .map { VietnameseText.normalized(String($0)).trimmingCharacters(in: CharacterSet(charactersIn: "- ")) }
                    .filter { !$0.isEmpty }
                let issued = try await store.issueReview(
                    of: organization.id, from: from, to: to, number: number, date: date,
                    signer: trimmed("nguoi-ky").isEmpty ? nil : trimmed("nguoi-ky"),
                    signerTitle: trimmed("chuc-vu").isEmpty ? "BÍ THƯ" : trimmed("chuc-vu"),
                    authority: trimmed("tham-quyen").isEmpty ? nil : trimmed("tham-quyen"), recipients: recipients,
                    narrative: fields.narrative, actor: actor)
                request.logger.info("review.issued", metadata: ["account": "\(context.caller.account.id)", "report": "\(issued.id)"])
                return request.redirect(to: SiteURL.issuedReview(issued.id).path, redirectType: .normal)
            }
        } catch let error as ReviewReportError {
            switch error {
            case .missingSection(let name):
                let index = Store.narrativeSections.firstIndex { $0.name == name } ?? 0
                errors[Fields.sectionFields[index], default: []].append("Hãy viết phần này trước khi ban hành.")
            case .numberTaken: errors["so", default: []].append(error.description)
            case .figuresChanged:
                // NB: the page shows today's figures beside the reworded text; posted again, it is taken as read.
                errors["so-lieu", default: []].append(error.description)
                fields.coSo = ReviewDraft.basis(try await store.draftSentences(of: organization.id, from: from, to: to))
            case .alreadyIssued: errors["", default: []].append(error.description)
            }
        } catch let error as ReviewDocumentError {
            errors["", default: []].append(error.description)
        } catch StoreError.busy {
            throw Abort(.serviceUnavailable, reason: StoreError.busy.description)
        }
        return Response.html(try await page(context, organization, from, to, fields: fields, errors: errors, notice: nil).render(),
                             status: .unprocessableEntity)
    }

    /// The form page: the figures' sentences as drafted, the sections as written, the issue fields prefilled from the
    /// draft document (signer, authority, recipients), or the report issued for the period.
    private func page(
        _ context: PageContext, _ organization: OrganizationSummary, _ from: Day, _ to: Day, fields: Fields,
        errors: [String: [String]], notice: String?
    ) async throws -> ReviewNarrativePage {
        let issued = try await store.issuedReviews(in: context.caller.scope, of: organization.id)
            .first { $0.from == from && $0.to == to }
        var draft: PartyDocument?, problem: String?
        do {
            draft = try await store.reviewDocument(of: organization.id, from: from, to: to, number: nil)
        } catch let error as ReviewDocumentError {
            problem = error.description
        }
        return ReviewNarrativePage(
            context: context, organization: organization, from: from, to: to,
            sentences: try await store.draftSentences(of: organization.id, from: from, to: to), fields: fields, errors: errors, notice: notice,
            draft: draft, settingsProblem: problem, issued: issued,
            mayWrite: context.caller.account.grants.contains { MemberController.writers.contains($0.role) })
    }

    /// The draft as it will print (print-ready HTML): the narrative as stored, the number left blank.
    @Sendable func printDraft(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let (organization, from, to) = try await reviews.question(of: request, context: context)
        let narrative = try await store.reviewNarrative(of: organization.id, from: from, to: to) ?? ReviewDocument.Narrative()
        let document: PartyDocument
        do {
            document = try await store.reviewDocument(of: organization.id, from: from, to: to, number: nil, narrative: narrative)
        } catch let error as ReviewDocumentError {
            throw Abort(.unprocessableEntity, reason: error.description)
        }
        return Response.html(PartyDocumentPage(context: context, document: document, title: "Bản in dự thảo báo cáo",
                                               notice: "Bản dự thảo: chưa có số, chưa ban hành.",
                                               back: (SiteURL.reviewNarrative.with(query: Self.query(organization, from, to)), "Về trang soạn thảo")).render())
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let reports = try await store.issuedReviews(in: context.caller.scope)
        return Response.html(IssuedReviewsPage(context: context, reports: reports).render())
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let report = try await issued(request, context)
        let reconciliation = try await store.reconciliation(of: report)
        return Response.html(IssuedReviewPage(context: context, report: report, reconciliation: reconciliation).render())
    }

    /// The issued report's DOCX, written from what was frozen (the same bytes every time).
    @Sendable func document(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let report = try await issued(request, context)
        let number = report.document.number.map(String.init) ?? ""
        return try await Download.response(Download.docx, fileName: "bao-cao-so-\(number)-\(report.document.date.year).docx") {
            try PartyDocumentDOCX.write(report.document, to: $0)
        }
    }

    /// The issued report as PDF, through LibreOffice where it is installed (501 with the reason where it is not).
    @Sendable func pdf(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let report = try await issued(request, context)
        let number = report.document.number.map(String.init) ?? ""
        do {
            return try await Download.response(.pdf, fileName: "bao-cao-so-\(number)-\(report.document.date.year).pdf") {
                try PartyDocumentPDF.write(report.document, to: $0)
            }
        } catch let failure as PartyDocumentPDF.Failure {
            throw Abort(.notImplemented, reason: failure.description)
        }
    }

    /// The issued report of the route if it lies in the caller's scope; 404 otherwise.
    private func issued(_ request: Request, _ context: PageContext) async throws -> IssuedReview {
        guard let id = request.parameters.get("report", as: Int.self),
              let report = try await store.issuedReview(id, in: context.caller.scope) else { throw Abort(.notFound) }
        return report
    }

    static func query(_ organization: OrganizationSummary, _ from: Day, _ to: Day) -> [(String, String)] {
        [("to-chuc", organization.code), ("tu", VietnameseFormat.day(from)), ("den", VietnameseFormat.day(to))]
    }
}
