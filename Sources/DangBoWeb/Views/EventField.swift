import DangBoCore

/// A field of a membership event's form, named as it is posted; each kind's form lists the fields its paperwork has,
/// in the order the paperwork happens (UX.md "Forms").
enum EventField: String, CaseIterable, Sendable {
    /// The cell entered (its code).
    case cell = "to-chuc"
    /// The organization on the other side of a transfer or a temporary stay, as written.
    case counterpart = "noi-chuyen"
    /// The day the cell voted (admission age is counted on it, QĐ 24-QĐ/TW §1.1).
    case votedOn = "ngay-bieu-quyet"
    case decisionNumber = "so-quyet-dinh"
    case decisionDate = "ngay-quyet-dinh"
    /// The committee that decided (a code of the registry or a name as written): over 60 only by a committee directly
    /// under the Central Committee (`RuleBook.admissionOverSixty`).
    case decidedBy = "cap-quyet-dinh"
    case effective = "ngay-hieu-luc"
    case note = "ghi-chu"

    /// The kinds whose form requires the reason in the note: a member is struck off or expelled for a stated reason,
    /// which the register keeps beside the decision.
    static let reasonRequired: Set<EventKind> = [.removed, .expelled, .probationRemoved]

    /// The fields of `kind`'s form, in the order the paperwork happens; the decision's number and day on every one.
    static func fields(of kind: EventKind) -> [EventField] {
        switch kind {
        case .admitted, .readmitted: [.cell, .votedOn, .decisionNumber, .decisionDate, .decidedBy, .effective, .note]
        case .recognizedOfficial: [.votedOn, .decisionNumber, .decisionDate, .effective, .note]
        case .transferredOut, .temporaryOut: [.counterpart, .decisionNumber, .decisionDate, .effective, .note]
        case .transferredIn, .temporaryIn: [.counterpart, .cell, .decisionNumber, .decisionDate, .effective, .note]
        case .moved, .restored: [.cell, .decisionNumber, .decisionDate, .effective, .note]
        case .probationRemoved, .removed, .expelled, .withdrew, .exempted: [.note, .decisionNumber, .decisionDate, .effective]
        case .temporaryEnded, .exemptionEnded: [.decisionNumber, .decisionDate, .effective, .note]
        case .died: [.effective, .decisionNumber, .decisionDate, .note]
        }
    }

    /// The field's label on `kind`'s form.
    func label(for kind: EventKind) -> String {
        switch self {
        case .cell:
            switch kind {
            case .moved: "Chuyển đến chi bộ"
            case .temporaryIn: "Chi bộ sinh hoạt tạm thời"
            default: "Chi bộ"
            }
        case .counterpart:
            switch kind {
            case .transferredOut: "Nơi chuyển đến (đảng bộ, chi bộ ngoài hệ thống)"
            case .transferredIn: "Nơi chuyển đi (đảng bộ, chi bộ cũ)"
            case .temporaryOut: "Nơi sinh hoạt tạm thời"
            default: "Đảng bộ nơi sinh hoạt chính thức"
            }
        case .votedOn: kind == .recognizedOfficial ? "Ngày chi bộ xét, biểu quyết công nhận" : "Ngày chi bộ xét, biểu quyết kết nạp"
        case .decisionNumber:
            [.transferredOut, .transferredIn, .temporaryOut, .temporaryIn].contains(kind)
                ? "Số quyết định hoặc giấy giới thiệu sinh hoạt đảng" : "Số quyết định"
        case .decisionDate: "Ngày ký quyết định"
        case .decidedBy: "Cấp ủy quyết định (mã tổ chức hoặc tên cấp ủy)"
        case .effective:
            switch kind {
            case .admitted, .readmitted: "Ngày tổ chức lễ kết nạp"
            case .recognizedOfficial: "Ngày công nhận chính thức"
            case .transferredOut: "Ngày chuyển đi"
            case .transferredIn: "Ngày tiếp nhận"
            case .moved: "Ngày chuyển"
            case .temporaryOut, .temporaryIn: "Ngày bắt đầu sinh hoạt tạm thời"
            case .temporaryEnded: "Ngày kết thúc sinh hoạt tạm thời"
            case .exempted: "Miễn sinh hoạt từ ngày"
            case .exemptionEnded: "Sinh hoạt trở lại từ ngày"
            case .died: "Ngày từ trần"
            default: "Ngày hiệu lực"
            }
        case .note: Self.reasonRequired.contains(kind) || kind == .withdrew || kind == .exempted ? "Lý do" : "Ghi chú"
        }
    }

    /// What to write, shown as the field's placeholder.
    var placeholder: String {
        switch self {
        case .votedOn, .decisionDate, .effective: "30/3/2021"
        case .decisionNumber: "15-QĐ/ĐUK"
        case .decidedBy: "Tỉnh ủy Vĩnh Phúc"
        default: ""
        }
    }
}

extension EventKind {
    /// The title of this kind's form, in the party's words.
    var formTitle: String {
        switch self {
        case .admitted: "Kết nạp đảng viên"
        case .recognizedOfficial: "Công nhận đảng viên chính thức"
        case .probationRemoved: "Xóa tên đảng viên dự bị"
        case .transferredIn: "Tiếp nhận đảng viên chuyển sinh hoạt đến"
        case .transferredOut: "Chuyển sinh hoạt đảng chính thức đi"
        case .moved: "Chuyển sinh hoạt nội bộ"
        case .temporaryIn: "Tiếp nhận sinh hoạt đảng tạm thời"
        case .temporaryOut: "Chuyển sinh hoạt đảng tạm thời đi"
        case .temporaryEnded: "Kết thúc sinh hoạt đảng tạm thời"
        case .exempted: "Miễn công tác và sinh hoạt đảng"
        case .exemptionEnded: "Thôi miễn công tác và sinh hoạt đảng"
        case .removed: "Xóa tên đảng viên"
        case .expelled: "Khai trừ đảng viên"
        case .withdrew: "Ra khỏi Đảng"
        case .died: "Đảng viên từ trần"
        case .readmitted: "Kết nạp lại đảng viên"
        case .restored: "Phục hồi đảng tịch"
        }
    }
}
