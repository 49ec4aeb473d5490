/// The day party age (tuổi đảng) is counted from.
public enum PartyAgeStart: String, Hashable, Sendable, CaseIterable {
    /// The day the admission decision was signed (the ceremony starts probation, not party age).
    case admissionDecision = "admission_decision"
}
