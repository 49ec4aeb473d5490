/// An inspection or supervision case that breaks a rule, with the field at fault (an import maps it to its column, a
/// form to its input) and the Vietnamese message a user reads.
public struct OversightViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a case a violation is about.
    public enum Field: String, Hashable, Sendable {
        case conductorOrganization
        case started
        case ended
        /// A subject that is an organization (`subject` says which).
        case subjectOrganization
        /// A subject that is a member (`subject` says which).
        case subjectMember
        /// The list of subjects as a whole.
        case subjects
    }

    public enum Reason: Hashable, Sendable {
        case endBeforeStart
        case unknownConductor
        /// The conductor organization is established after the start day.
        case conductorNotEstablished(established: Day)
        /// The conductor organization was dissolved on or before the start day.
        case conductorDissolved(dissolved: Day)
        case noSubjects
        case unknownSubjectOrganization
        /// The subject organization is established after the start day.
        case subjectNotEstablished(code: String, established: Day)
        case unknownSubjectMember
    }

    public var oversightCase: OversightCase
    public var reason: Reason
    /// The subject at fault, for the reasons about one subject.
    public var subject: OversightSubject?
    /// The code of the conductor organization, "" when unknown, for the message.
    public var conductorCode: String

    public init(oversightCase: OversightCase, reason: Reason, subject: OversightSubject? = nil, conductorCode: String) {
        self.oversightCase = oversightCase
        self.reason = reason
        self.subject = subject
        self.conductorCode = conductorCode
    }

    public var field: Field {
        switch reason {
        case .endBeforeStart: .ended
        case .unknownConductor: .conductorOrganization
        case .conductorNotEstablished, .conductorDissolved: .started
        case .noSubjects: .subjects
        case .unknownSubjectOrganization, .subjectNotEstablished: .subjectOrganization
        case .unknownSubjectMember: .subjectMember
        }
    }

    public var message: String {
        let started = VietnameseFormat.day(oversightCase.started)
        let activity = "cuộc \(oversightCase.activity.vietnamese.lowercased())"
        switch reason {
        case .endBeforeStart:
            return "Ngày kết thúc \(oversightCase.ended.map(VietnameseFormat.day) ?? "") phải từ ngày bắt đầu \(started) trở đi."
        case .unknownConductor:
            return "Không có tổ chức đảng chủ trì \(activity) này."
        case .conductorNotEstablished(let established):
            return "Tổ chức đảng \(conductorCode) được thành lập ngày \(VietnameseFormat.day(established)), nên chưa thể "
                + "tiến hành \(activity) từ ngày \(started)."
        case .conductorDissolved(let dissolved):
            return "Tổ chức đảng \(conductorCode) đã giải thể từ ngày \(VietnameseFormat.day(dissolved)), nên không thể "
                + "tiến hành \(activity) từ ngày \(started)."
        case .noSubjects:
            return "Mỗi \(activity) cần ít nhất một đối tượng (tổ chức đảng hoặc đảng viên)."
        case .unknownSubjectOrganization:
            return "Không có tổ chức đảng là đối tượng của \(activity) này."
        case .subjectNotEstablished(let code, let established):
            return "Tổ chức đảng \(code) được thành lập ngày \(VietnameseFormat.day(established)), sau ngày bắt đầu "
                + "\(activity) \(started); chỉ kiểm tra, giám sát tổ chức đã có, kể cả đã giải thể, sáp nhập "
                + "(\(RuleBook.oversightOfDissolved.version(on: oversightCase.started).citation))."
        case .unknownSubjectMember:
            return "Không có đảng viên là đối tượng của \(activity) này."
        }
    }

    public var description: String { message }
}
