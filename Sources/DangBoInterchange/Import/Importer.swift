import DangBoCore
import Foundation

/// Turns import tables into a checked `RegistryChange` against what the registry already holds: all or nothing,
/// every bad row reported as `file:line: column: reason` (DESIGN §4 "Interchange contract").
public struct Importer {
    public private(set) var registry: Registry
    private var nextOrganization: Int
    private var nextMember: Int
    private var issues: [ImportIssue] = []
    /// What was read but not used (unknown columns): reported, never fatal.
    public private(set) var warnings: [ImportIssue] = []
    private var change = RegistryChange()
    /// Where each organization and member of this import was written, for messages.
    private var organizationLines: [OrganizationID: (file: String, line: Int)] = [:]
    private var memberIDs: [String: MemberID]
    private var memberLines: [String: Int] = [:]
    /// For each member with new events: (existing event count, the rows of the new events).
    private var newEventRows: [MemberID: [ImportRow]] = [:]

    /// - Parameters: `registry` is what the store holds now; ids continue from `nextOrganizationID`/`nextMemberID`.
    public init(registry: Registry, nextOrganizationID: Int, nextMemberID: Int) {
        self.registry = registry
        self.nextOrganization = nextOrganizationID
        self.nextMember = nextMemberID
        self.memberIDs = Dictionary(registry.members.values.map { ($0.nationalID, $0.id) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads a folder of CSV files or one XLSX workbook and checks it. Returns the change and the registry after it.
    public static func load(
        _ url: URL, into registry: Registry, nextOrganizationID: Int, nextMemberID: Int
    ) throws(ImportFailure) -> (change: RegistryChange, registry: Registry, warnings: [ImportIssue]) {
        let tables = try readTables(at: url)
        var importer = Importer(registry: registry, nextOrganizationID: nextOrganizationID, nextMemberID: nextMemberID)
        let result = try importer.run(tables)
        return (result.change, result.registry, importer.warnings)
    }

    /// The tables of a folder of CSV files or of an .xlsx workbook, each named for messages.
    public static func readTables(at url: URL) throws(ImportFailure) -> [Table] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportFailure(issues: [ImportIssue(file: url.lastPathComponent, line: nil, column: nil,
                                                     reason: "không tìm thấy tệp hoặc thư mục")])
        }
        do {
            if isDirectory.boolValue {
                let files = try FileManager.default.contentsOfDirectory(atPath: url.path)
                    .filter { $0.lowercased().hasSuffix(".csv") }.sorted()
                return try files.map { try CSVReader.read(url: url.appendingPathComponent($0)) }
            }
            if url.pathExtension.lowercased() == "xlsx" {
                return try XLSXReader.read(url: url).map { table in
                    var named = table
                    named.name = "\(url.lastPathComponent)[\(table.name)]"
                    return named
                }
            }
            if url.pathExtension.lowercased() == "csv" { return [try CSVReader.read(url: url)] }
        } catch let error as CodecError {
            throw ImportFailure(issues: [ImportIssue(file: error.file, line: error.line, column: nil, reason: error.message)])
        } catch {
            throw ImportFailure(issues: [ImportIssue(file: url.lastPathComponent, line: nil, column: nil,
                                                     reason: "không đọc được: \(error)")])
        }
        throw ImportFailure(issues: [ImportIssue(file: url.lastPathComponent, line: nil, column: nil,
                                                 reason: "chỉ nhận một thư mục tệp CSV hoặc một tệp Excel (.xlsx)")])
    }

    /// Checks `tables` and returns the change and the registry after it, or every issue found.
    public mutating func run(_ tables: [Table]) throws(ImportFailure) -> (change: RegistryChange, registry: Registry) {
        var byKind: [ImportTable: [ImportRow]] = [:]
        for table in tables {
            let sheet = table.name.split(separator: "[").last.map { String($0.dropLast(table.name.hasSuffix("]") ? 1 : 0)) }
            guard let kind = ImportTable.named(sheet ?? table.name) ?? ImportTable.named(table.name) else {
                issues.append(ImportIssue(file: table.name, line: nil, column: nil, reason:
                    "không rõ bảng này; tên tệp phải là một trong: organizations, members, events, committee_seats, oversight"))
                continue
            }
            byKind[kind, default: []] += rows(of: table, as: kind)
        }
        guard issues.isEmpty else { throw ImportFailure(issues: issues) }
        importOrganizations(byKind[.organizations] ?? [])
        importMembers(byKind[.members] ?? [])
        importEvents(byKind[.events] ?? [])
        checkJournals()
        importSeats(byKind[.committeeSeats] ?? [])
        importOversight(byKind[.oversight] ?? [])
        guard issues.isEmpty else {
            throw ImportFailure(issues: issues.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) })
        }
        return (change, registry)
    }

    // MARK: - Tables

    private mutating func rows(of table: Table, as kind: ImportTable) -> [ImportRow] {
        var columnOf: [Int: String] = [:]
        var headers: [String: String] = [:]
        for (index, header) in table.header.enumerated() {
            let folded = ImportTable.key(header)
            if folded.isEmpty || folded == "stt" { continue }
            guard let column = kind.columns.first(where: { ImportTable.key($0.name) == folded || $0.aliases.contains(folded) })
            else {
                // NB: a column we do not know is left out, not refused: files from other systems carry extra ones.
                warnings.append(ImportIssue(file: table.name, line: 1, column: header, reason:
                    "cột không có trong định dạng nhập nên được bỏ qua; các cột: \(kind.columns.map(\.name).joined(separator: ", "))"))
                continue
            }
            if headers[column.name] != nil {
                issues.append(ImportIssue(file: table.name, line: 1, column: header, reason: "cột bị lặp lại"))
            }
            columnOf[index] = column.name
            headers[column.name] = header
        }
        for column in kind.columns where column.required && headers[column.name] == nil {
            issues.append(ImportIssue(file: table.name, line: 1, column: column.name, reason: "thiếu cột bắt buộc"))
        }
        if kind == .members, headers["full_name"] == nil, headers["given_name"] == nil {
            issues.append(ImportIssue(file: table.name, line: 1, column: "full_name", reason:
                "cần cột full_name (Họ và tên) hoặc các cột family_name, middle_name, given_name"))
        }
        return table.rows.map { row in
            var cells: [String: String] = [:]
            for (index, value) in row.cells.enumerated() {
                if let column = columnOf[index] { cells[column] = VietnameseText.normalized(value) }
            }
            return ImportRow(file: table.name, line: row.line, cells: cells, headers: headers)
        }
    }

    // MARK: - Organizations

    private mutating func importOrganizations(_ rows: [ImportRow]) {
        var order: [String] = []
        var rowsByCode: [String: [ImportRow]] = [:]
        for row in rows {
            guard let code = row.required("code", &issues) else { continue }
            if rowsByCode[code] == nil { order.append(code) }
            rowsByCode[code, default: []].append(row)
        }
        var tree = registry.tree
        var ids: [String: OrganizationID] = [:]
        for code in order {
            if let existing = tree.organization(code: code) { ids[code] = existing.id } else {
                ids[code] = OrganizationID(nextOrganization)
                nextOrganization += 1
            }
        }
        for code in order {
            let codeRows = rowsByCode[code]!
            let id = ids[code]!
            var versions = tree[id]?.versions ?? []
            var dissolved: Day?
            var failed = false
            for row in codeRows {
                let before = issues.count
                let name = row.required("name", &issues)
                let kind = row.enumeration("kind", OrganizationKind.self, aliases: ImportVocabulary.organizationKinds, &issues)
                let established = row.day("established_on", required: true, &issues)
                let validFrom = row.day("valid_from", required: false, &issues)
                if let day = row.day("dissolved_on", required: false, &issues) { dissolved = day }
                var parent: OrganizationID?
                let parentCode = row.text("parent_code")
                if !parentCode.isEmpty {
                    parent = ids[parentCode] ?? tree.organization(code: parentCode)?.id
                    if parent == nil { issues.append(row.issue("parent_code", "không có tổ chức đảng mã \(parentCode)")) }
                }
                guard issues.count == before, let name, let kind, let established else { failed = true; continue }
                let start = validFrom ?? established
                if let last = versions.last {
                    guard start > last.validity.start else {
                        issues.append(row.issue(validFrom == nil ? "established_on" : "valid_from",
                            "các dòng của một tổ chức phải theo thứ tự thời gian; giai đoạn mới phải bắt đầu sau \(VietnameseFormat.day(last.validity.start))"))
                        failed = true
                        continue
                    }
                    versions[versions.count - 1].validity = DayRange(start: last.validity.start, end: start)
                }
                versions.append(OrganizationVersion(validity: DayRange(start: start, end: nil), name: name, kind: kind, parent: parent))
            }
            guard !failed, !versions.isEmpty else { continue }
            if let dissolved {
                let last = versions[versions.count - 1]
                guard dissolved > last.validity.start else {
                    issues.append(codeRows.last!.issue("dissolved_on", "ngày giải thể phải sau ngày thành lập"))
                    continue
                }
                versions[versions.count - 1].validity = DayRange(start: last.validity.start, end: dissolved)
            }
            let organization = Organization(id: id, code: code, versions: versions)
            tree.insert(organization)
            change.organizations.append(organization)
            organizationLines[id] = (codeRows[0].file, codeRows[0].line)
        }
        guard !change.organizations.isEmpty else { return }
        for violation in tree.violations() {
            let place = organizationLines[violation.organization]
            let column: String? = switch violation.reason {
            case .unknownParent, .parentMissing, .cycle: "parent_code"
            case .kindNotAllowed, .needsParent: "kind"
            default: "established_on"
            }
            issues.append(ImportIssue(file: place?.file ?? "organizations.csv", line: place?.line, column: column,
                                      reason: violation.message))
        }
        registry.tree = tree
    }

    // MARK: - Members

    private mutating func importMembers(_ rows: [ImportRow]) {
        for row in rows {
            let before = issues.count
            let nationalID = row.nationalID("national_id", &issues)
            var family = row.text("family_name"), middle = row.text("middle_name"), given = row.text("given_name")
            if given.isEmpty, !row.text("full_name").isEmpty {
                (family, middle, given) = VietnameseText.splitFullName(row.text("full_name"))
            }
            if given.isEmpty { issues.append(row.issue(row.headers["full_name"] != nil ? "full_name" : "given_name", "không được để trống")) }
            let gender = row.enumeration("gender", Gender.self, aliases: ImportVocabulary.genders, &issues)
            let birth = row.day("birth_date", required: true, &issues)
            let joined = row.day("joined_on", required: false, &issues)
            let official = row.day("official_on", required: false, &issues)
            if let nationalID {
                if let line = memberLines[nationalID] {
                    issues.append(row.issue("national_id", "trùng số CCCD \(nationalID) với dòng \(line)"))
                } else if memberIDs[nationalID] != nil {
                    issues.append(row.issue("national_id", "số CCCD \(nationalID) đã có trong cơ sở dữ liệu"))
                }
            }
            guard issues.count == before, let nationalID, let gender, let birth else { continue }
            let id = MemberID(nextMember)
            nextMember += 1
            memberIDs[nationalID] = id
            memberLines[nationalID] = row.line
            let ethnicity = row.text("ethnicity"), religion = row.text("religion")
            let member = Member(
                id: id, nationalID: nationalID, familyName: family, middleName: middle, givenName: given, gender: gender,
                birthDate: birth,
                ethnicity: ethnicity.isEmpty || ImportTable.key(ethnicity) == "kinh" ? Member.kinh : ethnicity,
                religion: religion.isEmpty || ImportTable.key(religion) == "khong" ? Member.noReligion : religion,
                education: row.text("education"), politicalTheory: row.text("political_theory"),
                occupation: row.text("occupation"), cardNumber: row.text("card_number"),
                recordNumber: row.text("record_number"), joinedOn: joined, officialOn: official)
            change.members.append(member)
            newEventRows[id] = newEventRows[id] ?? []
        }
    }

    // MARK: - Events

    private var newMembers: [MemberID: Member] {
        Dictionary(uniqueKeysWithValues: change.members.map { ($0.id, $0) })
    }

    private mutating func importEvents(_ rows: [ImportRow]) {
        for row in rows {
            let before = issues.count
            let nationalID = row.nationalID("national_id", &issues)
            let kind = row.enumeration("kind", EventKind.self, aliases: ImportVocabulary.eventKinds, &issues)
            let effective = row.day("effective_on", required: true, &issues)
            let decisionDate = row.day("decision_date", required: false, &issues)
            var organization: OrganizationID?
            let code = row.text("organization_code")
            if !code.isEmpty {
                organization = registry.tree.organization(code: code)?.id
                if organization == nil { issues.append(row.issue("organization_code", "không có tổ chức đảng mã \(code)")) }
            }
            var member: MemberID?
            if let nationalID {
                member = memberIDs[nationalID]
                if member == nil { issues.append(row.issue("national_id", "không có đảng viên số CCCD \(nationalID)")) }
            }
            guard issues.count == before, let member, let kind, let effective else { continue }
            let number = row.text("decision_number")
            let event = MembershipEvent(
                member: member, kind: kind, effective: effective, organization: organization,
                decision: number.isEmpty && decisionDate == nil ? nil : Decision(number: number, date: decisionDate),
                counterpart: row.text("counterpart"), note: row.text("note"))
            change.events.append(event)
            newEventRows[member, default: []].append(row)
        }
    }

    private mutating func checkJournals() {
        guard issues.isEmpty else { return }
        let added = newMembers
        var eventsByMember: [MemberID: [MembershipEvent]] = [:]
        for event in change.events { eventsByMember[event.member, default: []].append(event) }
        for (id, rows) in newEventRows.sorted(by: { $0.key < $1.key }) {
            let existing = registry.journals[id]?.events ?? []
            guard let member = added[id] ?? registry.members[id] else { continue }
            do {
                let journal = try Journal(member: member, events: existing + (eventsByMember[id] ?? []), tree: registry.tree)
                registry.record(journal)
                change.journals.append(journal)
            } catch {
                let index = error.index - existing.count
                let column: String = switch error.reason {
                case .admissionAge, .recognitionDay, .cellDoesNotExist: "effective_on"
                case .cellRequired, .unknownOrganization, .notACell, .sameCell: "organization_code"
                default: "kind"
                }
                if index >= 0, index < rows.count {
                    issues.append(rows[index].issue(column, error.message))
                } else {
                    issues.append(ImportIssue(file: "events", line: nil, column: column, reason: error.message))
                }
            }
        }
    }

    // MARK: - Committee seats

    private mutating func importSeats(_ rows: [ImportRow]) {
        for row in rows {
            let before = issues.count
            let code = row.required("organization_code", &issues)
            let organization = code.flatMap { registry.tree.organization(code: $0)?.id }
            if let code, organization == nil { issues.append(row.issue("organization_code", "không có tổ chức đảng mã \(code)")) }
            let committee = row.enumeration("committee", CommitteeKind.self, aliases: ImportVocabulary.committees, &issues)
            let nationalID = row.nationalID("national_id", &issues)
            let member = nationalID.flatMap { memberIDs[$0] }
            if let nationalID, member == nil { issues.append(row.issue("national_id", "không có đảng viên số CCCD \(nationalID)")) }
            let position = row.enumeration("position", Position.self, aliases: ImportVocabulary.positions, &issues)
            let source = row.enumeration("source", SeatSource.self, aliases: ImportVocabulary.sources, &issues)
            let start = row.day("start_on", required: true, &issues)
            let end = row.day("end_on", required: false, &issues)
            if let start, let end, end < start { issues.append(row.issue("end_on", "ngày kết thúc phải từ ngày bắt đầu trở đi")) }
            if let organization, let start, registry.tree[organization]?.exists(on: start) == false {
                issues.append(row.issue("start_on", "tổ chức \(code ?? "") không tồn tại vào ngày \(VietnameseFormat.day(start))"))
            }
            guard issues.count == before, let organization, let committee, let member, let position, let source, let start
            else { continue }
            let number = row.text("decision_number")
            let seat = CommitteeSeat(
                organization: organization, committee: committee, member: member, position: position, source: source,
                validity: DayRange(start: start, end: end), decision: number.isEmpty ? nil : Decision(number: number))
            change.seats.append(seat)
            registry.seats.append(seat)
        }
    }

    // MARK: - Oversight

    private mutating func importOversight(_ rows: [ImportRow]) {
        let known = Set(registry.cases.map(\.reference))
        var order: [String] = []
        var cases: [String: OversightCase] = [:]
        var firstLine: [String: Int] = [:]
        for row in rows {
            let before = issues.count
            guard let reference = row.required("case_ref", &issues) else { continue }
            if known.contains(reference) { issues.append(row.issue("case_ref", "cuộc \(reference) đã có trong cơ sở dữ liệu")); continue }
            let activity = row.enumeration("activity", OversightActivity.self, aliases: ImportVocabulary.activities, &issues)
            let mode = row.enumeration("mode", OversightMode.self, aliases: ImportVocabulary.modes, &issues)
            let conductor = row.enumeration("conductor", ConductorKind.self, aliases: ImportVocabulary.conductors, &issues)
            let conductorCode = row.required("conductor_code", &issues)
            let conductorID = conductorCode.flatMap { registry.tree.organization(code: $0)?.id }
            if let conductorCode, conductorID == nil {
                issues.append(row.issue("conductor_code", "không có tổ chức đảng mã \(conductorCode)"))
            }
            let started = row.day("started_on", required: true, &issues)
            let ended = row.day("ended_on", required: false, &issues)
            if let started, let ended, ended < started { issues.append(row.issue("ended_on", "ngày kết thúc phải từ ngày bắt đầu trở đi")) }
            let outcome = row.enumeration("outcome", OversightOutcome.self, aliases: ImportVocabulary.outcomes, required: false, &issues)
            var subject: OversightSubject?
            let subjectCode = row.text("subject_code"), subjectID = row.text("subject_national_id")
            switch (subjectCode.isEmpty, subjectID.isEmpty) {
            case (false, true):
                if let id = registry.tree.organization(code: subjectCode)?.id { subject = .organization(id) }
                else { issues.append(row.issue("subject_code", "không có tổ chức đảng mã \(subjectCode)")) }
            case (true, false):
                if let nationalID = row.nationalID("subject_national_id", &issues) {
                    if let id = memberIDs[nationalID] { subject = .member(id) }
                    else { issues.append(row.issue("subject_national_id", "không có đảng viên số CCCD \(nationalID)")) }
                }
            case (false, false):
                issues.append(row.issue("subject_code", "mỗi dòng chỉ ghi một đối tượng: subject_code hoặc subject_national_id"))
            case (true, true):
                issues.append(row.issue("subject_code", "cần subject_code (tổ chức) hoặc subject_national_id (đảng viên)"))
            }
            guard issues.count == before, let activity, let mode, let conductor, let conductorID, let started, let subject
            else { continue }
            if var existing = cases[reference] {
                guard existing.activity == activity, existing.mode == mode, existing.conductor == conductor,
                      existing.conductorOrganization == conductorID, existing.started == started else {
                    issues.append(row.issue("case_ref", "các dòng của cuộc \(reference) phải giống nhau về hoạt động, hình thức, chủ thể và ngày bắt đầu (xem dòng \(firstLine[reference]!))"))
                    continue
                }
                existing.subjects.append(subject)
                cases[reference] = existing
            } else {
                order.append(reference)
                firstLine[reference] = row.line
                cases[reference] = OversightCase(
                    reference: reference, activity: activity, mode: mode, conductor: conductor,
                    conductorOrganization: conductorID, started: started, ended: ended, outcome: outcome, subjects: [subject])
            }
        }
        for reference in order {
            change.cases.append(cases[reference]!)
            registry.cases.append(cases[reference]!)
        }
    }
}
