import ArgumentParser
import DangBoCore
import DangBoInterchange
import DangBoSynthetic
import Foundation

/// `dangbo generate`: a deterministic national registry in the import format, written unit by unit.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a generated national registry (63 provinces, 34 from 1/7/2025) as CSV in the import format.")
    @Option(help: "Members on the rolls at the end of the history.") var members: Int
    @Option(help: "Seed (same seed, same files).") var seed: UInt64 = 1
    @Option(help: "First day of the registry's history (members then on the rolls open with their earlier joined_on).") var from: String = "2016-01-01"
    @Option(help: "Last day of the history.") var through: String = "2026-11-26"
    @Argument(help: "The folder to write.") var output: String

    func run() async throws {
        let national = NationalRegistry(options: .init(seed: seed, members: members, from: try parseDay(from),
                                                       through: try parseDay(through)))
        let writer = try CSVFolderWriter(folder: URL(fileURLWithPath: output))
        try writer.append([national.upperOrganizations().map { row in
            [row.code, row.name, OrganizationKind.upperCommittee.rawValue, row.parentCode ?? "", row.established.iso,
             row.dissolved?.iso ?? "", ""]
        }, [], [], [], [], [], []])
        var units = 0
        try national.generate { unit in
            let synthetic = unit.registry
            try writer.append(RegistryExport.rows(
                organizations: unit.organizations, members: synthetic.members, events: synthetic.events,
                seats: synthetic.seats, cases: synthetic.cases, meetings: synthetic.meetings, code: unit.code(of:)))
            units += 1
            if units % 50 == 0 {
                FileHandle.standardError.write(Data("\(units) units, \(writer.rowCounts[1]) persons, \(writer.rowCounts[2]) events\n".utf8))
            }
        }
        try writer.close()
        let n = VietnameseFormat.number
        print("Đã ghi \(n(writer.rowCounts[0])) dòng tổ chức, \(n(writer.rowCounts[1])) hồ sơ đảng viên, "
            + "\(n(writer.rowCounts[2])) biến động, \(n(writer.rowCounts[3])) chức danh cấp ủy, "
            + "\(n(writer.rowCounts[4])) dòng kiểm tra, giám sát vào \(output) (\(units) đơn vị).")
    }
}
