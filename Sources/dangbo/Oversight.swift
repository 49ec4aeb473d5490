import ArgumentParser
import DangBoCore
import DangBoStore
import Foundation

/// `dangbo oversight figures` and `dangbo discipline figures` (issue 11 points 2 and 3): what the inspection commission
/// prints for a period — cases started, their subjects, cases concluded by outcome, remedies open and overdue; the
/// organizations and members disciplined, by sanction.
struct OversightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oversight", abstract: "Inspection and supervision (kiểm tra, giám sát).", subcommands: [Figures.self])

    struct Figures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The period's inspection and supervision figures of an organization's conductors, as a Markdown table.")
        @OptionGroup var options: DatabaseOptions
        @OptionGroup var period: ReviewPeriodOptions

        func run() async throws {
            try await withStore(options) { store in
                let (root, from, to) = try await period.resolve(in: store)
                let figures = try await store.oversightFigures(of: root, from: from, to: to)
                print("Kiểm tra, giám sát của \(period.organization), \(VietnameseFormat.period(from: from, to: to)):\n")
                print(figures.markdownTable)
            }
        }
    }
}

struct DisciplineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discipline", abstract: "Party discipline (kỷ luật).", subcommands: [Figures.self])

    struct Figures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The organizations and members disciplined in a period by the bodies of an organization, by sanction, "
                + "with the decisions behind them.")
        @OptionGroup var options: DatabaseOptions
        @OptionGroup var period: ReviewPeriodOptions

        func run() async throws {
            try await withStore(options) { store in
                let (root, from, to) = try await period.resolve(in: store)
                let figures = try await store.disciplineFigures(of: root, from: from, to: to)
                print("Kỷ luật của \(period.organization), \(VietnameseFormat.period(from: from, to: to)):\n")
                print("| Hình thức | Tổ chức đảng | Đảng viên |")
                print("|---|---:|---:|")
                for sanction in Sanction.allCases {
                    let organizations = sanction.appliesToOrganizations ? VietnameseFormat.number(figures.organizations(sanction)) : "—"
                    let members = sanction.appliesToMembers ? VietnameseFormat.number(figures.members(sanction)) : "—"
                    print("| \(sanction.vietnamese) | \(organizations) | \(members) |")
                }
                let lines = try await store.disciplineLines(of: root, from: from, to: to, in: Scope(roots: [root]))
                if !lines.isEmpty { print("") }
                for line in lines {
                    let decision = line.decision
                    print("\(decision.reference)\t\(VietnameseFormat.day(decision.effective))\t\(decision.sanction.vietnamese)\t"
                        + "\(line.subjectName)\t\(decision.decidingBody.vietnamese) \(line.decidingCode)")
                }
            }
        }
    }
}
