import DangBoCore
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import Testing

/// The records behind each figure of a review are as many as the figure, in SQL and in Core (UX.md: every figure is
/// a link to the list behind it), on SQLite and (when DATABASE_URL is set) PostgreSQL.
@Suite struct ReviewRecordsTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// Slugs are ASCII, distinct, and read back to their figure; every member figure and movement is one.
    @Test func everyFigureHasItsOwnSlug() {
        let slugs = ReviewFigure.allCases.map(\.slug)
        #expect(Set(slugs).count == slugs.count)
        for figure in ReviewFigure.allCases {
            #expect(ReviewFigure(slug: figure.slug) == figure)
            #expect(figure.slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, "\(figure.slug)")
        }
        #expect(ReviewFigure(slug: "chuyen-di") == .movement(.transferredOut))
        #expect(ReviewFigure(slug: "ket-nap") == .movement(.admitted))
        #expect(ReviewFigure(slug: "kiem-tra-chuyen-de-ubkt-dang-vien") == .oversight(.inspection, .thematic, .inspectionCommission, .members))
        #expect(ReviewFigure(slug: "") == nil && ReviewFigure(slug: "chuyen_di") == nil && ReviewFigure(slug: "Chuyen-di") == nil)
        #expect(ReviewFigure.allCases.count == 5 + 17 + 8 + 1 + 2 * 5 * 3 * 3)
    }

    /// On generated registries, for the root, a grassroots committee, a grassroots cell, a subordinate cell and a few
    /// periods: every figure's rows are as many as Store's and Core's figure, and name what a list shows.
    @Test(arguments: [31, 32, 33] as [UInt64])
    func everyFigureListsAsManyRecordsAsItCounts(seed: UInt64) async throws {
        let options = SyntheticRegistry.Options(seed: seed, grassroots: 14, members: 1_200,
                                                from: Self.day("2000-01-01"), through: Self.day("2026-11-26"))
        let synthetic = SyntheticRegistry(options: options)
        let (change, registry) = synthetic.change()
        let last = options.through
        let tree = registry.tree
        func first(_ kind: OrganizationKind) -> OrganizationID? {
            tree.organizations.values.filter { $0.version(on: last)?.kind == kind }
                .max { (registry.statistics(of: $0.id, asOf: last).members.total, $1.id) < (registry.statistics(of: $1.id, asOf: last).members.total, $0.id) }?.id
        }
        let root = synthetic.organizations[0].id
        let organizations = [root] + [first(.grassrootsCommittee), first(.grassrootsCell), first(.subordinateCell)].compactMap { $0 }
        #expect(organizations.count == 4)
        var periods = [(Self.day("2021-01-01"), Self.day("2021-03-31")), (Self.day("2025-01-01"), Self.day("2025-12-31")),
                       (Self.day("2010-06-15"), Self.day("2016-06-14")), (Self.day("2026-11-26"), Self.day("2026-11-26"))]
        // A period around a change of the tree, where the reorganization figures are not zero.
        if let change = tree.changeDays.filter({ $0 > options.from && $0 < last }).sorted().dropFirst(2).first {
            periods.append((change.adding(days: -30), change.adding(days: 30)))
        }
        var nonzero = Set<ReviewFigure>()
        try await TestDatabases.each { store in
            try await store.write(change, tree: tree, audit: ReportTwinTests.audit)
            let everything = Scope(roots: [root])
            for organization in organizations {
                for (from, to) in periods {
                    let core = registry.review(of: organization, from: from, to: to)
                    let sql = try await store.review(of: organization, from: from, to: to)
                    #expect(sql == core, "review \(organization) \(from)…\(to)")
                    for figure in ReviewFigure.allCases {
                        let rows = try await store.reviewRecords(of: organization, from: from, to: to, figure: figure, in: everything)
                        #expect(rows.count == figure.value(in: sql), "\(figure.slug) \(organization) \(from)…\(to)")
                        #expect(rows.count == figure.value(in: core), "\(figure.slug) \(organization) \(from)…\(to)")
                        if !rows.isEmpty { nonzero.insert(figure) }
                        for row in rows {
                            if figure.listsMembers {
                                #expect(row.member.map { registry.members[$0.id]?.fullName == $0.fullName } == true, "\(figure.slug)")
                            } else {
                                #expect(row.organization != nil, "\(figure.slug)")
                            }
                            if case .movement = figure { #expect(row.cell != nil && (from...to).contains(row.day), "\(figure.slug)") }
                        }
                    }
                }
            }
            // Outside the scope: nothing, whatever the figure.
            let cell = organizations[2]
            for figure in [ReviewFigure.members(.total), .movement(.transferredOut), .organizations(.kind(.upperCommittee))] {
                let rows = try await store.reviewRecords(of: root, from: periods[0].0, to: periods[0].1, figure: figure,
                                                         in: Scope(roots: [cell]))
                #expect(rows.isEmpty, "\(figure.slug)")
                #expect(try await store.reviewRecords(of: root, from: periods[0].0, to: periods[0].1, figure: figure,
                                                      in: Scope(roots: [])).isEmpty)
            }
        }
        // The data exercise the figures, or equal zeros would prove nothing.
        let exercised: [ReviewFigure] = ReviewFigure.Stock.allCases.map(ReviewFigure.members)
            + [.admitted, .recognizedOfficial, .transferredIn, .transferredOut, .transfers, .movedInternally, .died,
               .removed, .inflow, .outflow].map(ReviewFigure.movement)
            + [.organizations(.grassroots), .organizations(.kind(.subordinateCell)), .consolidatedCommittees]
        for figure in exercised { #expect(nonzero.contains(figure), "\(figure.slug) is zero everywhere") }
        #expect(ReviewFigure.OversightCount.allCases.allSatisfy { count in
            nonzero.contains { if case .oversight(_, _, _, count) = $0 { true } else { false } }
        })
    }

    /// By hand, on the restructuring registry (RestructuringReviewTests): G lost member 3 by a transfer out on 1/3/2021
    /// and member 4 by a move to H.1 on 10/3/2021, both from G.B; the bloc lost only member 3 (4 moved inside it);
    /// H sees member 4 come in by the move.
    @Test func knownMembersUnderTransfersOut() async throws {
        let registry = try RestructuringReviewTests.registry()
        var change = RegistryChange()
        change.organizations = registry.tree.organizations.values.sorted { $0.id < $1.id }
        change.members = registry.members.values.sorted { $0.id < $1.id }
        change.journals = registry.journals.values.sorted { $0.member.id < $1.member.id }
        change.events = change.journals.flatMap(\.events)
        let from = Self.day("2021-01-01"), to = Self.day("2021-03-31")
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            let all = Scope(roots: [RestructuringReviewTests.bloc])
            func records(_ root: OrganizationID, _ figure: ReviewFigure, in scope: Scope? = nil) async throws -> [ReviewRecordRow] {
                try await store.reviewRecords(of: root, from: from, to: to, figure: figure, in: scope ?? all)
            }
            let g = try await records(RestructuringReviewTests.g, .movement(.transferredOut))
            #expect(g.map(\.member?.id) == [MemberID(3), MemberID(4)])
            #expect(g.map(\.day) == [Self.day("2021-03-01"), Self.day("2021-03-10")])
            #expect(g.map(\.event) == [.transferredOut, .moved])
            #expect(g.map(\.cell?.code) == ["G.B", "G.B"])
            #expect(g.first?.member?.fullName == "Lê Thị Hoa" && g.first?.member?.birthDate == Self.day("1980-01-01"))
            let bloc = try await records(RestructuringReviewTests.bloc, .movement(.transferredOut))
            #expect(bloc.map(\.member?.id) == [MemberID(3)] && bloc.map(\.day) == [Self.day("2021-03-01")])
            #expect(try await records(RestructuringReviewTests.bloc, .movement(.movedInternally)).map(\.member?.id) == [MemberID(4)])
            let h = try await records(RestructuringReviewTests.h, .movement(.transferredIn))
            #expect(h.map(\.member?.id) == [MemberID(3), MemberID(4)] && h.map(\.cell?.code) == ["H.1", "H.1"])
            // C came into G by a change of the tree on 15/2/2021.
            let reorganized = try await records(RestructuringReviewTests.g, .movement(.reorganizedIn))
            #expect(reorganized.map(\.member?.id) == [MemberID(2)] && reorganized.map(\.day) == [Self.day("2021-02-15")])
            #expect(reorganized.first?.event == nil && reorganized.first?.cell?.code == "C")
            // A page's cap: as many records as the cap are listed, one more is refused whole (never a part).
            let capped = try await store.reviewRecords(of: RestructuringReviewTests.g, from: from, to: to,
                                                       figure: .movement(.transferredOut), in: all, limit: 2)
            #expect(capped.map(\.member?.id) == [MemberID(3), MemberID(4)])
            await #expect(throws: ReviewRecordsTooMany(limit: 1)) {
                try await store.reviewRecords(of: RestructuringReviewTests.g, from: from, to: to,
                                              figure: .movement(.transferredOut), in: all, limit: 1)
            }
            // H's secretary asks about G: nothing.
            #expect(try await records(RestructuringReviewTests.g, .movement(.transferredOut),
                                      in: Scope(roots: [RestructuringReviewTests.h])).isEmpty)
            // Every figure of every scope and period equals its count.
            for root in registry.tree.organizations.keys.sorted() {
                for (start, end) in [(from, to), (Self.day("2022-10-01"), Self.day("2023-03-31")), (Self.day("2021-03-10"), Self.day("2021-03-10"))] {
                    let review = registry.review(of: root, from: start, to: end)
                    for figure in ReviewFigure.allCases {
                        let rows = try await store.reviewRecords(of: root, from: start, to: end, figure: figure, in: all)
                        #expect(rows.count == figure.value(in: review), "\(figure.slug) \(root) \(start)…\(end)")
                    }
                }
            }
        }
    }
}
