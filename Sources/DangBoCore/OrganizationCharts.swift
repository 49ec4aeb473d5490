/// The three charts of an organization's dashboard and page (issue 9 point 3), as of one day.
public struct OrganizationCharts: Hashable, Sendable {
    public var standing: StandingSeries
    public var pyramid: AgePyramid
    public var admissions: AdmissionSeries

    public init(standing: StandingSeries, pyramid: AgePyramid, admissions: AdmissionSeries) {
        self.standing = standing
        self.pyramid = pyramid
        self.admissions = admissions
    }

    /// The default spans: 24 months of standing, 8 quarters of admissions.
    public static let months = 24
    public static let quarters = 8
}
