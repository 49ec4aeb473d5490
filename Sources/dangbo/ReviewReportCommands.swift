import ArgumentParser
import DangBoCore
import DangBoInterchange
import DangBoStore
import Foundation

/// The period of a review report: an organization and two days, both included.
struct ReviewPeriodOptions: ParsableArguments {
    @Option(help: "Organization code.") var organization: String
    @Option(help: "First day of the period.") var from: String
    @Option(help: "Last day of the period.") var to: String

    /// The organization (as it stood on the period's last day, or, dissolved in it, on its first) and the days.
    func resolve(in store: Store) async throws -> (id: OrganizationID, from: Day, to: Day) {
        let first = try parseDay(from), last = try parseDay(to)
        guard first <= last else { throw ValidationError("--from must not be after --to") }
        // NB: by code, one indexed statement (never the whole tree).
        var summary = try await store.organization(code: organization, on: last)
        if summary == nil { summary = try await store.organization(code: organization, on: first) }
        guard let summary else { throw UserError(message: "Không có tổ chức đảng mã \(organization) trong kỳ \(first.iso)–\(last.iso).") }
        return (summary.id, first, last)
    }
}

/// What a party document says besides its figures: its number, day, signer and recipients (`report review` as a
/// document, `report issue`).
struct DocumentOptions: ParsableArguments {
    @Option(help: "The document's number in the issuer's register (review: blank for a draft when absent; issue: the next of the year).")
    var number: Int?
    @Option(help: "The document's day (default: the last day of the period).") var date: String?
    @Option(help: "The signer's name (default: the secretary of the committee on the document's day).") var signer: String?
    @Option(name: .customLong("signer-title"), help: "The signer's title (default: BÍ THƯ).") var signerTitle = "BÍ THƯ"
    @Option(help: "\"T/M BAN THƯỜNG VỤ\", … (default: by the organization's kind).") var authority: String?
    @Option(help: "A line of \"Nơi nhận\" (repeat; default: the superior committee (b/c) and \"Lưu VP.\").") var recipient: [String] = []

    func validate() throws {
        if let number, number < 1 { throw ValidationError("--number must be 1 or more") }
    }

    var day: Day? { get throws { try date.map(parseDay) } }
}

/// Writes `document` to `path` as DOCX, or as PDF through LibreOffice, and says so.
func write(_ document: PartyDocument, pdf: Bool, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    if pdf {
        do {
            try PartyDocumentPDF.write(document, to: url)
        } catch let failure as PartyDocumentPDF.Failure {
            throw UserError(message: failure.description)
        }
    } else {
        try PartyDocumentDOCX.write(document, to: url)
    }
    print("Đã ghi \(path): \(document.kind) \(document.numberAndCode), \(document.dateLine).")
}

/// `dangbo report narrative`: the sections staff write (results, shortcomings and causes, directions), one paragraph
/// per line of each file; without a file, prints what is written.
struct ReviewNarrativeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "narrative",
        abstract: "Write (or show) the narrative of a review: other work, shortcomings and causes, directions; one paragraph per line.")
    @OptionGroup var options: DatabaseOptions
    @OptionGroup var period: ReviewPeriodOptions
    @Option(help: "A text file: part I.1 reworded from the draft's sentences (default: the draft's, following the figures).")
    var figures: String?
    @Option(help: "A text file: \"Các mặt công tác khác\".") var results: String?
    @Option(help: "A text file: \"Hạn chế, nguyên nhân\".") var shortcomings: String?
    @Option(help: "A text file: \"Phương hướng, nhiệm vụ\".") var directions: String?
    @Option(help: "Who writes, for the audit trail.") var actor = "cli"

    func run() async throws {
        try await withStore(options) { store in
            let (id, from, to) = try await period.resolve(in: store)
            var narrative = try await store.reviewNarrative(of: id, from: from, to: to) ?? ReviewDocument.Narrative()
            let files = [results, shortcomings, directions]
            guard files.contains(where: { $0 != nil }) || figures != nil else {
                print("Tình hình tổ chức đảng, đảng viên (I.1):")
                let sentences = narrative.figures.isEmpty ? try await store.draftSentences(of: id, from: from, to: to) : narrative.figures
                print((narrative.figures.isEmpty ? "  (theo số liệu)\n" : "") + sentences.map { "  " + $0 }.joined(separator: "\n"))
                for section in Store.narrativeSections {
                    print("\(section.name):")
                    let paragraphs = narrative[keyPath: section.path]
                    print(paragraphs.isEmpty ? "  (chưa viết)" : paragraphs.map { "  " + $0 }.joined(separator: "\n"))
                }
                return
            }
            func read(_ file: String) throws -> String {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw UserError(message: "Không đọc được tệp \(file) (văn bản UTF-8).")
                }
                return text
            }
            for (file, section) in zip(files, Store.narrativeSections) {
                if let file { narrative[keyPath: section.path] = [try read(file)] }
            }
            // NB: reworded from today's draft (the store keeps today's basis).
            if let figures { narrative.figures = [try read(figures)]; narrative.figuresBasis = "" }
            do {
                try await store.setReviewNarrative(narrative, of: id, from: from, to: to, actor: actor)
            } catch let error as ReviewReportError {
                throw UserError(message: error.description)
            }
            print("Đã ghi phần nhận định của báo cáo \(period.organization), \(VietnameseFormat.period(from: from, to: to)).")
        }
    }
}

/// `dangbo report issue`: issues the period's review as a numbered party document, frozen with its digest.
struct ReviewIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a review as a numbered party document: its figures and text frozen, never recomputed.")
    @OptionGroup var options: DatabaseOptions
    @OptionGroup var period: ReviewPeriodOptions
    @OptionGroup var document: DocumentOptions
    @Option(help: "Who issues, for the audit trail.") var actor = "cli"

    func run() async throws {
        try await withStore(options) { store in
            let (id, from, to) = try await period.resolve(in: store)
            let issued: IssuedReview
            do {
                issued = try await store.issueReview(
                    of: id, from: from, to: to, number: document.number, date: try document.day, signer: document.signer,
                    signerTitle: document.signerTitle, authority: document.authority, recipients: document.recipient, actor: actor)
            } catch let error as ReviewReportError {
                throw UserError(message: error.description)
            } catch let error as ReviewDocumentError {
                throw UserError(message: error.description)
            }
            print("Đã ban hành báo cáo \(issued.document.numberAndCode) (#\(issued.id)), \(issued.document.dateLine).")
            print("Mã kiểm tra (SHA-256): \(issued.digest)")
            print("In lại: dangbo report issued --id \(issued.id) --format docx --output bao-cao.docx")
        }
    }
}

/// `dangbo report issued`: the reports issued (a list), or one of them printed from what was frozen.
struct ReviewIssuedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issued",
        abstract: "List the issued reports, or print one as it was issued (text, json, docx, or pdf through LibreOffice).")
    @OptionGroup var options: DatabaseOptions
    @Option(help: "Only the reports of this organization code.") var organization: String?
    @Option(help: "The report to print.") var id: Int?
    @Option(help: "text, json, docx or pdf (docx and pdf need --output).") var format: Format = .text
    @Option(help: "The file to write (docx, pdf).") var output: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, docx, pdf }

    func validate() throws {
        if format == .docx || format == .pdf, output == nil || id == nil {
            throw ValidationError("--format \(format.rawValue) writes one report to a file: give --id N --output FILE")
        }
    }

    func run() async throws {
        try await withStore(options) { store in
            let everything = Scope(roots: try await store.rootOrganizations())
            guard let id else {
                var only: OrganizationID?
                if let organization {
                    guard let found = try await store.organizationID(code: organization) else {
                        throw UserError(message: "Không có tổ chức đảng mã \(organization).")
                    }
                    only = found
                }
                let reports = try await store.issuedReviews(in: everything, of: only)
                if reports.isEmpty { return print("Chưa có báo cáo nào được ban hành.") }
                for report in reports {
                    print("#\(report.id)\t\(report.document.numberAndCode)\t\(VietnameseFormat.day(report.document.date))\t"
                        + "\(report.review.organization)\t\(VietnameseFormat.period(from: report.from, to: report.to))"
                        + (report.intact ? "" : "\tKHÔNG KHỚP MÃ KIỂM TRA"))
                }
                return
            }
            guard let report = try await store.issuedReview(id, in: everything) else {
                throw UserError(message: "Không có báo cáo đã ban hành #\(id).")
            }
            if !report.intact {
                FileHandle.standardError.write(Data("Cảnh báo: báo cáo #\(id) không khớp mã kiểm tra đã lưu (bị sửa ngoài DangBo).\n".utf8))
            }
            switch format {
            case .text: print(report.document.plainText, terminator: "")
            case .json: print(try json(report.review))
            case .docx, .pdf: try write(report.document, pdf: format == .pdf, to: output!)
            }
        }
    }
}

/// `dangbo report reconcile`: what changed in the registry since a report was issued.
struct ReviewReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Compare an issued report with the registry today: each figure changed, and the records entered or corrected since.")
    @OptionGroup var options: DatabaseOptions
    @Option(help: "The issued report.") var id: Int

    func run() async throws {
        try await withStore(options) { store in
            guard let report = try await store.issuedReview(id, in: Scope(roots: try await store.rootOrganizations())) else {
                throw UserError(message: "Không có báo cáo đã ban hành #\(id).")
            }
            let reconciliation = try await store.reconciliation(of: report)
            print("Báo cáo \(report.document.numberAndCode), \(VietnameseFormat.period(from: report.from, to: report.to)):")
            if reconciliation.isEmpty { return print("Không có số liệu nào thay đổi kể từ khi ban hành.") }
            for line in ReviewReconciliationText.lines(reconciliation) { print(line) }
            if !reconciliation.recordsKept {
                print("(Báo cáo quá lớn để lưu danh sách bản ghi khi ban hành: chỉ so sánh số liệu.)")
            }
        }
    }
}

/// The reconciliation as lines of text (CLI).
enum ReviewReconciliationText {
    static func lines(_ reconciliation: ReviewReconciliation) -> [String] {
        let n = VietnameseFormat.number
        var lines: [String] = []
        for change in reconciliation.figureChanges {
            lines.append("- \(change.name): \(n(change.issued)) khi ban hành, \(n(change.now)) hiện nay")
        }
        for change in reconciliation.changes {
            lines.append("- \(change.figure.vietnamese): \(n(change.issued)) khi ban hành, \(n(change.now)) hiện nay")
            for (sign, rows) in [("+", change.added), ("−", change.removed)] {
                for row in rows { lines.append("    \(sign) \(describe(row))") }
            }
        }
        return lines
    }

    static func describe(_ row: ReviewRecordRow) -> String {
        var parts: [String] = []
        if let member = row.member { parts.append("\(member.fullName) (sinh \(VietnameseFormat.day(member.birthDate)), #\(member.id.rawValue))") }
        if let event = row.event { parts.append(event.vietnamese) }
        parts.append(VietnameseFormat.day(row.day))
        if let place = row.cell ?? row.organization { parts.append(place.name) }
        if let reference = row.caseReference { parts.append(reference) }
        return parts.joined(separator: ", ")
    }
}
