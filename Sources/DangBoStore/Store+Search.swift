import DangBoCore
import SQLKit

extension Store {
    /// Members on the rolls of `root`'s subtree on `day` whose folded name contains the folded `text`, in Vietnamese
    /// name order: the twin of `Registry.members(matching:in:asOf:limit:)`.
    ///
    /// A match is `name_key LIKE '%folded%'` on every path (the folded text holds letters, digits and single spaces
    /// only, so no LIKE wildcard); the trigram indexes of M0008 (and of the distinct names, M0029, on PostgreSQL) only
    /// choose which members are tested. A text of fewer than three characters has no trigram, and a small subtree is
    /// cheaper to read whole than any index of names: both read the members of the subtree on the day, as every search
    /// did before M0008.
    public func members(matching text: String, in root: OrganizationID, asOf day: Day, limit: Int) async throws -> [Member] {
        try await members(matching: text, in: root, asOf: day, limit: limit, plan: .automatic)
    }

    /// The same, by the given plan: tests hold every plan equal to Core.
    func members(
        matching text: String, in root: OrganizationID, asOf day: Day, limit: Int, plan: NameSearch.Plan
    ) async throws -> [Member] {
        guard limit > 0 else { return [] }
        let search = NameSearch(needle: VietnameseText.folded(text), root: root, day: day)
        var plan = plan
        if case .automatic = plan {
            let small = try await search.trigrams.isEmpty ? true : subtreeIsSmall(root, asOf: day)
            plan = small ? .subtree : .trigrams(lookupLimit: NameSearch.lookupLimit)
        }
        guard case .trigrams(let lookupLimit) = plan, !search.trigrams.isEmpty else {
            return try await membersOfSubtree(matching: search, limit: limit)
        }
        if isPostgres { return try await membersByTrigrams(matching: search, limit: limit) }
        if try await namesArePending() { return try await membersOfSubtree(matching: search, limit: limit) }
        return try await membersInNameOrder(matching: search, limit: limit, lookupLimit: lookupLimit)
    }

    /// SQLite: whether members were written or renamed since the last audit entry, so that `member_names` does not
    /// hold their names yet (M0010). Only inside a write, or after SQL run by hand.
    private func namesArePending() async throws -> Bool {
        let row = try await reader.raw("SELECT EXISTS (SELECT 1 FROM member_names_pending) AS pending").first()
        return try row!.decode(column: "pending", as: Bool.self)
    }

    /// Whether `root`'s subtree holds at most `NameSearch.smallSubtree` organizations on `day` (counted up to one
    /// more in the covering index of the ancestry: counting its members on the rolls cost milliseconds).
    private func subtreeIsSmall(_ root: OrganizationID, asOf day: Day) async throws -> Bool {
        let d = day.yyyymmdd
        let row = try await reader.raw("""
            SELECT COUNT(*) AS n FROM (
                SELECT 1 FROM organization_ancestry
                WHERE ancestor_id = \(literal: root.rawValue) AND valid_from <= \(literal: d) AND valid_to > \(literal: d)
                LIMIT \(literal: NameSearch.smallSubtree + 1)) s
            """).first()
        return try row!.decode(column: "n", as: Int.self) <= NameSearch.smallSubtree
    }

    /// From the subtree: its members on the day, then their names tested (the search before M0008).
    private func membersOfSubtree(matching search: NameSearch, limit: Int) async throws -> [Member] {
        let d = search.day.yyyymmdd
        return try await reader.raw("""
            SELECT m.* FROM members m
            JOIN membership_periods p ON p.member_id = m.id AND p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d)
            JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(literal: search.root.rawValue)
                AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
            WHERE m.name_key LIKE \(bind: search.pattern)
            ORDER BY m.sort_key, m.id
            LIMIT \(literal: limit)
            """).all().map(Self.member(from:))
    }

    /// PostgreSQL: through `member_names_distinct` (M0029), the distinct names that hold the text, in name order; for
    /// each, its members by id that match and are on the rolls, at most `limit`; stopped once `limit` are found.
    ///
    /// NB: the names come sorted from a DISTINCT subquery (never flattened), the members of each from
    /// `members_by_sort_key` in id order (LATERAL, LIMIT), so PostgreSQL sorts each name's few members alone and stops
    /// at the limit: measured on the national registry copied into PostgreSQL (9,687,392 persons), "thi thu h"
    /// (17,131 persons, 699 names) 14 ms, where reading the members' own trigram index took 450–550 ms.
    private func membersByTrigrams(matching search: NameSearch, limit: Int) async throws -> [Member] {
        try await reader.raw("""
            SELECT x.* FROM (
                SELECT n.sort_key AS sort_key, c.id AS id
                FROM (SELECT DISTINCT d.sort_key AS sort_key FROM member_names_distinct d
                      WHERE d.name_key LIKE \(bind: search.pattern) ORDER BY d.sort_key) n
                CROSS JOIN LATERAL (
                    SELECT m.id AS id FROM members m
                    WHERE m.sort_key = n.sort_key AND m.name_key LIKE \(bind: search.pattern) AND \(search.onTheRolls)
                    ORDER BY m.id
                    LIMIT \(literal: limit)) c
                ORDER BY n.sort_key, c.id
                LIMIT \(literal: limit)) f
            JOIN members x ON x.id = f.id
            ORDER BY x.sort_key, x.id
            """).all().map(Self.member(from:))
    }

    /// SQLite: through `member_names`, whose rowids follow name order in groups of members sharing the first
    /// characters of their sort key (M0008). Group after group that holds candidates, in order, until `limit` members
    /// are found: a few candidates are looked up by id; a group with many is walked in name order in the index.
    ///
    /// NB: each step finishes every group it reads and orders them exactly, and every later group sorts after them,
    /// so the members found, in the order found, are the first in name order.
    private func membersInNameOrder(matching search: NameSearch, limit: Int, lookupLimit: Int) async throws -> [Member] {
        typealias Order = M0008_CreateNameSearch.NameOrder
        var found: [Member] = []
        var after = 0  // the first rowid not yet read
        while found.count < limit {
            // The next candidates in order, up to `lookupLimit`, as one text: FTS5 is asked once for them, and one row
            // comes back instead of a thousand.
            let row = try await reader.raw("""
                SELECT group_concat(rowid) AS rowids FROM (
                    SELECT rowid FROM member_names WHERE member_names MATCH \(bind: search.trigramQuery)
                        AND rowid >= \(bind: after) ORDER BY rowid LIMIT \(literal: lookupLimit))
                """).first()
            let rowids = try row?.decode(column: "rowids", as: String?.self)?.split(separator: ",").compactMap { Int($0) } ?? []
            guard let first = rowids.min(), let last = rowids.max() else { break }
            let remaining = limit - found.count
            let lastGroup = last >> Order.groupShift
            if rowids.count < lookupLimit {
                // Every candidate left: look them all up.
                found += try await members(ofRowids: rowids, matching: search, limit: remaining)
                break
            } else if first >> Order.groupShift < lastGroup {
                // The groups before the last are complete: look their candidates up; the last is read again.
                found += try await members(ofRowids: rowids.filter { $0 >> Order.groupShift < lastGroup }, matching: search,
                                           limit: remaining)
                after = lastGroup << Order.groupShift
            } else {
                // One group with many candidates: walk its names in order until enough are found.
                let keys = NameSearch.sortKeys(ofGroup: lastGroup)
                found += try await reader.raw("""
                    SELECT m.* FROM members m INDEXED BY members_by_sort_key
                    WHERE m.sort_key >= \(bind: keys.lowerBound) AND m.sort_key < \(bind: keys.upperBound)
                        AND m.name_key LIKE \(bind: search.pattern) AND \(search.onTheRolls)
                    ORDER BY m.sort_key, m.id
                    LIMIT \(literal: remaining)
                    """).all().map(Self.member(from:))
                after = (lastGroup + 1) << Order.groupShift
            }
        }
        return found
    }

    /// The members among the candidates `rowids` of `member_names` that match, in name order.
    private func members(ofRowids rowids: [Int], matching search: NameSearch, limit: Int) async throws -> [Member] {
        // NB: the rowids go as one JSON array, not a thousand bound parameters.
        let list = "[" + rowids.map(String.init).joined(separator: ",") + "]"
        return try await reader.raw("""
            SELECT m.* FROM members m
            WHERE m.id IN (SELECT value & \(literal: (1 << M0008_CreateNameSearch.NameOrder.idBits) - 1) FROM json_each(\(bind: list)))
                AND m.name_key LIKE \(bind: search.pattern) AND \(search.onTheRolls)
            ORDER BY m.sort_key, m.id
            LIMIT \(literal: limit)
            """).all().map(Self.member(from:))
    }
}

/// One name search: the folded text and the questions asked of the store about it.
struct NameSearch {
    /// How a search reaches its members.
    enum Plan: Equatable, Sendable {
        /// The subtree for a short text or a small subtree, else the trigrams.
        case automatic
        /// Read the members of the subtree on the day, test each name.
        case subtree
        /// Through the trigram index; on SQLite, groups with up to `lookupLimit` candidates are looked up by id.
        /// A text of fewer than three characters is searched through the subtree.
        case trigrams(lookupLimit: Int)
    }

    /// Up to this many organizations (some 17 members each in the nation, so a few thousand members), a subtree is
    /// read whole rather than through an index of names.
    static let smallSubtree = 200
    /// Up to this many candidates of the trigram index are looked up by id (more are walked in name order).
    static let lookupLimit = 1_024

    let needle: String
    let root: OrganizationID
    let day: Day

    /// The LIKE pattern that defines a match.
    var pattern: String { "%" + needle + "%" }

    /// The distinct trigrams of the folded text, as the trigram tokenizers cut it: three characters (Unicode scalars)
    /// at every position. Empty for fewer than three.
    var trigrams: [String] {
        let scalars = Array(needle.unicodeScalars)
        guard scalars.count >= 3 else { return [] }
        var seen = Set<String>()
        return (0...(scalars.count - 3)).compactMap { start in
            var trigram = ""
            trigram.unicodeScalars.append(contentsOf: scalars[start..<(start + 3)])
            return seen.insert(trigram).inserted ? trigram : nil
        }
    }

    /// An FTS5 query for the rows that hold every trigram, each written as an FTS5 string (quotes doubled), so that
    /// no character of a name is read as query syntax.
    var trigramQuery: String {
        trigrams.map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
    }

    /// The member `m` is on the rolls of a cell of the subtree on the day.
    var onTheRolls: SQLQueryString {
        let d = day.yyyymmdd
        return """
            EXISTS (SELECT 1 FROM membership_periods p
                JOIN organization_ancestry a ON a.descendant_id = p.cell_id AND a.ancestor_id = \(literal: root.rawValue)
                    AND a.valid_from <= \(literal: d) AND a.valid_to > \(literal: d)
                WHERE p.member_id = m.id AND p.valid_from <= \(literal: d) AND p.valid_to > \(literal: d))
            """
    }

    /// The sort keys of the members in a group of `member_names` rowids (M0008): those that start with the group's
    /// characters, or, when the group's characters end before the fifth, those equal to them.
    static func sortKeys(ofGroup group: Int) -> Range<String> {
        typealias Order = M0008_CreateNameSearch.NameOrder
        var digits: [Int] = []
        var rest = group
        for _ in 0..<Order.keyCharacters {
            digits.insert(rest % Order.base, at: 0)
            rest /= Order.base
        }
        var characters = digits.prefix { $0 != 0 }.map { UInt8($0 + 32) }
        let lower = String(decoding: characters, as: UTF8.self)
        if characters.count == Order.keyCharacters {
            characters[characters.count - 1] += 1
        } else {
            characters.append(1)  // below every character a key holds
        }
        return lower..<String(decoding: characters, as: UTF8.self)
    }
}
