import DangBoCore
import DangBoStore
import DangBoSynthetic
import Testing

/// Accent-insensitive name search in SQL equals Core's, within a subtree and on a day.
@Suite struct SearchTests {
    @Test func searchEqualsCore() async throws {
        let (change, registry) = SyntheticRegistry(options: .init(seed: 4, grassroots: 10, members: 800)).change()
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let root = OrganizationID(1)
            for (query, day) in [("nguyen van", "2021-03-31"), ("NGUYỄN VĂN H", "2024-01-01"), ("thi thu", "2010-06-30"),
                                 ("đặng", "2020-01-01"), ("dang", "2020-01-01"), ("an", "2015-01-01"), ("", "2026-01-01")] {
                let asOf = Day(iso: day)!
                let sql = try await store.members(matching: query, in: root, asOf: asOf, limit: 50)
                let core = registry.members(matching: query, in: root, asOf: asOf, limit: 50)
                #expect(sql.map(\.id) == core.map(\.id), "\(query) \(day)")
            }
            let dang = try await store.members(matching: "dang", in: root, asOf: Day(iso: "2020-01-01")!, limit: 500)
            #expect(!dang.isEmpty)
            #expect(dang.allSatisfy { VietnameseText.folded($0.fullName).contains("dang") })
        }
    }
}
