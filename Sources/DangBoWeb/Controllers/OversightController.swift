import DangBoCore
import DangBoStore
import Vapor

/// Kiểm tra, giám sát (issue 11 point 2): the period's figures and cases of an organization's conductors (the cases the
/// review counts), each conductor's annual programme by quarter, and each case run step by step to its conclusion and
/// follow-up. Reading needs the organization in the caller's scope (404); writing, the inspection commission, the
/// organization department or an admin (403). Every write is one locked, audited write that refuses what breaks a rule.
struct OversightController {
    let store: Store
    let today: @Sendable () -> Day

    func register(_ routes: any RoutesBuilder) {
        routes.get(.oversight, use: show)
        routes.post(.oversight, use: open)
        routes.get(.oversightProgramme, use: programme)
        routes.post(.oversightProgramme, use: addItem)
        routes.get(.oversightCase(""), use: showCase)
        routes.post(.oversightCase(""), use: recordCase)
    }

    /// Every field of the oversight forms as posted.
    struct Fields: Content {
        var toChuc: String?, tu: String?, den: String?, nam: String?, chuThe: String?
        var hoatDong: String?, hinhThuc: String?, noiDung: String?, quy: String?, doiTuong: String?, muc: String?
        var ngayBatDau: String?, ngayQuyetDinh: String?, soQuyetDinh: String?, doan: String?, truongDoan: String?
        var thaoTac: String?, buoc: String?, ngay: String?, vanBan: String?, ghiChu: String?, ketQua: String?, ketLuan: String?
        var deNghiKyLuat: String?, nhiemVu: String?, han: String?, nhiemVuSo: String?, ngayXong: String?

        enum CodingKeys: String, CodingKey {
            case toChuc = "to-chuc", tu, den, nam, chuThe = "chu-the", hoatDong = "hoat-dong", hinhThuc = "hinh-thuc"
            case noiDung = "noi-dung", quy, doiTuong = "doi-tuong", muc, ngayBatDau = "ngay-bat-dau", ngayQuyetDinh = "ngay-quyet-dinh"
            case soQuyetDinh = "so-quyet-dinh", doan, truongDoan = "truong-doan", thaoTac = "thao-tac", buoc, ngay
            case vanBan = "van-ban", ghiChu = "ghi-chu", ketQua = "ket-qua", ketLuan = "ket-luan", deNghiKyLuat = "de-nghi-ky-luat"
            case nhiemVu = "nhiem-vu", han, nhiemVuSo = "nhiem-vu-so", ngayXong = "ngay-xong"
        }
    }

    private func requireWriter(_ context: PageContext) throws {
        guard DisciplineController.mayWrite(context) else {
            throw Abort(.forbidden, reason: "Tài khoản của bạn chỉ được xem công tác kiểm tra, giám sát.")
        }
    }

    // MARK: - The period

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let (organization, from, to) = try await ReviewController(store: store, today: today).question(of: request, context: context)
        let notice = request.query[String.self, at: "da-ghi"].map { "Đã ghi \($0)." }
        return Response.html(try await periodPage(context, organization, from, to, Fields(), errors: [:], notice: notice).render())
    }

    private func periodPage(_ context: PageContext, _ organization: OrganizationSummary, _ from: Day, _ to: Day, _ fields: Fields,
                            errors: [String: [String]], notice: String?) async throws -> OversightPage {
        OversightPage(context: context, organization: organization, from: from, to: to,
                      figures: try await store.oversightFigures(of: organization.id, from: from, to: to),
                      review: try await store.review(of: organization.id, from: from, to: to),
                      lines: try await store.oversightCaseLines(of: organization.id, from: from, to: to, in: context.caller.scope),
                      writer: DisciplineController.mayWrite(context), fields: fields, errors: errors, notice: notice)
    }

    /// Opens a case outside the programme (regular supervision, a case on signs of violation…) or from an item of it.
    @Sendable func open(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        try requireWriter(context)
        let fields = try request.content.decode(Fields.self)
        let quarter = ReviewController.previousQuarter(of: today())
        let from = Day(parsing: VietnameseText.normalized(fields.tu ?? "")) ?? quarter.from
        let to = Day(parsing: VietnameseText.normalized(fields.den ?? "")) ?? quarter.to
        let organization = try await context.organization(fields.toChuc, on: to, store: store)
        var errors: [String: [String]] = [:]
        if let reference = try await openCase(fields, organization, context, &errors) {
            return request.redirect(to: SiteURL.oversightCase(reference).path, redirectType: .normal)
        }
        return Response.html(try await periodPage(context, organization, from, to, fields, errors: errors, notice: nil).render(),
                             status: .unprocessableEntity)
    }

    /// The case the fields describe, opened; nil with the errors on their fields.
    private func openCase(_ fields: Fields, _ organization: OrganizationSummary, _ context: PageContext,
                          _ errors: inout [String: [String]]) async throws -> String? {
        let activity = OversightActivity(rawValue: fields.hoatDong ?? "")
        if activity == nil { errors["hoat-dong", default: []].append("Hãy chọn kiểm tra hoặc giám sát.") }
        let mode = OversightMode(rawValue: fields.hinhThuc ?? "")
        if mode == nil { errors["hinh-thuc", default: []].append("Hãy chọn hình thức.") }
        let conductor = ConductorKind(rawValue: fields.chuThe ?? "")
        if conductor == nil { errors["chu-the", default: []].append("Hãy chọn chủ thể tiến hành.") }
        let started = Day(parsing: VietnameseText.normalized(fields.ngayBatDau ?? ""))
        if started == nil { errors["ngay-bat-dau", default: []].append(EventForm.badDay) }
        let subjects = try await self.subjects(fields.doiTuong, field: "doi-tuong", on: started ?? context.asOf, &errors)
        let team = try await self.subjects(fields.doan, field: "doan", on: started ?? context.asOf, &errors)
            .compactMap { if case .member(let id) = $0 { id } else { nil } }
        let leaderText = VietnameseText.normalized(fields.truongDoan ?? "")
        var leader: MemberID?
        if !leaderText.isEmpty {
            leader = try await store.memberID(nationalID: leaderText)
            if leader == nil { errors["truong-doan", default: []].append("Không có đảng viên có số CCCD \(leaderText).") }
        }
        var decision: OversightStep?
        let decidedText = VietnameseText.normalized(fields.ngayQuyetDinh ?? "")
        if !decidedText.isEmpty {
            if let day = Day(parsing: decidedText) {
                let number = VietnameseText.normalized(fields.soQuyetDinh ?? "")
                decision = OversightStep(.decided, on: day, document: number.isEmpty ? nil : number)
            } else {
                errors["ngay-quyet-dinh", default: []].append(EventForm.badDay)
            }
        }
        guard errors.isEmpty, let activity, let mode, let conductor, let started else { return nil }
        let item = Int(fields.muc ?? "")
        do {
            return try await store.openCase(
                OversightCase(reference: "", activity: activity, mode: mode, conductor: conductor, conductorOrganization: organization.id,
                              started: started, subjects: subjects),
                team: team, leader: leader ?? team.first, decision: decision, programmeItem: item, in: context.caller.scope,
                actor: ImportController.actor(context.caller))
        } catch let refusal as OversightRefusal {
            errors[refusal.field, default: []].append(refusal.message)
            return nil
        }
    }

    /// Subjects written one per line: an organization's code or a member's citizen ID.
    private func subjects(_ text: String?, field: String, on day: Day, _ errors: inout [String: [String]]) async throws -> [OversightSubject] {
        var subjects: [OversightSubject] = []
        for line in (text ?? "").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" }) {
            let written = VietnameseText.normalized(String(line))
            guard !written.isEmpty else { continue }
            if written.allSatisfy(\.isNumber), let member = try await store.memberID(nationalID: written) {
                subjects.append(.member(member))
            } else if let organization = try await store.organizationID(code: written) {
                subjects.append(.organization(organization))
            } else {
                errors[field, default: []].append("Không có tổ chức đảng mã hoặc đảng viên số CCCD \(written).")
            }
        }
        return subjects
    }

    // MARK: - The programme

    @Sendable func programme(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let year = request.query[Int.self, at: "nam"] ?? today().year
        guard let last = Day(year: year, month: 12, day: 31) else { throw Abort(.badRequest, reason: "Năm không hợp lệ.") }
        let day = min(last, context.asOf)
        let organization = try await context.organization(request.query[String.self, at: "to-chuc"], on: day, store: store)
        let conductor = request.query[String.self, at: "chu-the"].flatMap(ConductorKind.init(rawValue:)) ?? .inspectionCommission
        let notice = request.query[String.self, at: "da-ghi"].map { "Đã ghi \($0)." }
        var fields = Fields()
        fields.chuThe = conductor.rawValue
        return Response.html(try await programmePage(context, organization, conductor, year, fields, errors: [:], notice: notice).render())
    }

    private func programmePage(_ context: PageContext, _ organization: OrganizationSummary, _ conductor: ConductorKind, _ year: Int,
                               _ fields: Fields, errors: [String: [String]], notice: String?) async throws -> ProgrammePage {
        let programme = try await store.oversightProgramme(of: organization.id, conductor: conductor, year: year)
        let cases = try await store.programmeCases(programme)
        return ProgrammePage(context: context, organization: organization, programme: programme, cases: cases,
                             writer: DisciplineController.mayWrite(context), fields: fields, errors: errors, notice: notice)
    }

    /// Adds an item to the programme, or opens the case of an item (`thao-tac` = `mo-cuoc`).
    @Sendable func addItem(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        try requireWriter(context)
        let fields = try request.content.decode(Fields.self)
        guard let year = Int(fields.nam ?? ""), let last = Day(year: year, month: 12, day: 31),
              let conductor = ConductorKind(rawValue: fields.chuThe ?? "") else { throw Abort(.badRequest, reason: "Thiếu năm hoặc chủ thể.") }
        let organization = try await context.organization(fields.toChuc, on: min(last, context.asOf), store: store)
        var errors: [String: [String]] = [:]
        if fields.thaoTac == "mo-cuoc" {
            if let reference = try await openCase(fields, organization, context, &errors) {
                return request.redirect(to: SiteURL.oversightCase(reference).path, redirectType: .normal)
            }
        } else {
            let activity = OversightActivity(rawValue: fields.hoatDong ?? "")
            if activity == nil { errors["hoat-dong", default: []].append("Hãy chọn kiểm tra hoặc giám sát.") }
            let mode = OversightMode(rawValue: fields.hinhThuc ?? "")
            if mode == nil { errors["hinh-thuc", default: []].append("Hãy chọn hình thức.") }
            let content = VietnameseText.normalized(fields.noiDung ?? "")
            if content.isEmpty { errors["noi-dung", default: []].append("Hãy ghi nội dung kiểm tra, giám sát.") }
            let quarter = Int(fields.quy ?? "")
            if !(1...4).contains(quarter ?? 0) { errors["quy", default: []].append("Hãy chọn quý.") }
            let subjects = try await self.subjects(fields.doiTuong, field: "doi-tuong", on: min(last, context.asOf), &errors)
            if errors.isEmpty, let activity, let mode, let quarter {
                do {
                    try await store.addProgrammeItem(
                        ProgrammeItem(content: content, activity: activity, mode: mode, subjects: subjects,
                                      planned: .quarter(year: year, quarter: quarter)),
                        organization: organization.id, conductor: conductor, year: year, in: context.caller.scope,
                        actor: ImportController.actor(context.caller))
                    return request.redirect(to: SiteURL.oversightProgramme.with(query: [
                        ("to-chuc", organization.code), ("chu-the", conductor.rawValue), ("nam", "\(year)"),
                        ("da-ghi", "nội dung chương trình quý \(quarter)/\(year)")]), redirectType: .normal)
                } catch let refusal as OversightRefusal {
                    errors[refusal.field, default: []].append(refusal.message)
                }
            }
        }
        return Response.html(try await programmePage(context, organization, conductor, year, fields, errors: errors, notice: nil).render(),
                             status: .unprocessableEntity)
    }

    // MARK: - A case

    @Sendable func showCase(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let reference = request.parameters.get("ref") ?? ""
        guard let line = try await store.oversightCaseLine(reference, in: context.caller.scope) else {
            throw Abort(.notFound, reason: "Không có cuộc kiểm tra, giám sát mã \(reference) trong phạm vi tài khoản của bạn.")
        }
        let notice = request.query[String.self, at: "da-ghi"].map { "Đã ghi \($0)." }
        return Response.html(try await casePage(context, line, Fields(), errors: [:], notice: notice).render())
    }

    private func casePage(_ context: PageContext, _ line: OversightCaseLine, _ fields: Fields, errors: [String: [String]],
                          notice: String?) async throws -> OversightCasePage {
        OversightCasePage(context: context, line: line, team: try await store.memberNames(of: Set(line.progress.team)),
                          writer: DisciplineController.mayWrite(context), fields: fields, errors: errors, notice: notice,
                          today: today())
    }

    @Sendable func recordCase(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        try requireWriter(context)
        let reference = request.parameters.get("ref") ?? ""
        guard let line = try await store.oversightCaseLine(reference, in: context.caller.scope) else {
            throw Abort(.notFound, reason: "Không có cuộc kiểm tra, giám sát mã \(reference) trong phạm vi tài khoản của bạn.")
        }
        let fields = try request.content.decode(Fields.self)
        var errors: [String: [String]] = [:]
        var done: String?
        let actor = ImportController.actor(context.caller)
        let day = Day(parsing: VietnameseText.normalized(fields.ngay ?? ""))
        do {
            switch fields.thaoTac {
            case "buoc":
                let stage = OversightStage(rawValue: fields.buoc ?? "")
                if stage == nil { errors["buoc", default: []].append("Hãy chọn bước.") }
                if day == nil { errors["ngay", default: []].append(EventForm.badDay) }
                let outcome = OversightOutcome(rawValue: fields.ketQua ?? "")
                if stage == .concluded, outcome == nil { errors["ket-qua", default: []].append("Hãy chọn kết quả của kết luận.") }
                if let stage, let day, errors.isEmpty {
                    let document = VietnameseText.normalized(fields.vanBan ?? "")
                    try await store.recordStep(OversightStep(stage, on: day, document: document.isEmpty ? nil : document,
                                                             note: VietnameseText.normalized(fields.ghiChu ?? "")),
                                               of: reference, outcome: outcome, conclusion: VietnameseText.normalized(fields.ketLuan ?? ""),
                                               disciplineProposed: fields.deNghiKyLuat == "co", in: context.caller.scope, actor: actor)
                    done = "bước \(stage.vietnamese.lowercased())"
                }
            case "nhiem-vu":
                let due = Day(parsing: VietnameseText.normalized(fields.han ?? ""))
                if due == nil { errors["han", default: []].append(EventForm.badDay) }
                let text = VietnameseText.normalized(fields.nhiemVu ?? "")
                if text.isEmpty { errors["nhiem-vu", default: []].append("Hãy ghi nội dung cần khắc phục.") }
                let responsible = try await subjects(fields.doiTuong, field: "doi-tuong", on: line.oversightCase.started, &errors).first
                if responsible == nil, errors["doi-tuong"] == nil { errors["doi-tuong", default: []].append("Hãy chọn đối tượng thực hiện.") }
                if let due, let responsible, errors.isEmpty {
                    try await store.recordFollowUp(FollowUpTask(caseReference: reference, text: text, responsible: responsible, due: due),
                                                   in: context.caller.scope, actor: actor)
                    done = "nhiệm vụ khắc phục"
                }
            case "xong":
                guard let id = Int(fields.nhiemVuSo ?? ""), let task = line.tasks.first(where: { $0.id == id })?.task else {
                    throw Abort(.badRequest, reason: "Không có nhiệm vụ này.")
                }
                guard let finished = Day(parsing: VietnameseText.normalized(fields.ngayXong ?? "")) else {
                    errors["ngay-xong", default: []].append(EventForm.badDay)
                    break
                }
                var completed = task
                completed.done = finished
                try await store.recordFollowUp(completed, id: id, in: context.caller.scope, actor: actor)
                done = "hoàn thành nhiệm vụ khắc phục"
            default:
                throw Abort(.badRequest, reason: "Không rõ việc cần ghi.")
            }
        } catch let refusal as OversightRefusal {
            errors[refusal.field, default: []].append(refusal.message)
        }
        if let done, errors.isEmpty {
            return request.redirect(to: SiteURL.oversightCase(reference).with(query: [("da-ghi", done)]), redirectType: .normal)
        }
        let current = try await store.oversightCaseLine(reference, in: context.caller.scope) ?? line
        return Response.html(try await casePage(context, current, fields, errors: errors, notice: nil).render(), status: .unprocessableEntity)
    }
}
