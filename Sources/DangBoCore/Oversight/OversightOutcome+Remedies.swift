extension OversightOutcome {
    /// Whether the conclusion asks the subject to remedy something, so that the conductor follows it up: shortcomings
    /// and violations do; no violation and a new positive factor do not.
    public var asksRemedies: Bool { self == .shortcomings || self == .violation }

    /// The outcome as a conclusion states it.
    public var vietnamese: String {
        switch self {
        case .noViolation: "Không vi phạm"
        case .shortcomings: "Có khuyết điểm cần khắc phục"
        case .violation: "Có vi phạm"
        case .positiveFactor: "Nhân tố mới tích cực"
        }
    }
}
