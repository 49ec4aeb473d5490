/// One item of an annual inspection and supervision programme: what is planned, of whom, when, and, once it starts,
/// the case that carries it out.
public struct ProgrammeItem: Hashable, Sendable {
    /// What the item is about (nội dung kiểm tra, giám sát).
    public var content: String
    public var activity: OversightActivity
    public var mode: OversightMode
    public var subjects: [OversightSubject]
    /// The quarter or month it is planned for.
    public var planned: ProgrammePeriod
    /// The `OversightCase.reference` of the case that carries it out, nil until it starts.
    public var caseReference: String?

    public init(
        content: String, activity: OversightActivity, mode: OversightMode, subjects: [OversightSubject],
        planned: ProgrammePeriod, caseReference: String? = nil
    ) {
        self.content = content
        self.activity = activity
        self.mode = mode
        self.subjects = subjects
        self.planned = planned
        self.caseReference = caseReference
    }
}
