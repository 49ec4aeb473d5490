/// The rule book as a table: Markdown for `docs/rules.md` and plain text for a terminal (`dangbo rules`).
extension RuleBook {
    /// The whole of `docs/rules.md`: title, a Vietnamese and an English paragraph, the rules and the regulations.
    /// With `day`, only the versions in force that day. `dangbo rules --format markdown` prints exactly this.
    public static func markdownDocument(on day: Day? = nil) -> String {
        var lines = [
            "# Quy tắc và văn bản — Rules and regulations",
            "",
            "<!-- Sinh từ mã nguồn / generated from Sources/DangBoCore/Rules: "
                + "swift run dangbo rules --format markdown > docs/rules.md -->",
            "",
            "**Tiếng Việt.** Các quy tắc DangBo kiểm tra khi ghi biến động đảng viên, mỗi quy tắc theo từng văn bản đã quy "
                + "định nó và ngày bắt đầu áp dụng. Một biến động được kiểm tra theo phiên bản có hiệu lực vào ngày của "
                + "biến động, và thông báo lỗi trích dẫn đúng văn bản, điều khoản đó. \"chưa xác nhận\" là giá trị hoặc "
                + "điều khoản chưa có nguồn nào trích dẫn cho văn bản ấy (chủ yếu các văn bản năm 2025), cần đối chiếu "
                + "với văn bản gốc.",
            "",
            "**English.** The rules DangBo checks when it records a member's events, each with the regulation that states "
                + "it and the day it applies from. An event is checked against the version in force on its day, and the "
                + "error message cites that regulation and clause. \"chưa xác nhận\" (unconfirmed) marks a value or clause "
                + "no source has yet quoted for that text (mostly the 2025 texts); it awaits the primary text.",
            "",
        ]
        if let day { lines += [inForce(on: day), ""] }
        lines += ["## Quy tắc (rules)", "", markdownTable(on: day), "", "## Văn bản (regulations)", "",
                  markdownRegulations(on: day)]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rules as a Markdown table: rule, value, regulation and clause, applies from, confirmed.
    public static func markdownTable(on day: Day? = nil) -> String {
        var lines = ["| Quy tắc | Giá trị | Văn bản, điều khoản | Áp dụng từ | Xác nhận |", "|---|---|---|---|---|"]
        for (rule, versions) in rows(on: day) {
            for version in versions {
                lines.append(markdownRow(["\(rule.name) (`\(rule.id)`)", version.valueText, version.citation,
                                          VietnameseFormat.day(version.appliesFrom), confirmation(version.confirmed)]))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The regulations the table cites, as a Markdown table.
    public static func markdownRegulations(on day: Day? = nil) -> String {
        var lines = ["| Văn bản | Tên | Ngày ký | Áp dụng từ | Xác nhận ngày |", "|---|---|---|---|---|"]
        for regulation in regulations(on: day) {
            lines.append(markdownRow([regulation.code, regulation.title, VietnameseFormat.day(regulation.signed),
                                      VietnameseFormat.day(regulation.appliesFrom), confirmation(regulation.daysConfirmed)]))
        }
        return lines.joined(separator: "\n")
    }

    /// The rules and their regulations as aligned plain text for a terminal, in Vietnamese. The value comes last,
    /// since it is the longest and a narrow terminal then wraps only it.
    public static func text(on day: Day? = nil) -> String {
        var out = day.map { "Quy tắc DangBo kiểm tra. \(inForce(on: $0))\n\n" }
            ?? "Quy tắc DangBo kiểm tra, mỗi quy tắc theo văn bản và ngày bắt đầu áp dụng.\n\n"
        let groups = rows(on: day)
        var table: [[String]] = [["Áp dụng từ", "Văn bản, điều khoản", "Xác nhận", "Giá trị"]]
        var headings: [Int: String] = [:]
        for (rule, versions) in groups {
            headings[table.count] = "\(rule.name) (\(rule.id))"
            for version in versions {
                table.append([VietnameseFormat.day(version.appliesFrom), version.citation,
                              confirmation(version.confirmed), version.valueText])
            }
        }
        let aligned = align(table)
        for (index, line) in aligned.enumerated() {
            if let heading = headings[index] { out += "\n\(heading)\n" }
            out += "  \(line)\n"
        }
        out += "\nVăn bản:\n"
        var regulations: [[String]] = [["Văn bản", "Ngày ký", "Áp dụng từ", "Xác nhận ngày", "Tên"]]
        for regulation in self.regulations(on: day) {
            regulations.append([regulation.code, VietnameseFormat.day(regulation.signed),
                                VietnameseFormat.day(regulation.appliesFrom), confirmation(regulation.daysConfirmed),
                                regulation.title])
        }
        for line in align(regulations) { out += "  \(line)\n" }
        return out
    }

    /// Each rule with the versions to show: all of them, or the one in force on `day`.
    static func rows(on day: Day?) -> [(rule: any RuleDescribing, versions: [RuleVersionDescription])] {
        all.map { rule in (rule, day.map { [rule.versionDescription(on: $0)] } ?? rule.versionDescriptions) }
    }

    /// The regulations cited by the versions shown, in catalog order.
    static func regulations(on day: Day?) -> [Regulation] {
        let cited = Set(rows(on: day).flatMap { $0.versions.map(\.regulation.id) })
        return Regulation.all.filter { cited.contains($0.id) }
    }

    /// The line that says which day the versions shown are in force, and how a day before a rule's first version reads.
    static func inForce(on day: Day) -> String {
        let line = "Các phiên bản có hiệu lực ngày \(VietnameseFormat.day(day))."
        guard rows(on: day).contains(where: { $0.versions.contains { $0.appliesFrom > day } }) else { return line }
        return line + " Quy tắc nào chưa có văn bản áp dụng vào ngày đó được hiểu theo văn bản sớm nhất đã biết."
    }

    static func confirmation(_ confirmed: Bool) -> String { confirmed ? "đã xác nhận" : "chưa xác nhận" }

    private static func markdownRow(_ cells: [String]) -> String {
        "| " + cells.map { cell in String(cell.flatMap { $0 == "|" ? ["\\", "|"] : [$0] }) }.joined(separator: " | ") + " |"
    }

    /// Pads every column but the last to its widest cell, counted in characters (Vietnamese letters are one each in NFC).
    private static func align(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }
    }
}
