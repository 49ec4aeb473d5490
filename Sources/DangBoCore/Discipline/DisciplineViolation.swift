/// A disciplinary decision that breaks a rule, with the field at fault (an import maps it to its column, a form to its
/// input) and the Vietnamese message a user reads, citing the rule version in force on the decision day.
public struct DisciplineViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a decision a violation is about.
    public enum Field: String, Hashable, Sendable {
        case offenceEnded
        case laterOffences
        case decided
        case effective
        case received
        case decidingOrganization
        /// The body of the deciding organization that signs (`DecidingBody`).
        case decidingBody
        /// The subject, an organization.
        case subjectOrganization
        /// The subject, a member.
        case subjectMember
        case sanction
        /// One of the appeals (`appeal` says which).
        case appeals
    }

    public enum Reason: Hashable, Sendable {
        /// The offence ends before it was committed.
        case offenceEndedBeforeCommitted
        /// A later offence is not after the offence, or is after the decision day.
        case laterOffenceOutside(Day)
        /// The decision is signed before the offence's last day.
        case decidedBeforeOffence
        case effectiveBeforeDecided
        case receivedBeforeDecided
        case unknownDecidingOrganization
        /// The deciding organization is established after the decision day.
        case decidingOrganizationNotEstablished(established: Day)
        /// The deciding organization was dissolved on or before the decision day.
        case decidingOrganizationDissolved(dissolved: Day)
        /// The body is the cell, but the deciding organization is not a cell: it is of `kind` on the decision day.
        case cellBodyOutsideCell(kind: OrganizationKind)
        /// The deciding organization is a cell, but the body is `body`: a cell decides in its meeting
        /// (`RuleBook.disciplineByCell`).
        case cellDecidesInItsMeeting(body: DecidingBody)
        case unknownSubjectOrganization
        /// The subject organization is established after the offence was committed.
        case subjectNotEstablished(established: Day)
        /// A dissolution of an organization dissolved on or before the day it would take effect.
        case subjectAlreadyDissolved(dissolved: Day)
        /// A cell disciplines an organization: it disciplines its own members only.
        case organizationByCell
        case unknownSubjectMember
        /// The member is not on the rolls on the decision day; `since` is the day they left, nil when they had not
        /// joined yet.
        case memberNotOnRolls(since: Day?)
        /// A cell disciplines a member who is not one of its members on the decision day: `cell` is the member's cell
        /// that day.
        case memberOutsideCell(cell: OrganizationID)
        /// The sanction is not one the rules allow for `kind`.
        case sanctionNotAllowed(kind: DisciplineSubjectKind)
        /// Cách chức of a member who holds no committee seat on the decision day.
        case noPostHeld
        /// A cell decides a sanction it may not decide (`RuleBook.disciplineByCell`: khiển trách, cảnh cáo only).
        case sanctionBeyondCell
        /// The decision day is after the last day of the limitation of `years` years.
        case timeBarred(lastDay: Day, years: Int)
        /// An appeal lodged before the day the decision it appeals against was received (`from`).
        case appealLodgedEarly(appeal: Int, from: Day)
        /// An appeal lodged after the last day of its time limit.
        case appealLodgedLate(appeal: Int, lastDay: Day)
        /// An appeal lodged while the previous one is still pending.
        case appealWhilePending(appeal: Int)
        /// An appeal lodged after a previous one annulled the sanction.
        case nothingToAppeal(appeal: Int)
        case appealDecidedBeforeLodged(appeal: Int)
        /// An appeal's new sanction is not lighter than `inForce`, the one appealed against.
        case appealNotLighter(appeal: Int, inForce: Sanction)
        /// An appeal's new sanction is not allowed for `kind`.
        case appealSanctionNotAllowed(appeal: Int, kind: DisciplineSubjectKind)
        /// An appeal reduces to cách chức a member who holds no committee seat on the decision day.
        case appealNoPostHeld(appeal: Int)
    }

    public var decision: DisciplineDecision
    public var reason: Reason
    /// The code of the deciding organization ("" when unknown), for the message.
    public var decidingCode: String
    /// The subject as a message names it: "tổ chức đảng DUK.01", "đảng viên Nguyễn Văn An"; "" when unknown.
    public var subjectName: String

    public init(decision: DisciplineDecision, reason: Reason, decidingCode: String, subjectName: String) {
        self.decision = decision
        self.reason = reason
        self.decidingCode = decidingCode
        self.subjectName = subjectName
    }

    public var field: Field {
        switch reason {
        case .offenceEndedBeforeCommitted: .offenceEnded
        case .laterOffenceOutside: .laterOffences
        case .decidedBeforeOffence, .timeBarred: .decided
        case .effectiveBeforeDecided: .effective
        case .receivedBeforeDecided: .received
        case .unknownDecidingOrganization, .decidingOrganizationNotEstablished, .decidingOrganizationDissolved:
            .decidingOrganization
        case .cellBodyOutsideCell, .cellDecidesInItsMeeting: .decidingBody
        case .unknownSubjectOrganization, .subjectNotEstablished, .subjectAlreadyDissolved, .organizationByCell:
            .subjectOrganization
        case .unknownSubjectMember, .memberNotOnRolls, .memberOutsideCell: .subjectMember
        case .sanctionNotAllowed, .noPostHeld, .sanctionBeyondCell: .sanction
        case .appealLodgedEarly, .appealLodgedLate, .appealWhilePending, .nothingToAppeal, .appealDecidedBeforeLodged,
             .appealNotLighter, .appealSanctionNotAllowed, .appealNoPostHeld: .appeals
        }
    }

    /// The index in `decision.appeals` of the appeal at fault, for the reasons about one appeal.
    public var appeal: Int? {
        switch reason {
        case .appealLodgedEarly(let index, _), .appealLodgedLate(let index, _), .appealWhilePending(let index),
             .nothingToAppeal(let index), .appealDecidedBeforeLodged(let index), .appealNotLighter(let index, _),
             .appealSanctionNotAllowed(let index, _), .appealNoPostHeld(let index):
            index
        default:
            nil
        }
    }

    public var message: String {
        let day = VietnameseFormat.day
        let decided = day(decision.decided)
        let sanction = decision.sanction.vietnamese.lowercased()
        let sanctions = RuleBook.disciplineSanctions.version(on: decision.decided)
        func appealLabel(_ index: Int) -> String { "Đơn khiếu nại thứ \(index + 1)" }
        func allowed(_ kind: DisciplineSubjectKind) -> String {
            sanctions.value.allowed(for: kind).map { $0.vietnamese.lowercased() }.joined(separator: ", ")
        }
        let byCell = RuleBook.disciplineByCell.version(on: decision.decided)
        /// What a cell may decide, as the messages about a cell end.
        var cellMay: String {
            "chi bộ chỉ quyết định \(byCell.value.map { $0.vietnamese.lowercased() }.joined(separator: ", ")) đảng viên "
                + "trong chi bộ (\(byCell.citation))"
        }
        switch reason {
        case .offenceEndedBeforeCommitted:
            return "Ngày kết thúc vi phạm \(decision.offenceEnded.map(day) ?? "") phải từ ngày vi phạm "
                + "\(day(decision.offenceCommitted)) trở đi."
        case .laterOffenceOutside(let offence):
            return "Vi phạm mới ngày \(day(offence)) phải sau ngày vi phạm \(day(decision.offenceLastDay)) và không sau "
                + "ngày quyết định kỷ luật \(decided)."
        case .decidedBeforeOffence:
            let ended = decision.offenceEnded == nil ? "vi phạm" : "kết thúc vi phạm"
            return "Ngày quyết định kỷ luật \(decided) phải từ ngày \(ended) \(day(decision.offenceLastDay)) trở đi."
        case .effectiveBeforeDecided:
            return "Ngày quyết định có hiệu lực \(day(decision.effective)) phải từ ngày quyết định \(decided) trở đi."
        case .receivedBeforeDecided:
            return "Ngày nhận quyết định \(decision.received.map(day) ?? "") phải từ ngày quyết định \(decided) trở đi."
        case .unknownDecidingOrganization:
            return "Không có tổ chức đảng ra quyết định kỷ luật này."
        case .decidingOrganizationNotEstablished(let established):
            return "Tổ chức đảng \(decidingCode) được thành lập ngày \(day(established)), nên chưa thể quyết định kỷ luật "
                + "ngày \(decided)."
        case .decidingOrganizationDissolved(let dissolved):
            return "Tổ chức đảng \(decidingCode) đã giải thể từ ngày \(day(dissolved)), nên không thể quyết định kỷ luật "
                + "ngày \(decided)."
        case .cellBodyOutsideCell(let kind):
            return "Tổ chức đảng \(decidingCode) là \(kind.vietnamese.lowercased()), không phải chi bộ, nên cơ quan quyết "
                + "định kỷ luật không thể là chi bộ (\(byCell.citation))."
        case .cellDecidesInItsMeeting(let body):
            let refusal = switch body {
            case .committee: "Chi ủy không quyết định kỷ luật thay chi bộ \(decidingCode)"
            case .standingCommittee: "Chi bộ \(decidingCode) không có ban thường vụ"
            case .inspectionCommission: "Chi bộ \(decidingCode) không có ủy ban kiểm tra"
            case .cell: "Cơ quan quyết định kỷ luật của chi bộ \(decidingCode) là chi bộ"
            }
            return "\(refusal); chi bộ quyết định kỷ luật tại hội nghị chi bộ (\(byCell.citation))."
        case .unknownSubjectOrganization:
            return "Không có tổ chức đảng bị kỷ luật này."
        case .subjectNotEstablished(let established):
            return "\(subjectName.capitalizedFirst) được thành lập ngày \(day(established)), sau ngày vi phạm "
                + "\(day(decision.offenceCommitted)); chỉ kỷ luật tổ chức đảng đã có khi vi phạm, kể cả đã giải thể, sáp "
                + "nhập (\(RuleBook.oversightOfDissolved.version(on: decision.decided).citation))."
        case .subjectAlreadyDissolved(let dissolved):
            return "\(subjectName.capitalizedFirst) đã giải thể từ ngày \(day(dissolved)), nên không thể giải tán từ ngày "
                + "\(day(decision.effective))."
        case .organizationByCell:
            return "Chi bộ \(decidingCode) không thể kỷ luật \(subjectName.isEmpty ? "tổ chức đảng" : subjectName); "
                + "\(cellMay)."
        case .unknownSubjectMember:
            return "Không có đảng viên bị kỷ luật này."
        case .memberNotOnRolls(let since):
            let who = subjectName.isEmpty ? "người này" : subjectName
            let status = since.map { "không còn là đảng viên sinh hoạt trong hệ thống từ ngày \(day($0))" }
                ?? "chưa là đảng viên"
            return "Ngày \(decided) \(who) \(status); chỉ kỷ luật đảng viên có tên trong danh sách đảng viên vào ngày "
                + "quyết định."
        case .memberOutsideCell:
            return "Ngày \(decided) \(subjectName.isEmpty ? "đảng viên" : subjectName) không sinh hoạt tại chi bộ "
                + "\(decidingCode), nên chi bộ không thể quyết định \(sanction); \(cellMay)."
        case .sanctionNotAllowed(let kind):
            return "Không áp dụng hình thức \(sanction) với \(kind.vietnamese); chỉ có thể \(allowed(kind)) "
                + "(\(sanctions.citation))."
        case .noPostHeld:
            return "Ngày \(decided) \(subjectName.isEmpty ? "đảng viên" : subjectName) không giữ chức vụ nào trong cấp ủy, "
                + "ủy ban kiểm tra, nên không thể kỷ luật cách chức (\(sanctions.citation))."
        case .sanctionBeyondCell:
            return "Chi bộ \(decidingCode) không thể quyết định hình thức \(sanction); \(cellMay)."
        case .timeBarred(let lastDay, let years):
            return "Đã hết thời hiệu kỷ luật \(sanction) (\(years) năm, tính từ ngày \(day(decision.limitationStart))): "
                + "chỉ được quyết định đến hết ngày \(day(lastDay)), không thể quyết định ngày \(decided) "
                + "(\(decision.limitationRule.citation))."
        case .appealLodgedEarly(let index, let from):
            return "\(appealLabel(index)) gửi ngày \(day(decision.appeals[index].lodged)), trước ngày nhận quyết định "
                + "bị khiếu nại \(day(from))."
        case .appealLodgedLate(let index, let lastDay):
            let rule = RuleBook.disciplineAppealMonths.version(on: decision.decided)
            return "\(appealLabel(index)) gửi ngày \(day(decision.appeals[index].lodged)), quá thời hạn khiếu nại "
                + "\(rule.value) tháng kể từ ngày nhận quyết định (hết ngày \(day(lastDay))) (\(rule.citation))."
        case .appealWhilePending(let index):
            return "\(appealLabel(index)) gửi khi đơn khiếu nại trước chưa được giải quyết."
        case .nothingToAppeal(let index):
            return "\(appealLabel(index)): quyết định kỷ luật đã được xóa khi giải quyết đơn khiếu nại trước."
        case .appealDecidedBeforeLodged(let index):
            return "\(appealLabel(index)) gửi ngày \(day(decision.appeals[index].lodged)); ngày giải quyết phải từ ngày "
                + "đó trở đi."
        case .appealNotLighter(let index, let inForce):
            return "\(appealLabel(index)): giải quyết khiếu nại chỉ giảm hình thức kỷ luật; hình thức mới phải nhẹ hơn "
                + "\(inForce.vietnamese.lowercased())."
        case .appealSanctionNotAllowed(let index, let kind):
            return "\(appealLabel(index)): không áp dụng hình thức này với \(kind.vietnamese); chỉ có thể "
                + "\(allowed(kind)) (\(sanctions.citation))."
        case .appealNoPostHeld(let index):
            return "\(appealLabel(index)): ngày \(decided) đảng viên không giữ chức vụ nào trong cấp ủy, ủy ban kiểm "
                + "tra, nên không thể giảm xuống cách chức (\(sanctions.citation))."
        }
    }

    public var description: String { message }
}

extension String {
    /// The text with its first letter upper-cased ("tổ chức đảng DUK" → "Tổ chức đảng DUK").
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
