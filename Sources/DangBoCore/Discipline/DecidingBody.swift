/// The body of the deciding organization that signs a disciplinary decision: the cell (chi bộ), the committee
/// (cấp ủy), its standing committee (ban thường vụ) or the inspection commission (ủy ban kiểm tra).
///
/// Not `ConductorKind`: discipline is also decided by a standing committee, which conducts no case of its own in the
/// review's figures, and `ConductorKind`'s cases are keys of the review JSON, which this must not change. `conductor`
/// maps a body onto the review's split.
public enum DecidingBody: String, CaseIterable, Sendable, Codable {
    case cell
    case committee
    case standingCommittee = "standing_committee"
    case inspectionCommission = "inspection_commission"

    public var vietnamese: String {
        switch self {
        case .cell: "Chi bộ"
        case .committee: "Cấp ủy"
        case .standingCommittee: "Ban Thường vụ"
        case .inspectionCommission: "Ủy ban kiểm tra"
        }
    }

    /// The review's split of who acts: a standing committee acts for its committee.
    public var conductor: ConductorKind {
        switch self {
        case .cell: .cell
        case .committee, .standingCommittee: .committee
        case .inspectionCommission: .inspectionCommission
        }
    }
}
