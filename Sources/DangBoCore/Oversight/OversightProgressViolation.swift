/// A case's progress that breaks a rule, with the field at fault (a form maps it to its input) and the Vietnamese
/// message a user reads.
public struct OversightProgressViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a progress a violation is about.
    public enum Field: String, Hashable, Sendable {
        case caseReference
        /// One of the steps (`step` says which).
        case steps
        /// The case's outcome, which `OversightCase` keeps.
        case outcome
        case team
        case teamLeader
        case subjectOutcomes
        case disciplineProposed
    }

    public enum Reason: Hashable, Sendable {
        /// No case of the registry has the progress's reference.
        case unknownCase
        /// The progress names another case than the one it is checked against.
        case otherCase
        /// A stage the case's activity and mode do not pass (a decision for regular supervision).
        case stageNotPassed(step: Int)
        /// A follow-up of a case whose outcome asks no remedies (or that has no outcome yet).
        case followUpWithoutRemedies(step: Int)
        /// A stage at or before `after`, the stage already reached: going back, or a stage twice.
        case stageGoesBack(step: Int, after: OversightStage)
        /// Required stages left out before this step's stage.
        case stagesSkipped(step: Int, missing: [OversightStage])
        /// A step before the case's first day.
        case stepBeforeStart(step: Int)
        /// A step before the day of the step before it.
        case stepBeforePrevious(step: Int)
        case concludedWithoutOutcome
        /// The case has an outcome but no conclusion among the steps.
        case outcomeWithoutConclusion
        /// The case was decided without a team.
        case noTeam
        case unknownTeamMember(MemberID)
        case noTeamLeader
        case leaderNotInTeam
        /// A subject outcome about someone who is not a subject of the case.
        case notASubject(OversightSubject)
        /// A violation concluded without saying whether discipline is proposed.
        case disciplineProposalNotStated
        /// Discipline proposed without a violation.
        case disciplineWithoutViolation
    }

    public var progress: OversightProgress
    /// The case checked against, nil when the registry has none.
    public var oversightCase: OversightCase?
    public var reason: Reason

    public init(progress: OversightProgress, oversightCase: OversightCase?, reason: Reason) {
        self.progress = progress
        self.oversightCase = oversightCase
        self.reason = reason
    }

    public var field: Field {
        switch reason {
        case .unknownCase, .otherCase: .caseReference
        case .stageNotPassed, .followUpWithoutRemedies, .stageGoesBack, .stagesSkipped, .stepBeforeStart,
             .stepBeforePrevious: .steps
        case .concludedWithoutOutcome, .outcomeWithoutConclusion: .outcome
        case .noTeam, .unknownTeamMember: .team
        case .noTeamLeader, .leaderNotInTeam: .teamLeader
        case .notASubject: .subjectOutcomes
        case .disciplineProposalNotStated, .disciplineWithoutViolation: .disciplineProposed
        }
    }

    /// The index in `progress.steps` of the step at fault, for the reasons about one step.
    public var step: Int? {
        switch reason {
        case .stageNotPassed(let index), .followUpWithoutRemedies(let index), .stageGoesBack(let index, _),
             .stagesSkipped(let index, _), .stepBeforeStart(let index), .stepBeforePrevious(let index):
            index
        default:
            nil
        }
    }

    public var message: String {
        let day = VietnameseFormat.day
        let reference = progress.caseReference
        let activity = oversightCase.map { "cuộc \($0.activity.vietnamese.lowercased())" } ?? "cuộc kiểm tra, giám sát"
        func label(_ index: Int) -> String {
            let step = progress.steps[index]
            return "Bước \(step.stage.vietnamese) ngày \(day(step.day))"
        }
        func names(_ stages: [OversightStage]) -> String { stages.map(\.vietnamese).joined(separator: ", ") }
        switch reason {
        case .unknownCase:
            return "Không có cuộc kiểm tra, giám sát số \(reference)."
        case .otherCase:
            return "Tiến độ này thuộc cuộc \(reference), không phải cuộc \(oversightCase?.reference ?? "")."
        case .stageNotPassed(let index):
            let mode = oversightCase.map { "\($0.activity.vietnamese.lowercased()) \($0.mode.vietnamese)" } ?? ""
            return "\(label(index)): \(mode) không có bước này (\(stagesCitation))."
        case .followUpWithoutRemedies(let index):
            return "\(label(index)): chỉ theo dõi khắc phục khi kết luận có khuyết điểm hoặc vi phạm."
        case .stageGoesBack(let index, let after):
            return "\(label(index)) không thể sau bước \(after.vietnamese): các bước đi theo thứ tự, mỗi bước một lần."
        case .stagesSkipped(let index, let missing):
            return "\(label(index)): còn thiếu bước \(names(missing)) trước đó (\(stagesCitation))."
        case .stepBeforeStart(let index):
            return "\(label(index)) trước ngày bắt đầu \(activity) "
                + "\(oversightCase.map { day($0.started) } ?? "")."
        case .stepBeforePrevious(let index):
            let previous = progress.steps[index - 1]
            return "\(label(index)) trước bước liền trước, \(previous.stage.vietnamese) ngày \(day(previous.day)); ngày "
                + "các bước không lùi lại."
        case .concludedWithoutOutcome:
            return "Đã kết luận thì phải ghi kết quả: không vi phạm, có khuyết điểm, có vi phạm hoặc nhân tố mới tích cực."
        case .outcomeWithoutConclusion:
            return "Chưa có bước Kết luận nên chưa thể ghi kết quả của \(activity)."
        case .noTeam:
            return "Quyết định kiểm tra, giám sát phải thành lập tổ, đoàn: cần ít nhất một thành viên."
        case .unknownTeamMember:
            return "Không có đảng viên là thành viên tổ, đoàn này."
        case .noTeamLeader:
            return "Tổ, đoàn cần có tổ trưởng, trưởng đoàn."
        case .leaderNotInTeam:
            return "Tổ trưởng, trưởng đoàn phải là một thành viên của tổ, đoàn."
        case .notASubject:
            return "Kết quả theo từng đối tượng chỉ ghi cho đối tượng của \(activity) này."
        case .disciplineProposalNotStated:
            return "Kết luận có vi phạm phải ghi rõ có đề nghị thi hành kỷ luật hay không."
        case .disciplineWithoutViolation:
            return "Chỉ đề nghị thi hành kỷ luật khi kết luận có vi phạm."
        }
    }

    public var description: String { message }

    /// The rule of stages in force on the case's first day, as a message cites it.
    private var stagesCitation: String {
        RuleBook.oversightStages.version(on: oversightCase?.started ?? Day(ordinal: 0)).citation
    }
}
