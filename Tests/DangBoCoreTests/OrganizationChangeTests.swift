import Testing
@testable import DangBoCore

/// Establish, rename, move, dissolve, merge and split close and open versions; earlier days keep their answers.
@Suite struct OrganizationChangeTests {
    typealias F = Fixture

    @Test func renameAndMoveKeepThePast() throws {
        var tree = F.tree
        try tree.apply(.establish(id: OrganizationID(7), code: "DUK.04", name: "Đảng bộ Sở Y tế", kind: .grassrootsCommittee,
                                  parent: F.bloc), on: F.day("2015-01-01"))
        try tree.apply(.rename(F.cellA, name: "Chi bộ Phòng Ngân sách"), on: F.day("2020-01-01"))
        try tree.apply(.move(F.cellA, parent: OrganizationID(7)), on: F.day("2021-02-01"))
        #expect(tree.violations().isEmpty)
        #expect(tree[F.cellA]?.name(on: F.day("2019-12-31")) == "DUK.01.01")
        #expect(tree[F.cellA]?.name(on: F.day("2020-01-01")) == "Chi bộ Phòng Ngân sách")
        #expect(tree.isWithin(F.cellA, root: F.committee, on: F.day("2021-01-31")))
        #expect(!tree.isWithin(F.cellA, root: F.committee, on: F.day("2021-02-01")))
        #expect(tree.isWithin(F.cellA, root: OrganizationID(7), on: F.day("2021-02-01")))
        #expect(tree[F.cellA]?.versions.count == 3)
    }

    @Test func mergeDissolvesAndMovesTheChildren() throws {
        var tree = F.tree
        try tree.apply(.establish(id: OrganizationID(7), code: "DUK.04", name: "Đảng bộ mới", kind: .grassrootsCommittee,
                                  parent: F.bloc), on: F.day("2021-01-01"))
        try tree.apply(.merge(absorbed: [F.committee], into: OrganizationID(7)), on: F.day("2021-07-01"))
        #expect(tree.violations().isEmpty)
        #expect(tree[F.committee]?.dissolved == F.day("2021-07-01"))
        #expect(tree.children(of: OrganizationID(7), on: F.day("2021-07-01")) == [F.cellA, F.cellB])
        #expect(tree.children(of: F.committee, on: F.day("2021-06-30")) == [F.cellA, F.cellB])
    }

    @Test func splitNeedsEveryChildAssigned() throws {
        var tree = F.tree
        for (id, code) in [(7, "DUK.05"), (8, "DUK.06")] {
            try tree.apply(.establish(id: OrganizationID(id), code: code, name: code, kind: .grassrootsCommittee, parent: F.bloc),
                           on: F.day("2022-01-01"))
        }
        #expect(throws: OrganizationChangeError.self) {
            var copy = tree
            try copy.apply(.split(F.committee, into: [OrganizationID(7), OrganizationID(8)], assignments: [F.cellA: OrganizationID(7)]),
                           on: F.day("2022-01-01"))
        }
        try tree.apply(.split(F.committee, into: [OrganizationID(7), OrganizationID(8)],
                              assignments: [F.cellA: OrganizationID(7), F.cellB: OrganizationID(8)]), on: F.day("2022-01-01"))
        #expect(tree.violations().isEmpty)
        #expect(tree.isWithin(F.cellB, root: OrganizationID(8), on: F.day("2022-01-01")))
        #expect(tree.isWithin(F.cellB, root: F.committee, on: F.day("2021-12-31")))
    }

    @Test(arguments: [("2021-12-31", true), ("2022-01-01", false), ("2022-01-02", false)])
    func dissolutionTakesEffectOnItsDay(day: String, exists: Bool) throws {
        var tree = F.tree
        try tree.apply(.dissolve(F.cellC), on: F.day("2022-01-01"))
        #expect(tree[F.cellC]?.exists(on: F.day(day)) == exists)
    }

    @Test func changesOnlyOnDaysItExists() {
        var tree = F.tree
        #expect(throws: OrganizationChangeError.self) { try tree.apply(.rename(F.lateCell, name: "X"), on: F.day("2020-01-01")) }
        #expect(throws: OrganizationChangeError.self) {
            try tree.apply(.establish(id: OrganizationID(99), code: "DUK.02", name: "X", kind: .grassrootsCell, parent: F.bloc),
                           on: F.day("2020-01-01"))
        }
    }
}
