import DangBoCore
import DangBoStore
import Vapor

/// Cấp ủy (issue 11 point 1): an organization's executive committee and inspection commission on a day — the term,
/// the seats in force, the vacancies, the seats that ended and why — and the forms that record a term, a seat and a
/// seat's end, each in one locked, audited write that refuses what breaks a rule, on the field at fault. Reading needs
/// the organization in the caller's scope (404); writing, the organization department or an admin (403): committees
/// are decided by the superior committee, not by the cell.
struct CommitteesController {
    let store: Store
    let today: @Sendable () -> Day

    /// The most official members the holder list shows; above it the form asks for the holder's citizen ID.
    static let holderListLimit = 2_000

    func register(_ routes: any RoutesBuilder) {
        routes.get(.committees, use: show)
        routes.post(.committees, use: record)
    }

    /// The fields of the three forms as posted (`thao-tac` names the form).
    struct Fields: Content {
        var thaoTac: String?
        var toChuc: String?
        var ngay: String?
        // A seat.
        var uyBan: String?
        var chucVu: String?
        var nguoi: String?
        var soCCCD: String?
        var nguon: String?
        var tuNgay: String?
        var soQuyetDinh: String?
        // A term.
        var nkUyBan: String?
        var nkTen: String?
        var nkTuNgay: String?
        var nkDenNgay: String?
        var nkSoLuong: String?
        var nkSoQuyetDinh: String?
        // A seat's end: the seat's key and the day.
        var batDau: String?
        var ktNgay: String?

        enum CodingKeys: String, CodingKey {
            case thaoTac = "thao-tac", toChuc = "to-chuc", ngay, uyBan = "uy-ban", chucVu = "chuc-vu", nguoi
            case soCCCD = "so-cccd", nguon, tuNgay = "tu-ngay", soQuyetDinh = "so-quyet-dinh"
            case nkUyBan = "nk-uy-ban", nkTen = "nk-ten", nkTuNgay = "nk-tu-ngay", nkDenNgay = "nk-den-ngay"
            case nkSoLuong = "nk-so-luong", nkSoQuyetDinh = "nk-so-quyet-dinh", batDau = "bat-dau", ktNgay = "kt-ngay"
        }
    }

    static func mayWrite(_ context: PageContext) -> Bool {
        context.caller.account.grants.contains { OrganizationChangeController.writers.contains($0.role) }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let day = request.query[String.self, at: "ngay"].flatMap { Day(parsing: VietnameseText.normalized($0)) } ?? context.asOf
        let organization = try await context.organization(request.query[String.self, at: "to-chuc"], on: day, store: store)
        let notice = request.query[String.self, at: "da-ghi"].map { "Đã ghi \($0)." }
        var fields = Fields()
        fields.tuNgay = VietnameseFormat.day(day)
        fields.nkTuNgay = VietnameseFormat.day(day)
        return Response.html(try await page(context, organization, day, fields, errors: [:], notice: notice).render())
    }

    @Sendable func record(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        guard Self.mayWrite(context) else {
            throw Abort(.forbidden, reason: "Tài khoản của bạn không được ghi cấp ủy, nhiệm kỳ: việc này do ban tổ chức cấp ủy cấp trên làm.")
        }
        let fields = try request.content.decode(Fields.self)
        let day = Day(parsing: VietnameseText.normalized(fields.ngay ?? "")) ?? context.asOf
        let organization = try await context.organization(fields.toChuc, on: day, store: store)
        var errors: [String: [String]] = [:]
        func error(_ field: String, _ message: String) { errors[field, default: []].append(message) }
        let actor = ImportController.actor(context.caller)
        var done: String?
        do {
            switch fields.thaoTac {
            case "chuc-danh":
                if let seat = try await seat(fields, organization, &errors) {
                    try await store.recordSeat(seat, in: context.caller.scope, actor: actor)
                    done = "chức danh \(seat.position.vietnamese.lowercased()) từ ngày \(VietnameseFormat.day(seat.validity.start))"
                }
            case "nhiem-ky":
                if let term = term(fields, organization, &errors) {
                    try await store.recordTerm(term, in: context.caller.scope, actor: actor)
                    done = "nhiệm kỳ \(term.name)"
                }
            case "ket-thuc":
                let end = Day(parsing: VietnameseText.normalized(fields.ktNgay ?? ""))
                guard let committee = CommitteeKind(rawValue: fields.uyBan ?? ""), let member = Int(fields.nguoi ?? ""),
                      let start = Day(iso: fields.batDau ?? "") else { throw Abort(.badRequest, reason: "Thiếu chức danh cần kết thúc.") }
                if let end {
                    try await store.endSeat(CommitteeSeat.Key(organization: organization.id, committee: committee,
                                                              member: MemberID(member), start: start),
                                            on: end, in: context.caller.scope, actor: actor)
                    done = "ngày kết thúc chức danh: \(VietnameseFormat.day(end))"
                } else {
                    error("kt-ngay", EventForm.badDay)
                }
            default:
                throw Abort(.badRequest, reason: "Không rõ việc cần ghi.")
            }
        } catch let refusal as CommitteeRefusal {
            switch refusal {
            case .seat(let violations):
                for violation in violations {
                    let field = switch violation.field {
                    case .organization: "to-chuc"
                    case .holder: "nguoi"
                    case .start: "tu-ngay"
                    case .end: ""
                    case .position: "chuc-vu"
                    }
                    error(field, violation.message)
                }
            case .term(let violations):
                for violation in violations {
                    let field = switch violation.field {
                    case .organization: "to-chuc"
                    case .committee: "nk-uy-ban"
                    case .name: "nk-ten"
                    case .start: "nk-tu-ngay"
                    case .end: "nk-den-ngay"
                    case .size: "nk-so-luong"
                    }
                    error(field, violation.message)
                }
            case .badEnd, .unknownSeat: error("kt-ngay", refusal.description)
            case .outsideScope: error("", refusal.description)
            }
        } catch StoreError.busy {
            throw Abort(.serviceUnavailable, reason: StoreError.busy.description)
        }
        if let done, errors.isEmpty {
            request.logger.info("committee.recorded", metadata: ["account": "\(context.caller.account.id)", "form": "\(fields.thaoTac ?? "")"])
            return request.redirect(to: SiteURL.committees.with(query: [
                ("to-chuc", organization.code), ("ngay", VietnameseFormat.day(day)), ("da-ghi", done)]), redirectType: .normal)
        }
        return Response.html(try await page(context, organization, day, fields, errors: errors, notice: nil).render(),
                             status: .unprocessableEntity)
    }

    /// The seat the form describes, or nil with an error on each field at fault.
    private func seat(_ fields: Fields, _ organization: OrganizationSummary, _ errors: inout [String: [String]]) async throws -> CommitteeSeat? {
        let committee = CommitteeKind(rawValue: fields.uyBan ?? "")
        if committee == nil { errors["uy-ban", default: []].append("Hãy chọn cấp ủy hoặc ủy ban kiểm tra.") }
        let position = Position(rawValue: fields.chucVu ?? "")
        if position == nil { errors["chuc-vu", default: []].append("Hãy chọn chức danh.") }
        let source = SeatSource(rawValue: fields.nguon ?? "")
        if source == nil { errors["nguon", default: []].append("Hãy chọn nguồn: đại hội bầu, hội nghị bầu bổ sung hoặc cấp trên chỉ định.") }
        let start = Day(parsing: VietnameseText.normalized(fields.tuNgay ?? ""))
        if start == nil { errors["tu-ngay", default: []].append(EventForm.badDay) }
        var holder = Int(fields.nguoi ?? "").map(MemberID.init(rawValue:))
        let nationalID = VietnameseText.normalized(fields.soCCCD ?? "")
        if holder == nil, !nationalID.isEmpty {
            holder = try await store.memberID(nationalID: nationalID)
            if holder == nil { errors["so-cccd", default: []].append("Không có đảng viên có số CCCD \(nationalID).") }
        } else if holder == nil {
            errors["nguoi", default: []].append("Hãy chọn người giữ chức danh.")
        }
        guard let committee, let position, let source, let start, let holder else { return nil }
        let number = VietnameseText.normalized(fields.soQuyetDinh ?? "")
        return CommitteeSeat(organization: organization.id, committee: committee, member: holder, position: position, source: source,
                             validity: DayRange(start: start, end: nil), decision: number.isEmpty ? nil : Decision(number: number))
    }

    /// The term the form describes, or nil with an error on each field at fault.
    private func term(_ fields: Fields, _ organization: OrganizationSummary, _ errors: inout [String: [String]]) -> CommitteeTerm? {
        let committee = CommitteeKind(rawValue: fields.nkUyBan ?? "")
        if committee == nil { errors["nk-uy-ban", default: []].append("Hãy chọn cấp ủy hoặc ủy ban kiểm tra.") }
        let start = Day(parsing: VietnameseText.normalized(fields.nkTuNgay ?? ""))
        if start == nil { errors["nk-tu-ngay", default: []].append(EventForm.badDay) }
        let endText = VietnameseText.normalized(fields.nkDenNgay ?? "")
        let end = endText.isEmpty ? nil : Day(parsing: endText)
        if !endText.isEmpty, end == nil { errors["nk-den-ngay", default: []].append(EventForm.badDay) }
        let sizeText = VietnameseText.normalized(fields.nkSoLuong ?? "")
        let size = sizeText.isEmpty ? nil : Int(sizeText)
        if !sizeText.isEmpty, size == nil { errors["nk-so-luong", default: []].append("Số lượng là một số nguyên từ 1 đến 99.") }
        let validity = start.flatMap { CommitteeTerm.validity(start: $0, end: end) }
        if let start, validity == nil { errors["nk-den-ngay", default: []].append(CommitteeTermViolation.endBeforeStart(start)) }
        guard let committee, let validity, errors.isEmpty else { return nil }
        let number = VietnameseText.normalized(fields.nkSoQuyetDinh ?? "")
        return CommitteeTerm(organization: organization.id, committee: committee, name: VietnameseText.normalized(fields.nkTen ?? ""),
                             validity: validity, size: size,
                             decision: number.isEmpty ? nil : Decision(number: number))
    }

    private func page(_ context: PageContext, _ organization: OrganizationSummary, _ day: Day, _ fields: Fields,
                      errors: [String: [String]], notice: String?) async throws -> CommitteesPage {
        guard let panel = try await store.committeePanel(of: organization.id, in: context.caller.scope, on: day) else {
            throw Abort(.notFound, reason: "Không có tổ chức đảng mã \(organization.code) trong phạm vi tài khoản của bạn.")
        }
        let writer = Self.mayWrite(context)
        let holders = writer ? try await store.eligibleHolders(of: organization.id, on: day, limit: Self.holderListLimit + 1) : []
        return CommitteesPage(context: context, panel: panel, holders: holders.count > Self.holderListLimit ? nil : holders,
                              writer: writer, fields: fields, errors: errors, notice: notice)
    }
}
