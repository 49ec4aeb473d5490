import DangBoCore
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import SQLKit
import Testing

/// Accent-insensitive name search in SQL equals Core's, within a subtree and on a day, by every plan: through the
/// subtree, and through the trigram index (on SQLite with lookups of every size, so that both the lookups by id and
/// the walks in name order run).
@Suite struct SearchTests {
    /// Every plan, the automatic one last.
    static let plans: [NameSearch.Plan] = [
        .subtree, .trigrams(lookupLimit: NameSearch.lookupLimit), .trigrams(lookupLimit: 16), .trigrams(lookupLimit: 1),
        .automatic,
    ]

    @Test func searchEqualsCore() async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 4, grassroots: 10, members: 800)).change()
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let root = OrganizationID(1)
            for (query, day) in [("nguyen van", "2021-03-31"), ("NGUYỄN VĂN H", "2024-01-01"), ("thi thu", "2010-06-30"),
                                 ("đặng", "2020-01-01"), ("dang", "2020-01-01"), ("an", "2015-01-01"), ("", "2026-01-01")] {
                let asOf = Day(iso: day)!
                let core = registry.members(matching: query, in: root, asOf: asOf, limit: 50)
                let sql = try await store.members(matching: query, in: root, asOf: asOf, limit: 50)
                #expect(sql.map(\.id) == core.map(\.id), "\(query) \(day)")
                for plan in Self.plans {
                    let planned = try await store.members(matching: query, in: root, asOf: asOf, limit: 50, plan: plan)
                    #expect(planned.map(\.id) == core.map(\.id), "\(query) \(day) \(plan)")
                }
            }
            let dang = try await store.members(matching: "dang", in: root, asOf: Day(iso: "2020-01-01")!, limit: 500)
            #expect(!dang.isEmpty)
            #expect(dang.allSatisfy { VietnameseText.folded($0.fullName).contains("dang") })
        }
    }

    /// Texts of 1, 2 and 3 characters and more, cut from the members' own names; LIKE wildcards and FTS5 syntax
    /// (`%`, `_`, `"`, `*`, `AND`, `-`, `:`); đ and its capital; in the whole tree and in subtrees (the members outside
    /// them not found), on days when many members are off the rolls, with small limits.
    @Test func edgesEqualCore() async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 9, grassroots: 12, members: 900)).change()
        let days = ["2005-06-30", "2026-06-30"].map { Day(iso: $0)! }
        let grassroots = registry.tree.organizations.values.filter { organization in
            organization.versions.contains { $0.kind.isGrassroots }
        }.map(\.id).sorted()
        var questions: [(query: String, root: OrganizationID, day: Day, limit: Int)] = []
        for query in ["a", "d", "đ", "Đ", "z", "ng", "Đỗ", "an", "ang", "đức", "ĐỨC", "thi", "van h", "uye", "nguy%n", "%",
                      "_", "van_h", "v_n", "\"dang\"", "th\"i", "\"", "thi*", "an AND", "NOT le", "le-thi", "ng:uyen",
                      "x y", "qqq", "nguyen van hung thi", "  nguyễn   văn  "] {
            for day in days {
                for root in [OrganizationID(1), grassroots[0]] {
                    for limit in [1, 50] { questions.append((query, root, day, limit)) }
                }
            }
        }
        let names = registry.members.values.sorted { $0.id < $1.id }.map { VietnameseText.folded($0.fullName) }
        for (index, name) in names.enumerated() where index % 150 == 0 {
            let scalars = Array(name.unicodeScalars)
            for length in [1, 2, 3, 4, 7, scalars.count] where length <= scalars.count {
                let start = (index / 150 + length) % (scalars.count - length + 1)
                var cut = ""
                cut.unicodeScalars.append(contentsOf: scalars[start..<(start + length)])
                for day in days { questions.append((cut, OrganizationID(1), day, 7)) }
            }
        }
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            for question in questions {
                let core = registry.members(matching: question.query, in: question.root, asOf: question.day, limit: question.limit)
                // NB: lookups of 1 walk every group one by one, too slow for this many questions (searchEqualsCore).
                for plan in Self.plans where plan != .trigrams(lookupLimit: 1) {
                    let sql = try await store.members(matching: question.query, in: question.root, asOf: question.day,
                                                      limit: question.limit, plan: plan)
                    #expect(sql.map(\.id) == core.map(\.id), "\(question) \(plan)")
                }
            }
            // Off the rolls and outside the subtree: a member who left is found by their full name on a day of their
            // last period, not the day before they joined nor the day they left, nor under another grassroots organization.
            let journal = registry.journals.values.sorted { $0.member.id < $1.member.id }.first { $0.periods.last?.validity.end != nil }!
            let last = journal.periods.last!
            let other = grassroots.first { !registry.tree.isWithin(last.cell, root: $0, on: last.validity.start) }!
            let name = journal.member.fullName
            for plan in Self.plans {
                func found(in root: OrganizationID, on day: Day) async throws -> Bool {
                    try await store.members(matching: name, in: root, asOf: day, limit: 1_000, plan: plan).contains { $0.id == journal.member.id }
                }
                #expect(try await found(in: OrganizationID(1), on: last.validity.start), "\(plan)")
                #expect(try await !found(in: OrganizationID(1), on: journal.periods[0].validity.start.adding(days: -1)), "\(plan)")
                #expect(try await !found(in: OrganizationID(1), on: last.validity.end!), "\(plan)")
                #expect(try await !found(in: other, on: last.validity.start), "\(plan)")
            }
        }
    }

    /// A member renamed in place (no store write renames today; a correction in SQL would) is found under the new
    /// name and not the old, before and after the next write's audit entry: the index follows updates of the name
    /// (SQLite: the update trigger, then the audit entry's).
    @Test func aRenamedMemberIsFoundByTheNewName() async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 6, grassroots: 8, members: 500)).change()
        let day = Day(iso: "2026-06-30")!
        let root = OrganizationID(1)
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            var journal = registry.journals.values.sorted { $0.member.id < $1.member.id }.first { $0.period(on: day) != nil }!
            let old = journal.member
            journal.member.familyName = "Đoàn"
            journal.member.middleName = "Thị"
            journal.member.givenName = "Xuyến"
            let new = journal.member
            try await store.sql.update("members")
                .set("family_name", to: new.familyName).set("middle_name", to: new.middleName)
                .set("given_name", to: new.givenName).set("full_name", to: new.fullName)
                .set("name_key", to: VietnameseText.folded(new.fullName))
                .set("sort_key", to: VietnameseText.nameSortKey(family: new.familyName, middle: new.middleName, given: new.givenName))
                .where("id", .equal, new.id.rawValue).run()
            if store.isPostgres {
                // The update trigger added the new name to the distinct names (M0029).
                let row = try await store.sql.raw("""
                    SELECT COUNT(*) AS n FROM member_names_distinct WHERE name_key = \(bind: VietnameseText.folded(new.fullName))
                    """).first()!
                #expect(try row.decode(column: "n", as: Int.self) == 1)
            }
            var renamed = registry
            renamed.record(journal)
            func searchesEqualCore() async throws {
                for query in ["doan thi xuyen", "Xuyến", "oan th", old.fullName, old.givenName] {
                    let core = renamed.members(matching: query, in: root, asOf: day, limit: 50).map(\.id)
                    for plan in Self.plans {
                        let sql = try await store.members(matching: query, in: root, asOf: day, limit: 50, plan: plan)
                        #expect(sql.map(\.id) == core, "\(query) \(plan)")
                    }
                }
            }
            // Before the next audit entry (SQLite: the new name is pending, and a search reads the subtree).
            try await searchesEqualCore()
            // After it (SQLite: the new name is in the index).
            try await store.write(RegistryChange(), tree: registry.tree, audit: ReportTwinTests.audit)
            if !store.isPostgres {
                let pending = try await store.sql.raw("SELECT COUNT(*) AS n FROM member_names_pending").first()!
                #expect(try pending.decode(column: "n", as: Int.self) == 0)
            }
            try await searchesEqualCore()
            let found = try await store.members(matching: "đoàn thị xuyến", in: root, asOf: day, limit: 50,
                                                plan: .trigrams(lookupLimit: 1))
            #expect(found.map(\.id) == [new.id])
            let gone = try await store.members(matching: old.fullName, in: root, asOf: day, limit: 1_000,
                                               plan: .trigrams(lookupLimit: 1))
            #expect(gone.allSatisfy { $0.id != old.id })
        }
    }

    /// SQLite: members written are pending until the write's audit entry, then indexed; a member deleted or renamed
    /// leaves the index whether or not it was indexed yet (a contentless index only forgets what it is told).
    @Test func theNameIndexFollowsInsertsDeletesAndRenames() async throws {
        try await TestDatabases.withSQLite { store in
            func count(_ query: SQLQueryString) async throws -> Int {
                try await store.sql.raw(query).first()!.decode(column: "n", as: Int.self)
            }
            func indexed(_ trigram: String) async throws -> Int {
                try await count("SELECT COUNT(*) AS n FROM member_names WHERE member_names MATCH \(bind: "\"" + trigram + "\"")")
            }
            func pending() async throws -> Int { try await count("SELECT COUNT(*) AS n FROM member_names_pending") }
            func endWrite() async throws { try await store.write(RegistryChange(), tree: OrganizationTree(), audit: ReportTwinTests.audit) }
            func member(_ id: Int, given: String) -> Member {
                Member(id: MemberID(id), nationalID: "00108000000\(id)", familyName: "Quách", middleName: "Xuân",
                       givenName: given, gender: .male, birthDate: Day(iso: "1980-01-01")!)
            }
            try await Store.insert(members: [member(1, given: "Zũng"), member(2, given: "Zũng")], on: store.sql)
            #expect(try await pending() == 2)
            #expect(try await indexed("zun") == 0)
            try await endWrite()
            #expect(try await pending() == 0)
            #expect(try await indexed("zun") == 2)
            // Deleted once indexed, and deleted while pending.
            try await store.sql.raw("DELETE FROM members WHERE id = 1").run()
            try await Store.insert(members: [member(3, given: "Zũng")], on: store.sql)
            try await store.sql.raw("DELETE FROM members WHERE id = 3").run()
            #expect(try await pending() == 0)
            #expect(try await indexed("zun") == 1)
            // Renamed once indexed, then again while pending.
            for given in ["Yến", "Yêm"] {
                let renamed = member(2, given: given)
                try await store.sql.update("members").set("given_name", to: given).set("full_name", to: renamed.fullName)
                    .set("name_key", to: VietnameseText.folded(renamed.fullName))
                    .set("sort_key", to: VietnameseText.nameSortKey(family: "Quách", middle: "Xuân", given: given))
                    .where("id", .equal, 2).run()
            }
            #expect(try await pending() == 1)
            #expect(try await indexed("zun") == 0)
            try await endWrite()
            #expect(try await indexed("zun") == 0)
            #expect(try await indexed("yen") == 0)
            #expect(try await indexed("yem") == 1)
            #expect(try await indexed("qua") == 1)
        }
    }

    /// The groups of `member_names` rowids follow name order, and each holds the sort keys `sortKeys(ofGroup:)`
    /// says, for keys of every kind: Vietnamese, other scripts, digits, one word, empty parts.
    @Test func nameOrderGroupsFollowTheSortKeys() async throws {
        typealias Order = M0008_CreateNameSearch.NameOrder
        let names: [(String, String, String)] = [
            ("Nguyễn", "Văn", "An"), ("", "", "A"), ("", "", "Ă"), ("Lê", "", "B"), ("Trần", "Thị Thu", "Hà"),
            ("Đặng", "", "Đ"), ("王", "小", "明"), ("Иванов", "", "Пётр"), ("Ngô", "", "2"), ("Ngô", "", "10"),
            ("H'Hen", "", "Niê"), ("Y", "", "Bih"), ("", "", ""), ("Lê", "Thị", "Zz"), ("Ưng", "", "Ư"),
        ]
        let keys = names.map { VietnameseText.nameSortKey(family: $0.0, middle: $0.1, given: $0.2) }
        #expect(keys.allSatisfy { key in key.utf8.allSatisfy { (0x21...0x7E).contains($0) } })
        try await TestDatabases.withSQLite { store in
            var groups: [(key: String, group: Int)] = []
            for (index, key) in keys.enumerated() {
                let name = VietnameseText.folded(names[index].0 + " " + names[index].1 + " " + names[index].2)
                let row = try await store.sql.raw("""
                    SELECT \(unsafeRaw: Order.rowid(key: "k", name: "n", id: "i")) >> \(literal: Order.groupShift) AS g
                    FROM (SELECT \(bind: key) AS k, \(bind: name) AS n, \(bind: index + 1) AS i)
                    """).first()!
                groups.append((key, try row.decode(column: "g", as: Int.self)))
            }
            for entry in groups {
                #expect(NameSearch.sortKeys(ofGroup: entry.group).contains(entry.key), "\(entry.key)")
            }
            let inKeyOrder = groups.sorted { $0.key < $1.key }.map(\.group)
            #expect(inKeyOrder == inKeyOrder.sorted())
        }
    }
}
