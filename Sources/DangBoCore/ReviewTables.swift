/// The organizations of one kind in a subtree (issue 10 point 2): how many stand on the period's last day, how many
/// were established in the period and how many dissolved.
public struct OrganizationKindCounts: Hashable, Sendable, Codable {
    public var kind: OrganizationKind
    /// In the subtree on the period's last day, the root included (`Review.organizations.byKind`).
    public var onLastDay: Int
    /// Established in the period under the root (counted by the kind of their first version).
    public var established: Int
    /// Dissolved in the period, under the root on their last day (counted by the kind of their last version).
    public var dissolved: Int

    public init(kind: OrganizationKind, onLastDay: Int = 0, established: Int = 0, dissolved: Int = 0) {
        self.kind = kind
        self.onLastDay = onLastDay
        self.established = established
        self.dissolved = dissolved
    }
}

extension OrganizationTree {
    /// `OrganizationKindCounts` of every kind, in `OrganizationKind.allCases` order, for the subtree of `root` over
    /// `from`–`to` (both included). The twin of `Store.organizationKindCounts`.
    public func kindCounts(under root: OrganizationID, from: Day, to: Day) -> [OrganizationKindCounts] {
        var counts = Dictionary(uniqueKeysWithValues: OrganizationKind.allCases.map { ($0, OrganizationKindCounts(kind: $0)) })
        for organization in organizations.values {
            if let version = organization.version(on: to), isWithin(organization.id, root: root, on: to) {
                counts[version.kind]!.onLastDay += 1
            }
            let established = organization.established
            if from <= established, established <= to, isWithin(organization.id, root: root, on: established) {
                counts[organization.versions[0].kind]!.established += 1
            }
            if let dissolved = organization.dissolved, from <= dissolved, dissolved <= to,
               isWithin(organization.id, root: root, on: dissolved.previous) {
                counts[organization.versions[organization.versions.count - 1].kind]!.dissolved += 1
            }
        }
        return OrganizationKind.allCases.map { counts[$0]! }
    }
}

/// The statistical tables of a review (issue 10 point 2): the members of each grassroots organization of the subtree
/// on the period's last day, broken down as `Statistics` breaks them down, the subtree's total, and the organizations
/// by kind.
public struct ReviewTables: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var code: String
        public var name: String
        public var statistics: Statistics

        public init(code: String, name: String, statistics: Statistics) {
            self.code = code
            self.name = name
            self.statistics = statistics
        }
    }

    /// One row per grassroots organization of the subtree on the last day, by code; empty when there are more than
    /// the store lists (`omittedRows` says how many).
    public var rows: [Row]
    public var omittedRows: Int
    /// The whole subtree.
    public var total: Statistics
    public var kinds: [OrganizationKindCounts]

    public init(rows: [Row], omittedRows: Int = 0, total: Statistics, kinds: [OrganizationKindCounts]) {
        self.rows = rows
        self.omittedRows = omittedRows
        self.total = total
        self.kinds = kinds
    }

    /// The breakdowns of `MemberCounts`, each with its Vietnamese name.
    public static var breakdowns: [(name: String, path: KeyPath<MemberCounts, [String: Int]>)] {
        [("Giới tính", \.byGender), ("Độ tuổi", \.byAgeBand), ("Dân tộc", \.byEthnicity), ("Tôn giáo", \.byReligion),
         ("Trình độ học vấn", \.byEducation), ("Lý luận chính trị", \.byPoliticalTheory), ("Nghề nghiệp", \.byOccupation)]
    }

    /// The values of a breakdown as columns: the age bands in their order, the genders as words, any other by how
    /// many members the subtree has of it (most first, then by name).
    func columns(_ path: KeyPath<MemberCounts, [String: Int]>) -> [String] {
        let counts = total.members[keyPath: path]
        if path == \MemberCounts.byAgeBand { return AgeBand.bands.map(\.label).filter { counts[$0] != nil } }
        return counts.filter { $0.value > 0 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    }

    /// A breakdown's value as a heading ("nam" → "Nam").
    static func label(_ value: String, of path: KeyPath<MemberCounts, [String: Int]>) -> String {
        guard path == \MemberCounts.byGender else { return value }
        return Gender(rawValue: value)?.vietnamese ?? value
    }
}

extension ReviewDocument {
    /// The statistical tables as the document's appendix ("Phụ lục"), as of `to`: the members of each grassroots
    /// organization, the members' composition (count and share of each value of each breakdown), the organizations
    /// by kind.
    public static func appendix(_ tables: ReviewTables, to: Day) -> [PartyDocument.Block] {
        let n = VietnameseFormat.number, members = tables.total.members
        var blocks: [PartyDocument.Block] = [
            .heading("PHỤ LỤC: SỐ LIỆU THỐNG KÊ ĐẾN NGÀY \(VietnameseFormat.day(to))", level: 1),
            .heading("1. Đảng viên theo tổ chức cơ sở đảng", level: 2),
        ]
        if tables.omittedRows > 0 {
            blocks.append(.paragraph("Có \(n(tables.omittedRows)) tổ chức cơ sở đảng, quá nhiều để liệt kê từng tổ chức; bảng dưới là tổng số."))
        }
        blocks.append(.table(header: perOrganizationHeader.dropFirst().map { $0 },
                             rows: tables.rows.map { [$0.name] + perOrganization($0.statistics) }
                                 + [["Cộng"] + perOrganization(tables.total)]))
        blocks.append(.heading("2. Cơ cấu đảng viên", level: 2))
        var rows: [[String]] = []
        for breakdown in ReviewTables.breakdowns {
            let columns = tables.columns(breakdown.path)
            guard !columns.isEmpty else { continue }
            rows.append([breakdown.name, "", ""])
            for value in columns {
                let count = members[keyPath: breakdown.path][value] ?? 0
                rows.append(["- " + ReviewTables.label(value, of: breakdown.path), n(count),
                             VietnameseFormat.percent(count, of: members.total)])
            }
        }
        blocks.append(.table(header: ["Chỉ tiêu", "Số lượng", "Tỷ lệ"], rows: rows))
        blocks.append(.heading("3. Tổ chức đảng theo loại", level: 2))
        let kinds = tables.kinds
        blocks.append(.table(
            header: ["Loại tổ chức", "Đến \(VietnameseFormat.day(to))", "Thành lập trong kỳ", "Giải thể trong kỳ"],
            rows: kinds.map { [$0.kind.vietnamese, n($0.onLastDay), n($0.established), n($0.dissolved)] }
                + [["Cộng", n(kinds.map(\.onLastDay).reduce(0, +)), n(kinds.map(\.established).reduce(0, +)),
                    n(kinds.map(\.dissolved).reduce(0, +))]]))
        return blocks
    }

    /// The columns of the members per grassroots organization, the code first (the workbook keeps it; the document
    /// drops it).
    static let perOrganizationHeader = ["Mã", "Tổ chức cơ sở đảng", "Tổng số", "Chính thức", "Dự bị", "Nữ", "Dân tộc thiểu số",
                                        "Có tôn giáo", "Miễn sinh hoạt"]

    static func perOrganization(_ statistics: Statistics, format: (Int) -> String = VietnameseFormat.number) -> [String] {
        let m = statistics.members
        return [m.total, m.official, m.probationary, m.female, m.ethnicMinority, m.religious, m.exempt].map(format)
    }

    /// The statistical tables as workbook sheets (plain integers): the members per grassroots organization, one sheet
    /// per breakdown with a column per value, and the organizations by kind.
    public static func sheets(_ tables: ReviewTables) -> [(name: String, header: [String], rows: [[String]])] {
        let plain = { (value: Int) in String(value) }
        var sheets: [(name: String, header: [String], rows: [[String]])] = [(
            "Theo tổ chức cơ sở", perOrganizationHeader,
            tables.rows.map { [$0.code, $0.name] + perOrganization($0.statistics, format: plain) }
                + [["", "Cộng"] + perOrganization(tables.total, format: plain)])]
        for breakdown in ReviewTables.breakdowns {
            let columns = tables.columns(breakdown.path)
            guard !columns.isEmpty else { continue }
            func cells(_ statistics: Statistics) -> [String] {
                columns.map { String(statistics.members[keyPath: breakdown.path][$0] ?? 0) }
            }
            sheets.append((breakdown.name, ["Mã", "Tổ chức cơ sở đảng"] + columns.map { ReviewTables.label($0, of: breakdown.path) },
                           tables.rows.map { [$0.code, $0.name] + cells($0.statistics) } + [["", "Cộng"] + cells(tables.total)]))
        }
        sheets.append(("Tổ chức theo loại", ["Loại tổ chức", "Cuối kỳ", "Thành lập trong kỳ", "Giải thể trong kỳ"],
                       tables.kinds.map { [$0.kind.vietnamese, String($0.onLastDay), String($0.established), String($0.dissolved)] }))
        return sheets
    }
}
