import DangBoCore
import DangBoInterchange
@testable import DangBoStore
import Foundation
import SQLKit
import Testing

/// The restructuring cases of issue 7 through the published contract only (CSV files in, `review` out), on SQLite
/// and PostgreSQL, with the figures counted by hand and held equal to Core's on the same files.
///
/// In the third quarter of 2025: cell G.A goes under the partial committee G.P of the same grassroots committee G
/// (1/7); the grassroots cell C becomes a subordinate cell of G (1/8); cell L is dissolved with a member still on its
/// rolls (1/9). Members: Bình and Cường arrive still on probation (known from `joined_on`), Cường is struck off;
/// Dung is transferred out of G and into H.1 on one day; Em is moved from G.A to H.1 and dies the same day; Giáp is
/// admitted past 60 by a decision of the provincial committee.
@Suite struct ContractCasesTests {
    static let files: [(String, String)] = [
        ("organizations.csv", """
            code,name,kind,parent_code,established_on,dissolved_on,valid_from
            DUK,Đảng bộ Khối các cơ quan tỉnh,upper_committee,,2000-01-01,,
            G,Đảng bộ Sở Y tế,grassroots_committee,DUK,2000-01-01,,
            G.P,Đảng bộ bộ phận Bệnh viện,partial_committee,G,2000-01-01,,
            G.A,Chi bộ Phòng Kế hoạch,subordinate_cell,G,2000-01-01,,
            G.A,Chi bộ Phòng Kế hoạch,subordinate_cell,G.P,2000-01-01,,2025-07-01
            C,Chi bộ Sở Tư pháp,grassroots_cell,DUK,2000-01-01,,
            C,Chi bộ Sở Tư pháp,subordinate_cell,G,2000-01-01,,2025-08-01
            H,Đảng bộ Sở Nội vụ,grassroots_committee,DUK,2000-01-01,,
            H.1,Chi bộ Văn phòng Sở Nội vụ,subordinate_cell,H,2000-01-01,,
            L,Chi bộ Ban Quản lý dự án,grassroots_cell,DUK,2000-01-01,2025-09-01,
            """),
        ("members.csv", """
            national_id,full_name,gender,birth_date,joined_on,official_on
            001085000001,Nguyễn Văn An,nam,1985-01-01,1990-05-01,1991-05-01
            001090000002,Trần Thị Bình,nữ,1990-02-02,2025-03-10,
            001091000003,Lê Văn Cường,nam,1991-03-03,2025-01-20,
            001080000004,Phạm Thị Dung,nữ,1980-04-04,2005-01-01,2006-01-01
            001050000005,Hoàng Văn Em,nam,1950-05-05,1975-01-01,1976-01-01
            001075000006,Vũ Thị Phương,nữ,1975-06-06,2000-01-01,2001-01-01
            001064000007,Đỗ Văn Giáp,nam,1964-01-01,,
            """),
        ("events.csv", """
            national_id,kind,effective_on,organization_code,decision_number,decision_date,voted_on,decided_by
            001085000001,transferred_in,2010-01-01,C,,,,
            001090000002,transferred_in,2025-06-01,G.A,,,,
            001091000003,transferred_in,2025-05-01,H.1,,,,
            001091000003,probation_removed,2025-10-01,,,,,
            001080000004,transferred_in,2010-01-01,G.A,,,,
            001080000004,transferred_out,2025-08-15,,,,,
            001080000004,transferred_in,2025-08-15,H.1,,,,
            001050000005,transferred_in,2010-01-01,G.A,,,,
            001050000005,moved,2025-09-10,H.1,,,,
            001050000005,died,2025-09-10,,,,,
            001075000006,transferred_in,2010-01-01,L,,,,
            001064000007,admitted,2025-08-20,C,5-QĐ/TU,2025-08-05,2025-07-20,Tỉnh ủy Phú Thọ
            """),
    ]

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func folder(_ files: [(String, String)]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data((text + "\n").utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// What a secretary counts for the third quarter of 2025: (scope, at start, at end, probationary at end, flows).
    static let expected: [(code: String, atStart: Int, total: Int, probationary: Int, check: @Sendable (Review.Movements) -> Bool)] = [
        ("G", 3, 3, 2, { $0.reorganizedIn == 1 && $0.admitted == 1 && $0.transferredOut == 2 && $0.reorganizedOut == 0
            && $0.transferredIn == 0 && $0.died == 0 }),
        ("DUK", 6, 5, 3, { $0.admitted == 1 && $0.transferredOut == 1 && $0.transferredIn == 1 && $0.movedInternally == 1
            && $0.died == 1 && $0.reorganizedOut == 1 && $0.reorganizedIn == 0 }),
        ("H", 1, 2, 1, { $0.transferredIn == 2 && $0.died == 1 && $0.transferredOut == 0 && $0.reorganizedIn == 0 }),
        // G.A (Bình, Dung, Em) comes in on 1/7; Dung and Em leave.
        ("G.P", 0, 1, 1, { $0.reorganizedIn == 3 && $0.transferredOut == 2 && $0.inflow == 3 && $0.outflow == 2 }),
        ("C", 1, 2, 1, { $0.admitted == 1 && $0.inflow == 1 && $0.outflow == 0 }),
    ]

    @Test func theThirdQuarterOf2025ThroughTheContract() async throws {
        let folder = try Self.folder(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let core = try await Importer.load(folder, into: Registry(), nextOrganizationID: 1, nextMemberID: 1)
        #expect(core.warnings.contains { $0.description.contains("Vũ Thị Phương") && $0.description.contains("L") })
        try await TestDatabases.each { store in
            let summary = try await store.importData(at: folder, actor: "test")
            #expect(summary.warnings.contains { $0.description.contains("Vũ Thị Phương") })
            for scope in Self.expected {
                let root = try #require(try await store.organizationID(code: scope.code))
                let review = try await store.review(of: root, from: Self.day("2025-07-01"), to: Self.day("2025-09-30"))
                #expect((review.members.atStart, review.members.total, review.members.probationary)
                    == (scope.atStart, scope.total, scope.probationary), "\(scope.code)")
                #expect(scope.check(review.movements), "\(scope.code): \(review.movements)")
                #expect(review.balance.holds, "\(scope.code)")
                let coreRoot = try #require(core.registry.tree.organization(code: scope.code)?.id)
                var coreReview = core.registry.review(of: coreRoot, from: Self.day("2025-07-01"), to: Self.day("2025-09-30"))
                coreReview.organization = review.organization
                #expect(review == coreReview, "\(scope.code)")
            }
            let bloc = try #require(try await store.organizationID(code: "DUK"))
            let q4 = try await store.review(of: bloc, from: Self.day("2025-10-01"), to: Self.day("2025-12-31"))
            #expect(q4.movements.probationRemoved == 1)
            #expect(q4.members.probationary == 2)
        }
    }

    /// Events written by day, not by member: the rows of An, Dung, Em and Cường come apart (each has a first row in 2010
    /// or May 2025 and more later), so the journal checked when their first rows end saw part of it, and wrote periods
    /// from it. The store must end with Core's periods and figures, exactly as from the file grouped by member; and a
    /// rule broken only with a row that comes later is refused at that row.
    @Test func eventsComingApartAreCheckedWhole() async throws {
        var files = Self.files
        let lines = files[2].1.split(separator: "\n").map(String.init)
        let byDay = lines.dropFirst().enumerated().sorted { a, b in
            (a.element.split(separator: ",")[2], a.offset) < (b.element.split(separator: ",")[2], b.offset)
        }.map(\.element)
        #expect(byDay != Array(lines.dropFirst()))
        files[2].1 = ([lines[0]] + byDay).joined(separator: "\n")
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let core = try await Importer.load(folder, into: Registry(), nextOrganizationID: 1, nextMemberID: 1)
        let periods = core.registry.journals.values.reduce(0) { $0 + $1.periods.count }
        #expect(periods > core.registry.journals.count)
        try await TestDatabases.each { store in
            let summary = try await store.importData(at: folder, actor: "test")
            #expect(summary.journals == 7)
            #expect(summary.warnings.contains { $0.description.contains("Vũ Thị Phương") })
            #expect(try await store.sql.rows("SELECT COUNT(*) FROM membership_periods", as: Int.self) == [periods])
            for code in ["DUK", "G", "G.P", "G.A", "C", "H", "H.1", "L"] {
                let root = try #require(try await store.organizationID(code: code))
                let coreRoot = try #require(core.registry.tree.organization(code: code)?.id)
                for (from, to) in [("2010-01-01", "2025-06-30"), ("2025-07-01", "2025-09-30"), ("2025-10-01", "2025-12-31")] {
                    let review = try await store.review(of: root, from: Self.day(from), to: Self.day(to))
                    var coreReview = core.registry.review(of: coreRoot, from: Self.day(from), to: Self.day(to))
                    coreReview.organization = review.organization
                    #expect(review == coreReview, "\(code) \(from)…\(to)")
                }
            }
        }

        // Cường's first row (arrival on probation, 1/5/2025) passes alone; a death dated before it, given last,
        // breaks the journal at that line.
        files[2].1 += "\n001091000003,died,2025-04-01,,,,,"
        let broken = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: broken) }
        try await TestDatabases.each { store in
            do {
                _ = try await store.importData(at: broken, actor: "test")
                Issue.record("the import must be refused")
            } catch let failure as ImportFailure {
                #expect(failure.issues.map(\.description).count == 1, "\(failure.issues)")
                #expect(failure.issues.first?.description.hasPrefix("events.csv:14: ") == true, "\(failure.issues)")
            }
            #expect(try await store.sql.rows("SELECT COUNT(*) FROM membership_periods", as: Int.self) == [0])
        }
    }

    /// A later import that dissolves a cell names the stored members still on its rolls, and writes all the same.
    @Test func dissolvingACellLaterNamesTheMembersLeftInIt() async throws {
        let folder = try Self.folder(Self.files)
        let later = try Self.folder([("organizations.csv", """
            code,name,kind,parent_code,established_on,dissolved_on,valid_from
            H.1,Chi bộ Văn phòng Sở Nội vụ (cũ),subordinate_cell,H,2000-01-01,2026-01-01,2025-12-01
            """)])
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: later)
        }
        try await TestDatabases.each { store in
            _ = try await store.importData(at: folder, actor: "test")
            let summary = try await store.importData(at: later, actor: "test")
            let warnings = summary.warnings.map(\.description)
            #expect(warnings.count == 1, "\(warnings)")
            #expect(warnings.first?.hasPrefix("organizations.csv:2: dissolved_on: chi bộ H.1 giải thể ngày 1/1/2026") == true)
            #expect(warnings.first?.contains("Phạm Thị Dung (CCCD 001080000004)") == true)
            let h = try #require(try await store.organizationID(code: "H"))
            let review = try await store.review(of: h, from: Self.day("2026-01-01"), to: Self.day("2026-01-31"))
            #expect((review.members.atStart, review.members.total, review.movements.reorganizedOut) == (1, 0, 1))
        }
    }

    /// `committees.consolidated`: organizations whose executive committee got a seat from a conference or an
    /// appointment starting in the period; a congress seat or an inspection commission seat is no consolidation of
    /// the cấp ủy. At the edges of the seat's first day (10/8/2025), on both databases and in Core.
    @Test(arguments: [("2025-07-01", "2025-09-30", 1), ("2025-07-01", "2025-08-09", 0), ("2025-08-10", "2025-08-10", 1),
                      ("2025-08-11", "2025-09-30", 0)])
    func onlyExecutiveSeatsConsolidate(from: String, to: String, consolidated: Int) async throws {
        let folder = try Self.folder(Self.files + [("committee_seats.csv", """
            organization_code,committee,national_id,position,source,start_on,end_on,decision_number
            G,executive,001085000001,member,conference,2025-08-10,,12-QĐ/ĐUK
            H,executive,001080000004,member,congress,2025-08-20,,13-QĐ/ĐUK
            H,inspection,001080000004,member,appointed,2025-09-01,,14-QĐ/ĐUK
            H,inspection,001080000004,deputy_chair,conference,2025-08-20,2025-08-31,15-QĐ/ĐUK
            """)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let core = try await Importer.load(folder, into: Registry(), nextOrganizationID: 1, nextMemberID: 1)
        let coreBloc = try #require(core.registry.tree.organization(code: "DUK")?.id)
        #expect(core.registry.review(of: coreBloc, from: Self.day(from), to: Self.day(to)).committees.consolidated == consolidated)
        try await TestDatabases.each { store in
            _ = try await store.importData(at: folder, actor: "test")
            let bloc = try #require(try await store.organizationID(code: "DUK"))
            let review = try await store.review(of: bloc, from: Self.day(from), to: Self.day(to))
            #expect(review.committees.consolidated == consolidated)
        }
    }

    /// Events of one day are taken in file order: the other order is refused at its line.
    @Test func theOtherOrderOfOneDayIsRefused() async throws {
        var files = Self.files
        files[2].1 = files[2].1.replacingOccurrences(
            of: "001080000004,transferred_out,2025-08-15,,,,,\n001080000004,transferred_in,2025-08-15,H.1,,,,",
            with: "001080000004,transferred_in,2025-08-15,H.1,,,,\n001080000004,transferred_out,2025-08-15,,,,,")
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        await #expect(throws: ImportFailure.self) { try await Importer.load(folder, into: Registry(), nextOrganizationID: 1, nextMemberID: 1) }
        do {
            _ = try await Importer.load(folder, into: Registry(), nextOrganizationID: 1, nextMemberID: 1)
        } catch {
            #expect(error.issues.map(\.description).first?.hasPrefix("events.csv:7: kind:") == true, "\(error.issues)")
        }
    }

    /// Over 60 without `decided_by` is refused at its column, and the message says which day the age was counted on.
    @Test func overSixtyWithoutACentralDecisionIsRefused() async throws {
        var files = Self.files
        files[2].1 = files[2].1.replacingOccurrences(of: ",2025-07-20,Tỉnh ủy Phú Thọ", with: ",2025-07-20,")
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try await Importer.load(folder, into: Registry(), nextOrganizationID: 1, nextMemberID: 1)
            Issue.record("must fail")
        } catch {
            let issue = try #require(error.issues.first?.description)
            #expect(issue.hasPrefix("events.csv:13: decided_by:"), "\(issue)")
            #expect(issue.contains("ngày chi bộ xét kết nạp"))
            #expect(issue.contains("trực thuộc Trung ương"))
        }
    }
}
