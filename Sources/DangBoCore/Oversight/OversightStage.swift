/// The stage an inspection or supervision case has reached (RULES §4, "Statuses"): planned → decided → the subject's
/// self-report → verification → the team's report → concluded → notified → follow-up of remedies.
///
/// The cases are in the order a case passes them (`Comparable` follows it). Which stages a case passes depends on its
/// activity and mode (`OversightStageSequences`, the value of `RuleBook.oversightStages`).
///
/// There is no `closed` stage: a case is over once it reached the last stage its sequence requires and, when its
/// outcome asks remedies, every follow-up task is done (`OversightProgress.isClosed(on:of:tasks:)`). A stored `closed`
/// would be a second record of what the tasks already say, free to disagree with them.
public enum OversightStage: String, CaseIterable, Sendable, Codable, Comparable {
    /// Kế hoạch: in the conductor's plan or programme, not yet decided.
    case planned
    /// Quyết định: the decision that sets up the team (tổ, đoàn kiểm tra, giám sát), its plan and report outline.
    case decided
    /// Tự kiểm điểm/báo cáo: the subject reports on itself.
    case selfReport = "self_report"
    /// Thẩm tra/xác minh: the team verifies.
    case verification
    /// Báo cáo của đoàn: the team reports to the conductor.
    case teamReport = "team_report"
    /// Kết luận: the conductor concludes, with an outcome.
    case concluded
    /// Thông báo kết luận: the conclusion is announced to the subject.
    case notified
    /// Theo dõi khắc phục: the conductor follows the remedies the conclusion asked.
    case followUp = "follow_up"

    /// The position in the order a case passes the stages (0 for `planned`).
    public var order: Int {
        switch self {
        case .planned: 0
        case .decided: 1
        case .selfReport: 2
        case .verification: 3
        case .teamReport: 4
        case .concluded: 5
        case .notified: 6
        case .followUp: 7
        }
    }

    /// The stage's name as a user reads it.
    public var vietnamese: String {
        switch self {
        case .planned: "Kế hoạch"
        case .decided: "Quyết định"
        case .selfReport: "Tự kiểm điểm/báo cáo"
        case .verification: "Thẩm tra/xác minh"
        case .teamReport: "Báo cáo của đoàn"
        case .concluded: "Kết luận"
        case .notified: "Thông báo kết luận"
        case .followUp: "Theo dõi khắc phục"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}
