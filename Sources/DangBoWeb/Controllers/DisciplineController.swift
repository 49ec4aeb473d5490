import DangBoCore
import DangBoStore
import Vapor

/// Kỷ luật (issue 11 point 3): the disciplinary decisions of an organization's bodies over a period — the review's
/// figures and the decisions behind them, each with the sanction in force and its appeals — and the forms that record a
/// decision (its effect with it: an expulsion's event, a dissolution) and an appeal, each in one locked, audited write
/// that refuses what breaks a rule, on the field at fault. Reading needs the organization in the caller's scope (404);
/// writing, the inspection commission, the organization department or an admin (403).
struct DisciplineController {
    let store: Store
    let today: @Sendable () -> Day

    static let writers: Set<Role> = [.admin, .inspectionStaff, .organizationStaff]

    func register(_ routes: any RoutesBuilder) {
        routes.get(.discipline, use: show)
        routes.post(.discipline, use: record)
    }

    /// The fields of the two forms as posted (`thao-tac` names the form).
    struct Fields: Content {
        var thaoTac: String?
        var toChuc: String?
        var tu: String?
        var den: String?
        // A decision.
        var doiTuongCCCD: String?
        var doiTuongToChuc: String?
        var hinhThuc: String?
        var toChucQuyetDinh: String?
        var coQuan: String?
        var ngayViPham: String?
        var ngayChamDut: String?
        var khongThoiHieu: String?
        var ngayKy: String?
        var ngayHieuLuc: String?
        var soQuyetDinh: String?
        var cuocKiemTra: String?
        // An appeal.
        var quyetDinh: String?
        var ngayKhieuNai: String?
        var ketQua: String?
        var ngayGiaiQuyet: String?
        var giamXuong: String?

        enum CodingKeys: String, CodingKey {
            case thaoTac = "thao-tac", toChuc = "to-chuc", tu, den, doiTuongCCCD = "doi-tuong-cccd"
            case doiTuongToChuc = "doi-tuong-to-chuc", hinhThuc = "hinh-thuc", toChucQuyetDinh = "to-chuc-quyet-dinh"
            case coQuan = "co-quan", ngayViPham = "ngay-vi-pham", ngayChamDut = "ngay-cham-dut", khongThoiHieu = "khong-thoi-hieu"
            case ngayKy = "ngay-ky", ngayHieuLuc = "ngay-hieu-luc", soQuyetDinh = "so-quyet-dinh", cuocKiemTra = "cuoc-kiem-tra"
            case quyetDinh = "quyet-dinh", ngayKhieuNai = "ngay-khieu-nai", ketQua = "ket-qua", ngayGiaiQuyet = "ngay-giai-quyet"
            case giamXuong = "giam-xuong"
        }
    }

    static func mayWrite(_ context: PageContext) -> Bool {
        context.caller.account.grants.contains { writers.contains($0.role) }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let (organization, from, to) = try await ReviewController(store: store, today: today).question(of: request, context: context)
        let notice = request.query[String.self, at: "da-ghi"].map { "Đã ghi \($0)." }
        var fields = Fields()
        fields.toChucQuyetDinh = organization.code
        return Response.html(try await page(context, organization, from, to, fields, errors: [:], notice: notice).render())
    }

    @Sendable func record(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        guard Self.mayWrite(context) else {
            throw Abort(.forbidden, reason: "Tài khoản của bạn không được ghi quyết định kỷ luật: việc này do ủy ban kiểm tra, ban tổ chức làm.")
        }
        let fields = try request.content.decode(Fields.self)
        let quarter = ReviewController.previousQuarter(of: today())
        let from = Day(parsing: VietnameseText.normalized(fields.tu ?? "")) ?? quarter.from
        let to = Day(parsing: VietnameseText.normalized(fields.den ?? "")) ?? quarter.to
        guard let organization = try await store.organization(code: VietnameseText.normalized(fields.toChuc ?? ""), on: to,
                                                               in: context.caller.scope) else {
            throw Abort(.notFound, reason: "Không có tổ chức đảng này trong phạm vi tài khoản của bạn.")
        }
        var errors: [String: [String]] = [:]
        var done: String?
        let actor = ImportController.actor(context.caller)
        do {
            switch fields.thaoTac {
            case "quyet-dinh":
                if let decision = try await decision(fields, context, &errors) {
                    let reference = try await store.recordDiscipline(decision, in: context.caller.scope, actor: actor)
                    done = "quyết định kỷ luật \(reference)"
                }
            case "khieu-nai":
                if let appeal = appeal(fields, &errors) {
                    let reference = VietnameseText.normalized(fields.quyetDinh ?? "")
                    try await store.recordAppeal(appeal, to: reference, in: context.caller.scope, actor: actor)
                    done = "khiếu nại quyết định \(reference)"
                }
            default:
                throw Abort(.badRequest, reason: "Không rõ việc cần ghi.")
            }
        } catch let refusal as DisciplineRefusal {
            switch refusal {
            case .outsideScope: errors["to-chuc-quyet-dinh", default: []].append(refusal.description)
            case .referenceTaken: errors["", default: []].append(refusal.description)
            case .unknownDecision: errors["quyet-dinh", default: []].append(refusal.description)
            case .rules(let violations):
                for violation in violations { errors[Self.field(violation), default: []].append(violation.message) }
            }
        } catch let violation as JournalViolation {
            errors["ngay-hieu-luc", default: []].append(violation.message)
        } catch let refusal as TreeChangeRefusal {
            errors["ngay-hieu-luc", default: []].append(refusal.message)
        } catch StoreError.busy {
            throw Abort(.serviceUnavailable, reason: StoreError.busy.description)
        }
        if let done, errors.isEmpty {
            request.logger.info("discipline.recorded", metadata: ["account": "\(context.caller.account.id)", "form": "\(fields.thaoTac ?? "")"])
            return request.redirect(to: SiteURL.discipline.with(query: [
                ("to-chuc", organization.code), ("tu", VietnameseFormat.day(from)), ("den", VietnameseFormat.day(to)), ("da-ghi", done)]),
                redirectType: .normal)
        }
        return Response.html(try await page(context, organization, from, to, fields, errors: errors, notice: nil).render(),
                             status: .unprocessableEntity)
    }

    /// The form field a rule's violation is about.
    static func field(_ violation: DisciplineViolation) -> String {
        switch violation.field {
        case .offenceEnded: "ngay-cham-dut"
        case .laterOffences: "ngay-vi-pham"
        case .decided: "ngay-ky"
        case .effective, .received: "ngay-hieu-luc"
        case .decidingOrganization: "to-chuc-quyet-dinh"
        case .decidingBody: "co-quan"
        case .subjectOrganization: "doi-tuong-to-chuc"
        case .subjectMember: "doi-tuong-cccd"
        case .sanction: "hinh-thuc"
        case .appeals: "ngay-khieu-nai"
        }
    }

    private func decision(_ fields: Fields, _ context: PageContext, _ errors: inout [String: [String]]) async throws -> DisciplineDecision? {
        func day(_ field: String, _ value: String?, required: Bool) -> Day? {
            let text = VietnameseText.normalized(value ?? "")
            if text.isEmpty {
                if required { errors[field, default: []].append("Hãy ghi ngày (ngày/tháng/năm).") }
                return nil
            }
            guard let day = Day(parsing: text) else { errors[field, default: []].append(EventForm.badDay); return nil }
            return day
        }
        var subject: DisciplineSubject?
        let nationalID = VietnameseText.normalized(fields.doiTuongCCCD ?? ""), code = VietnameseText.normalized(fields.doiTuongToChuc ?? "")
        let decided = day("ngay-ky", fields.ngayKy, required: true)
        switch (nationalID.isEmpty, code.isEmpty) {
        case (false, true):
            if let id = try await store.memberID(nationalID: nationalID) { subject = .member(id) }
            else { errors["doi-tuong-cccd", default: []].append("Không có đảng viên có số CCCD \(nationalID).") }
        case (true, false):
            if let found = try await store.organization(code: code, on: decided ?? context.asOf) { subject = .organization(found.id) }
            else if let id = try await store.organizationID(code: code) { subject = .organization(id) }
            else { errors["doi-tuong-to-chuc", default: []].append("Không có tổ chức đảng mã \(code).") }
        default:
            errors["doi-tuong-cccd", default: []].append("Ghi số CCCD của đảng viên hoặc mã của tổ chức đảng bị kỷ luật (một trong hai).")
        }
        let sanction = Sanction(rawValue: fields.hinhThuc ?? "")
        if sanction == nil { errors["hinh-thuc", default: []].append("Hãy chọn hình thức kỷ luật.") }
        let body = DecidingBody(rawValue: fields.coQuan ?? "")
        if body == nil { errors["co-quan", default: []].append("Hãy chọn cơ quan quyết định.") }
        let decidingCode = VietnameseText.normalized(fields.toChucQuyetDinh ?? "")
        let deciding = try await store.organizationID(code: decidingCode)
        if deciding == nil { errors["to-chuc-quyet-dinh", default: []].append("Không có tổ chức đảng mã \(decidingCode).") }
        let offence = day("ngay-vi-pham", fields.ngayViPham, required: true)
        let ended = day("ngay-cham-dut", fields.ngayChamDut, required: false)
        let effective = day("ngay-hieu-luc", fields.ngayHieuLuc, required: false)
        let withoutLimit = OffenceWithoutLimit(rawValue: fields.khongThoiHieu ?? "")
        guard errors.isEmpty, let subject, let sanction, let body, let deciding, let offence, let decided else { return nil }
        let number = VietnameseText.normalized(fields.soQuyetDinh ?? ""), caseReference = VietnameseText.normalized(fields.cuocKiemTra ?? "")
        return DisciplineDecision(
            reference: "", subject: subject, sanction: sanction, decidingOrganization: deciding, decidingBody: body,
            offenceCommitted: offence, offenceEnded: ended, offenceWithoutLimit: withoutLimit, decided: decided, effective: effective,
            decision: number.isEmpty ? nil : Decision(number: number, date: decided),
            oversightCase: caseReference.isEmpty ? nil : caseReference)
    }

    private func appeal(_ fields: Fields, _ errors: inout [String: [String]]) -> DisciplineAppeal? {
        guard let lodged = Day(parsing: VietnameseText.normalized(fields.ngayKhieuNai ?? "")) else {
            errors["ngay-khieu-nai", default: []].append(EventForm.badDay)
            return nil
        }
        let decidedText = VietnameseText.normalized(fields.ngayGiaiQuyet ?? "")
        let decided = Day(parsing: decidedText)
        if !decidedText.isEmpty, decided == nil { errors["ngay-giai-quyet", default: []].append(EventForm.badDay) }
        switch (fields.ketQua ?? "", decided) {
        case ("pending", _): return DisciplineAppeal(lodged: lodged)
        case ("upheld", let day?): return DisciplineAppeal(lodged: lodged, outcome: .upheld(on: day))
        case ("annulled", let day?): return DisciplineAppeal(lodged: lodged, outcome: .annulled(on: day))
        case ("reduced", let day?):
            guard let sanction = Sanction(rawValue: fields.giamXuong ?? "") else {
                errors["giam-xuong", default: []].append("Hãy chọn hình thức kỷ luật mới, nhẹ hơn.")
                return nil
            }
            return DisciplineAppeal(lodged: lodged, outcome: .reduced(to: sanction, on: day))
        case ("upheld", nil), ("annulled", nil), ("reduced", nil):
            errors["ngay-giai-quyet", default: []].append("Hãy ghi ngày giải quyết khiếu nại.")
            return nil
        default:
            errors["ket-qua", default: []].append("Hãy chọn kết quả giải quyết.")
            return nil
        }
    }

    private func page(_ context: PageContext, _ organization: OrganizationSummary, _ from: Day, _ to: Day, _ fields: Fields,
                      errors: [String: [String]], notice: String?) async throws -> DisciplinePage {
        DisciplinePage(context: context, organization: organization, from: from, to: to,
                       figures: try await store.disciplineFigures(of: organization.id, from: from, to: to),
                       lines: try await store.disciplineLines(of: organization.id, from: from, to: to, in: context.caller.scope),
                       writer: Self.mayWrite(context), fields: fields, errors: errors, notice: notice)
    }
}
