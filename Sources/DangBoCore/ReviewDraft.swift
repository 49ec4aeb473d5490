/// The periodic review's words drafted from its figures (issue 10 point 1): a sentence for each group of figures in the
/// style of the reviews staff write ("Đến 30/3/2021, Đảng bộ Khối các cơ quan tỉnh có 57 chi, đảng bộ cơ sở, với 4.046
/// đảng viên."), the report's summary line, and the periods it names. Staff edit the sentences and write the narrative;
/// the figures in them come from the review, never typed.
public enum ReviewDraft {
    /// "sơ kết" for a part of a year, "tổng kết" for a whole year.
    public static func isYearEnd(from: Day, to: Day) -> Bool {
        from.month == 1 && from.day == 1 && to.month == 12 && to.day == 31 && from.year == to.year
    }

    /// The period after `from`–`to` of the same length when it is a month, quarter, half-year or year; nil otherwise.
    public static func nextPeriod(from: Day, to: Day) -> (from: Day, to: Day)? {
        guard from.day == 1, to.next.day == 1, from.year == to.year else { return nil }
        let months = to.month - from.month + 1
        guard [1, 3, 6, 12].contains(months), (from.month - 1) % months == 0 else { return nil }
        let start = to.next
        return (start, start.adding(months: months).previous)
    }

    /// The last calendar quarter that ended on or before `day` (a review is written once its quarter is over).
    public static func lastQuarter(endingBy day: Day) -> (from: Day, to: Day) {
        let startMonth = (day.month - 1) / 3 * 3 + 1
        let current = Day(year: day.year, month: startMonth, day: 1)!
        let end = current.adding(months: 3).previous
        if end <= day { return (current, end) }
        return (current.adding(months: -3), current.previous)
    }

    /// The summary under "BÁO CÁO": "Sơ kết công tác xây dựng Đảng quý I/2021, phương hướng, nhiệm vụ quý II/2021".
    public static func summary(from: Day, to: Day) -> String {
        let period = VietnameseFormat.period(from: from, to: to)
        let next = nextPeriod(from: from, to: to).map { VietnameseFormat.period(from: $0.from, to: $0.to) } ?? "thời gian tới"
        return "\(isYearEnd(from: from, to: to) ? "Tổng kết" : "Sơ kết") công tác xây dựng Đảng \(period), "
            + "phương hướng, nhiệm vụ \(next)"
    }

    /// What reworded sentences are checked against (`ReviewDocument.Narrative.figuresBasis`): SHA-256 of the draft
    /// sentences, one per line.
    public static func basis(_ sentences: [String]) -> String {
        SHA256.hex(Array(sentences.joined(separator: "\n").utf8))
    }

    /// The draft sentences of the figures, one paragraph each, in the order of a review: the organization and its
    /// members at the end of the period, the work of the period (what was done, then who left), oversight, the
    /// balance. Parts whose figures are all zero are left out of their sentence; a sentence with nothing left is.
    /// `established` and `dissolved`, when they name every grassroots organization counted (three at most), are
    /// named as the example review names them ("thành lập mới Chi bộ Ban bảo vệ chăm sóc sức khỏe cán bộ tỉnh").
    public static func sentences(_ review: Review, name: String, established: [String] = [], dissolved: [String] = []) -> [String] {
        let n = VietnameseFormat.number, mv = review.movements
        var sentences = [
            "Đến \(VietnameseFormat.day(review.to)), \(name) có \(n(review.organizations.grassroots)) chi, đảng bộ cơ sở, với "
                + "\(n(review.members.total)) đảng viên (\(n(review.members.official)) đảng viên chính thức, "
                + "\(n(review.members.probationary)) đảng viên dự bị).",
        ]
        func clauses(_ parts: [(Int, String)]) -> [String] { parts.filter { $0.0 > 0 }.map(\.1) }
        func named(_ names: [String], _ count: Int) -> String {
            names.count == count && count <= 3 ? names.joined(separator: ", ") : "\(n(count)) tổ chức cơ sở đảng"
        }
        let done = clauses([
            (review.committees.consolidated, "bổ sung, kiện toàn cấp ủy thuộc \(n(review.committees.consolidated)) tổ chức đảng"),
            (review.organizations.established, "thành lập mới " + named(established, review.organizations.established)),
            (review.organizations.dissolved, "giải thể " + named(dissolved, review.organizations.dissolved)),
            (mv.admitted, "kết nạp \(n(mv.admitted)) quần chúng ưu tú vào Đảng"),
            (mv.readmitted, "kết nạp lại \(n(mv.readmitted)) đảng viên"),
            (mv.restored, "phục hồi đảng tịch cho \(n(mv.restored)) đồng chí"),
            (mv.recognizedOfficial, "công nhận đảng viên chính thức cho \(n(mv.recognizedOfficial)) đồng chí"),
            (mv.transfers, "tiếp nhận và giới thiệu chuyển sinh hoạt đảng cho \(n(mv.transfers)) đảng viên "
                + "(tiếp nhận \(n(mv.transferredIn)), chuyển đi \(n(mv.transferredOut)))"),
        ])
        let period = VietnameseFormat.period(from: review.from, to: review.to)
        // NB: "Trong quý I/2021, đã …", but "Từ 1/1/2021 đến 30/3/2021, đã …" for a span with no name.
        let during = period.hasPrefix("từ ") ? "T" + period.dropFirst() : "Trong \(period)"
        if !done.isEmpty { sentences.append("\(during), đã " + done.joined(separator: "; ") + ".") }
        let left = clauses([
            (mv.died, "\(n(mv.died)) đồng chí từ trần"), (mv.removed, "xóa tên \(n(mv.removed)) đảng viên"),
            (mv.probationRemoved, "xóa tên \(n(mv.probationRemoved)) đảng viên dự bị"),
            (mv.expelled, "khai trừ \(n(mv.expelled)) đảng viên"), (mv.withdrew, "\(n(mv.withdrew)) đảng viên xin ra khỏi Đảng"),
        ])
        if !left.isEmpty { sentences.append("Cũng trong kỳ, " + left.joined(separator: "; ") + ".") }
        let committees = review.oversight(.supervision, .regular, .committee)
        let commissions = review.oversight(.supervision, .regular, .inspectionCommission)
        var oversight = clauses([
            (committees.organizations + committees.members, "cấp ủy các cấp đã giám sát thường xuyên \(n(committees.organizations)) "
                + "tổ chức, \(n(committees.members)) đảng viên"),
            (commissions.organizations + commissions.members, "Ủy ban kiểm tra các cấp giám sát thường xuyên "
                + "\(n(commissions.members)) đảng viên, \(n(commissions.organizations)) tổ chức đảng"),
        ])
        let thematic = ConductorKind.allCases.map { review.oversight(.supervision, .thematic, $0) }
        let thematicOrganizations = thematic.map(\.organizations).reduce(0, +), thematicMembers = thematic.map(\.members).reduce(0, +)
        if thematicOrganizations + thematicMembers > 0 {
            oversight.append("giám sát chuyên đề \(n(thematicOrganizations)) tổ chức, \(n(thematicMembers)) đảng viên")
        }
        let inspections = OversightMode.allCases.flatMap { mode in ConductorKind.allCases.map { review.oversight(.inspection, mode, $0) } }
        let inspected = inspections.reduce(Review.SubjectCounts()) {
            Review.SubjectCounts(cases: $0.cases + $1.cases, organizations: $0.organizations + $1.organizations,
                                 members: $0.members + $1.members)
        }
        if inspected.cases > 0 {
            oversight.append("các cấp đã tiến hành \(n(inspected.cases)) cuộc kiểm tra đối với \(n(inspected.organizations)) tổ chức, "
                + "\(n(inspected.members)) đảng viên")
        }
        if let first = oversight.first {
            sentences.append(first.prefix(1).uppercased() + first.dropFirst() + oversight.dropFirst().map { "; " + $0 }.joined() + ".")
        }
        let discipline = review.discipline
        let disciplinedOrganizations = discipline.organizations.values.reduce(0, +)
        let disciplinedMembers = discipline.members.values.reduce(0, +)
        if disciplinedOrganizations + disciplinedMembers > 0 {
            let bySanction = Sanction.allCases.compactMap { sanction -> String? in
                let count = (discipline.organizations[sanction.key] ?? 0) + (discipline.members[sanction.key] ?? 0)
                return count > 0 ? "\(sanction.vietnamese.lowercased()) \(n(count))" : nil
            }
            sentences.append("Thi hành kỷ luật " + clauses([
                (disciplinedOrganizations, "\(n(disciplinedOrganizations)) tổ chức đảng"),
                (disciplinedMembers, "\(n(disciplinedMembers)) đảng viên"),
            ]).joined(separator: ", ") + " (" + bySanction.joined(separator: ", ") + ").")
        }
        let meetings = review.meetings
        if meetings.regular + meetings.thematic > 0 {
            sentences.append("Các chi bộ đã tổ chức \(n(meetings.regular)) buổi sinh hoạt thường kỳ, \(n(meetings.thematic)) buổi "
                + "sinh hoạt chuyên đề" + (meetings.cellsWithoutMonthlyMeeting > 0
                    ? "; \(n(meetings.cellsWithoutMonthlyMeeting)) chi bộ chưa sinh hoạt thường kỳ đủ các tháng." : "."))
        }
        let b = review.balance
        sentences.append("Đầu kỳ có \(n(b.atStart)) đảng viên, tăng \(n(b.inflow)), giảm \(n(b.outflow)); "
            + "cuối kỳ có \(n(b.atEnd)) đảng viên.")
        return sentences
    }
}
