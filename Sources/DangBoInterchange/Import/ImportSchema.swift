import Foundation
import DangBoCore

/// The published import contract (DESIGN §4, docs/import-format.md): the tables, their columns and the Vietnamese
/// names accepted for them. Headers are matched on their folded form (case, tones, spaces and underscores ignored).
enum ImportTable: String, CaseIterable, Sendable {
    case organizations, members, events, committeeSeats = "committee_seats", oversight, meetings, attendance, discipline
    case disciplineAppeals = "discipline_appeals", committeeTerms = "committee_terms", oversightSteps = "oversight_steps"
    case oversightTeam = "oversight_team", followUpTasks = "follow_up_tasks", oversightProgramme = "oversight_programme"

    /// Names a file or sheet may have (folded, without extension).
    var names: [String] {
        switch self {
        case .organizations: ["organizations", "to chuc", "to chuc dang"]
        case .members: ["members", "dang vien"]
        case .events: ["events", "bien dong", "bien dong dang vien"]
        case .committeeSeats: ["committee seats", "cap uy", "thanh vien cap uy"]
        case .oversight: ["oversight", "kiem tra giam sat"]
        case .meetings: ["meetings", "sinh hoat chi bo", "buoi sinh hoat"]
        case .attendance: ["attendance", "diem danh", "du sinh hoat"]
        case .discipline: ["discipline", "ky luat", "quyet dinh ky luat"]
        case .disciplineAppeals: ["discipline appeals", "khieu nai ky luat", "khieu nai"]
        case .committeeTerms: ["committee terms", "nhiem ky", "nhiem ky cap uy"]
        case .oversightSteps: ["oversight steps", "tien do kiem tra giam sat", "cac buoc kiem tra giam sat"]
        case .oversightTeam: ["oversight team", "doan kiem tra giam sat", "thanh vien doan"]
        case .followUpTasks: ["follow up tasks", "nhiem vu khac phuc", "khac phuc"]
        case .oversightProgramme: ["oversight programme", "chuong trinh kiem tra giam sat", "chuong trinh kiem tra"]
        }
    }

    /// Columns: canonical name, required, Vietnamese aliases.
    var columns: [(name: String, required: Bool, aliases: [String])] {
        switch self {
        case .organizations:
            [("code", true, ["ma to chuc", "ma"]), ("name", true, ["ten to chuc", "ten"]),
             ("kind", true, ["loai", "loai to chuc", "loai hinh"]),
             ("parent_code", false, ["ma to chuc cap tren", "ma cap tren", "cap tren"]),
             ("established_on", true, ["ngay thanh lap"]), ("dissolved_on", false, ["ngay giai the"]),
             ("valid_from", false, ["ap dung tu", "hieu luc tu"])]
        case .members:
            [("national_id", true, ["so cccd", "cccd", "so can cuoc", "so dinh danh"]),
             ("family_name", false, ["ho"]), ("middle_name", false, ["ten dem", "chu dem", "ten lot", "chu lot"]),
             ("given_name", false, ["ten"]), ("full_name", false, ["ho va ten", "ho ten"]),
             ("gender", true, ["gioi tinh"]), ("birth_date", true, ["ngay sinh"]),
             ("ethnicity", false, ["dan toc"]), ("religion", false, ["ton giao"]),
             ("card_number", false, ["so the", "so the dang vien"]), ("record_number", false, ["so ly lich"]),
             ("education", false, ["trinh do hoc van", "trinh do van hoa", "hoc van", "giao duc pho thong"]),
             ("political_theory", false, ["ly luan chinh tri", "trinh do ly luan chinh tri"]),
             ("occupation", false, ["nghe nghiep"]),
             ("joined_on", false, ["ngay vao dang"]), ("official_on", false, ["ngay chinh thuc"])]
        case .events:
            [("national_id", true, ["so cccd", "cccd"]), ("kind", true, ["loai bien dong", "bien dong", "loai"]),
             ("effective_on", true, ["ngay hieu luc", "ngay"]),
             ("organization_code", false, ["ma chi bo", "ma to chuc", "chi bo"]),
             ("decision_number", false, ["so quyet dinh"]), ("decision_date", false, ["ngay quyet dinh", "ngay ky"]),
             ("counterpart", false, ["noi di noi den", "noi di", "noi den", "don vi"]), ("note", false, ["ghi chu"]),
             ("voted_on", false, ["ngay chi bo xet ket nap", "ngay chi bo bieu quyet", "ngay chi bo hop xet"]),
             ("decided_by", false, ["cap quyet dinh", "co quan quyet dinh", "cap uy quyet dinh"])]
        case .committeeSeats:
            [("organization_code", true, ["ma to chuc"]), ("committee", true, ["loai cap uy", "co quan"]),
             ("national_id", true, ["so cccd", "cccd"]), ("position", true, ["chuc vu"]),
             ("source", true, ["hinh thuc", "nguon"]), ("start_on", true, ["tu ngay", "ngay bat dau"]),
             ("end_on", false, ["den ngay", "ngay ket thuc"]), ("decision_number", false, ["so quyet dinh"])]
        case .oversight:
            [("case_ref", true, ["ma cuoc", "so hieu"]), ("activity", true, ["hoat dong"]), ("mode", true, ["hinh thuc"]),
             ("conductor", true, ["chu the"]), ("conductor_code", true, ["ma chu the", "ma to chuc tien hanh"]),
             ("started_on", true, ["ngay bat dau"]), ("ended_on", false, ["ngay ket thuc"]),
             ("subject_code", false, ["ma doi tuong", "to chuc duoc kiem tra"]),
             ("subject_national_id", false, ["cccd doi tuong", "so cccd doi tuong"]), ("outcome", false, ["ket qua"])]
        case .meetings:
            [("meeting_ref", true, ["ma buoi sinh hoat", "ma cuoc hop", "so hieu"]),
             ("organization_code", true, ["ma chi bo", "ma to chuc", "chi bo"]),
             ("kind", true, ["loai", "hinh thuc", "loai sinh hoat"]), ("held_on", true, ["ngay", "ngay sinh hoat", "ngay hop"]),
             ("duration_minutes", true, ["thoi luong", "so phut", "thoi gian (phut)", "thoi gian phut"]),
             ("chair_national_id", false, ["cccd chu tri", "chu tri"]), ("secretary_national_id", false, ["cccd thu ky", "thu ky"]),
             ("agenda", false, ["noi dung", "chuong trinh"]), ("resolution", false, ["ket luan", "nghi quyet"])]
        case .attendance:
            [("meeting_ref", true, ["ma buoi sinh hoat", "ma cuoc hop"]), ("national_id", true, ["so cccd", "cccd"]),
             ("status", true, ["tinh trang", "diem danh", "co mat"])]
        case .discipline:
            [("decision_ref", true, ["ma quyet dinh", "so hieu"]),
             ("subject_code", false, ["ma to chuc bi ky luat", "to chuc bi ky luat"]),
             ("subject_national_id", false, ["cccd dang vien bi ky luat", "so cccd"]),
             ("sanction", true, ["hinh thuc ky luat", "hinh thuc"]),
             ("deciding_code", true, ["ma to chuc quyet dinh", "cap quyet dinh"]),
             ("deciding_body", true, ["co quan quyet dinh", "chu the quyet dinh"]),
             ("offence_on", true, ["ngay vi pham"]), ("offence_ended_on", false, ["ngay cham dut vi pham"]),
             ("later_offences", false, ["vi pham moi", "ngay vi pham moi"]),
             ("offence_without_limit", false, ["khong ap dung thoi hieu"]),
             ("postponements", false, ["chua xem xet ky luat", "tam hoan"]),
             ("decided_on", true, ["ngay quyet dinh", "ngay ky"]), ("effective_on", false, ["ngay hieu luc"]),
             ("received_on", false, ["ngay nhan quyet dinh"]), ("decision_number", false, ["so quyet dinh"]),
             ("decision_date", false, ["ngay ban hanh"]), ("case_ref", false, ["ma cuoc kiem tra"])]
        case .disciplineAppeals:
            [("decision_ref", true, ["ma quyet dinh"]), ("lodged_on", true, ["ngay khieu nai"]),
             ("outcome", true, ["ket qua"]), ("decided_on", false, ["ngay giai quyet"]),
             ("reduced_to", false, ["hinh thuc moi", "giam xuong"])]
        case .committeeTerms:
            [("organization_code", true, ["ma to chuc"]), ("committee", true, ["loai cap uy", "co quan"]),
             ("name", true, ["nhiem ky", "ten nhiem ky"]), ("start_on", true, ["tu ngay", "ngay dai hoi"]),
             ("end_on", false, ["den ngay", "ngay dai hoi sau"]), ("size", false, ["so luong"]),
             ("decision_number", false, ["so quyet dinh"])]
        case .oversightSteps:
            [("case_ref", true, ["ma cuoc"]), ("stage", true, ["buoc"]), ("day", true, ["ngay"]), ("document", false, ["van ban", "so van ban"]),
             ("note", false, ["ghi chu"]), ("conclusion", false, ["ket luan", "noi dung ket luan"]),
             ("discipline_proposed", false, ["de nghi ky luat"])]
        case .oversightTeam:
            [("case_ref", true, ["ma cuoc"]), ("national_id", true, ["so cccd", "cccd"]), ("leader", false, ["truong doan"])]
        case .followUpTasks:
            [("case_ref", true, ["ma cuoc"]), ("text", true, ["noi dung", "nhiem vu"]),
             ("subject_code", false, ["ma to chuc thuc hien"]), ("subject_national_id", false, ["cccd nguoi thuc hien"]),
             ("due_on", true, ["han", "han hoan thanh"]), ("done_on", false, ["ngay hoan thanh"])]
        case .oversightProgramme:
            [("conductor_code", true, ["ma chu the", "ma to chuc tien hanh"]), ("conductor", true, ["chu the"]),
             ("year", true, ["nam"]), ("item", true, ["muc", "stt", "so thu tu"]), ("content", true, ["noi dung"]),
             ("activity", true, ["hoat dong"]), ("mode", true, ["hinh thuc"]), ("period", true, ["thoi gian", "ky"]),
             ("subject_code", false, ["ma doi tuong", "to chuc duoc kiem tra"]),
             ("subject_national_id", false, ["cccd doi tuong", "so cccd doi tuong"]), ("case_ref", false, ["ma cuoc"])]
        }
    }

    /// Folded form of a header or a name: "Họ và tên" → "ho va ten", "birth_date" → "birth date".
    static func key(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }) else { return VietnameseText.folded(text) }
        return VietnameseText.folded(text.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " "))
    }

    static func named(_ name: String) -> ImportTable? {
        var stem = name
        for suffix in [".csv", ".CSV"] where stem.hasSuffix(suffix) { stem = String(stem.dropLast(suffix.count)) }
        let folded = key(stem)
        return allCases.first { $0.names.contains(folded) }
    }
}

/// Enumerations written in the interchange: the snake_case code names, plus the words users write.
enum ImportVocabulary {
    static func value<T: RawRepresentable & CaseIterable>(_ text: String, of type: T.Type, aliases: [String: T] = [:]) -> T?
    where T.RawValue == String {
        if let value = T(rawValue: text) ?? aliases[text] { return value }
        let folded = ImportTable.key(text)
        if let value = T.allCases.first(where: { ImportTable.key($0.rawValue) == folded }) { return value }
        return aliases[folded]
    }

    static let organizationKinds: [String: OrganizationKind] = [
        "dang bo cap tren co so": .upperCommittee, "dang bo cap tren": .upperCommittee, "dang bo khoi": .upperCommittee,
        "dang bo tinh": .upperCommittee, "dang bo co so": .grassrootsCommittee, "chi bo co so": .grassrootsCell,
        "dang bo bo phan": .partialCommittee, "chi bo truc thuoc": .subordinateCell,
    ]
    static let eventKinds: [String: EventKind] = Dictionary(
        EventKind.allCases.map { (ImportTable.key($0.vietnamese), $0) }
            + [("chuyen sinh hoat chinh thuc den", .transferredIn), ("chuyen sinh hoat chinh thuc di", .transferredOut),
               ("tu tran", .died), ("qua doi", .died), ("xin ra khoi dang", .withdrew), ("phuc hoi", .restored),
               ("tam mien sinh hoat", .exempted), ("mien cong tac va sinh hoat dang", .exempted)],
        uniquingKeysWith: { first, _ in first })
    static let genders: [String: Gender] = ["nam": .male, "nu": .female, "male": .male, "female": .female]
    static let committees: [String: CommitteeKind] = ["cap uy": .executive, "uy ban kiem tra": .inspection, "ubkt": .inspection]
    static let positions: [String: Position] = Dictionary(
        Position.allCases.map { (ImportTable.key($0.vietnamese), $0) } + [("uy vien ban thuong vu", .standingMember)],
        uniquingKeysWith: { first, _ in first })
    static let sources: [String: SeatSource] = ["dai hoi": .congress, "hoi nghi": .conference, "chi dinh": .appointed]
    static let activities: [String: OversightActivity] = ["giam sat": .supervision, "kiem tra": .inspection]
    static let modes: [String: OversightMode] = [
        "thuong xuyen": .regular, "chuyen de": .thematic, "khi co dau hieu vi pham": .violationSigns,
        "dau hieu vi pham": .violationSigns, "thi hanh ky luat": .enforcement, "tai chinh": .finance, "tai chinh dang": .finance,
    ]
    static let conductors: [String: ConductorKind] = ["cap uy": .committee, "uy ban kiem tra": .inspectionCommission, "chi bo": .cell]
    static let outcomes: [String: OversightOutcome] = [
        "khong vi pham": .noViolation, "han che thieu sot": .shortcomings, "co vi pham": .violation, "vi pham": .violation,
        "nhan to moi tich cuc": .positiveFactor,
    ]

    static let meetingKinds: [String: MeetingKind] = [
        "thuong ky": .regular, "sinh hoat thuong ky": .regular, "chuyen de": .thematic, "sinh hoat chuyen de": .thematic,
    ]
    static let attendanceStatuses: [String: AttendanceStatus] = [
        "co mat": .present, "vang co ly do": .absentExcused, "vang khong ly do": .absentUnexcused,
        "mien sinh hoat": .exempt, "sinh hoat tam thoi": .guest, "khach": .guest,
    ]

    static let stages: [String: OversightStage] = Dictionary(
        OversightStage.allCases.map { (ImportTable.key($0.vietnamese), $0) }, uniquingKeysWith: { first, _ in first })
    static let sanctions: [String: Sanction] = Dictionary(
        Sanction.allCases.map { (ImportTable.key($0.vietnamese), $0) }, uniquingKeysWith: { first, _ in first })
    static let decidingBodies: [String: DecidingBody] = Dictionary(
        DecidingBody.allCases.map { (ImportTable.key($0.vietnamese), $0) } + [("btv", .standingCommittee), ("ubkt", .inspectionCommission)],
        uniquingKeysWith: { first, _ in first })
    static let withoutLimit: [String: OffenceWithoutLimit] = Dictionary(
        OffenceWithoutLimit.allCases.map { (ImportTable.key($0.vietnamese), $0) }, uniquingKeysWith: { first, _ in first })

    /// A programme item's period in `year` as the interchange writes it — `Q1`…`Q4` for a quarter, `M1`…`M12` for a
    /// month — or as users do: "Quý II", "quý 2", "Tháng 4", with "/year" when it is `year`. Nil otherwise (a number
    /// out of range is nil too).
    static func programmePeriod(_ text: String, year: Int) -> ProgrammePeriod? {
        // NB: folding makes "Quý II/2026" "quy ii 2026" and "Q2" "q2".
        var words = ImportTable.key(text).split(separator: " ").map(String.init)
        if words.count == 3 {
            guard Int(words[2]) == year else { return nil }
            words.removeLast()
        }
        if words.count == 1, let first = words.first?.first, first == "q" || first == "m" {
            words = [String(first), String(words[0].dropFirst())]
        }
        guard words.count == 2 else { return nil }
        let romans = ["i": 1, "ii": 2, "iii": 3, "iv": 4]
        guard let number = Int(words[1]) ?? romans[words[1]] else { return nil }
        let period: ProgrammePeriod? = switch words[0] {
        case "q", "quy": .quarter(year: year, quarter: number)
        case "m", "thang": .month(year: year, month: number)
        default: nil
        }
        return period?.isValid == true ? period : nil
    }

    /// `period` as the interchange writes it: `Q2`, `M4`.
    static func code(of period: ProgrammePeriod) -> String {
        switch period {
        case .quarter(_, let quarter): "Q\(quarter)"
        case .month(_, let month): "M\(month)"
        }
    }

    static func list<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String where T.RawValue == String {
        T.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
