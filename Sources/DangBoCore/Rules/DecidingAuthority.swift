/// Who must decide a case a rule reserves to a higher level.
public enum DecidingAuthority: String, Hashable, Sendable, CaseIterable {
    /// Cấp ủy trực thuộc Trung ương: a provincial committee or a committee directly under the Central Committee.
    case committeeDirectlyUnderCentral = "committee_directly_under_central"

    public var vietnamese: String {
        switch self {
        case .committeeDirectlyUnderCentral: "cấp ủy trực thuộc Trung ương"
        }
    }
}
