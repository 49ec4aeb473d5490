/// The periodic review as an official party document (issue 10 points 1, 2 and 6): the issuer block from the tree of
/// the document's day, the place and abbreviation from the organization's settings, the summary and the draft
/// sentences from the figures, the movement table, and the narrative parts staff write (an empty part keeps its
/// heading and a line asking for it, so the draft shows what is left to write).
public enum ReviewDocument {
    /// The narrative parts staff write in the web application (each paragraph one line).
    public struct Narrative: Sendable, Equatable, Codable {
        /// Part I.1 as staff reworded the draft's sentences; empty: the draft's sentences, drawn from the figures of
        /// the day the document is made.
        public var figures: [String]
        /// `ReviewDraft.basis` of the draft sentences `figures` was reworded from: a report is issued from reworded
        /// sentences only while the figures are still those (else staff must read the new ones first).
        public var figuresBasis: String
        public var results: [String]
        public var shortcomings: [String]
        public var directions: [String]

        public init(figures: [String] = [], figuresBasis: String = "", results: [String] = [], shortcomings: [String] = [],
                    directions: [String] = []) {
            self.figures = figures
            self.figuresBasis = figuresBasis
            self.results = results
            self.shortcomings = shortcomings
            self.directions = directions
        }
    }

    /// Who signs, and on whose behalf.
    public struct Signer: Sendable, Equatable {
        public var authority: String
        public var title: String
        public var name: String

        public init(authority: String, title: String, name: String) {
            self.authority = authority
            self.title = title
            self.name = name
        }
    }

    /// The line a narrative part shows while nobody has written it.
    public static let toWrite = "(Cấp ủy bổ sung nội dung phần này.)"

    /// "T/M BAN THƯỜNG VỤ" for a committee above the grassroots, "T/M ĐẢNG ỦY" for a grassroots or partial committee,
    /// "T/M CHI BỘ" for a cell (party documents write T/M with a slash, RULES §9).
    public static func authority(of kind: OrganizationKind) -> String {
        switch kind {
        case .upperCommittee: "T/M BAN THƯỜNG VỤ"
        case .grassrootsCommittee, .partialCommittee: "T/M ĐẢNG ỦY"
        case .grassrootsCell, .subordinateCell: "T/M CHI BỘ"
        }
    }

    /// "Nơi nhận" when none is given: the standing body of the superior committee "(b/c)" (báo cáo) and the office's
    /// file copy; a root reports to nobody above it.
    public static func recipients(superiorName: String?) -> [String] {
        (superiorName.map { ["Thường trực \(PartyDocument.issuingBody(of: $0)) (b/c),"] } ?? []) + ["Lưu VP."]
    }

    /// The movement table of the period (issue 10 point 2): the members at the start, each inflow and outflow, the end,
    /// and whether the balance holds.
    public static func movementTable(_ review: Review) -> PartyDocument.Block {
        let n = VietnameseFormat.number, mv = review.movements, b = review.balance
        let rows: [(String, Int)] = [
            ("Đảng viên đầu kỳ", b.atStart), ("Kết nạp", mv.admitted), ("Kết nạp lại", mv.readmitted), ("Phục hồi đảng tịch", mv.restored),
            ("Chuyển đến", mv.transferredIn), ("Đến do sắp xếp tổ chức", mv.reorganizedIn), ("Từ trần", mv.died), ("Xóa tên", mv.removed),
            ("Xóa tên đảng viên dự bị", mv.probationRemoved), ("Khai trừ", mv.expelled), ("Xin ra khỏi Đảng", mv.withdrew),
            ("Chuyển đi", mv.transferredOut), ("Đi do sắp xếp tổ chức", mv.reorganizedOut), ("Đảng viên cuối kỳ", b.atEnd),
        ]
        return .table(header: ["Biến động đảng viên", "Số lượng"],
                      rows: rows.map { [$0.0, n($0.1)] } + [["Cân đối (đầu kỳ + tăng − giảm = cuối kỳ)", b.holds ? "khớp" : "không khớp"]])
    }

    /// "Biến động đảng viên trong kỳ": each kind of inflow and outflow the review counts (those of the example review
    /// always, the others when not zero), one bar each.
    public static func movementChart(_ review: Review) -> PartyDocument.Chart {
        let mv = review.movements
        let all: [(String, Int, Bool)] = [
            ("Kết nạp", mv.admitted, true), ("Kết nạp lại", mv.readmitted, false), ("Phục hồi", mv.restored, false),
            ("Chuyển đến", mv.transferredIn, true), ("Đến do sắp xếp", mv.reorganizedIn, false), ("Từ trần", mv.died, true),
            ("Xóa tên", mv.removed + mv.probationRemoved, false), ("Khai trừ", mv.expelled, false), ("Ra khỏi Đảng", mv.withdrew, false),
            ("Chuyển đi", mv.transferredOut, true), ("Đi do sắp xếp", mv.reorganizedOut, false),
        ]
        let shown = all.filter { $0.2 || $0.1 > 0 }
        return PartyDocument.Chart(title: "Biến động đảng viên \(VietnameseFormat.period(from: review.from, to: review.to))",
                                   categories: shown.map(\.0), series: [.init(name: "Đảng viên", values: shown.map(\.1))])
    }

    /// "Đảng viên theo độ tuổi": the members in each age band on the day of `statistics`.
    public static func ageChart(_ statistics: Statistics) -> PartyDocument.Chart {
        let bands = AgeBand.bands.map(\.label)
        return PartyDocument.Chart(title: "Đảng viên theo độ tuổi đến ngày \(VietnameseFormat.day(statistics.asOf))", categories: bands,
                                   series: [.init(name: "Đảng viên", values: bands.map { statistics.members.byAgeBand[$0] ?? 0 })])
    }

    /// The review's tables for a spreadsheet (issue 10 point 4, XLSX): the main figures and the movement table, each
    /// figure a plain integer (no thousands dot: the sheet computes with them).
    public static func tables(_ review: Review) -> [(name: String, header: [String], rows: [[String]])] {
        let mv = review.movements, b = review.balance
        let summary: [(String, Int)] = [
            ("Chi, đảng bộ cơ sở", review.organizations.grassroots), ("Thành lập mới", review.organizations.established),
            ("Giải thể", review.organizations.dissolved), ("Kiện toàn cấp ủy", review.committees.consolidated),
            ("Đảng viên", review.members.total), ("Chính thức", review.members.official), ("Dự bị", review.members.probationary),
            ("Miễn sinh hoạt", review.members.exempt), ("Đầu kỳ", review.members.atStart),
        ]
        let movements: [(String, Int)] = [
            ("Đảng viên đầu kỳ", b.atStart), ("Kết nạp", mv.admitted), ("Kết nạp lại", mv.readmitted), ("Phục hồi đảng tịch", mv.restored),
            ("Công nhận chính thức", mv.recognizedOfficial), ("Chuyển đến", mv.transferredIn), ("Đến do sắp xếp tổ chức", mv.reorganizedIn),
            ("Chuyển sinh hoạt nội bộ", mv.movedInternally), ("Từ trần", mv.died), ("Xóa tên", mv.removed),
            ("Xóa tên đảng viên dự bị", mv.probationRemoved), ("Khai trừ", mv.expelled), ("Xin ra khỏi Đảng", mv.withdrew),
            ("Chuyển đi", mv.transferredOut), ("Đi do sắp xếp tổ chức", mv.reorganizedOut), ("Tăng", b.inflow), ("Giảm", b.outflow),
            ("Đảng viên cuối kỳ", b.atEnd),
        ]
        return [("Tổng hợp", ["Số liệu", "Số lượng"], summary.map { [$0.0, String($0.1)] }),
                ("Biến động đảng viên", ["Biến động", "Số lượng"], movements.map { [$0.0, String($0.1)] })]
    }

    /// The document of `review` for the organization called `name` (as of the review's last day).
    public static func document(
        _ review: Review, name: String, issuer: (superior: String, issuer: String), settings: DocumentSettings,
        number: Int?, date: Day, signer: Signer, recipients: [String], narrative: Narrative = Narrative(),
        tables: ReviewTables? = nil, established: [String] = [], dissolved: [String] = []
    ) -> PartyDocument {
        let period = VietnameseFormat.period(from: review.from, to: review.to)
        let next = ReviewDraft.nextPeriod(from: review.from, to: review.to).map { VietnameseFormat.period(from: $0.from, to: $0.to) }
            ?? "thời gian tới"
        func written(_ paragraphs: [String]) -> [PartyDocument.Block] {
            let kept = paragraphs.filter { !$0.allSatisfy(\.isWhitespace) }
            return kept.isEmpty ? [.paragraph(toWrite)] : kept.map(PartyDocument.Block.paragraph)
        }
        var body: [PartyDocument.Block] = [
            .heading("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ \(period.uppercased())", level: 1),
            .heading("1. Tình hình tổ chức đảng, đảng viên; công tác kiểm tra, giám sát", level: 2),
        ]
        let drafted = ReviewDraft.sentences(review, name: name, established: established, dissolved: dissolved)
        body += (narrative.figures.isEmpty ? drafted : narrative.figures).map(PartyDocument.Block.paragraph)
        body.append(movementTable(review))
        body.append(.chart(movementChart(review)))
        if let tables { body.append(.chart(ageChart(tables.total))) }
        body.append(.heading("2. Các mặt công tác khác", level: 2))
        body += written(narrative.results)
        body.append(.heading("II. HẠN CHẾ, NGUYÊN NHÂN", level: 1))
        body += written(narrative.shortcomings)
        body.append(.heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ \(next.uppercased())", level: 1))
        body += written(narrative.directions)
        return PartyDocument(
            superior: issuer.superior, issuer: issuer.issuer, number: number, typeCode: "BC", issuerCode: settings.issuerCode,
            place: settings.place, date: date, kind: "BÁO CÁO", summary: ReviewDraft.summary(from: review.from, to: review.to),
            body: body, authority: signer.authority, signerTitle: signer.title, signerName: signer.name, recipients: recipients,
            appendix: tables.map { appendix($0, to: review.to) })
    }
}
