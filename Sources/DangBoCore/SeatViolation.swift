/// A committee seat that breaks a rule, with the field at fault (an import maps it to its column, a form to its input)
/// and the Vietnamese message a user reads.
public struct SeatViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a seat a violation is about.
    public enum Field: String, Hashable, Sendable {
        case organization
        case holder
        case start
        case end
        /// The position within the committee (issue 11: the composition rules).
        case position
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
        /// A position of another committee kind (a chair of an executive committee).
        case positionNotOfCommittee(Position)
        /// The organization has no committee of this kind (a cell has no inspection commission).
        case noSuchCommittee(OrganizationKind)
        /// A cell has no standing committee.
        case noStandingCommitteeInCell
        /// The holder holds another seat of the same committee on the start day.
        case holderAlreadySeated
        /// A sole position (secretary, chair) is held by someone else on the start day.
        case positionTaken(Position)
        /// A cell with fewer official members than the threshold elects no committee members, only a secretary and
        /// a deputy.
        case cellTooSmallForCommittee(officialMembers: Int, threshold: Int)
        /// A cell's committee would have more seats than the rule allows.
        case cellCommitteeFull(maximum: Int)
        case tooManyDeputies(maximum: Int)
        /// A standing committee member of a committee with fewer members than the rule's threshold (counting this
        /// seat).
        case committeeTooSmallForStanding(members: Int, threshold: Int)
        /// The committee has terms and none covers the start day.
        case outsideTerms
        /// The term's size would be exceeded.
        case beyondTermSize(term: String, size: Int)
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
        case .unknownHolder, .holderNotOnRolls, .holderProbationary, .holderOutsideOrganization, .holderAlreadySeated: .holder
        case .positionNotOfCommittee, .noSuchCommittee, .noStandingCommitteeInCell, .positionTaken, .cellTooSmallForCommittee,
             .cellCommitteeFull, .tooManyDeputies, .committeeTooSmallForStanding, .beyondTermSize:
            .position
        case .outsideTerms: .start
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
        case .positionNotOfCommittee(let position):
            return "\(self.committee.vietnamese) không có chức danh \(position.vietnamese.lowercased())."
        case .noSuchCommittee(let kind):
            return "\(kind.vietnamese) không có \(committee); chi ủy viên phụ trách công tác kiểm tra làm nhiệm vụ này."
        case .noStandingCommitteeInCell:
            return "Chi bộ không có ban thường vụ; hãy chọn bí thư, phó bí thư hoặc chi ủy viên."
        case .holderAlreadySeated:
            return "Ngày \(start) người này đang giữ một chức danh khác trong \(committee) này; hãy kết thúc chức danh "
                + "cũ trước (từ ngày đó)."
        case .positionTaken(let position):
            return "Ngày \(start) \(committee) đã có \(position.vietnamese.lowercased()); hãy kết thúc chức danh đó "
                + "trước (từ ngày đó)."
        case .cellTooSmallForCommittee(let members, let threshold):
            let rule = RuleBook.cellCommittee.version(on: self.start)
            return "Ngày \(start) chi bộ có \(members) đảng viên chính thức, dưới \(threshold), nên chỉ bầu bí thư và, "
                + "nếu cần, phó bí thư, không bầu chi ủy (\(rule.citation))."
        case .cellCommitteeFull(let maximum):
            let rule = RuleBook.cellCommittee.version(on: self.start)
            return "Chi ủy có không quá \(maximum) người; ngày \(start) đã đủ \(maximum) (\(rule.citation))."
        case .tooManyDeputies(let maximum):
            let rule = RuleBook.cellCommittee.version(on: self.start)
            return "Chi bộ bầu \(maximum) phó bí thư; ngày \(start) đã có (\(rule.citation))."
        case .committeeTooSmallForStanding(let members, let threshold):
            let rule = RuleBook.standingCommittee.version(on: self.start)
            return "Ngày \(start) cấp ủy có \(members) ủy viên (kể cả người này), dưới \(threshold), nên không bầu ban "
                + "thường vụ (\(rule.citation))."
        case .outsideTerms:
            return "Ngày \(start) không thuộc nhiệm kỳ nào đã ghi của \(committee) này; hãy ghi nhiệm kỳ trước."
        case .beyondTermSize(let term, let size):
            return "Nhiệm kỳ \(term) có \(size) \(self.committee == .executive ? "cấp ủy viên" : "ủy viên"); ngày \(start) "
                + "đã đủ số lượng."
        }
    }

    public var description: String { message }
}
