/// An official party document laid out as HD 36-HD/VPTW asks (RULES §9): the header "ĐẢNG CỘNG SẢN VIỆT NAM", the
/// issuing body (its superior on the first line, itself on the second, then "*"), the number and code, the place and
/// date, the document type and summary, the body, the signer's authority, title and name, and the recipients.
///
/// The content only: writers lay it out (DOCX in DangBoInterchange, HTML for printing in the web application). Issue 10
/// builds the periodic review into one; the figures and the narrative are the body's blocks.
public struct PartyDocument: Sendable, Equatable, Codable {
    /// A part of the body, in reading order.
    public enum Block: Sendable, Equatable, Codable {
        /// A section heading ("I. KẾT QUẢ…", "1. Công tác tổ chức"): bold; level 1 in capitals as written.
        case heading(String, level: Int)
        /// A paragraph of the body: justified, its first line indented.
        case paragraph(String)
        /// A table: its header row repeated on every page (UX.md "Printing"), then its rows.
        case table(header: [String], rows: [[String]])
        /// A bar chart of its own figures (issue 10 point 5): the HTML draws it as SVG, the DOCX as a native chart.
        case chart(Chart)
    }

    /// A bar chart: a value per category for each series, the figures kept with the document (so a frozen report
    /// draws the same chart years later).
    public struct Chart: Sendable, Equatable, Codable {
        public struct Series: Sendable, Equatable, Codable {
            public var name: String
            public var values: [Int]

            public init(name: String, values: [Int]) {
                self.name = name
                self.values = values
            }
        }

        public var title: String
        public var categories: [String]
        public var series: [Series]

        public init(title: String, categories: [String], series: [Series]) {
            precondition(series.allSatisfy { $0.values.count == categories.count }, "a value per category")
            self.title = title
            self.categories = categories
            self.series = series
        }

        /// The chart as a table (text readers, the plain text, a screen reader): a row per category.
        public var table: (header: [String], rows: [[String]]) {
            (["", ] + series.map(\.name),
             categories.enumerated().map { index, category in [category] + series.map { VietnameseFormat.number($0.values[index]) } })
        }
    }

    /// The superior organization's name on the issuer block's first line ("ĐẢNG BỘ TỈNH VĨNH PHÚC"); empty when the
    /// issuer has none above it.
    public var superior: String
    /// The issuing committee ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH").
    public var issuer: String
    /// The number in the issuer's register for the year; nil for a draft (the number is left blank to be written in).
    public var number: Int?
    /// The document type's abbreviation (BC for a report, KH for a plan, NQ for a resolution…).
    public var typeCode: String
    /// The issuer's abbreviation ("ĐUK").
    public var issuerCode: String
    /// The place on the date line ("Vĩnh Phúc"): from the organization's settings, never typed into code.
    public var place: String
    public var date: Day
    /// The document type in words ("BÁO CÁO").
    public var kind: String
    /// The summary under the type (trích yếu).
    public var summary: String
    public var body: [Block]
    /// The signing authority ("T/M BAN THƯỜNG VỤ"): party documents write T/M, K/T, T/L with a slash.
    public var authority: String
    /// The signer's title ("BÍ THƯ", "PHÓ BÍ THƯ").
    public var signerTitle: String
    public var signerName: String
    /// "Nơi nhận": one line each ("Thường trực Tỉnh ủy (b/c),"), the last usually "Lưu VP.".
    public var recipients: [String]
    /// Pages after the signature ("Phụ lục"): the statistical tables of a review. Nil in documents stored before it.
    public var appendix: [Block]?

    public init(
        superior: String, issuer: String, number: Int?, typeCode: String, issuerCode: String, place: String, date: Day,
        kind: String, summary: String, body: [Block], authority: String, signerTitle: String, signerName: String,
        recipients: [String], appendix: [Block]? = nil
    ) {
        self.superior = superior
        self.issuer = issuer
        self.number = number
        self.typeCode = typeCode
        self.issuerCode = issuerCode
        self.place = place
        self.date = date
        self.kind = kind
        self.summary = summary
        self.body = body
        self.authority = authority
        self.signerTitle = signerTitle
        self.signerName = signerName
        self.recipients = recipients
        self.appendix = appendix
    }

    /// "Số 15-BC/ĐUK": the number joined to the type by a hyphen, the issuer after a slash (RULES §9); a draft leaves
    /// room for the number ("Số     -BC/ĐUK").
    public var numberAndCode: String {
        "Số \(number.map(String.init) ?? "    ")-\(typeCode)/\(issuerCode)"
    }

    /// "Vĩnh Phúc, ngày 30 tháng 3 năm 2021" (RULES §9, the date line).
    public var dateLine: String { Self.dateLine(place: place, date: date) }

    /// The place and date line: the day on two digits (HD 36 is itself dated "ngày 03 tháng 4 năm 2018"), and the
    /// months January and February on two ("tháng 01", "tháng 02"), as state documents write them so that no digit
    /// can be added (RULES §9 leaves the months unconfirmed for party documents; staff write them this way).
    public static func dateLine(place: String, date: Day) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month <= 2 ? "0\(date.month)" : "\(date.month)"
        return "\(place), ngày \(day) tháng \(month) năm \(date.year)"
    }
}

extension PartyDocument {
    /// The document as plain text, in reading order (a terminal, a mail, a check by eye): the issuer block, the header
    /// and the date line, the type and summary, the body (a table's cells separated by tabs), the signature, the
    /// recipients.
    public var plainText: String {
        var lines = [superior, issuer].filter { !$0.isEmpty } + ["*", numberAndCode, "", "ĐẢNG CỘNG SẢN VIỆT NAM", dateLine, "", kind,
                                                               summary, "-----", ""]
        for block in body {
            switch block {
            case .heading(let text, _): lines.append(text)
            case .paragraph(let text): lines.append(text)
            case .table(let header, let rows): lines += ([header] + rows).map { $0.joined(separator: "\t") }
            case .chart(let chart): lines += [chart.title] + ([chart.table.header] + chart.table.rows).map { $0.joined(separator: "\t") }
            }
        }
        lines += ["", authority, signerTitle, "", signerName, "", "Nơi nhận:"] + recipients.map { "- \($0)" }
        for block in appendix ?? [] {
            switch block {
            case .heading(let text, _), .paragraph(let text): lines += ["", text]
            case .table(let header, let rows): lines += ([header] + rows).map { $0.joined(separator: "\t") }
            case .chart(let chart): lines += [chart.title] + ([chart.table.header] + chart.table.rows).map { $0.joined(separator: "\t") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
