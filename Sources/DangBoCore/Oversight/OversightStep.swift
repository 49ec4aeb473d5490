/// One step of a case: the day it reached a stage, with the document that marks it when there is one (the decision
/// setting up the team, the team's report, the conclusion or its notice).
public struct OversightStep: Hashable, Sendable {
    public var stage: OversightStage
    /// The day the case reached `stage`.
    public var day: Day
    /// The number of the document that marks the step ("12-QĐ/UBKT"), when there is one.
    public var document: String?
    public var note: String

    public init(_ stage: OversightStage, on day: Day, document: String? = nil, note: String = "") {
        self.stage = stage
        self.day = day
        self.document = document
        self.note = note
    }
}
