/// The day a recognition as official member takes effect.
public enum RecognitionEffect: String, Hashable, Sendable, CaseIterable {
    /// The day the 12 months of probation end, even when the cell or the deciding committee acts later.
    case endOfProbation = "end_of_probation"
}
