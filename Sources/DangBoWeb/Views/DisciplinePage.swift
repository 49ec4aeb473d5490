import DangBoCore
import DangBoStore
import Plot

/// The disciplinary decisions of an organization's bodies over a period: the review's figures by sanction, then every
/// decision behind them with its subject, the sanction decided and the one in force at the period's end, its appeals;
/// then, for those who record them, the forms of a decision and of an appeal.
struct DisciplinePage {
    var context: PageContext
    var organization: OrganizationSummary
    var from: Day
    var to: Day
    var figures: DisciplineFigures
    var lines: [DisciplineLine]
    var writer: Bool
    var fields: DisciplineController.Fields
    var errors: [String: [String]]
    var notice: String?

    func render() -> String {
        let n = VietnameseFormat.number, day = VietnameseFormat.day
        return Layout(title: "Kỷ luật", topBar: context.topBar, current: .discipline).render(.div(
            PeriodFilter.form(.discipline, code: organization.code, from: day(from), to: day(to)),
            .unwrap(notice) { .p(.class("notice"), .text($0)) },
            .forEach(errors[""] ?? []) { .p(.class("error"), .text($0)) },
            .h2(.text("\(organization.name) — \(VietnameseFormat.period(from: from, to: to))")),
            .p(.class("muted"), .text("Quyết định có hiệu lực trong kỳ của cấp ủy, ban thường vụ, ủy ban kiểm tra, chi bộ thuộc tổ chức này; "
                + "mỗi tổ chức, đảng viên tính một lần cho mỗi hình thức.")),
            .table(.class("review-figures"),
                   .thead(.tr(.th("Hình thức kỷ luật"), .th(.class("number"), .text("Tổ chức đảng")), .th(.class("number"), .text("Đảng viên")))),
                   .tbody(.forEach(Sanction.allCases) { sanction in
                       .tr(.th(.text(sanction.vietnamese)),
                           .td(.class("number"), .text(sanction.appliesToOrganizations ? n(figures.organizations(sanction)) : "—")),
                           .td(.class("number"), .text(sanction.appliesToMembers ? n(figures.members(sanction)) : "—")))
                   })),
            .h2(.text("Các quyết định (\(n(lines.count)))")),
            .if(lines.isEmpty, .p(.class("muted"), .text("Không có quyết định kỷ luật nào trong kỳ.")), else: .table(
                .thead(.tr(.th("Quyết định"), .th("Đối tượng"), .th("Hình thức"), .th("Cơ quan quyết định"), .th("Vi phạm"),
                           .th("Hiệu lực"), .th("Khiếu nại"), .th("Cuộc kiểm tra"))),
                .tbody(.forEach(lines) { line in row(line) }))),
            .if(writer, .group(decisionForm, appealForm))))
    }

    private func row(_ line: DisciplineLine) -> Node<HTML.TableContext> {
        let decision = line.decision, day = VietnameseFormat.day
        let subject: Node<HTML.BodyContext> = switch decision.subject {
        case .member(let id): .group(.a(.href(SiteURL.member(id).with(query: [("ngay", day(decision.decided))])), .text(line.subjectName)),
                                     .text(line.subjectCode.isEmpty ? "" : " (\(line.subjectCode))"))
        case .organization: .text("\(line.subjectName) (\(line.subjectCode))")
        }
        let inForce = decision.sanctionInForce(on: to)
        let appeals = decision.appeals.map { appeal -> String in
            let outcome = switch appeal.outcome {
            case .pending: "đang giải quyết"
            case .upheld(let on): "giữ nguyên (\(day(on)))"
            case .reduced(let sanction, let on): "giảm xuống \(sanction.vietnamese.lowercased()) (\(day(on)))"
            case .annulled(let on): "xóa kỷ luật (\(day(on)))"
            }
            return "\(day(appeal.lodged)): \(outcome)"
        }.joined(separator: "; ")
        return .tr(
            .td(.text(decision.reference), .unwrap(decision.decision) { .text(" — số \($0.number)") }, .text(", ngày \(day(decision.decided))")),
            .td(subject),
            .td(.text(decision.sanction.vietnamese),
                .if(inForce != decision.sanction, .text(" (còn hiệu lực: \(inForce?.vietnamese.lowercased() ?? "không")"))),
            .td(.text("\(decision.decidingBody.vietnamese) \(line.decidingCode)")),
            .td(.text(day(decision.offenceCommitted)), .unwrap(decision.offenceEnded) { .text("–\(day($0))") }),
            .td(.text(day(decision.effective))),
            .td(.text(appeals)),
            .td(.text(decision.oversightCase ?? "")))
    }

    private func hidden(_ name: String, _ value: String) -> Node<HTML.FormContext> { .input(.type(.hidden), .name(name), .value(value)) }

    private var frame: Node<HTML.FormContext> {
        .group(hidden(CSRFMiddleware.field, context.topBar.csrfToken), hidden("to-chuc", organization.code),
               hidden("tu", VietnameseFormat.day(from)), hidden("den", VietnameseFormat.day(to)))
    }

    private var decisionForm: Node<HTML.BodyContext> {
        let posted = fields.thaoTac == "quyet-dinh"
        let errors = posted ? self.errors : [:]
        func text(_ field: String, _ label: String, _ value: String?, placeholder: String = "", hint: String = "") -> Node<HTML.FormContext> {
            FieldControl.text(field, label, posted ? value : nil, errors: errors, placeholder: placeholder, hint: hint)
        }
        return .form(.class("committee"), .action(SiteURL.discipline.path), .method(.post), frame, hidden("thao-tac", "quyet-dinh"),
                     .h2(.text("Ghi quyết định kỷ luật")),
                     text("doi-tuong-cccd", "Đảng viên bị kỷ luật (số CCCD)", fields.doiTuongCCCD, placeholder: "12 chữ số"),
                     text("doi-tuong-to-chuc", "hoặc tổ chức đảng bị kỷ luật (mã)", fields.doiTuongToChuc),
                     FieldControl.select("hinh-thuc", "Hình thức kỷ luật", posted ? fields.hinhThuc : nil,
                                         options: [("", "—")] + Sanction.allCases.map { ($0.rawValue, $0.vietnamese) }, errors: errors),
                     FieldControl.text("to-chuc-quyet-dinh", "Tổ chức quyết định (mã)", fields.toChucQuyetDinh, errors: errors),
                     FieldControl.select("co-quan", "Cơ quan quyết định", posted ? fields.coQuan : DecidingBody.standingCommittee.rawValue,
                                         options: DecidingBody.allCases.map { ($0.rawValue, $0.vietnamese) }, errors: errors),
                     text("ngay-vi-pham", "Ngày vi phạm", fields.ngayViPham, placeholder: "ngày/tháng/năm"),
                     text("ngay-cham-dut", "Ngày chấm dứt vi phạm (vi phạm kéo dài)", fields.ngayChamDut, placeholder: "ngày/tháng/năm"),
                     FieldControl.select("khong-thoi-hieu", "Vi phạm không áp dụng thời hiệu", posted ? fields.khongThoiHieu : nil,
                                         options: [("", "Không")] + OffenceWithoutLimit.allCases.map { ($0.rawValue, $0.vietnamese) },
                                         errors: errors),
                     text("ngay-ky", "Ngày ký quyết định", fields.ngayKy, placeholder: "ngày/tháng/năm"),
                     text("ngay-hieu-luc", "Ngày có hiệu lực (nếu khác ngày ký)", fields.ngayHieuLuc, placeholder: "ngày/tháng/năm",
                          hint: "Khai trừ: đảng viên ra khỏi danh sách từ ngày này. Giải tán: tổ chức không còn từ ngày này."),
                     text("so-quyet-dinh", "Số quyết định", fields.soQuyetDinh, placeholder: "ví dụ 45-QĐ/UBKT"),
                     text("cuoc-kiem-tra", "Mã cuộc kiểm tra đề nghị kỷ luật (nếu có)", fields.cuocKiemTra),
                     .button(.type(.submit), .text("Ghi quyết định")))
    }

    private var appealForm: Node<HTML.BodyContext> {
        let posted = fields.thaoTac == "khieu-nai"
        let errors = posted ? self.errors : [:]
        return .form(.class("committee"), .action(SiteURL.discipline.path), .method(.post), frame, hidden("thao-tac", "khieu-nai"),
                     .h2(.text("Ghi khiếu nại kỷ luật")),
                     FieldControl.select("quyet-dinh", "Quyết định bị khiếu nại", posted ? fields.quyetDinh : nil,
                                         options: [("", "—")] + lines.map { ($0.decision.reference, "\($0.decision.reference) — \($0.subjectName)") },
                                         errors: errors),
                     FieldControl.text("ngay-khieu-nai", "Ngày khiếu nại", posted ? fields.ngayKhieuNai : nil, errors: errors,
                                       placeholder: "ngày/tháng/năm",
                                       hint: "Ghi kết quả của một khiếu nại đang giải quyết: chọn lại quyết định và ngày khiếu nại đó."),
                     FieldControl.select("ket-qua", "Kết quả", posted ? fields.ketQua : "pending", options: [
                         ("pending", "Đang giải quyết"), ("upheld", "Giữ nguyên hình thức kỷ luật"), ("reduced", "Giảm hình thức kỷ luật"),
                         ("annulled", "Xóa quyết định kỷ luật"),
                     ], errors: errors),
                     FieldControl.text("ngay-giai-quyet", "Ngày giải quyết", posted ? fields.ngayGiaiQuyet : nil, errors: errors,
                                       placeholder: "ngày/tháng/năm"),
                     FieldControl.select("giam-xuong", "Hình thức mới (khi giảm)", posted ? fields.giamXuong : nil,
                                         options: [("", "—")] + Sanction.allCases.map { ($0.rawValue, $0.vietnamese) }, errors: errors),
                     .button(.type(.submit), .text("Ghi khiếu nại")))
    }
}
