/// A remedy a conclusion asks, followed up by the conductor (theo dõi khắc phục sau kiểm tra, giám sát): what is to be
/// done, by whom, by when, and when it was done. Its rules are in `violations(of:progress:)`.
public struct FollowUpTask: Hashable, Sendable {
    /// The `OversightCase.reference` of the case whose conclusion asks it.
    public var caseReference: String
    /// What is to be done.
    public var text: String
    /// Who must do it: one of the case's subjects.
    public var responsible: OversightSubject
    /// The last day to do it.
    public var due: Day
    /// The day it was done, nil while open.
    public var done: Day?

    public init(caseReference: String, text: String, responsible: OversightSubject, due: Day, done: Day? = nil) {
        self.caseReference = caseReference
        self.text = text
        self.responsible = responsible
        self.due = due
        self.done = done
    }

    /// Whether it is still to be done on `day`: not done on or before it.
    public func isOpen(on day: Day) -> Bool { done.map { $0 > day } ?? true }

    /// Whether it is late on `day`: still open and `day` is after the due day. On the due day it is not late yet.
    public func isOverdue(on day: Day) -> Bool { day > due && isOpen(on: day) }

    /// Whether it was done after its due day.
    public var wasDoneLate: Bool { done.map { $0 > due } ?? false }
}
