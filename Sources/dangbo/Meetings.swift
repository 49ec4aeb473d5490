import ArgumentParser
import DangBoCore
import DangBoStore
import Foundation

/// `dangbo meetings compliance`: whether the cells of an organization met as the rules ask over a period (issue 11
/// point 4): months without a regular meeting, quarters without a thematic one, meetings under the minimum length,
/// members absent without reason in three months of a year.
struct MeetingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings", abstract: "Cell meetings (sinh hoạt chi bộ).", subcommands: [Compliance.self])

    struct Compliance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Months without a regular meeting, quarters without a thematic one, short meetings and members "
                + "absent without reason, for the cells under an organization over a period.")
        @OptionGroup var options: DatabaseOptions
        @OptionGroup var period: ReviewPeriodOptions

        func run() async throws {
            try await withStore(options) { store in
                let (root, from, to) = try await period.resolve(in: store)
                let compliance = try await store.meetingCompliance(of: root, from: from, to: to)
                let registry = try await store.organizationNames(of: Set(compliance.withoutRegular.map(\.cell)
                    + compliance.withoutThematic.map(\.cell) + compliance.short.map(\.cell)), on: to)
                let day = VietnameseFormat.day
                func name(_ id: OrganizationID) -> String { registry[id].map { "\($0.name) (\($0.code))" } ?? "#\(id.rawValue)" }
                print("Sinh hoạt chi bộ của \(period.organization), \(VietnameseFormat.period(from: from, to: to)):")
                print("Chi bộ không sinh hoạt thường kỳ trong tháng (\(compliance.withoutRegular.count)):")
                for gap in compliance.withoutRegular { print("  \(name(gap.cell))\t\(VietnameseFormat.period(from: gap.from, to: gap.to))") }
                print("Chi bộ không sinh hoạt chuyên đề trong quý (\(compliance.withoutThematic.count)):")
                for gap in compliance.withoutThematic { print("  \(name(gap.cell))\t\(VietnameseFormat.period(from: gap.from, to: gap.to))") }
                print("Buổi sinh hoạt dưới thời lượng tối thiểu (\(compliance.short.count)):")
                for meeting in compliance.short {
                    print("  \(meeting.reference)\t\(name(meeting.cell))\t\(day(meeting.held))\t\(meeting.durationMinutes) phút")
                }
                print("Đảng viên bỏ sinh hoạt không lý do từ \(RuleBook.meetingAbsenceMonths.version(on: to).value) tháng trong năm "
                    + "(\(compliance.absentees.count)):")
                for absentee in compliance.absentees {
                    print("  #\(absentee.member.rawValue)\tnăm \(absentee.year)\t\(absentee.months) tháng")
                }
            }
        }
    }
}
