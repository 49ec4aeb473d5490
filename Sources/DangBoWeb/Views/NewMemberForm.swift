import DangBoCore
import Vapor

/// The profile fields of the new member form, as posted, with the errors found on each (by field name); the first
/// event's fields are an `EventForm` of their own.
struct NewMemberForm: Content {
    /// The profile fields, named as posted, in the order of the party's record (sơ yếu lý lịch).
    enum Field: String, CaseIterable, CodingKey {
        case fullName = "ho-ten"
        case birthDate = "ngay-sinh"
        case gender = "gioi-tinh"
        case nationalID = "cccd"
        case ethnicity = "dan-toc"
        case religion = "ton-giao"
        case education = "trinh-do-hoc-van"
        case politicalTheory = "ly-luan-chinh-tri"
        case occupation = "nghe-nghiep"
        case cardNumber = "so-the"
        case recordNumber = "so-ly-lich"
        /// For a transfer in: ngày vào Đảng and ngày chính thức as the member's record says.
        case joinedOn = "ngay-vao-dang"
        case officialOn = "ngay-chinh-thuc"

        var label: String {
            switch self {
            case .fullName: "Họ và tên"
            case .birthDate: "Ngày sinh"
            case .gender: "Giới tính"
            case .nationalID: "Số CCCD"
            case .ethnicity: "Dân tộc"
            case .religion: "Tôn giáo"
            case .education: "Trình độ học vấn"
            case .politicalTheory: "Lý luận chính trị"
            case .occupation: "Nghề nghiệp"
            case .cardNumber: "Số thẻ đảng viên"
            case .recordNumber: "Số lý lịch"
            case .joinedOn: "Ngày vào Đảng (theo lý lịch)"
            case .officialOn: "Ngày chính thức (theo lý lịch; để trống nếu còn dự bị và chưa rõ)"
            }
        }
    }

    var values: [Field: String] = [:]
    var errors: [String: [String]] = [:]
    var event = EventForm()

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Field.self)
        for field in Field.allCases {
            if let value = try container.decodeIfPresent(String.self, forKey: field) { values[field] = value }
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Field.self)
        for (field, value) in values { try container.encode(value, forKey: field) }
    }

    /// The earliest birth day taken: a date cell left at Excel's first serial reads 1/1/1900 (as the import).
    static let earliestBirth = Day(year: 1900, month: 1, day: 2)!

    /// The member the fields describe (the store numbers it), or nil with the errors of each field set. `today` is
    /// the latest day a birth or a past admission may have.
    mutating func member(today: Day, arriving kind: EventKind) -> Member? {
        func text(_ field: Field) -> String { VietnameseText.normalized(values[field] ?? "") }
        func fail(_ field: Field, _ message: String) { errors[field.rawValue, default: []].append(message) }
        func day(_ field: Field, required: Bool) -> Day? {
            let written = text(field)
            if written.isEmpty {
                if required { fail(field, "Hãy ghi \(field.label.lowercased()) (ngày/tháng/năm).") }
                return nil
            }
            guard let day = Day(parsing: written) else { fail(field, EventForm.badDay); return nil }
            if day > today { fail(field, "Ngày \(VietnameseFormat.day(day)) chưa đến: không được sau hôm nay (\(VietnameseFormat.day(today)))."); return nil }
            if day < Self.earliestBirth { fail(field, "Ngày \(VietnameseFormat.day(day)) không hợp lý: phải sau ngày 1/1/1900."); return nil }
            return day
        }
        let name = VietnameseText.splitFullName(text(.fullName))
        if name.given.isEmpty { fail(.fullName, "Hãy ghi họ và tên.") }
        let birth = day(.birthDate, required: true)
        let gender: Gender? = switch VietnameseText.folded(text(.gender)) {
        case "nam": .male
        case "nu": .female
        default: nil
        }
        if gender == nil { fail(.gender, "Hãy chọn giới tính.") }
        var nationalID: String?
        do {
            nationalID = try NationalID(parsing: text(.nationalID)).text
        } catch {
            fail(.nationalID, error.message)
        }
        let arriving = kind == .transferredIn
        let joined = arriving ? day(.joinedOn, required: false) : nil
        let official = arriving ? day(.officialOn, required: false) : nil
        if let joined, let official, official < joined {
            fail(.officialOn, "Ngày chính thức \(VietnameseFormat.day(official)) trước ngày vào Đảng \(VietnameseFormat.day(joined)).")
        }
        guard errors.isEmpty, let birth, let gender, let nationalID else { return nil }
        return Member(
            id: MemberID(0), nationalID: nationalID, familyName: name.family, middleName: name.middle, givenName: name.given,
            gender: gender, birthDate: birth, ethnicity: Member.canonicalEthnicity(text(.ethnicity)),
            religion: Member.canonicalReligion(text(.religion)), education: text(.education),
            politicalTheory: text(.politicalTheory), occupation: text(.occupation), cardNumber: text(.cardNumber),
            recordNumber: text(.recordNumber), joinedOn: joined, officialOn: official)
    }
}
