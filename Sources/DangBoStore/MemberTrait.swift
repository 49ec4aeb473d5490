/// A trait a dashboard figure counts that the member list cannot filter by (issue 9, UX.md "Every figure on a
/// dashboard … is a link to the list behind it"): the dashboard lists these members itself.
public enum MemberTrait: String, CaseIterable, Sendable {
    /// Dân tộc thiểu số: any ethnicity but Kinh (`Member.isEthnicMinority`).
    case ethnicMinority
    /// Miễn công tác và sinh hoạt đảng, still on the rolls (RULES §3.6).
    case exempt
}
