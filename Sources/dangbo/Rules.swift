import ArgumentParser
import DangBoCore

/// `dangbo rules`: the rule book (DangBoCore `RuleBook`) with each rule's regulation and the day it applies from.
/// Needs no database. `--format markdown` prints `docs/rules.md` exactly, so that file is regenerated with
/// `swift run dangbo rules --format markdown > docs/rules.md`.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the party rules DangBo enforces, with their regulations and the days they apply from.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "text or markdown (the document docs/rules.md).") var format: Format = .text
    @Option(help: "Only the versions in force on this day (YYYY-MM-DD or dd/MM/yyyy).") var on: String?

    func run() throws {
        let day = try on.map(parseDay)
        print(format == .markdown ? RuleBook.markdownDocument(on: day) : RuleBook.text(on: day), terminator: "")
    }
}
