import DangBoCore
import DangBoInterchange
import DangBoStore
import Foundation
import Testing

/// A committee seat's holder rule reads the holders' periods from the database, batch by batch: those this import
/// writes and those stored before it.
@Suite struct SeatImportTests {
    static let organizations = """
        code,name,kind,parent_code,established_on,dissolved_on
        VD,Đảng bộ Khối,upper_committee,,2000-01-01,
        VD.01,Chi bộ Sở Tài chính,grassroots_cell,VD,2000-01-01,
        VD.02,Chi bộ Sở Y tế,grassroots_cell,VD,2000-01-01,
        """
    static let seatHeader = "organization_code,committee,national_id,position,source,start_on,end_on,decision_number\n"

    /// 1,200 members official in VD.01 from 1/3/2010, one more admitted there on 15/3/2020 (official from 15/3/2021).
    static var folder: [String: String] {
        let ids = (1...1_200).map { String(format: "0011000%05d", $0) }
        return [
            "organizations.csv": organizations,
            "members.csv": "national_id,full_name,gender,birth_date\n"
                + (ids + ["026190004321"]).map { "\($0),Nguyễn Văn An,nam,1985-04-12" }.joined(separator: "\n"),
            "events.csv": "national_id,kind,effective_on,organization_code\n"
                + ids.map { "\($0),transferred_in,2010-03-01,VD.01" }.joined(separator: "\n")
                + "\n026190004321,admitted,2020-03-15,VD.01\n026190004321,recognized_official,2021-03-15,",
            // More holders than one query asks about (1,000): every one is found.
            "committee_seats.csv": seatHeader + ids.map { "VD.01,executive,\($0),member,congress,2015-05-01,," }
                .joined(separator: "\n"),
        ]
    }

    static func write(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-seats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    static func issues(importing files: [String: String], into store: Store) async throws -> [String] {
        let url = try write(files)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try await store.importData(at: url, actor: "test")
            return []
        } catch let failure as ImportFailure {
            return failure.issues.map(\.description)
        }
    }

    @Test func holdersAreCheckedAgainstThePeriodsOfThisImportAndOfTheDatabase() async throws {
        try await TestDatabases.each { (store: Store) async throws in
            // A probationer's seat refuses the whole first import, at its line.
            var first = Self.folder
            first["committee_seats.csv"]! += "\nVD.01,executive,026190004321,member,conference,2021-03-14,,"
            #expect(try await Self.issues(importing: first, into: store) == [
                "committee_seats.csv:1202: national_id: Ngày 14/3/2021 người này còn là đảng viên dự bị (chính thức từ ngày "
                    + "15/3/2021); đảng viên dự bị không có quyền ứng cử, bầu cử cơ quan lãnh đạo của Đảng nên không được "
                    + "bầu, chỉ định vào cấp ủy (Điều lệ Đảng, Điều 2, khoản 3).",
            ])
            #expect(try await store.loadRegistry().seats.isEmpty)

            // The day they are official, it passes.
            var second = Self.folder
            second["committee_seats.csv"]! += "\nVD.01,executive,26190004321,member,conference,2021-03-15,,"
            #expect(try await Self.issues(importing: second, into: store) == [])
            #expect(try await store.loadRegistry().seats.count == 1_201)

            // A later import of seats alone: the holders' periods are those stored before.
            #expect(try await Self.issues(importing: ["committee_seats.csv": Self.seatHeader + """
                VD.02,executive,001100000001,member,appointed,2022-01-10,,
                VD.01,executive,026190004321,secretary,congress,2021-03-14,,
                VD.01,executive,026190004321,secretary,congress,2022-05-01,,
                """], into: store) == [
                "committee_seats.csv:2: national_id: Ngày 10/1/2022 đảng viên sinh hoạt ở chi bộ VD.01, không thuộc VD.02; "
                    + "người giữ chức trong cấp ủy phải là đảng viên của tổ chức đó.",
                "committee_seats.csv:3: national_id: Ngày 14/3/2021 người này còn là đảng viên dự bị (chính thức từ ngày "
                    + "15/3/2021); đảng viên dự bị không có quyền ứng cử, bầu cử cơ quan lãnh đạo của Đảng nên không được "
                    + "bầu, chỉ định vào cấp ủy (Điều lệ Đảng, Điều 2, khoản 3).",
            ])
            #expect(try await Self.issues(importing: ["committee_seats.csv": Self.seatHeader
                + "VD.01,executive,026190004321,secretary,congress,2022-05-01,,"], into: store) == [])
            #expect(try await store.loadRegistry().seats.count == 1_202)
        }
    }
}
