extension Registry {
    /// Members on the rolls of `root`'s subtree on `day` whose name contains `text`, ignoring tones, đ/d and case
    /// ("nguyen van hu" finds "Nguyễn Văn Hùng"), in Vietnamese name order: the twin of the store's search.
    public func members(matching text: String, in root: OrganizationID, asOf day: Day, limit: Int) -> [Member] {
        let needle = VietnameseText.folded(text)
        return journals.values.compactMap { journal -> (String, Member)? in
            guard let period = journal.period(on: day), tree.isWithin(period.cell, root: root, on: day) else { return nil }
            let member = journal.member
            guard needle.isEmpty || VietnameseText.folded(member.fullName).contains(needle) else { return nil }
            return (VietnameseText.nameSortKey(family: member.familyName, middle: member.middleName, given: member.givenName), member)
        }
        .sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }
        .prefix(limit)
        .map(\.1)
    }
}
