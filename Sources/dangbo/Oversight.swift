import ArgumentParser
import DangBoCore
import DangBoInterchange
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

/// `dangbo committee`: an organization's committees on a day (issue 11 point 1) — the term, the seats in force, the
/// vacancies, and the seats that ended with the reason.
struct CommitteeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "committee", abstract: "An organization's executive committee and inspection commission on a day.")
    @OptionGroup var options: DatabaseOptions
    @Option(help: "Organization code.") var organization: String
    @Option(help: "The day (default: today).") var on: String?

    func run() async throws {
        let day = try on.map { text in
            guard let day = Day(parsing: text) else { throw ValidationError("--on: not a day: \(text)") }
            return day
        } ?? Importer.Context.today()
        try await withStore(options) { store in
            guard let found = try await store.organization(code: organization, on: day),
                  let panel = try await store.committeePanel(of: found.id, in: Scope(roots: [found.id]), on: day) else {
                throw ValidationError("no organization \(organization) on \(day.iso)")
            }
            let format = VietnameseFormat.day
            print("\(found.name) (\(found.code)), ngày \(format(day)): \(panel.officialMembers) đảng viên chính thức.")
            for committee in CommitteeKind.allCases where CommitteeTerm.exists(committee, in: found.kind) {
                print("\n\(committee.vietnamese):")
                if let term = panel.term(committee) {
                    print("  Nhiệm kỳ \(term.name), từ \(format(term.validity.start))" + (term.size.map { ", số lượng \($0)" } ?? "")
                        + (panel.vacancies(committee).map { ", còn thiếu \($0)" } ?? ""))
                }
                if let head = panel.vacantHead(committee) { print("  Chưa có \(head.vietnamese.lowercased()).") }
                for line in panel.inForce(committee) {
                    print("  \(line.seat.position.vietnamese)\t\(line.name)\t\(line.seat.source.vietnamese)\ttừ \(format(line.seat.validity.start))")
                }
            }
        }
    }
}
