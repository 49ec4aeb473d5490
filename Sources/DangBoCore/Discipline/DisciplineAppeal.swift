/// An appeal against a disciplinary decision (khiếu nại kỷ luật), lodged by its subject with a higher committee or
/// inspection commission, and what came of it.
public struct DisciplineAppeal: Hashable, Sendable {
    /// What the appeal came to. The decided outcomes carry their day, so that an outcome without a day, or a day
    /// without an outcome, cannot be written.
    public enum Outcome: Hashable, Sendable {
        /// Not decided yet: the sanction stands meanwhile (the subject must comply while waiting).
        case pending
        /// Giữ nguyên: the sanction stands.
        case upheld(on: Day)
        /// Giảm hình thức kỷ luật: a lighter sanction replaces it from `on`.
        case reduced(to: Sanction, on: Day)
        /// Xóa (hủy) quyết định kỷ luật: no sanction from `on`.
        case annulled(on: Day)
    }

    /// The day the appeal was lodged (sent).
    public var lodged: Day
    public var outcome: Outcome

    public init(lodged: Day, outcome: Outcome = .pending) {
        self.lodged = lodged
        self.outcome = outcome
    }

    /// The day the appeal was decided, nil while pending.
    public var decided: Day? {
        switch outcome {
        case .pending: nil
        case .upheld(let day), .reduced(_, let day), .annulled(let day): day
        }
    }
}
