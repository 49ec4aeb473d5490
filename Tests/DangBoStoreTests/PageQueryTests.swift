import DangBoCore
@testable import DangBoStore
import DangBoSynthetic
import Foundation
import SQLKit
import Testing

/// The store's answers to the web pages equal Core's over the same registry, each filtered by the caller's scope in
/// SQL: an organization by code on a day, coverage, children, the member list (scope, text without tone marks,
/// standing, gender, age band, pages) and the member record; and sessions live until the second they expire.
@Suite struct PageQueryTests {
    static let generated = SyntheticRegistry(options: .init(seed: 4, grassroots: 12, members: 800)).change()
    static var registry: Registry { generated.1 }
    static var tree: OrganizationTree { generated.1.tree }
    static let through = Day(iso: "2026-11-26")!

    /// Ordinary days, tree change days (the day before and the day of) and the last day.
    static let days: [Day] = {
        let changes = tree.changeDays.filter { $0 > Day(iso: "1996-01-01")! && $0 < through }.sorted()
        let picked = [changes[changes.count / 3], changes[2 * changes.count / 3], changes[changes.count - 1]]
        return (["2005-06-30", "2021-03-31"].map { Day(iso: $0)! } + picked.flatMap { [$0.previous, $0] } + [through])
    }()

    static func organizations(_ kind: OrganizationKind, on day: Day) -> [OrganizationID] {
        tree.organizations.values.filter { $0.version(on: day)?.kind == kind }.map(\.id).sorted()
    }

    /// The grassroots committee with the most subordinate cells on `through`, one of its cells, another grassroots
    /// organization, and scopes of them: a cell, a committee, two roots at once (one inside the bloc twice over), the bloc.
    static var scopes: [Scope] {
        let committees = organizations(.grassrootsCommittee, on: through)
        let committee = committees.max { tree.subtree(of: $0, on: through).count < tree.subtree(of: $1, on: through).count }!
        let cell = tree.subtree(of: committee, on: through).first { tree.version(of: $0, on: through)!.kind.isCell }!
        let other = organizations(.grassrootsCell, on: through).first!
        return [Scope(roots: [cell]), Scope(roots: [committee]), Scope(roots: [committee, other]),
                Scope(roots: [OrganizationID(1)]), Scope(roots: [OrganizationID(1), committee])]
    }

    /// Core's member list: journals on the day, the scope by `Scope.covers`, names by `VietnameseText.folded`, the
    /// order by `VietnameseText.nameSortKey` then id, then the page.
    static func coreList(_ query: MemberListQuery, in scope: Scope) -> MemberListPage {
        let day = query.asOf, needle = VietnameseText.folded(query.text)
        let found = registry.journals.values.compactMap { journal -> (String, MemberListRow)? in
            guard let period = journal.period(on: day), scope.covers(period.cell, in: tree, on: day) else { return nil }
            if let root = query.root, !tree.isWithin(period.cell, root: root, on: day) { return nil }
            let member = journal.member
            guard needle.isEmpty || VietnameseText.folded(member.fullName).contains(needle) else { return nil }
            if let standing = query.standing, period.standing != standing { return nil }
            if let gender = query.gender, member.gender != gender { return nil }
            if let band = query.ageBand, !AgeBand.contains(age: AgeBand.age(birth: member.birthDate, on: day), label: band) { return nil }
            let key = VietnameseText.nameSortKey(family: member.familyName, middle: member.middleName, given: member.givenName)
            return (key, MemberListRow(member: member, cell: OrganizationSummary(tree[period.cell]!, on: day)!,
                                       standing: period.standing, exempt: period.exempt))
        }
        .sorted { ($0.0, $0.1.member.id) < ($1.0, $1.1.member.id) }
        .map(\.1)
        let page = max(1, query.page), size = max(1, query.pageSize)
        return MemberListPage(rows: Array(found.dropFirst((page - 1) * size).prefix(size)), total: found.count, page: page,
                              pageSize: size)
    }

    @Test func memberListEqualsCore() async throws {
        let (change, registry) = Self.generated
        try await TestDatabases.each { store in
            try await store.write(change, tree: registry.tree, audit: ReportTwinTests.audit)
            var nonEmpty = 0, paged = 0
            for scope in Self.scopes {
                for day in Self.days {
                    for text in ["", "nguyen", "Nguyễn", "NGUYỄN VĂN", "thi h", "đ", "qqq"] {
                        let first = MemberListQuery(asOf: day, text: text, pageSize: 7)
                        let core = Self.coreList(first, in: scope)
                        let sql = try await store.memberList(first, in: scope)
                        #expect(sql == core, "\(scope.roots) \(day) \(text)")
                        if core.total > 0 { nonEmpty += 1 }
                        let last = (core.total + 6) / 7
                        guard last > 2 else { continue }
                        paged += 1
                        for page in [last / 2, last, last + 1] {
                            var query = first
                            query.page = page
                            #expect(try await store.memberList(query, in: scope) == Self.coreList(query, in: scope),
                                    "\(scope.roots) \(day) \(text) page \(page)")
                        }
                    }
                }
            }
            #expect(nonEmpty > 50 && paged > 20)
            // Filters, a root inside the scope and one outside it, on the last day and a change day.
            let bloc = Scope(roots: [OrganizationID(1)]), committee = Self.scopes[1]
            for day in [Self.days[2], Self.through] {
                for root: OrganizationID? in [nil, committee.roots[0], Self.scopes[0].roots[0]] {
                    for scope in [bloc, committee, Self.scopes[0]] {
                        for (standing, gender, band) in [(Standing.probationary, nil, nil), (.official, Gender.female, nil),
                                                         (nil, .male, "41-45"), (nil, nil, "81+"), (nil, nil, "khong co"),
                                                         (nil, .female, "18-30"), (nil, nil, "21-25"), (nil, .male, "76-80"),
                                                         (nil, nil, "86+"), (nil, nil, "18-20")] as
                                [(Standing?, Gender?, String?)] {
                            let query = MemberListQuery(asOf: day, root: root, text: "n", standing: standing, gender: gender,
                                                        ageBand: band, page: 2, pageSize: 5)
                            #expect(try await store.memberList(query, in: scope) == Self.coreList(query, in: scope),
                                    "\(query) \(scope.roots)")
                        }
                    }
                }
            }
            // A text without tone marks finds the names written with them; an empty scope finds nobody.
            let nguyen = try await store.memberList(MemberListQuery(asOf: Self.through, text: "nguyen", pageSize: 500), in: bloc)
            #expect(!nguyen.rows.isEmpty && nguyen.rows.allSatisfy { $0.member.familyName == "Nguyễn" || $0.member.fullName.contains("guyễn") })
            #expect(try await store.memberList(MemberListQuery(asOf: Self.through), in: Scope(roots: [])).total == 0)
        }
    }

    /// The record of a member whose cell (on the day, or the last one) lies in the scope; nil outside it.
    @Test func memberRecordFollowsTheScope() async throws {
        let (change, registry) = Self.generated
        let tree = registry.tree
        let journals = registry.journals.values.sorted { $0.member.id < $1.member.id }
        let sample = journals.enumerated().filter { $0.offset % 23 == 0 }.map(\.element)
        try await TestDatabases.each { store in
            try await store.write(change, tree: tree, audit: ReportTwinTests.audit)
            var found = 0, refused = 0
            for day in [Day(iso: "2010-06-30")!, Self.through] {
                for scope in Self.scopes {
                    for journal in sample {
                        let place: (OrganizationID, Day)? = if let period = journal.period(on: day) {
                            (period.cell, day)
                        } else if let period = journal.periods.last(where: { $0.validity.start <= day }) {
                            (period.cell, max(period.validity.start, period.validity.lastDay ?? day))
                        } else { nil }
                        let visible = place.map { scope.covers($0.0, in: tree, on: $0.1) } ?? false
                        let record = try await store.memberRecord(journal.member.id, in: scope, asOf: day)
                        #expect((record != nil) == visible, "\(journal.member.id) \(scope.roots) \(day)")
                        guard let record else { refused += 1; continue }
                        found += 1
                        #expect(record.member == journal.member)
                        #expect(record.journal.events == journal.events)
                        #expect(record.journal.periods == journal.periods)
                        #expect(Set(record.cells.keys) == Set(journal.events.compactMap(\.organization)))
                        for (id, cell) in record.cells {
                            #expect(cell.code == tree[id]!.code)
                            if let version = tree.version(of: id, on: day) { #expect(cell.name == version.name) }
                        }
                    }
                }
            }
            #expect(found > 30 && refused > 30)
            #expect(try await store.memberRecord(MemberID(999_999), in: Scope(roots: [OrganizationID(1)]), asOf: Self.through) == nil)
        }
    }

    /// By code, the version of the day (before, on and after a rename), nil before establishment and for no such code;
    /// coverage and children as Core's.
    @Test func organizationsCoverageAndChildrenEqualCore() async throws {
        let (change, registry) = Self.generated
        let tree = registry.tree
        let renamed = tree.organizations.values.sorted { $0.id < $1.id }.first { organization in
            zip(organization.versions, organization.versions.dropFirst()).contains { $0.name != $1.name }
        }!
        let renameDay = zip(renamed.versions, renamed.versions.dropFirst()).first { $0.name != $1.name }!.1.validity.start
        let late = tree.organizations.values.filter { $0.established > Day(iso: "1996-01-01")! }.min { $0.id < $1.id }!
        try await TestDatabases.each { store in
            try await store.write(change, tree: tree, audit: ReportTwinTests.audit)
            let before = try await store.organization(code: renamed.code, on: renameDay.previous)
            let on = try await store.organization(code: renamed.code, on: renameDay)
            #expect(before?.name == renamed.version(on: renameDay.previous)!.name)
            #expect(on?.name == renamed.version(on: renameDay)!.name)
            #expect(before?.name != on?.name && before?.id == renamed.id)
            #expect(try await store.organization(code: late.code, on: late.established.previous) == nil)
            #expect(try await store.organization(code: late.code, on: late.established)?.id == late.id)
            #expect(try await store.organization(code: "KHONG-CO", on: Self.through) == nil)
            // What a command names: the name on the day, or (not existing that day) Core's `name(on:)`, the last.
            for (organization, day) in [(renamed, renameDay.previous), (renamed, renameDay), (late, late.established.previous),
                                        (late, late.established)] {
                let named = try await store.organizationNamed(code: organization.code, on: day)
                #expect(named?.id == organization.id && named?.name == organization.name(on: day), "\(organization.code) \(day)")
            }
            #expect(try await store.organizationNamed(code: "KHONG-CO", on: Self.through) == nil)
            let codes = try await store.organizationCodes(of: [renamed.id, late.id, OrganizationID(999_999)])
            #expect(codes == [renamed.id: renamed.code, late.id: late.code])
            for day in Self.days {
                for organization in tree.organizations.values {
                    let expected = OrganizationSummary(organization, on: day)
                    #expect(try await store.organization(code: organization.code, on: day) == expected)
                    #expect(try await store.organization(organization.id, on: day) == expected)
                }
            }
            let nested = Scope(roots: [Self.scopes[1].roots[0], OrganizationID(1)])
            for scope in Self.scopes + [nested, Scope(roots: [])] {
                for day in [Self.days[2], Self.days[3], Self.through] {
                    for id in tree.organizations.keys.sorted() {
                        let covered = scope.covers(id, in: tree, on: day)
                        #expect(try await store.covers(scope, id, on: day) == covered, "\(scope.roots) \(id) \(day)")
                        // By code within the scope: the organization of that day when covered, nothing otherwise.
                        let organization = tree.organizations[id]!
                        #expect(try await store.organization(code: organization.code, on: day, in: scope)
                                == (covered ? OrganizationSummary(organization, on: day) : nil), "\(scope.roots) \(id) \(day)")
                    }
                    for parent in [nil, OrganizationID(1)] + Self.scopes[2].roots {
                        let core = tree.organizations.values.compactMap { organization -> OrganizationSummary? in
                            guard let summary = OrganizationSummary(organization, on: day) else { return nil }
                            if let parent {
                                return summary.parent == parent && scope.covers(summary.id, in: tree, on: day) ? summary : nil
                            }
                            let underAnother = scope.roots.contains { $0 != summary.id && tree.isWithin(summary.id, root: $0, on: day) }
                            return scope.roots.contains(summary.id) && !underAnother ? summary : nil
                        }.sorted { ($0.code, $0.id) < ($1.code, $1.id) }
                        #expect(try await store.children(of: parent, in: scope, on: day) == core, "\(scope.roots) \(String(describing: parent)) \(day)")
                    }
                }
            }
            // A cell's secretary sees only the cell under its committee; the bloc's children are the whole level.
            let committee = Self.scopes[1].roots[0], cell = Self.scopes[0].roots[0]
            let parentOfCell = tree.version(of: cell, on: Self.through)!.parent!
            #expect(try await store.children(of: parentOfCell, in: Self.scopes[0], on: Self.through).map(\.id) == [cell])
            #expect(try await store.children(of: nil, in: nested, on: Self.through).map(\.id) == [OrganizationID(1)])
            #expect(try await store.children(of: committee, in: Self.scopes[1], on: Self.through).count > 1)
        }
    }

    /// A session is found until the second before it expires, not at or after it; deleted, or of a disabled account,
    /// it finds nobody.
    @Test func sessionsLiveUntilTheyExpire() async throws {
        try await TestDatabases.each { store in
            var change = RegistryChange()
            change.organizations = Array(AccountTests.tree.organizations.values)
            try await store.write(change, tree: AccountTests.tree, audit: ReportTwinTests.audit)
            let grant = Grant(role: .cellSecretary, organization: OrganizationID(1))
            let account = try await store.addAccount(login: "bithu", grant: grant, passwordHash: "x", actor: "test")
            let other = try await store.addAccount(login: "canbo", grant: grant, passwordHash: "x", actor: "test")
            let expiry = Date(timeIntervalSince1970: 1_800_000_000)
            try await store.createSession(tokenHash: "hash-a", account: account.id, expiresAt: expiry)
            try await store.createSession(tokenHash: "hash-b", account: other.id, expiresAt: expiry.addingTimeInterval(10))
            for (offset, live) in [(-3_600.0, true), (-1, true), (0, false), (1, false)] {
                let found = try await store.account(ofSession: "hash-a", now: expiry.addingTimeInterval(offset))
                #expect(found == (live ? account : nil), "\(offset)")
            }
            #expect(try await store.account(ofSession: "hash-c", now: expiry.addingTimeInterval(-60)) == nil)
            // Expired ones go; the live one stays.
            try await store.deleteExpiredSessions(now: expiry)
            #expect(try await store.account(ofSession: "hash-b", now: expiry) == other)
            let left = try await store.sql.raw("SELECT token_hash FROM sessions").all().map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(left == ["hash-b"])
            // A disabled account's session finds nobody.
            try await store.sql.update("accounts").set("disabled", to: true).where("id", .equal, other.id).run()
            #expect(try await store.account(ofSession: "hash-b", now: expiry) == nil)
            try await store.sql.update("accounts").set("disabled", to: false).where("id", .equal, other.id).run()
            #expect(try await store.account(ofSession: "hash-b", now: expiry) == other)
            // Every grant comes with the session, in order (one statement, a row per grant); with none, no grant.
            try await store.sql.insert(into: "account_grants").columns("account_id", "role", "organization_id")
                .values(SQLBind(other.id), SQLBind(Role.viewer.rawValue), SQLBind(1)).run()
            #expect(try await store.account(ofSession: "hash-b", now: expiry)?.grants
                == [grant, Grant(role: .viewer, organization: OrganizationID(1))])
            try await store.sql.delete(from: "account_grants").where("account_id", .equal, other.id).run()
            let bare = try await store.account(ofSession: "hash-b", now: expiry)
            #expect(bare?.id == other.id && bare?.grants == [])
            try await store.deleteSession(tokenHash: "hash-b")
            #expect(try await store.account(ofSession: "hash-b", now: expiry) == nil)
        }
    }

    /// Core's twin: a disabled account covers nothing; nested roots cover their union once.
    @Test func scopeOfAnAccount() {
        let committee = Self.scopes[1].roots[0]
        let account = Account(id: 1, login: "canbo", grants: [Grant(role: .viewer, organization: committee),
                                                               Grant(role: .organizationStaff, organization: committee)])
        #expect(Scope(account: account).roots == [committee])
        var disabled = account
        disabled.disabled = true
        #expect(Scope(account: disabled).roots.isEmpty)
        #expect(Scope(account: account).covers(Self.scopes[0].roots[0], in: Self.tree, on: Self.through))
        #expect(!Scope(account: account).covers(OrganizationID(1), in: Self.tree, on: Self.through))
    }
}
