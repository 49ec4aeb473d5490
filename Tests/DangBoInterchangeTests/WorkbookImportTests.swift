import DangBoCore
import DangBoSynthetic
import Foundation
import Testing
@testable import DangBoInterchange

/// One XLSX workbook imports like the folder of CSV files, and its errors name the sheet and row.
@Suite struct WorkbookImportTests {
    static func workbook(_ tables: [Table]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-\(UUID().uuidString).xlsx")
        try XLSXWriter.write(tables, to: url)
        return url
    }

    @Test func aWorkbookImportsLikeTheFolder() async throws {
        let registry = SyntheticRegistry(options: .init(seed: 9, grassroots: 5, members: 200)).registry()
        let url = try Self.workbook(RegistryExport.tables(of: registry))
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try await Importer.load(url, into: Registry(), nextOrganizationID: 1, nextMemberID: 1)
        #expect(loaded.change.members.count == registry.members.count)
        #expect(loaded.change.events.count == registry.journals.values.map(\.events.count).reduce(0, +))
        let root = try #require(registry.tree.organizations.values.first { $0.versions[0].parent == nil })
        let day = Day(iso: "2024-06-30")!
        var expected = registry.statistics(of: root.id, asOf: day)
        let actual = loaded.registry.statistics(of: loaded.registry.tree.organization(code: root.code)!.id, asOf: day)
        expected.organization = actual.organization
        #expect(actual == expected)
    }

    @Test func errorsNameTheSheetAndRow() async throws {
        let url = try Self.workbook([Table(name: "members", header: ["Số CCCD", "Họ và tên", "Giới tính", "Ngày sinh"], rows: [
            TableRow(line: 2, cells: ["001085012345", "Nguyễn Văn An", "Nam", "12/4/1985"]),
            TableRow(line: 3, cells: ["1085012346", "Trần Thị Bình", "Nữ", "31/4/1986"]),
        ])])
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try await Importer.load(url, into: Registry(), nextOrganizationID: 1, nextMemberID: 1)
            Issue.record("a bad date must fail")
        } catch {
            #expect(error.issues.map(\.description)
                == ["\(url.lastPathComponent)[members]:3: Ngày sinh: ngày không hợp lệ: \"31/4/1986\" (viết YYYY-MM-DD hoặc dd/MM/yyyy)"])
        }
    }
}
