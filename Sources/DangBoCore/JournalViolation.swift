/// A journal event that breaks a membership rule (RULES §3), with the Vietnamese message a user reads.
public struct JournalViolation: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Age in completed months on the day it is counted on, outside 18…60 years.
        case admissionAge(months: Int, counted: AdmissionAgeDay)
        /// Over 60 without a decision of a committee directly under the Central Committee (`decidedBy`: who decided,
        /// empty when nobody is named).
        case overSixtyWithoutCentralDecision(months: Int, counted: AdmissionAgeDay, decidedBy: String)
        /// Recognition must take effect on the day 12 months after the ceremony.
        case recognitionDay(expected: Day)
        case notProbationary
        case probationerCannotBeExpelled
        case probationerCannotBeRemoved
        case afterDeath(Day)
        case afterLeaving(EventKind, Day)
        case readmittedTwice
        case alreadyMember
        case notAMember
        case wasMemberBefore
        case neverLeft
        case cannotRestore
        case cellRequired
        case unknownOrganization
        case notACell(OrganizationKind)
        case cellDoesNotExist
        case sameCell
        case alreadyExempt
        case notExempt
        case alreadyTemporary
        case notTemporary
    }

    /// The part of an event a broken rule is about, so that the importer names its column and a form its field from
    /// one mapping.
    public enum Field: Hashable, Sendable {
        case kind, effective, organization, votedOn, decisionDate, decidedBy
    }

    /// The part of the event at fault.
    public var field: Field {
        switch reason {
        case .admissionAge(_, .cellVote): .votedOn
        case .admissionAge(_, .decision): .decisionDate
        case .overSixtyWithoutCentralDecision: .decidedBy
        case .admissionAge, .recognitionDay, .cellDoesNotExist: .effective
        case .cellRequired, .unknownOrganization, .notACell, .sameCell: .organization
        default: .kind
        }
    }

    public var member: MemberID
    /// The position of the event in the journal as it was given (not sorted), so a caller can point at its row.
    public var index: Int
    public var event: MembershipEvent
    public var reason: Reason
    /// The code of the cell the event names, when there is one, for the message.
    public var cellCode: String

    /// The day the admission age was counted on, for the rule in force that day.
    private var ageDay: Day { event.votedOn ?? event.decision?.date ?? event.effective }

    /// "(Quy định 24-QĐ/TW, mục 1.1.1)": the version of `rule` in force on `day`, as a message cites it.
    private func cite<Value>(_ rule: Rule<Value>, on day: Day? = nil) -> String {
        "(\(rule.version(on: day ?? event.effective).citation))"
    }

    public var message: String {
        let day = VietnameseFormat.day(event.effective)
        switch reason {
        case .admissionAge(let months, let counted):
            return "Người vào Đảng phải từ đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng); người này \(months / 12) tuổi "
                + "\(months % 12) tháng vào \(counted.vietnamese) \(cite(RuleBook.admissionAge, on: ageDay))."
        case .overSixtyWithoutCentralDecision(let months, let counted, let decidedBy):
            let who = decidedBy.isEmpty ? "chưa ghi cấp ủy quyết định (cột decided_by)"
                : "\(decidedBy) không phải là cấp ủy trực thuộc Trung ương"
            return "Người này \(months / 12) tuổi \(months % 12) tháng vào \(counted.vietnamese): trên 60 tuổi chỉ được "
                + "kết nạp khi cấp ủy trực thuộc Trung ương quyết định; \(who) \(cite(RuleBook.admissionOverSixty, on: ageDay))."
        case .recognitionDay(let expected):
            return "Ngày công nhận chính thức phải là ngày đủ 12 tháng dự bị kể từ ngày kết nạp, tức "
                + "\(VietnameseFormat.day(expected)), không phải \(day) \(cite(RuleBook.recognitionEffect))."
        case .notProbationary:
            return "Ngày \(day) người này không phải đảng viên dự bị: chỉ đảng viên dự bị mới được "
                + "\(event.kind == .recognizedOfficial ? "công nhận chính thức" : "xóa tên dự bị")."
        case .probationerCannotBeExpelled:
            return "Đảng viên dự bị không bị khai trừ; nếu không đủ tư cách thì xóa tên dự bị \(cite(RuleBook.probationerExclusions))."
        case .probationerCannotBeRemoved:
            return "Đảng viên dự bị không xóa tên như đảng viên chính thức; hãy dùng xóa tên dự bị \(cite(RuleBook.probationerExclusions))."
        case .afterDeath(let died):
            return "Đảng viên đã từ trần ngày \(VietnameseFormat.day(died)); không thể ghi thêm biến động."
        case .afterLeaving(let kind, let left):
            return "Người này đã ra khỏi danh sách ngày \(VietnameseFormat.day(left)) (\(kind.vietnamese.lowercased())); "
                + "sau đó chỉ có thể kết nạp lại, phục hồi hoặc tiếp nhận chuyển sinh hoạt đến."
        case .readmittedTwice:
            return "Chỉ được kết nạp lại vào Đảng một lần \(cite(RuleBook.readmissionLimit))."
        case .alreadyMember:
            return "Ngày \(day) người này đang sinh hoạt chính thức ở một chi bộ khác; mỗi đảng viên chỉ sinh hoạt chính thức ở một chi bộ \(cite(RuleBook.oneCell))."
        case .notAMember:
            return "Ngày \(day) người này không phải là đảng viên đang sinh hoạt trong hệ thống."
        case .wasMemberBefore:
            return "Người này đã từng là đảng viên; hãy ghi kết nạp lại (readmitted) hoặc phục hồi (restored)."
        case .neverLeft:
            return "Chỉ kết nạp lại người đã ra khỏi Đảng (xóa tên, khai trừ, xin ra khỏi Đảng)."
        case .cannotRestore:
            return "Chỉ phục hồi đảng tịch cho người đã bị khai trừ hoặc xóa tên \(cite(RuleBook.restorationAfter))."
        case .cellRequired:
            return "Biến động \"\(event.kind.vietnamese)\" cần mã chi bộ (organization_code)."
        case .unknownOrganization:
            return "Không có tổ chức đảng mã \(cellCode)."
        case .notACell(let kind):
            return "\(kind.vietnamese) \(cellCode) không phải là chi bộ; đảng viên sinh hoạt ở chi bộ cơ sở hoặc chi bộ trực thuộc."
        case .cellDoesNotExist:
            return "Chi bộ \(cellCode) không tồn tại vào ngày \(day)."
        case .sameCell:
            return "Đảng viên đã sinh hoạt ở chi bộ \(cellCode); chuyển sinh hoạt nội bộ phải sang chi bộ khác."
        case .alreadyExempt:
            return "Ngày \(day) đảng viên đang được miễn công tác và sinh hoạt đảng."
        case .notExempt:
            return "Ngày \(day) đảng viên không được miễn công tác và sinh hoạt đảng nên không thể thôi miễn."
        case .alreadyTemporary:
            return "Ngày \(day) đảng viên đang sinh hoạt tạm thời; hãy kết thúc lần sinh hoạt tạm thời trước."
        case .notTemporary:
            return "Ngày \(day) đảng viên không sinh hoạt tạm thời nên không thể kết thúc."
        }
    }

    public var description: String { message }
}
