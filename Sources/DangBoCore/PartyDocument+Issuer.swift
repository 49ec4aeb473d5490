extension PartyDocument {
    /// The issuer block of the documents `id` issues, from the tree as it stood on `day` (issue 10 point 6): its
    /// superior organization's name on the first line ("ĐẢNG BỘ TỈNH VĨNH PHÚC"; empty for a root) and its committee on
    /// the second ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"), both in capitals. Nil when `id` did not exist that day.
    public static func issuerBlock(of id: OrganizationID, in tree: OrganizationTree, on day: Day)
        -> (superior: String, issuer: String)? {
        guard let version = tree.version(of: id, on: day) else { return nil }
        return issuerBlock(name: version.name, superiorName: version.parent.flatMap { tree.version(of: $0, on: day) }?.name)
    }

    /// The issuer block of an organization called `name` under one called `superiorName` (nil for a root) that day.
    public static func issuerBlock(name: String, superiorName: String?) -> (superior: String, issuer: String) {
        ((superiorName ?? "").uppercased(), issuingBody(of: name).uppercased())
    }

    /// The body that issues an organization's documents, from the organization's name: a đảng bộ's committee
    /// ("Đảng bộ Khối các cơ quan tỉnh" → "Đảng ủy Khối các cơ quan tỉnh"; "Đảng bộ tỉnh Vĩnh Phúc" → "Tỉnh ủy Vĩnh
    /// Phúc", as province, city, district and town committees call themselves), a chi bộ itself ("Chi bộ …": its
    /// resolutions are the cell's). A name that follows neither pattern is kept as written.
    public static func issuingBody(of name: String) -> String {
        let words = name.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 2 else { return name }
        let first = words[0].lowercased(), second = words[1].lowercased()
        guard first == "đảng", second == "bộ" else { return name }
        let rest = Array(words.dropFirst(2))
        // NB: the unit words of the local committees, with the committee's own name ("Tỉnh ủy", "Thành ủy", …);
        // "thành phố" is two words.
        let local: [(unit: [String], committee: String)] = [
            (["tỉnh"], "Tỉnh ủy"), (["thành", "phố"], "Thành ủy"), (["huyện"], "Huyện ủy"), (["quận"], "Quận ủy"),
            (["thị", "xã"], "Thị ủy"),
        ]
        for (unit, committee) in local where rest.count > unit.count
            && zip(rest, unit).allSatisfy({ $0.lowercased() == $1 }) {
            return ([committee] + rest.dropFirst(unit.count)).joined(separator: " ")
        }
        return (["Đảng", "ủy"] + rest).joined(separator: " ")
    }
}
