/// One page of a member list, with the number of members on every page together.
public struct MemberListPage: Hashable, Sendable {
    /// In Vietnamese name order (given, middle, family name; then id). Empty past the last page.
    public var rows: [MemberListRow]
    /// Every member the query finds, on all pages.
    public var total: Int
    /// 1-based, as asked (at least 1).
    public var page: Int
    public var pageSize: Int

    public init(rows: [MemberListRow], total: Int, page: Int, pageSize: Int) {
        self.rows = rows
        self.total = total
        self.page = page
        self.pageSize = pageSize
    }

    /// The number of pages (at least 1, so that an empty list still has its page).
    public var pageCount: Int { max(1, (total + pageSize - 1) / max(1, pageSize)) }
}
