import DangBoCore
@testable import DangBoStore
import Foundation
import SQLKit
import Testing

/// Changes of the tree from a form (`Store.changeTree`), on SQLite and PostgreSQL: each kind of change is seen from the
/// day it takes effect and not the day before (the organization, its children, and the ancestry every scoped list
/// follows); each refusal lands at its edge with the field at fault, and writes nothing (rows and audit unchanged).
@Suite struct TreeChangeTests {
    // A bloc with two grassroots committees and a grassroots cell:
    //   DUK (1) ─ DUK.1 (2) ─ DUK.1.1 (3) [members 1, 2], DUK.1.2 (4) [member 3], DUK.1.3 (5) [none]
    //           ├ DUK.2 (6), a grassroots cell renamed on 1/3/2024 [member 4]
    //           └ DUK.3 (7) ─ DUK.3.1 (8) [member 5]
    static let root = OrganizationID(1), g1 = OrganizationID(2), c11 = OrganizationID(3), c12 = OrganizationID(4)
    static let c13 = OrganizationID(5), g2 = OrganizationID(6), g3 = OrganizationID(7), c31 = OrganizationID(8)
    static let founded = Day(iso: "2010-01-01")!
    static let renamed = Day(iso: "2024-03-01")!
    static let day = Day(iso: "2026-01-15")!
    static let everything = Scope(roots: [root])
    static let firstCommittee = Scope(roots: [g1])
    static let decision = Decision(number: "15-QĐ/ĐUK", date: Day(iso: "2026-01-10")!)

    static func seed(_ store: Store) async throws {
        func org(_ id: OrganizationID, _ code: String, _ kind: OrganizationKind, _ parent: OrganizationID?) -> Organization {
            Organization(id: id, code: code, versions: [OrganizationVersion(
                validity: DayRange(start: founded, end: nil), name: "Tổ chức \(code)", kind: kind, parent: parent)])
        }
        var cell2 = org(g2, "DUK.2", .grassrootsCell, root)
        cell2.versions = [
            OrganizationVersion(validity: DayRange(start: founded, end: renamed), name: "Chi bộ Văn phòng", kind: .grassrootsCell, parent: root),
            OrganizationVersion(validity: DayRange(start: renamed, end: nil), name: "Chi bộ Văn phòng Khối", kind: .grassrootsCell, parent: root),
        ]
        let tree = OrganizationTree([
            org(root, "DUK", .upperCommittee, nil), org(g1, "DUK.1", .grassrootsCommittee, root),
            org(c11, "DUK.1.1", .subordinateCell, g1), org(c12, "DUK.1.2", .subordinateCell, g1), org(c13, "DUK.1.3", .subordinateCell, g1),
            cell2, org(g3, "DUK.3", .grassrootsCommittee, root), org(c31, "DUK.3.1", .subordinateCell, g3),
        ])
        try #require(tree.violations().isEmpty)
        var change = RegistryChange()
        change.organizations = Array(tree.organizations.values)
        for (number, cell) in [(1, c11), (2, c11), (3, c12), (4, g2), (5, c31)] {
            let member = Member(id: MemberID(number), nationalID: String(format: "0010900000%02d", number), familyName: "Nguyễn",
                                middleName: "Văn", givenName: "An \(number)", gender: .male, birthDate: Day(iso: "1980-05-15")!)
            let event = MembershipEvent(member: member.id, kind: .transferredIn, effective: Day(iso: "2015-01-01")!, organization: cell)
            change.members.append(member)
            change.events.append(event)
            change.journals.append(try Journal(member: member, events: [event], tree: tree))
        }
        try await store.write(change, tree: tree, audit: AuditRecord(actor: "test", action: "seed", summary: "tree",
                                                                    recordedAt: Date(timeIntervalSince1970: 0)))
    }

    /// Every stored row a change of the tree may touch, as text: equal before and after means nothing was written.
    static func snapshot(_ store: Store) async throws -> String {
        var text = ""
        for (table, order) in [("organizations", "id"), ("organization_versions", "organization_id, valid_from"),
                               ("organization_ancestry", "ancestor_id, descendant_id, valid_from"),
                               ("membership_events", "member_id, seq"), ("membership_periods", "member_id, step"),
                               ("audit_entries", "id")] {
            let rows = try await store.sql.raw("SELECT * FROM \(unsafeRaw: table) ORDER BY \(unsafeRaw: order)").all()
            text += "\(table): \(rows.count)\n"
            if table == "organization_versions" {
                for row in rows {
                    text += "\(try row.decode(column: "organization_id", as: Int.self)) \(try row.decode(column: "valid_from", as: Int.self)) "
                        + "\(try row.decode(column: "valid_to", as: Int.self)) \(try row.decode(column: "name", as: String.self)) "
                        + "\(try row.decode(column: "kind", as: String.self)) \(try row.decode(column: "parent_id", as: Int?.self) ?? 0)\n"
                }
            }
            if table == "organization_ancestry" {
                for row in rows {
                    text += "\(try row.decode(column: "ancestor_id", as: Int.self))>\(try row.decode(column: "descendant_id", as: Int.self)) "
                        + "\(try row.decode(column: "depth", as: Int.self)) \(try row.decode(column: "valid_from", as: Int.self)) "
                        + "\(try row.decode(column: "valid_to", as: Int.self))\n"
                }
            }
        }
        return text
    }

    /// Expects `changes` refused on `field` with a message containing `text`, and nothing written.
    static func expectRefused(
        _ store: Store, _ changes: [OrganizationChange], on day: Day = day, in scope: Scope = everything,
        field: TreeChangeRefusal.Field, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await snapshot(store)
        do {
            try await store.changeTree(changes, on: day, in: scope, actor: "account#2")
            Issue.record("not refused: \(changes)", sourceLocation: sourceLocation)
        } catch let refusal as TreeChangeRefusal {
            #expect(refusal.field == field, "\(refusal)", sourceLocation: sourceLocation)
            #expect(refusal.message.contains(text), "\(refusal.message)", sourceLocation: sourceLocation)
        }
        #expect(try await snapshot(store) == before, "something was written", sourceLocation: sourceLocation)
    }

    static func codes(under parent: OrganizationID, in scope: Scope = everything, on day: Day, _ store: Store) async throws -> [String] {
        try await store.children(of: parent, in: scope, on: day).map(\.code)
    }

    static func members(under root: OrganizationID, in scope: Scope = everything, on day: Day, _ store: Store) async throws -> [Int] {
        try await store.memberList(MemberListQuery(asOf: day, root: root), in: scope).rows.map(\.member.id.rawValue).sorted()
    }

    static func withSeededStore(_ body: (Store) async throws -> Void) async throws {
        try await TestDatabases.each { store in
            try await seed(store)
            try await body(store)
        }
    }

    // MARK: the ancestry written

    /// The stored ancestry, as Core's links.
    static func storedAncestry(_ store: Store) async throws -> Set<AncestryLink> {
        Set(try await store.sql.raw("SELECT * FROM organization_ancestry").all().map { row in
            AncestryLink(ancestor: OrganizationID(try row.decode(column: "ancestor_id", as: Int.self)),
                         descendant: OrganizationID(try row.decode(column: "descendant_id", as: Int.self)),
                         depth: try row.decode(column: "depth", as: Int.self),
                         validity: DayRange(start: Day(yyyymmdd: try row.decode(column: "valid_from", as: Int.self))!,
                                            end: Day(yyyymmdd: try row.decode(column: "valid_to", as: Int.self))))  // the open end is no day
        })
    }

    /// A change reads only the organizations it depends on and rewrites the ancestry of those below them: after each
    /// change of a series, the stored ancestry equals Core's over the whole tree as stored (the oracle).
    @Test func theAncestryWrittenEqualsCoresOverTheWholeTreeAfterEachChange() async throws {
        try await Self.withSeededStore { store in
            let (a, b) = (OrganizationID(-1), OrganizationID(-2))
            let series: [(Day, [OrganizationChange])] = [
                (Self.day, [.move(Self.c12, parent: Self.g3)]),
                (Self.day, [.establish(id: a, code: "DUK.1.4", name: "Chi bộ mới", kind: .subordinateCell, parent: Self.g1)]),
                (Self.day.next, [.changeKind(Self.c13, kind: .partialCommittee)]),
                (Self.day.adding(days: 2), [.move(Self.c11, parent: Self.c13)]),
                (Self.day.adding(days: 3), [.merge(absorbed: [Self.g3], into: Self.g1)]),
                (Self.day.adding(days: 4), [
                    .establish(id: a, code: "DUK.7", name: "Đảng bộ A", kind: .grassrootsCommittee, parent: Self.root),
                    .establish(id: b, code: "DUK.8", name: "Đảng bộ B", kind: .grassrootsCommittee, parent: Self.root),
                    .split(Self.g1, into: [a, b], assignments: [Self.c13: a, Self.c12: b, Self.c31: b, OrganizationID(9): a]),
                ]),
                (Self.day.adding(days: 5), [.rename(Self.c13, name: "Đảng bộ bộ phận mới")]),
            ]
            for (day, changes) in series {
                try await store.changeTree(changes, on: day, in: Self.everything, actor: "account#2")
                let whole = try await store.loadTree()
                #expect(whole.violations().isEmpty, "\(changes)")
                #expect(try await Self.storedAncestry(store) == Set(whole.ancestry()), "\(changes)")
            }
            #expect(try await Self.members(under: OrganizationID(10), on: Self.day.adding(days: 4), store) == [1, 2])
            #expect(try await Self.members(under: OrganizationID(11), on: Self.day.adding(days: 4), store) == [3, 5])
            #expect(try await Self.members(under: Self.g1, on: Self.day.adding(days: 3), store) == [1, 2, 3, 5])
        }
    }

    // MARK: establish

    @Test func establishingACellUnderACommitteeInScope() async throws {
        try await Self.withSeededStore { store in
            let outcome = try await store.changeTree(
                .establish(id: OrganizationID(-1), code: "DUK.1.4", name: "Chi bộ Phòng Tổng hợp", kind: .subordinateCell, parent: Self.g1),
                on: Self.day, in: Self.firstCommittee, actor: "account#2", decision: Self.decision)
            let id = try #require(outcome.established[OrganizationID(-1)])
            #expect(id == OrganizationID(9))
            #expect(try await store.organization(code: "DUK.1.4", on: Self.day.previous) == nil)
            let made = try #require(try await store.organization(code: "DUK.1.4", on: Self.day))
            #expect((made.id, made.name, made.kind, made.parent) == (id, "Chi bộ Phòng Tổng hợp", .subordinateCell, Self.g1))
            #expect(try await Self.codes(under: Self.g1, on: Self.day.previous, store) == ["DUK.1.1", "DUK.1.2", "DUK.1.3"])
            #expect(try await Self.codes(under: Self.g1, in: Self.firstCommittee, on: Self.day, store)
                    == ["DUK.1.1", "DUK.1.2", "DUK.1.3", "DUK.1.4"])
            #expect(try await store.covers(Self.firstCommittee, id, on: Self.day))
            #expect(try await store.covers(Self.everything, id, on: Self.day))
            let audit = try #require(try await store.auditEntries(limit: 1).first)
            #expect(audit.action == "organization.establish" && audit.actor == "account#2")
            #expect(audit.summary.contains("15-QĐ/ĐUK") && audit.summary.contains("15/1/2026"))
            #expect(audit.details["established"] == "9" && audit.details["decision.date"] == "2026-01-10")
        }
    }

    @Test func establishingIsRefusedForAUsedCodeAParentOutsideTheScopeOrAWrongKind() async throws {
        try await Self.withSeededStore { store in
            func establish(_ code: String, _ kind: OrganizationKind, under parent: OrganizationID?) -> [OrganizationChange] {
                [.establish(id: OrganizationID(-1), code: code, name: "Chi bộ mới", kind: kind, parent: parent)]
            }
            try await Self.expectRefused(store, establish("DUK.1.3", .subordinateCell, under: Self.g1), field: .code, "DUK.1.3 đã được dùng")
            try await Self.expectRefused(store, establish("DUK.3.2", .subordinateCell, under: Self.g3), in: Self.firstCommittee,
                                         field: .parent, "không thuộc phạm vi")
            try await Self.expectRefused(store, establish("DUK.4", .grassrootsCell, under: nil), field: .parent, "Hãy chọn tổ chức cấp trên")
            try await Self.expectRefused(store, establish("DUK.1.4", .grassrootsCell, under: Self.g1), field: .kind, "không thể trực thuộc")
            try await Self.expectRefused(store, establish("DUK.1.4", .subordinateCell, under: Self.g1), on: Day(iso: "2009-12-31")!,
                                         field: .parent, "không tồn tại vào ngày 31/12/2009")
            try await Self.expectRefused(store, establish(" ", .subordinateCell, under: Self.g1), field: .code, "Hãy nhập mã")
        }
    }

    // MARK: rename

    /// The current version of DUK.2 starts on 1/3/2024: a rename the day before is refused (history is never
    /// rewritten), the day of is accepted (it revises that day's version), the day after adds a version.
    @Test(arguments: [(-1, false), (0, true), (1, true)])
    func renamingFromTheCurrentVersionsFirstDayOn(offset: Int, accepted: Bool) async throws {
        try await Self.withSeededStore { store in
            let day = Self.renamed.adding(days: offset)
            guard accepted else {
                try await Self.expectRefused(store, [.rename(Self.g2, name: "Chi bộ Cơ quan Khối")], on: day, field: .effective,
                                             "không được trước ngày 1/3/2024")
                return
            }
            try await store.changeTree(.rename(Self.g2, name: "Chi bộ Cơ quan Khối"), on: day, in: Self.everything, actor: "account#2")
            #expect(try await store.organization(code: "DUK.2", on: day.previous)?.name == (offset == 0 ? "Chi bộ Văn phòng" : "Chi bộ Văn phòng Khối"))
            #expect(try await store.organization(code: "DUK.2", on: day)?.name == "Chi bộ Cơ quan Khối")
            #expect(try await store.organization(code: "DUK.2", on: Self.day)?.name == "Chi bộ Cơ quan Khối")
            #expect(try await store.history(of: Self.g2, in: Self.everything, on: day).count == (offset == 0 ? 2 : 3))
            #expect(try await Self.members(under: Self.g2, on: day, store) == [4])
            #expect(try await store.auditEntries(limit: 1).first?.action == "organization.rename")
        }
    }

    @Test func renamingIsRefusedOutsideTheScopeAndForTheSameName() async throws {
        try await Self.withSeededStore { store in
            try await Self.expectRefused(store, [.rename(Self.c31, name: "Chi bộ khác")], in: Self.firstCommittee, field: .organization,
                                         "DUK.3.1 không thuộc phạm vi")
            try await Self.expectRefused(store, [.rename(Self.g2, name: "Chi bộ Văn phòng Khối")], field: .name, "trùng với tên")
            try await Self.expectRefused(store, [.rename(Self.g2, name: "")], field: .name, "Hãy nhập tên mới")
        }
    }

    // MARK: move

    @Test func movingACellCarriesItsMembersIntoTheNewSubtree() async throws {
        try await Self.withSeededStore { store in
            try await store.changeTree(.move(Self.c12, parent: Self.g3), on: Self.day, in: Self.everything, actor: "account#2")
            #expect(try await store.organization(code: "DUK.1.2", on: Self.day.previous)?.parent == Self.g1)
            #expect(try await store.organization(code: "DUK.1.2", on: Self.day)?.parent == Self.g3)
            #expect(try await Self.codes(under: Self.g1, on: Self.day.previous, store) == ["DUK.1.1", "DUK.1.2", "DUK.1.3"])
            #expect(try await Self.codes(under: Self.g1, on: Self.day, store) == ["DUK.1.1", "DUK.1.3"])
            #expect(try await Self.codes(under: Self.g3, on: Self.day, store) == ["DUK.1.2", "DUK.3.1"])
            #expect(try await Self.members(under: Self.g1, on: Self.day.previous, store) == [1, 2, 3])
            #expect(try await Self.members(under: Self.g1, on: Self.day, store) == [1, 2])
            #expect(try await Self.members(under: Self.g3, on: Self.day, store) == [3, 5])
            #expect(try await store.covers(Self.firstCommittee, Self.c12, on: Self.day.previous))
            #expect(try await !store.covers(Self.firstCommittee, Self.c12, on: Self.day))
            // The review of the first committee sees member 3 go out by the reorganization, none of the bloc's does.
            let first = try await store.review(of: Self.g1, from: Self.day, to: Self.day)
            let bloc = try await store.review(of: Self.root, from: Self.day, to: Self.day)
            #expect(first.movements.reorganizedOut == 1 && first.members.total == 2)
            #expect(bloc.movements.reorganizedOut == 0 && bloc.movements.reorganizedIn == 0 && bloc.members.total == 5)
        }
    }

    @Test func movingIsRefusedOutsideTheScopeUnderAWrongKindOrBeforeTheCurrentVersion() async throws {
        try await Self.withSeededStore { store in
            try await Self.expectRefused(store, [.move(Self.c12, parent: Self.g3)], in: Self.firstCommittee, field: .parent,
                                         "Tổ chức cấp trên DUK.3 không thuộc phạm vi")
            try await Self.expectRefused(store, [.move(Self.c12, parent: Self.g2)], field: .parent, "không thể trực thuộc")
            try await Self.expectRefused(store, [.move(Self.g2, parent: Self.g1)], on: Self.renamed.previous, field: .effective,
                                         "không được trước ngày 1/3/2024")
            try await Self.expectRefused(store, [.move(Self.g1, parent: Self.c11)], field: .parent, "không thể trực thuộc")
        }
    }

    // MARK: change of kind

    @Test func changingTheKindOfAnEmptyCellAndRefusingOneWithMembersOrChildren() async throws {
        try await Self.withSeededStore { store in
            try await Self.expectRefused(store, [.changeKind(Self.g2, kind: .grassrootsCommittee)], field: .kind, "còn 1 đảng viên")
            try await Self.expectRefused(store, [.changeKind(Self.g1, kind: .grassrootsCell)], field: .kind, "không thể trực thuộc")
            try await store.changeTree(.changeKind(Self.c13, kind: .partialCommittee), on: Self.day, in: Self.firstCommittee,
                                       actor: "account#2")
            #expect(try await store.organization(code: "DUK.1.3", on: Self.day.previous)?.kind == .subordinateCell)
            #expect(try await store.organization(code: "DUK.1.3", on: Self.day)?.kind == .partialCommittee)
            #expect(try await Self.codes(under: Self.g1, on: Self.day, store) == ["DUK.1.1", "DUK.1.2", "DUK.1.3"])
        }
    }

    // MARK: dissolve

    @Test func dissolvingAnEmptyCell() async throws {
        try await Self.withSeededStore { store in
            let before = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_entries").first()!.decode(column: "n", as: Int.self)
            try await store.changeTree(.dissolve(Self.c13), on: Self.day, in: Self.firstCommittee, actor: "account#2", decision: Self.decision)
            #expect(try await store.organization(code: "DUK.1.3", on: Self.day.previous) != nil)
            #expect(try await store.organization(code: "DUK.1.3", on: Self.day) == nil)
            #expect(try await Self.codes(under: Self.g1, on: Self.day, store) == ["DUK.1.1", "DUK.1.2"])
            #expect(try await !store.covers(Self.everything, Self.c13, on: Self.day))
            #expect(try await store.sql.raw("SELECT dissolved_on FROM organizations WHERE id = 5").first()!
                .decode(column: "dissolved_on", as: Int.self) == 2026_01_15)
            #expect(try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_entries").first()!.decode(column: "n", as: Int.self) == before + 1)
            #expect(try await store.auditEntries(limit: 1).first?.details["organizations"] == "5")
        }
    }

    /// One member left on the rolls (of DUK.1.2), children left (under DUK.1), outside the scope, and on the first day
    /// of the current version: each refused with nothing written.
    @Test func dissolvingIsRefusedWithMembersOrChildrenLeftOutsideTheScopeOrOnTheVersionsFirstDay() async throws {
        try await Self.withSeededStore { store in
            try await Self.expectRefused(store, [.dissolve(Self.c12)], field: .organization, "còn 1 đảng viên")
            try await Self.expectRefused(store, [.dissolve(Self.g1)], field: .organization, "còn 3 tổ chức trực thuộc")
            try await Self.expectRefused(store, [.dissolve(Self.c31)], in: Self.firstCommittee, field: .organization, "không thuộc phạm vi")
            try await Self.expectRefused(store, [.dissolve(Self.c13)], on: Self.founded, field: .effective, "phải sau ngày 1/1/2010")
            try await Self.expectRefused(store, [.dissolve(Self.c13)], on: Self.founded.previous, field: .effective, "thành lập ngày 1/1/2010")
            // The member leaves the day before: the cell is empty from the day on, and may be dissolved.
            try await store.recordEvent(MembershipEvent(member: MemberID(3), kind: .moved, effective: Self.day.previous, organization: Self.c11),
                                        in: Self.everything, actor: "test")
            try await store.changeTree(.dissolve(Self.c12), on: Self.day, in: Self.everything, actor: "account#2")
            #expect(try await store.organization(code: "DUK.1.2", on: Self.day) == nil)
            try await Self.expectRefused(store, [.rename(Self.c12, name: "Chi bộ cũ")], field: .effective, "đã giải thể từ ngày 15/1/2026")
        }
    }

    // MARK: merge

    @Test func mergingACellMovesItsMembersIntoTheTargetOnTheDay() async throws {
        try await Self.withSeededStore { store in
            let outcome = try await store.changeTree(.merge(absorbed: [Self.c12], into: Self.c11), on: Self.day, in: Self.firstCommittee,
                                                     actor: "account#2", decision: Self.decision)
            #expect(outcome.movedMembers == [MemberID(3)])
            #expect(try await store.organization(code: "DUK.1.2", on: Self.day.previous) != nil)
            #expect(try await store.organization(code: "DUK.1.2", on: Self.day) == nil)
            #expect(try await Self.members(under: Self.c11, on: Self.day.previous, store) == [1, 2])
            #expect(try await Self.members(under: Self.c11, on: Self.day, store) == [1, 2, 3])
            #expect(try await Self.members(under: Self.c12, on: Self.day.previous, store) == [3])
            let record = try #require(try await store.memberRecord(MemberID(3), in: Self.firstCommittee, asOf: Self.day))
            let last = try #require(record.journal.events.last)
            #expect((last.kind, last.effective, last.organization, last.decision?.number) == (.moved, Self.day, Self.c11, "15-QĐ/ĐUK"))
            // Inside the committee the merger is no flow; its total stands.
            let review = try await store.review(of: Self.g1, from: Self.day, to: Self.day)
            #expect(review.members.total == 3 && review.movements.inflow == 0 && review.movements.outflow == 0)
            let audit = try #require(try await store.auditEntries(limit: 1).first)
            #expect(audit.action == "organization.merge" && audit.details["members.moved"] == "1")
            #expect(try await store.auditEntries(limit: 2).last?.action == "seed")
        }
    }

    @Test func mergingACommitteeMovesItsChildrenUnderTheTarget() async throws {
        try await Self.withSeededStore { store in
            try await store.changeTree(.merge(absorbed: [Self.g3], into: Self.g1), on: Self.day, in: Self.everything, actor: "account#2")
            #expect(try await Self.codes(under: Self.g1, on: Self.day.previous, store) == ["DUK.1.1", "DUK.1.2", "DUK.1.3"])
            #expect(try await Self.codes(under: Self.g1, on: Self.day, store) == ["DUK.1.1", "DUK.1.2", "DUK.1.3", "DUK.3.1"])
            #expect(try await Self.members(under: Self.g1, on: Self.day, store) == [1, 2, 3, 5])
            #expect(try await Self.members(under: Self.g1, in: Self.firstCommittee, on: Self.day, store) == [1, 2, 3, 5])
            #expect(try await store.organization(code: "DUK.3", on: Self.day) == nil)
            #expect(try await store.organization(code: "DUK.3.1", on: Self.day.previous)?.parent == Self.g3)
        }
    }

    @Test func mergingIsRefusedIntoACommitteeWithMembersOrOutsideTheScope() async throws {
        try await Self.withSeededStore { store in
            try await Self.expectRefused(store, [.merge(absorbed: [Self.c12], into: Self.g1)], field: .target, "còn 1 đảng viên")
            try await Self.expectRefused(store, [.merge(absorbed: [Self.c31], into: Self.c11)], in: Self.firstCommittee,
                                         field: .absorbed, "DUK.3.1 không thuộc phạm vi")
            try await Self.expectRefused(store, [.merge(absorbed: [Self.c11], into: Self.c11)], field: .absorbed, "chính nó")
            try await Self.expectRefused(store, [.merge(absorbed: [], into: Self.c11)], field: .absorbed, "ít nhất một")
        }
    }

    // MARK: split

    @Test func splittingACommitteeIntoTwoNewOnesWithItsCells() async throws {
        try await Self.withSeededStore { store in
            let (a, b) = (OrganizationID(-1), OrganizationID(-2))
            let outcome = try await store.changeTree([
                .establish(id: a, code: "DUK.4", name: "Đảng bộ Sở A", kind: .grassrootsCommittee, parent: Self.root),
                .establish(id: b, code: "DUK.5", name: "Đảng bộ Sở B", kind: .grassrootsCommittee, parent: Self.root),
                .split(Self.g1, into: [a, b], assignments: [Self.c11: a, Self.c12: b, Self.c13: b]),
            ], on: Self.day, in: Self.everything, actor: "account#2")
            let (newA, newB) = (try #require(outcome.established[a]), try #require(outcome.established[b]))
            #expect(try await store.organization(code: "DUK.1", on: Self.day) == nil)
            #expect(try await Self.codes(under: Self.g1, on: Self.day.previous, store) == ["DUK.1.1", "DUK.1.2", "DUK.1.3"])
            #expect(try await Self.codes(under: newA, on: Self.day, store) == ["DUK.1.1"])
            #expect(try await Self.codes(under: newB, on: Self.day, store) == ["DUK.1.2", "DUK.1.3"])
            #expect(try await Self.members(under: newB, on: Self.day, store) == [3])
            #expect(try await Self.members(under: newA, on: Self.day, store) == [1, 2])
            #expect(try await Self.members(under: Self.root, on: Self.day, store) == [1, 2, 3, 4, 5])
            #expect(try await store.auditEntries(limit: 1).first?.action == "organization.split")
        }
    }

    @Test func splittingIsRefusedWithAChildLeftOutOrOutsideTheScopeOrACellWithMembers() async throws {
        try await Self.withSeededStore { store in
            let a = OrganizationID(-1)
            let establish = OrganizationChange.establish(id: a, code: "DUK.4", name: "Đảng bộ Sở A", kind: .grassrootsCommittee, parent: Self.root)
            try await Self.expectRefused(store, [establish, .split(Self.g1, into: [a], assignments: [Self.c11: a, Self.c12: a])],
                                         field: .assignments, "DUK.1.3 phải được giao")
            try await Self.expectRefused(store, [establish, .split(Self.g1, into: [a], assignments: [Self.c11: a, Self.c12: a, Self.c13: a])],
                                         in: Self.firstCommittee, field: .parent, "DUK không thuộc phạm vi")
            let cell = OrganizationChange.establish(id: a, code: "DUK.6", name: "Chi bộ A", kind: .grassrootsCell, parent: Self.root)
            try await Self.expectRefused(store, [cell, .split(Self.g2, into: [a], assignments: [:])], field: .organization, "còn 1 đảng viên")
        }
    }
}
