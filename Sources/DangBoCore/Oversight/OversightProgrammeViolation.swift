/// An annual programme that breaks a rule, with the field at fault (a form maps it to its input) and the Vietnamese
/// message a user reads.
public struct OversightProgrammeViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a programme a violation is about.
    public enum Field: String, Hashable, Sendable {
        case conductorOrganization
        case year
        /// One of the items (`item` says which).
        case items
    }

    public enum Reason: Hashable, Sendable {
        /// A year no day can have.
        case invalidYear
        case unknownConductor
        /// The conductor organization is established after the programme's year.
        case conductorNotEstablished(established: Day)
        /// The conductor organization was dissolved by the programme's first day.
        case conductorDissolved(dissolved: Day)
        /// An item planned in no real quarter or month.
        case invalidPeriod(item: Int)
        /// An item planned in another year than the programme's.
        case plannedOutsideYear(item: Int)
        case noSubjects(item: Int)
        case unknownSubjectOrganization(item: Int, OrganizationID)
        /// A subject organization established after the item's period.
        case subjectNotEstablished(item: Int, code: String, established: Day)
        case unknownSubjectMember(item: Int, MemberID)
        /// An item naming a case an earlier item already names.
        case caseInTwoItems(item: Int, reference: String)
    }

    public var programme: OversightProgramme
    public var reason: Reason
    /// The code of the conductor organization, "" when unknown, for the message.
    public var conductorCode: String

    public init(programme: OversightProgramme, reason: Reason, conductorCode: String) {
        self.programme = programme
        self.reason = reason
        self.conductorCode = conductorCode
    }

    public var field: Field {
        switch reason {
        case .invalidYear: .year
        case .unknownConductor, .conductorNotEstablished, .conductorDissolved: .conductorOrganization
        case .invalidPeriod, .plannedOutsideYear, .noSubjects, .unknownSubjectOrganization, .subjectNotEstablished,
             .unknownSubjectMember, .caseInTwoItems: .items
        }
    }

    /// The index in `programme.items` of the item at fault, for the reasons about one item.
    public var item: Int? {
        switch reason {
        case .invalidPeriod(let index), .plannedOutsideYear(let index), .noSubjects(let index),
             .unknownSubjectOrganization(let index, _), .subjectNotEstablished(let index, _, _),
             .unknownSubjectMember(let index, _), .caseInTwoItems(let index, _):
            index
        case .invalidYear, .unknownConductor, .conductorNotEstablished, .conductorDissolved:
            nil
        }
    }

    public var message: String {
        let day = VietnameseFormat.day
        let year = programme.year
        func label(_ index: Int) -> String { "Nội dung thứ \(index + 1) của chương trình" }
        switch reason {
        case .invalidYear:
            return "Năm \(year) của chương trình không hợp lệ."
        case .unknownConductor:
            return "Không có tổ chức đảng xây dựng chương trình kiểm tra, giám sát này."
        case .conductorNotEstablished(let established):
            return "Tổ chức đảng \(conductorCode) được thành lập ngày \(day(established)), sau năm \(year) của chương trình."
        case .conductorDissolved(let dissolved):
            return "Tổ chức đảng \(conductorCode) đã giải thể từ ngày \(day(dissolved)), trước năm \(year) của chương trình."
        case .invalidPeriod(let index):
            return "\(label(index)) phải dự kiến vào một quý (I–IV) hoặc một tháng (1–12)."
        case .plannedOutsideYear(let index):
            return "\(label(index)) dự kiến vào \(programme.items[index].planned.vietnamese), ngoài năm \(year) của "
                + "chương trình."
        case .noSubjects(let index):
            return "\(label(index)) cần ít nhất một đối tượng (tổ chức đảng hoặc đảng viên)."
        case .unknownSubjectOrganization(let index, _):
            return "\(label(index)): không có tổ chức đảng là đối tượng này."
        case .subjectNotEstablished(let index, let code, let established):
            let planned = programme.items[index].planned
            return "\(label(index)): tổ chức đảng \(code) được thành lập ngày \(day(established)), sau "
                + "\(planned.isValid ? planned.vietnamese : "năm \(year)")."
        case .unknownSubjectMember(let index, _):
            return "\(label(index)): không có đảng viên là đối tượng này."
        case .caseInTwoItems(let index, let reference):
            return "\(label(index)): cuộc \(reference) đã gắn với một nội dung khác của chương trình."
        }
    }

    public var description: String { message }
}
