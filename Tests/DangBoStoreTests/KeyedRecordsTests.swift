import DangBoCore
import DangBoInterchange
@testable import DangBoStore
import Foundation
import SQLKit
import Testing

/// Records without a natural key get one (issue 8): importing the same committee seats or oversight rows again is
/// refused with `file:line: column: reason` and writes nothing; the database refuses a copy made any other way.
@Suite struct KeyedRecordsTests {
    static let base: [(String, String)] = [
        ("organizations.csv", """
            code,name,kind,parent_code,established_on
            DUK,Đảng bộ Khối,upper_committee,,2000-01-01
            DUK.01,Chi bộ Sở Tài chính,grassroots_cell,DUK,2000-01-01
            """),
        ("members.csv", """
            national_id,full_name,gender,birth_date
            001085012345,Nguyễn Trường Giang,nam,1985-04-12
            026190004321,Lê Thị Thu Hà,nữ,1990-09-30
            """),
        ("events.csv", """
            national_id,kind,effective_on,organization_code
            001085012345,transferred_in,2010-03-01,DUK.01
            026190004321,transferred_in,2012-03-01,DUK.01
            """),
    ]
    static let seats = ("committee_seats.csv", """
        organization_code,committee,national_id,position,source,start_on,end_on,decision_number
        DUK.01,executive,001085012345,secretary,congress,2020-06-01,,1-QĐ/ĐUK
        DUK.01,executive,026190004321,deputy_secretary,congress,2020-06-01,,1-QĐ/ĐUK
        """)
    static let oversight = ("oversight.csv", """
        case_ref,activity,mode,conductor,conductor_code,started_on,ended_on,subject_code,subject_national_id,outcome
        GS-1,supervision,regular,committee,DUK,2021-02-01,,DUK.01,,
        GS-1,supervision,regular,committee,DUK,2021-02-01,,,001085012345,
        """)

    static func folder(_ files: [(String, String)]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data((text + "\n").utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    static func count(_ table: String, in store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self)
    }

    @Test func importingTheSameSeatsAndCasesAgainIsRefused() async throws {
        let first = try Self.folder(Self.base + [Self.seats, Self.oversight])
        let again = try Self.folder([Self.seats, Self.oversight])
        defer { for folder in [first, again] { try? FileManager.default.removeItem(at: folder) } }
        try await TestDatabases.each { store in
            _ = try await store.importData(at: first, actor: "test")
            do {
                _ = try await store.importData(at: again, actor: "test")
                Issue.record("the same rows must be refused")
            } catch let failure as ImportFailure {
                let issues = failure.issues.map(\.description)
                #expect(issues.contains { $0.hasPrefix("committee_seats.csv:2: start_on: chức danh này đã có trong cơ sở dữ liệu") }, "\(issues)")
                #expect(issues.contains { $0.hasPrefix("committee_seats.csv:3: start_on:") })
                #expect(issues.contains { $0.hasPrefix("oversight.csv:2: case_ref: cuộc GS-1 đã có trong cơ sở dữ liệu") })
            }
            #expect(try await Self.count("committee_seats", in: store) == 2)
            #expect(try await Self.count("oversight_cases", in: store) == 1)
            #expect(try await Self.count("oversight_subjects", in: store) == 2)
        }
    }

    @Test func aSeatOrASubjectTwiceInOneFileIsRefused() async throws {
        let folder = try Self.folder(Self.base + [
            (Self.seats.0, Self.seats.1 + "\nDUK.01,executive,001085012345,secretary,congress,2020-06-01,,1-QĐ/ĐUK"),
            (Self.oversight.0, Self.oversight.1 + "\nGS-1,supervision,regular,committee,DUK,2021-02-01,,DUK.01,,"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try await Importer.load(folder, into: Registry(), nextOrganizationID: 1, nextMemberID: 1)
            Issue.record("must fail")
        } catch {
            let issues = error.issues.map(\.description)
            #expect(issues.contains { $0.hasPrefix("committee_seats.csv:4: start_on: trùng chức danh ở dòng 2") }, "\(issues)")
            #expect(issues.contains { $0.hasPrefix("oversight.csv:4: subject_code: đối tượng này đã ghi cho cuộc GS-1") }, "\(issues)")
        }
    }

    /// A copy written around the importer (by hand, by another program) is refused by the database itself.
    @Test func theDatabaseRefusesACopy() async throws {
        let folder = try Self.folder(Self.base + [Self.seats, Self.oversight])
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestDatabases.each { store in
            _ = try await store.importData(at: folder, actor: "test")
            await #expect(throws: (any Error).self) {
                try await store.sql.raw("""
                    INSERT INTO committee_seats (id, organization_id, committee, member_id, position, source, start_on, end_on,
                        decision_number)
                    SELECT 99, organization_id, committee, member_id, position, source, start_on, end_on, decision_number
                    FROM committee_seats WHERE id = 1
                    """).run()
            }
            await #expect(throws: (any Error).self) {
                try await store.sql.raw("""
                    INSERT INTO oversight_subjects (case_id, organization_id, member_id)
                    SELECT case_id, organization_id, member_id FROM oversight_subjects WHERE member_id IS NOT NULL
                    """).run()
            }
            #expect(try await Self.count("committee_seats", in: store) == 2)
        }
    }

    /// An import with no data row says so and writes nothing.
    @Test func anEmptyImportSaysSo() async throws {
        let folder = try Self.folder([("members.csv", "national_id,full_name,gender,birth_date")])
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestDatabases.each { store in
            do {
                _ = try await store.importData(at: folder, actor: "test")
                Issue.record("an empty import must fail")
            } catch let failure as ImportFailure {
                #expect(failure.issues.first?.description.contains("không có dòng dữ liệu nào để nhập") == true)
            }
            #expect(try await Self.count("audit_entries", in: store) == 0)
        }
    }

    /// A damaged stored day is an error naming it, never a crash.
    @Test func aDamagedStoredDayIsAnError() async throws {
        let folder = try Self.folder(Self.base)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestDatabases.each { store in
            _ = try await store.importData(at: folder, actor: "test")
            try await store.sql.raw("UPDATE organization_versions SET valid_from = 20001399 WHERE organization_id = 2").run()
            do {
                _ = try await store.loadTree()
                Issue.record("a damaged day must be an error")
            } catch let error as StoreError {
                #expect(error.description.contains("20001399"))
            }
            try await store.sql.raw("UPDATE organization_versions SET valid_from = 20000101, valid_to = 19990101 WHERE organization_id = 2").run()
            await #expect(throws: StoreError.self) { _ = try await store.loadTree() }
        }
    }
}
