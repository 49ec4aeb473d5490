import ArgumentParser
import DangBoCore
import DangBoInterchange
import DangBoStore
import DangBoSynthetic
import DangBoWeb
import Foundation

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema, nothing else.")
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withStore(options) { store in print("Cơ sở dữ liệu \(store.location) đã sẵn sàng.") }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a folder of CSV files or one XLSX workbook (docs/import-format.md): all or nothing.")
    @OptionGroup var options: DatabaseOptions
    @Argument(help: "A folder of CSV files, or a .xlsx workbook.") var path: String
    @Option(help: "Who is importing, for the audit trail.") var actor: String = "cli"
    @Flag(name: .customLong("dry-run"), help: "Check everything against the database and report what would be written; write nothing.")
    var dryRun = false

    func run() async throws {
        // NB: an import reads and writes through the writer only.
        try await withStore(options, readers: false) { store in
            let summary: Importer.Summary
            do {
                summary = try await store.importData(at: URL(fileURLWithPath: path), actor: actor, today: Day.today(),
                                                     dryRun: dryRun, progress: reportProgress)
            } catch let error as ImportFailure {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                FileHandle.standardError.write(Data("Không nhập gì: \(error.issues.count) lỗi.\n".utf8))
                throw ExitCode(1)
            }
            for warning in summary.warnings {
                FileHandle.standardError.write(Data("Cảnh báo: \(warning)\n".utf8))
            }
            let n = VietnameseFormat.number
            print((dryRun ? "Chưa ghi gì (--dry-run); sẽ nhập " : "Đã nhập ") + "\(n(summary.organizations)) tổ chức, \(n(summary.members)) đảng viên, "
                + "\(n(summary.events)) biến động, \(n(summary.seats)) chức danh cấp ủy, \(n(summary.cases)) cuộc kiểm tra, giám sát, "
                + "\(n(summary.meetings)) buổi sinh hoạt chi bộ (\(n(summary.attendance)) dòng điểm danh), "
                + "\(n(summary.disciplines)) quyết định kỷ luật, \(n(summary.terms)) nhiệm kỳ cấp ủy, "
                + "\(n(summary.steps)) bước kiểm tra, giám sát, \(n(summary.tasks)) nhiệm vụ khắc phục, "
                + "\(n(summary.programmes)) chương trình kiểm tra, giám sát (\(n(summary.programmeItems)) nội dung).")
            guard !dryRun else { return }
            // NB: the last two quarter ends' statistics of every large subtree, counted once for all of them, so that
            // a province's or the nation's first review of the quarter does not count them (as `dangbo serve` does).
            let days = Store.quarterEnds(asOf: Day.today())
            let named = days.map(VietnameseFormat.day).joined(separator: " và ")
            do {
                reportProgress("tính sẵn số liệu đảng viên ngày \(named) của các tổ chức lớn")
                let kept = try await store.keepSnapshots(on: days)
                if kept > 0 {
                    print("Đã tính sẵn số liệu đảng viên ngày \(named) của các tổ chức có từ \(n(store.snapshotMinimum)) "
                        + "đảng viên trở lên (\(n(kept)) bảng số liệu).")
                }
            } catch {
                FileHandle.standardError.write(Data("Chưa tính sẵn được số liệu cuối quý (sẽ tính khi được hỏi): \(error)\n".utf8))
            }
        }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the whole registry as a folder of CSV files in the import format (docs/import-format.md).")
    @OptionGroup var options: DatabaseOptions
    @Argument(help: "The folder to write (created if needed).") var path: String

    func run() async throws {
        try await withStore(options) { store in
            let registry = try await store.loadRegistry()
            try RegistryExport.writeCSV(registry, to: URL(fileURLWithPath: path))
            let n = VietnameseFormat.number
            print("Đã xuất \(n(registry.tree.organizations.count)) tổ chức, \(n(registry.members.count)) đảng viên vào \(path).")
        }
    }
}

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Statistics of an organization and its subtree as of a day.")
    @OptionGroup var options: DatabaseOptions
    @Option(help: "Organization code.") var organization: String
    @Option(name: .customLong("as-of"), help: "The day (YYYY-MM-DD or dd/MM/yyyy).") var asOf: String
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() async throws {
        let day = try parseDay(asOf)
        try await withStore(options) { store in
            let (root, name) = try await organizationNamed(organization, on: day, in: store)
            let statistics = try await store.statistics(of: root, asOf: day)
            print(format == .json ? try json(statistics) : ReportText.statistics(statistics, name: name), terminator: format == .json ? "\n" : "")
        }
    }
}

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reports.", subcommands: [ReviewReport.self, ReviewNarrativeCommand.self, ReviewIssueCommand.self, ReviewIssuedCommand.self,
                                                                                ReviewReconcileCommand.self])
}

struct ReviewReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "The periodic review figures (sơ kết, tổng kết) for a period, both days included; "
            + "as text, JSON, or the party document (DOCX, HD 36 layout).")
    @OptionGroup var options: DatabaseOptions
    @Option(help: "Organization code.") var organization: String
    @Option(help: "First day of the period.") var from: String
    @Option(help: "Last day of the period (stocks are as of this day).") var to: String
    @Option(help: "text, json, docx, xlsx or pdf (through LibreOffice; docx, xlsx and pdf need --output).") var format: ReviewFormat = .text
    @Option(help: "The file to write (docx, xlsx).") var output: String?
    @OptionGroup var document: DocumentOptions

    enum ReviewFormat: String, ExpressibleByArgument, CaseIterable { case text, json, docx, xlsx, pdf }

    func validate() throws {
        if format == .docx || format == .xlsx || format == .pdf, output == nil {
            throw ValidationError("--format \(format.rawValue) writes a file: give --output FILE")
        }
    }

    func run() async throws {
        let first = try parseDay(from), last = try parseDay(to)
        guard first <= last else { throw ValidationError("--from must not be after --to") }
        try await withStore(options) { store in
            let (root, name) = try await organizationNamed(organization, on: last, in: store)
            if format == .docx || format == .pdf { return try await writeDocument(root: root, from: first, to: last, store: store) }
            let review = try await store.review(of: root, from: first, to: last)
            if format == .xlsx {
                let statistics = try await store.reviewTables(of: root, from: first, to: last)
                let tables = (ReviewDocument.tables(review) + ReviewDocument.sheets(statistics)).map { table in
                    Table(name: table.name, header: table.header,
                          rows: table.rows.enumerated().map { TableRow(line: $0.offset + 2, cells: $0.element) })
                }
                try XLSXWriter.write(tables, to: URL(fileURLWithPath: output!))
                return print("Đã ghi \(output!): \(tables.map(\.name).joined(separator: ", ")).")
            }
            print(format == .json ? try json(review) : ReportText.review(review, name: name), terminator: format == .json ? "\n" : "")
        }
    }

    /// The review as the party document (`Store.reviewDocument`), written to `output`.
    private func writeDocument(root: OrganizationID, from: Day, to: Day, store: Store) async throws {
        let written: PartyDocument
        do {
            written = try await store.reviewDocument(
                of: root, from: from, to: to, number: document.number, date: try document.day, signer: document.signer,
                signerTitle: document.signerTitle, authority: document.authority, recipients: document.recipient)
        } catch let error as ReviewDocumentError {
            throw UserError(message: error.description)
        }
        try write(written, pdf: format == .pdf, to: output!)
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic demo bloc (about 55 grassroots organizations, 4,000 members, 30 years) into an empty database.")
    @OptionGroup var options: DatabaseOptions
    @Option(help: "Seed of the generator (same seed, same data).") var seed: UInt64 = 2021
    @Option(help: "About how many members on the rolls at the end of the history.") var members: Int = 4_000
    @Option(help: "The last day of the history (default: today).") var through: String?

    func run() async throws {
        let through = try self.through.map(parseDay) ?? Day.today()
        let synthetic = SyntheticRegistry(options: .init(seed: seed, members: members, through: through))
        let (change, registry) = synthetic.change()
        try await withStore(options) { store in
            // NB: the database is found empty inside the write lock, so that an import started at the same time cannot
            // come between the check and the write.
            do {
                try await store.write(audit: AuditRecord(
                    actor: "cli", action: "demo", summary: "Ghi dữ liệu mẫu", details: ["seed": "\(seed)"], recordedAt: Date())
                ) { store in
                    let next = try await store.nextIdentifiers()
                    guard next.organization == 1, next.member == 1 else { throw DemoNotEmpty() }
                    return (change, registry.tree)
                }
            } catch is DemoNotEmpty {
                print("Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ ghi vào cơ sở dữ liệu trống.")
                return
            }
            let root = synthetic.organizations[0]
            let n = VietnameseFormat.number
            let end = registry.statistics(of: root.id, asOf: through)
            print("Đã ghi dữ liệu mẫu: \(n(synthetic.organizations.count)) tổ chức, \(n(synthetic.members.count)) hồ sơ đảng viên "
                + "(\(n(end.members.total)) đảng viên đến \(VietnameseFormat.day(through))), \(n(synthetic.events.count)) biến động. Thử:")
            print("  dangbo report review --organization \(root.code) --from 2021-01-01 --to 2021-03-31")
            // The bloc's document settings (the example review's province), so that its report prints as a party
            // document at once; staff change them with `dangbo organization settings`.
            try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK"), of: root.id, actor: "cli")
            let quarter = ReviewDraft.lastQuarter(endingBy: through)
            print("  dangbo report review --organization \(root.code) --from \(quarter.from.iso) --to \(quarter.to.iso) "
                + "--format docx --output bao-cao.docx")
            try await addDemoAccounts(to: store, registry: registry, root: root, on: through)
        }
    }

    /// One account per role for trying the web application, each with a fresh random password printed once (no
    /// password is built into DangBo): the bloc's staff on the root, a secretary on the largest cell, a viewer on the
    /// largest grassroots organization.
    private func addDemoAccounts(to store: Store, registry: Registry, root: Organization, on day: Day) async throws {
        func largest(_ isWanted: (OrganizationKind) -> Bool) -> Organization {
            registry.tree.organizations.values.filter { $0.version(on: day).map { isWanted($0.kind) } ?? false }
                .max { (registry.statistics(of: $0.id, asOf: day).members.total, $1.id)
                    < (registry.statistics(of: $1.id, asOf: day).members.total, $0.id) } ?? root
        }
        let accounts: [(String, Role, Organization)] = [
            ("quantri", .admin, root), ("bantochuc", .organizationStaff, root), ("ubkt", .inspectionStaff, root),
            ("bithu", .cellSecretary, largest(\.isCell)), ("xem", .viewer, largest(\.isGrassroots)),
        ]
        print("\nTài khoản dùng thử (mật khẩu chỉ hiện lần này; đổi bằng dangbo user passwd):")
        for (login, role, organization) in accounts {
            var generator = SystemRandomNumberGenerator()
            let password = (0..<12).map { _ in "abcdefghijkmnpqrstuvwxyz23456789".randomElement(using: &generator)! }
            try await store.addAccount(login: login, grant: Grant(role: role, organization: organization.id),
                                       passwordHash: try Passwords.hash(String(password)), actor: "cli")
            print("  \(login)\t\(String(password))\t\(role.vietnamese), \(organization.code)")
        }
        print("Chạy trang web: dangbo serve, rồi mở http://127.0.0.1:8080")
    }
}

/// The database already holds data: the demo writes only into an empty one.
private struct DemoNotEmpty: Error {}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web application.")
    @OptionGroup var options: DatabaseOptions
    @Option(help: "The address to listen on.") var hostname: String = "127.0.0.1"
    @Option(help: "The port to listen on, 1 to 65535.") var port: Int = 8080
    @Flag(help: "Mark cookies Secure: set it when DangBo is served behind TLS (a reverse proxy).") var secureCookies = false

    func validate() throws {
        guard WebConfiguration.ports.contains(port) else {
            throw ValidationError("--port must be between 1 and 65535 (got \(port))")
        }
        guard !hostname.isEmpty else { throw ValidationError("--hostname must not be empty") }
    }

    func run() async throws {
        try await withStore(options) { store in
            try await WebServer.run(store: store, configuration: WebConfiguration(hostname: hostname, port: port, secureCookies: secureCookies))
        }
    }
}

/// The organization with `code` and its name on `day` (its last name when it did not exist that day).
func organizationNamed(_ code: String, on day: Day, in store: Store) async throws -> (OrganizationID, String) {
    guard let found = try await store.organizationNamed(code: code, on: day) else {
        throw UserError(message: "Không có tổ chức đảng mã \(code).")
    }
    return found
}

func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// A failure the user can fix, printed as is (without the usage text).
struct UserError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
