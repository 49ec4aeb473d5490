import DangBoCore
import DangBoInterchange
import DangBoStore
import DangBoSynthetic
import Foundation
import SQLKit
import Testing

/// An import's dry run (the import page's preview, `dangbo import --dry-run`) is the import itself rolled back: the same
/// counts and the same issues, nothing written, nothing audited; a scoped import refuses rows outside the scope at the
/// column naming the code; a pending upload is found only by its account until it expires, and a confirmation takes it.
@Suite struct ImportPreviewTests {
    static let today = Day(iso: "2026-11-26")!

    /// Rows of every table the preview counts.
    static func counts(_ store: Store) async throws -> [Int] {
        var counts: [Int] = []
        for table in ["organizations", "organization_versions", "members", "membership_events", "membership_periods",
                      "committee_seats", "oversight_cases", "audit_entries"] {
            counts.append(try await store.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self))
        }
        return counts
    }

    /// A generated registry and the folder it was exported to in the import format (the caller removes it).
    static func exported(seed: UInt64, grassroots: Int, members: Int) throws -> (Registry, URL) {
        let registry = SyntheticRegistry(options: .init(seed: seed, grassroots: grassroots, members: members)).change().registry
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-preview-\(UUID().uuidString)")
        try RegistryExport.writeCSV(registry, to: url)
        return (registry, url)
    }

    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test func aDryRunOfASyntheticBlocCountsWhatTheImportWritesAndWritesNothing() async throws {
        let (registry, url) = try Self.exported(seed: 5, grassroots: 4, members: 200)
        defer { try? FileManager.default.removeItem(at: url) }
        try await TestDatabases.each { store in
            let before = try await Self.counts(store)
            let preview = try await store.importData(at: url, actor: "test", today: Self.today, dryRun: true)
            #expect(try await Self.counts(store) == before)
            #expect(preview.organizations == registry.tree.organizations.count)
            #expect(preview.members == registry.members.count)
            #expect(preview.events == registry.journals.values.map(\.events.count).reduce(0, +))
            #expect(preview.seats == registry.seats.count && preview.cases == registry.cases.count)
            #expect(preview.sources.map(\.table).sorted() == ["attendance", "committee_seats", "committee_terms", "discipline",
                                                              "discipline_appeals", "events", "follow_up_tasks", "meetings", "members",
                                                              "organizations", "oversight", "oversight_programme", "oversight_steps",
                                                              "oversight_team"])
            #expect(preview.terms == registry.terms.count && preview.tasks == registry.tasks.count && preview.steps > 0)
            #expect(preview.programmes == registry.programmes.count && preview.programmes > 0)
            #expect(preview.meetings == registry.meetings.count && preview.meetings > 0)
            #expect(preview.disciplines == registry.disciplines.count && preview.disciplines > 0)
            // The same import written: the same counts, one audit entry more.
            let written = try await store.importData(at: url, actor: "test", today: Self.today)
            let writtenCounts: [Int] = [written.organizations, written.members, written.events, written.seats, written.cases,
                                        written.meetings, written.attendance, written.disciplines, written.appeals]
            let previewCounts: [Int] = [preview.organizations, preview.members, preview.events, preview.seats, preview.cases,
                                        preview.meetings, preview.attendance, preview.disciplines, preview.appeals]
            #expect(writtenCounts == previewCounts)
            #expect(try await store.auditEntries(limit: 1).first?.action == "import")
            // A second dry run now finds every row stored already: the same issues the import would report.
            await #expect(throws: ImportFailure.self) {
                try await store.importData(at: url, actor: "test", today: Self.today, dryRun: true)
            }
        }
    }

    /// The preview's sample is what the import then stores: the first new organizations and members, each member with
    /// the cell and standing of the import's day and the number of its events, equal to the stored registry's.
    @Test func thePreviewsSampleIsWhatTheImportStores() async throws {
        let (registry, url) = try Self.exported(seed: 7, grassroots: 3, members: 120)
        defer { try? FileManager.default.removeItem(at: url) }
        try await TestDatabases.each { store in
            let before = try await Self.counts(store)
            let preview = try await store.previewImport(at: url, today: Self.today, sample: 15)
            #expect(try await Self.counts(store) == before)
            #expect(preview.summary.members == registry.members.count && preview.members.count == 15)
            #expect(preview.organizations.count == min(15, registry.tree.organizations.count) && preview.organizations.count > 3)
            _ = try await store.importData(at: url, actor: "test", today: Self.today)
            let stored = try await store.loadRegistry()
            let organizations = stored.tree.organizations.values.sorted { $0.id < $1.id }.prefix(15)
            #expect(preview.organizations == organizations.map { OrganizationSummary($0, on: $0.versions[0].validity.start)! })
            let journals = stored.journals.values.sorted { $0.member.id < $1.member.id }.prefix(15)
            #expect(preview.members.map(\.member) == journals.map(\.member))
            for (shown, journal) in zip(preview.members, journals) {
                let period = journal.period(on: Self.today)
                #expect(shown.standing == period?.standing && shown.cell?.id == period?.cell, "\(journal.member.id)")
                #expect(shown.cell == period.map { OrganizationSummary(stored.tree[$0.cell]!, on: Self.today)! })
                #expect(shown.events == journal.events.count)
            }
            #expect(preview.members.allSatisfy { ($0.cell == nil) == ($0.standing == nil) })
        }
    }

    static let tree = """
        code,name,kind,parent_code,established_on,dissolved_on
        VD,Đảng bộ Khối,upper_committee,,2000-01-01,
        VD.01,Chi bộ Sở Tài chính,grassroots_cell,VD,2000-01-01,
        VD.02,Chi bộ Sở Y tế,grassroots_cell,VD,2000-01-01,
        """

    @Test func aBadRowIsReportedAtItsLineAndNothingIsWritten() async throws {
        let url = try Self.folder([
            "organizations.csv": Self.tree,
            "members.csv": "national_id,full_name,gender,birth_date\n001190000001,Nguyễn Văn An,nam,1985-04-12\n001190000002,Trần Thị Bình,nữ,1986-05-13",
            "events.csv": "national_id,kind,effective_on,organization_code\n001190000001,transferred_in,2010-03-01,VD.01\n001190000002,transferred_in,2010-02-30,VD.01",
        ])
        defer { try? FileManager.default.removeItem(at: url) }
        try await TestDatabases.each { store in
            let before = try await Self.counts(store)
            do {
                _ = try await store.importData(at: url, actor: "test", today: Self.today, dryRun: true)
                Issue.record("the dry run should fail")
            } catch let failure as ImportFailure {
                #expect(failure.issues.map(\.description).contains { $0.hasPrefix("events.csv:3: effective_on: ") })
            }
            #expect(try await Self.counts(store) == before)
        }
    }

    /// The organization department of VD.01 imports into VD.01 only, on the days the rows name.
    @Test func aScopedImportRefusesRowsOutsideTheScopeNamingTheCode() async throws {
        let setup = try Self.folder(["organizations.csv": Self.tree])
        defer { try? FileManager.default.removeItem(at: setup) }
        try await TestDatabases.each { store in
            _ = try await store.importData(at: setup, actor: "test", today: Self.today)
            let cell = try #require(try await store.organization(code: "VD.01", on: Self.today))
            let scope = Scope(roots: [cell.id])
            func issues(_ files: [String: String]) async throws -> [String] {
                let url = try Self.folder(files)
                defer { try? FileManager.default.removeItem(at: url) }
                do {
                    _ = try await store.importData(at: url, actor: "test", today: Self.today, scope: scope, dryRun: true)
                    return []
                } catch let failure as ImportFailure {
                    return failure.issues.map(\.description)
                }
            }
            let members = "national_id,full_name,gender,birth_date\n001190000001,Nguyễn Văn An,nam,1985-04-12"
            // Inside: a member comes into VD.01.
            #expect(try await issues(["members.csv": members, "events.csv":
                "national_id,kind,effective_on,organization_code\n001190000001,transferred_in,2010-03-01,VD.01"]) == [])
            // Outside: into VD.02, a new cell under VD, VD renamed.
            let outside = try await issues(["members.csv": members, "events.csv":
                "national_id,kind,effective_on,organization_code\n001190000001,transferred_in,2010-03-01,VD.02"])
            #expect(outside.contains { $0.hasPrefix("events.csv:2: organization_code: tổ chức đảng mã VD.02 nằm ngoài phạm vi") }, "\(outside)")
            let tree = try await issues(["organizations.csv": "code,name,kind,parent_code,established_on\nVD.03,Chi bộ mới,grassroots_cell,VD,2020-01-01\nVD.011,Chi bộ dưới VD.01,grassroots_cell,VD,2020-01-01"])
            #expect(tree.contains { $0.hasPrefix("organizations.csv:2: code: tổ chức đảng mã VD.03 nằm ngoài phạm vi") }, "\(tree)")
            #expect(tree.contains { $0.hasPrefix("organizations.csv:3: code: tổ chức đảng mã VD.011") })
            // A case VD.01 conducts, with VD.02 for its subject: refused on the subject's column.
            let cases = "case_ref,activity,mode,conductor,conductor_code,started_on,subject_code\n"
            let subject = try await issues(["oversight.csv": cases + "GS-1,supervision,regular,cell,VD.01,2020-03-01,VD.02"])
            #expect(subject.contains { $0.hasPrefix("oversight.csv:2: subject_code: tổ chức đảng mã VD.02 nằm ngoài phạm vi") }, "\(subject)")
            #expect(try await issues(["oversight.csv": cases + "GS-1,supervision,regular,cell,VD.01,2020-03-01,VD.01"]) == [])
            // A member of VD.02 (stored) given a death by VD.01's staff: the row names no cell, the member's cell is outside.
            _ = try await store.importData(at: try Self.folder(["members.csv": "national_id,full_name,gender,birth_date\n001190000009,Lê Văn Cường,nam,1980-01-01",
                "events.csv": "national_id,kind,effective_on,organization_code\n001190000009,transferred_in,2010-03-01,VD.02"]),
                actor: "test", today: Self.today)
            let death = try await issues(["events.csv": "national_id,kind,effective_on,organization_code\n001190000009,died,2020-03-01,"])
            #expect(death.contains { $0.hasPrefix("events.csv:2: national_id: đảng viên này không sinh hoạt trong phạm vi") }, "\(death)")
        }
    }

    @Test func aPendingUploadIsTheAccountsUntilItExpiresAndAConfirmationTakesIt() async throws {
        let url = try Self.folder(["organizations.csv": Self.tree])
        defer { try? FileManager.default.removeItem(at: url) }
        try await TestDatabases.each { store in
            _ = try await store.importData(at: url, actor: "test", today: Self.today)
            let root = try #require(try await store.organization(code: "VD", on: Self.today))
            let owner = try await store.addAccount(login: "bantochuc", grant: Grant(role: .organizationStaff, organization: root.id),
                                                   passwordHash: "x", actor: "test")
            let other = try await store.addAccount(login: "khac", grant: Grant(role: .admin, organization: root.id),
                                                   passwordHash: "x", actor: "test")
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let key = PendingImportKey(tokenHash: String(repeating: "a", count: 64), account: owner.id)
            let content = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
            try await store.savePendingImport(key, fileName: "du-lieu.zip", content: content, expiresAt: now.addingTimeInterval(3_600))
            #expect(try await store.pendingImport(key, now: now)?.content == content)
            #expect(try await store.pendingImport(key, now: now)?.fileName == "du-lieu.zip")
            #expect(try await store.pendingImport(PendingImportKey(tokenHash: key.tokenHash, account: other.id), now: now) == nil)
            #expect(try await store.pendingImport(key, now: now.addingTimeInterval(3_599)) != nil)
            #expect(try await store.pendingImport(key, now: now.addingTimeInterval(3_600)) == nil)
            // A confirmation that fails keeps the upload; one that succeeds takes it; a second one finds nothing.
            let bad = try Self.folder(["events.csv": "national_id,kind,effective_on,organization_code\n001190000001,died,2020-01-01,"])
            defer { try? FileManager.default.removeItem(at: bad) }
            await #expect(throws: ImportFailure.self) {
                try await store.importData(at: bad, actor: "test", today: Self.today, claiming: key)
            }
            #expect(try await store.pendingImport(key, now: now) != nil)
            let good = try Self.folder(["members.csv": "national_id,full_name,gender,birth_date\n001190000001,Nguyễn Văn An,nam,1985-04-12"])
            defer { try? FileManager.default.removeItem(at: good) }
            _ = try await store.importData(at: good, actor: "test", today: Self.today, claiming: key)
            #expect(try await store.pendingImport(key, now: now) == nil)
            await #expect(throws: PendingImportError.self) {
                try await store.importData(at: good, actor: "test", today: Self.today, claiming: key)
            }
            try await store.deleteExpiredPendingImports(now: now)
        }
    }
}
