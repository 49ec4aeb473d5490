import DangBoCore
import DangBoInterchange
import DangBoStore
import Foundation
import SQLKit
import Testing

/// Writes are all or nothing, audited, and an import continues the ids and journals already stored.
@Suite struct WriteTests {
    static let audit = AuditRecord(actor: "test", action: "import", summary: "test", recordedAt: Date(timeIntervalSince1970: 0))

    static func count(_ table: String, _ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    static func importFolder(_ files: [String: String], into store: Store) async throws -> Importer.Summary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return try await store.importData(at: folder, actor: "test")
    }

    static let organizations = """
        code,name,kind,parent_code,established_on
        VD,Đảng bộ Khối,upper_committee,,2000-01-01
        VD.01,Chi bộ Sở Tài chính,grassroots_cell,VD,2000-01-01
        VD.02,Chi bộ Sở Y tế,grassroots_cell,VD,2000-01-01
        """

    /// The bloc's two cells and one member admitted into the first.
    static let oneAdmission = [
        "organizations.csv": organizations,
        "members.csv": "national_id,full_name,gender,birth_date\n001085012345,Nguyễn Văn An,nam,1985-04-12\n",
        "events.csv": "national_id,kind,effective_on,organization_code\n001085012345,admitted,2020-03-15,VD.01\n",
    ]

    @Test func aFailingWriteLeavesNothingBehind() async throws {
        try await TestDatabases.each { store in
            _ = try await Self.importFolder(["organizations.csv": Self.organizations,
                                             "members.csv": "national_id,full_name,gender,birth_date\n001085012345,Nguyễn Văn An,nam,1985-04-12\n"],
                                            into: store)
            // A change that breaks a constraint half-way (a national ID already stored) rolls back whole.
            var change = RegistryChange()
            change.organizations = [Organization(id: OrganizationID(50), code: "VD.50", versions: [OrganizationVersion(
                validity: DayRange(start: Day(iso: "2010-01-01")!, end: nil), name: "X", kind: .grassrootsCell, parent: OrganizationID(1))])]
            change.members = [Member(id: MemberID(99), nationalID: "001085012345", familyName: "Trần", middleName: "Văn",
                                     givenName: "Bình", gender: .male, birthDate: Day(iso: "1980-01-01")!)]
            await #expect(throws: (any Error).self) {
                try await store.write(change, tree: try await store.loadTree(), audit: Self.audit)
            }
            #expect(try await Self.count("organizations", store) == 3)
            #expect(try await Self.count("members", store) == 1)
            #expect(try await Self.count("audit_entries", store) == 1)
        }
    }

    /// PostgreSQL: after an import every page of the periods is marked all-visible (vacuumed), so that the reports'
    /// index-only scans need not read the table.
    @Test func anImportLeavesPostgresTablesVacuumed() async throws {
        try await TestDatabases.withPostgres { store in
            _ = try await Self.importFolder(Self.oneAdmission, into: store)
            let pages = try await store.sql.raw("""
                SELECT relpages, relallvisible FROM pg_class WHERE relname = 'membership_periods'
                """).first()
            let (written, visible) = (try pages?.decode(column: "relpages", as: Int32.self), try pages?.decode(column: "relallvisible", as: Int32.self))
            #expect((written ?? 0) > 0)
            #expect(visible == written)
        }
    }

    /// PostgreSQL: a first load drops the foreign keys for the load and adds them all again, checked: after it, a row
    /// naming no stored member is refused as before.
    @Test func aFirstLoadKeepsPostgresForeignKeys() async throws {
        try await TestDatabases.withPostgres { store in
            let keys = "SELECT conname AS name FROM pg_constraint WHERE contype = 'f' ORDER BY conname"
            let before = try await store.sql.raw(SQLQueryString(keys)).all().map { try $0.decode(column: "name", as: String.self) }
            _ = try await Self.importFolder(Self.oneAdmission, into: store)
            let after = try await store.sql.raw(SQLQueryString(keys)).all().map { try $0.decode(column: "name", as: String.self) }
            #expect(!before.isEmpty)
            #expect(after == before)
            // The same row for the stored member is written; for no member, refused.
            func insertEvent(of member: Int) async throws {
                try await store.sql.raw("""
                    INSERT INTO membership_events (member_id, seq, kind, effective_on, decision_number, decision_issuer, counterpart, note)
                    VALUES (\(bind: member), 99, 'admitted', 20200101, '', '', '', '')
                    """).run()
            }
            try await insertEvent(of: 1)
            await #expect(throws: (any Error).self) { try await insertEvent(of: 999_999) }
        }
    }

    @Test func aSecondImportContinuesTheJournals() async throws {
        try await TestDatabases.each { store in
            _ = try await Self.importFolder(Self.oneAdmission, into: store)
            let change = try await Self.importFolder([
                "events.csv": """
                    national_id,kind,effective_on,organization_code
                    001085012345,recognized_official,2021-03-15,
                    001085012345,moved,2021-06-01,VD.02
                    """,
            ], into: store)
            #expect(change.events == 2)
            let registry = try await store.loadRegistry()
            let journal = try #require(registry.journals.values.first)
            #expect(journal.events.map(\.kind) == [.admitted, .recognizedOfficial, .moved])
            #expect(journal.periods.count == 3)
            let statistics = try await store.statistics(of: OrganizationID(1), asOf: Day(iso: "2021-06-01")!)
            #expect(statistics.members.official == 1)
            let trail = try await store.auditTrail()
            #expect(trail.map(\.action) == ["import", "import"])
            #expect(trail.first?.actor == "test")
            // A rule broken against what is stored: the member is official now and cannot be recognized again.
            await #expect(throws: ImportFailure.self) {
                _ = try await Self.importFolder(["events.csv": "national_id,kind,effective_on\n001085012345,recognized_official,2022-03-15\n"],
                                                into: store)
            }
            #expect(try await Self.count("membership_events", store) == 3)
        }
    }

    static func indexes(_ store: Store) async throws -> Set<String> {
        let query: SQLQueryString = store.isPostgres
            ? "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'index'"
        return Set(try await store.sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) })
    }

    @Test func anImportIntoAnEmptyDatabaseBuildsItsIndexesAfterTheLoad() async throws {
        try await TestDatabases.each { store in
            let before = try await Self.indexes(store)
            #expect(before.contains("membership_periods_by_cell_day"))
            // A failure in the journal check, after members and events were written, leaves nothing, indexes included.
            await #expect(throws: ImportFailure.self) {
                _ = try await Self.importFolder([
                    "organizations.csv": Self.organizations,
                    "members.csv": "national_id,full_name,gender,birth_date\n001085012345,Nguyễn Văn An,nam,1985-04-12\n",
                    "events.csv": "national_id,kind,effective_on,organization_code\n001085012345,admitted,2020-03-15,VD.01\n"
                        + "001085012345,recognized_official,2021-03-16,\n",
                ], into: store)
            }
            #expect(try await Self.indexes(store) == before)
            #expect(try await Self.count("members", store) == 0)
            #expect(try await Self.count("membership_events", store) == 0)
            #expect(try await Self.count("organizations", store) == 0)
            let summary = try await Self.importFolder([
                "organizations.csv": Self.organizations,
                "members.csv": "national_id,full_name,gender,birth_date\n001085012345,Nguyễn Văn An,nam,1985-04-12\n",
                "events.csv": "national_id,kind,effective_on,organization_code\n001085012345,admitted,2020-03-15,VD.01\n",
            ], into: store)
            #expect(summary.members == 1 && summary.events == 1 && summary.journals == 1)
            #expect(try await Self.indexes(store) == before)
            #expect(try await Self.count("membership_periods", store) == 1)
            if !store.isPostgres {
                // The first load wrote in place (rollback journal); readers get WAL back.
                let mode = try await store.sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
                #expect(mode == "wal")
            }
        }
    }

    @Test func rowsOfOneCaseMayComeApartInTheStoreToo() async throws {
        try await TestDatabases.each { store in
            let summary = try await Self.importFolder([
                "organizations.csv": Self.organizations,
                "members.csv": "national_id,full_name,gender,birth_date\n001085012345,Nguyễn Văn An,nam,1985-04-12\n",
                "events.csv": "national_id,kind,effective_on,organization_code\n001085012345,admitted,2020-03-15,VD.01\n",
                "oversight.csv": """
                    case_ref,activity,mode,conductor,conductor_code,started_on,subject_code,subject_national_id
                    KT-1,inspection,thematic,committee,VD,2021-02-01,VD.01,
                    KT-2,supervision,regular,committee,VD,2021-02-10,VD.02,
                    KT-1,inspection,thematic,committee,VD,2021-02-01,,001085012345
                    KT-1,inspection,thematic,committee,VD,2021-02-01,VD.02,
                    """,
            ], into: store)
            #expect(summary.cases == 2)
            #expect(try await Self.count("oversight_subjects", store) == 4)
            let review = try await store.review(of: OrganizationID(1), from: Day(iso: "2021-01-01")!, to: Day(iso: "2021-03-31")!)
            #expect(review.inspection["thematic"]?["committees"] == Review.SubjectCounts(cases: 1, organizations: 2, members: 1))
        }
    }
}
