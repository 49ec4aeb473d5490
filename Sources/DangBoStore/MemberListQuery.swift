import DangBoCore

/// What a member list asks: the day, where, which members, and which page (issue 9: the member list page).
public struct MemberListQuery: Hashable, Sendable {
    /// The members on the rolls this day.
    public var asOf: Day
    /// Only the cells at or under this organization (nil: the whole scope).
    public var root: OrganizationID?
    /// Part of the name, with or without tone marks ("nguyen truong gi" finds Nguyễn Trường Giang); empty: any name.
    public var text: String
    public var standing: Standing?
    public var gender: Gender?
    /// An age band of the statistics (`AgeBand.bands` labels, "31-35"); nil: any age. An unknown label finds nobody.
    public var ageBand: String?
    /// 1-based; a page below 1 is read as the first.
    public var page: Int
    /// Rows per page; a size below 1 is read as 1.
    public var pageSize: Int

    public init(
        asOf: Day, root: OrganizationID? = nil, text: String = "", standing: Standing? = nil, gender: Gender? = nil,
        ageBand: String? = nil, page: Int = 1, pageSize: Int = 50
    ) {
        self.asOf = asOf
        self.root = root
        self.text = text
        self.standing = standing
        self.gender = gender
        self.ageBand = ageBand
        self.page = page
        self.pageSize = pageSize
    }
}
