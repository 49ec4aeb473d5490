/// A follow-up task that breaks a rule, with the field at fault (a form maps it to its input) and the Vietnamese
/// message a user reads.
public struct FollowUpTaskViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a task a violation is about.
    public enum Field: String, Hashable, Sendable {
        case caseReference
        case text
        case responsible
        case due
        case done
    }

    public enum Reason: Hashable, Sendable {
        /// The task names another case than the one it is checked against (whose reference this is).
        case otherCase(String)
        case noText
        case responsibleNotASubject
        /// The case has no conclusion yet.
        case caseNotConcluded
        /// The conclusion asks no remedies: no violation, or a new positive factor.
        case noRemediesAsked
        case dueBeforeConclusion(concluded: Day)
        case doneBeforeConclusion(concluded: Day)
    }

    public var task: FollowUpTask
    public var reason: Reason

    public init(task: FollowUpTask, reason: Reason) {
        self.task = task
        self.reason = reason
    }

    public var field: Field {
        switch reason {
        case .otherCase, .caseNotConcluded, .noRemediesAsked: .caseReference
        case .noText: .text
        case .responsibleNotASubject: .responsible
        case .dueBeforeConclusion: .due
        case .doneBeforeConclusion: .done
        }
    }

    public var message: String {
        let day = VietnameseFormat.day
        let reference = task.caseReference
        switch reason {
        case .otherCase(let other):
            return "Việc khắc phục này thuộc cuộc \(reference), không phải cuộc \(other)."
        case .noText:
            return "Cần ghi nội dung phải khắc phục."
        case .responsibleNotASubject:
            return "Người, tổ chức chịu trách nhiệm khắc phục phải là đối tượng của cuộc \(reference)."
        case .caseNotConcluded:
            return "Cuộc \(reference) chưa có kết luận, nên chưa thể giao việc khắc phục."
        case .noRemediesAsked:
            return "Kết luận cuộc \(reference) không có khuyết điểm, vi phạm nào phải khắc phục."
        case .dueBeforeConclusion(let concluded):
            return "Hạn khắc phục \(day(task.due)) phải từ ngày kết luận \(day(concluded)) trở đi."
        case .doneBeforeConclusion(let concluded):
            return "Ngày hoàn thành khắc phục \(task.done.map(day) ?? "") phải từ ngày kết luận \(day(concluded)) trở đi."
        }
    }

    public var description: String { message }
}
