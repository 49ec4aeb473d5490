/// A committee seat that breaks a rule, with the field at fault (an import maps it to its column, a form to its input)
/// and the Vietnamese message a user reads.
public struct SeatViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a seat a violation is about.
    public enum Field: String, Hashable, Sendable {
        case organization
        case holder
        case start
        case end
    }

    public enum Reason: Hashable, Sendable {
        case endBeforeStart
        case unknownOrganization
        /// The organization is established after the start day.
        case organizationNotEstablished(established: Day)
        /// The organization was dissolved on or before the start day.
        case organizationDissolved(dissolved: Day)
        case unknownHolder
        /// The holder is not on the rolls of any cell on the start day.
        case holderNotOnRolls
        /// The holder is probationary on the start day; `officialFrom` is the day they become official, when known.
        case holderProbationary(officialFrom: Day?)
        /// The holder's cell on the start day lies outside the organization.
        case holderOutsideOrganization(cellCode: String)
    }

    public var reason: Reason
    /// The seat's days and committee, and the code of its organization ("" when unknown), for the message.
    public var start: Day
    public var end: Day?
    public var committee: CommitteeKind
    public var organizationCode: String

    public init(reason: Reason, start: Day, end: Day?, committee: CommitteeKind, organizationCode: String) {
        self.reason = reason
        self.start = start
        self.end = end
        self.committee = committee
        self.organizationCode = organizationCode
    }

    public init(seat: CommitteeSeat, reason: Reason, organizationCode: String) {
        self.init(reason: reason, start: seat.validity.start, end: seat.validity.end, committee: seat.committee,
                  organizationCode: organizationCode)
    }

    public var field: Field {
        switch reason {
        case .endBeforeStart: .end
        case .unknownOrganization: .organization
        case .organizationNotEstablished, .organizationDissolved: .start
        case .unknownHolder, .holderNotOnRolls, .holderProbationary, .holderOutsideOrganization: .holder
        }
    }

    public var message: String {
        let rule = RuleBook.seatHolderStanding.version(on: start)
        let start = VietnameseFormat.day(start)
        let committee = committee.vietnamese.lowercased()
        switch reason {
        case .endBeforeStart:
            return "Ngày kết thúc \(end.map(VietnameseFormat.day) ?? "") phải từ ngày bắt đầu \(start) trở đi."
        case .unknownOrganization:
            return "Không có tổ chức đảng này."
        case .organizationNotEstablished(let established):
            return "Tổ chức đảng \(organizationCode) được thành lập ngày \(VietnameseFormat.day(established)), nên chưa có "
                + "\(committee) vào ngày \(start)."
        case .organizationDissolved(let dissolved):
            return "Tổ chức đảng \(organizationCode) đã giải thể từ ngày \(VietnameseFormat.day(dissolved)), nên không thể "
                + "bầu, chỉ định vào \(committee) từ ngày \(start)."
        case .unknownHolder:
            return "Không có đảng viên này."
        case .holderNotOnRolls:
            return "Ngày \(start) người này không phải là đảng viên đang sinh hoạt trong hệ thống; chỉ đảng viên chính "
                + "thức của \(organizationCode) mới được bầu, chỉ định vào \(committee)."
        case .holderProbationary(let officialFrom):
            let official = officialFrom.map { " (chính thức từ ngày \(VietnameseFormat.day($0)))" } ?? ""
            return "Ngày \(start) người này còn là đảng viên dự bị\(official); đảng viên dự bị không có quyền ứng cử, "
                + "bầu cử cơ quan lãnh đạo của Đảng nên không được bầu, chỉ định vào \(committee) "
                + "(\(rule.citation))."
        case .holderOutsideOrganization(let cellCode):
            return "Ngày \(start) đảng viên sinh hoạt ở chi bộ \(cellCode), không thuộc \(organizationCode); người giữ chức "
                + "trong \(committee) phải là đảng viên của tổ chức đó."
        }
    }

    public var description: String { message }
}
