import DangBoCore
import DangBoSynthetic
import Foundation
import Testing
@testable import DangBoInterchange

/// The generated national registry imports without an error through the contract, keeps national IDs unique, and
/// answers for the 63 provinces before 1/7/2025 and the 34 after.
@Suite struct NationalRegistryTests {
    @Test func aSmallNationImportsAndTheProvincesMerge() async throws {
        let national = NationalRegistry(options: .init(seed: 7, members: 3_000, from: Day(iso: "2010-01-01")!))
        var tables = RegistryExport.headers.map { Table(name: $0.name, header: $0.header, rows: []) }
        func add(_ rows: [[[String]]]) {
            for (index, rows) in rows.enumerated() {
                for row in rows { tables[index].rows.append(TableRow(line: tables[index].rows.count + 2, cells: row)) }
            }
        }
        add([national.upperOrganizations().map { row in
            [row.code, row.name, "upper_committee", row.parentCode ?? "", row.established.iso, row.dissolved?.iso ?? "", ""]
        }, [], [], [], []])
        var nationalIDs = Set<String>()
        var persons = 0
        national.generate { unit in
            add(RegistryExport.rows(organizations: unit.organizations, members: unit.registry.members,
                                    events: unit.registry.events, seats: unit.registry.seats, cases: unit.registry.cases,
                                    code: unit.code(of:)))
            persons += unit.registry.members.count
            nationalIDs.formUnion(unit.registry.members.map(\.nationalID))
        }
        #expect(nationalIDs.count == persons)
        let registry = try await Importer.load(tables, into: Registry(), nextOrganizationID: 1, nextMemberID: 1).registry
        let tree = registry.tree
        let root = tree.organization(code: NationalRegistry.rootCode)!.id
        let eve = Day(iso: "2025-06-30")!, merger = NationalRegistry.provinceMergerDay
        #expect(tree.subtree(of: root, on: eve).filter { tree.version(of: $0, on: eve)?.parent == root }.count == 63)
        #expect(tree.subtree(of: root, on: merger).filter { tree.version(of: $0, on: merger)?.parent == root }.count == 34)
        // Hà Giang (002) went into Tuyên Quang (008): its members are counted there from the merger day.
        let haGiang = tree.organization(code: "T002")!.id, tuyenQuang = tree.organization(code: "T008")!.id
        let haGiangBefore = registry.statistics(of: haGiang, asOf: eve).members.total
        #expect(haGiangBefore > 0)
        #expect(registry.statistics(of: haGiang, asOf: merger).members.total == 0)
        let review = registry.review(of: tuyenQuang, from: merger, to: merger)
        #expect(review.movements.reorganizedIn >= haGiangBefore - review.movements.transferredIn)
        #expect(review.balance.holds)
        // The nation as a whole sees no movement from the merger.
        let nation = registry.review(of: root, from: merger, to: merger)
        #expect(nation.movements.reorganizedIn == 0 && nation.movements.reorganizedOut == 0)
    }
}
