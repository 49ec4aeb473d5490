/// Plain Vietnamese text of the reports, as the CLI prints them (numbers "4.046", days "30/3/2021").
public enum ReportText {
    public static func statistics(_ statistics: Statistics, name: String) -> String {
        let n = VietnameseFormat.number
        let m = statistics.members, o = statistics.organizations
        var lines = [
            "\(name) (\(statistics.organization)) — số liệu đến ngày \(VietnameseFormat.day(statistics.asOf))",
            "",
            "Tổ chức đảng: \(n(o.total)), trong đó \(n(o.grassroots)) tổ chức cơ sở đảng, \(n(o.cells)) chi bộ",
        ]
        for kind in OrganizationKind.allCases where (o.byKind[kind.rawValue] ?? 0) > 0 {
            lines.append("  \(kind.vietnamese): \(n(o.byKind[kind.rawValue]!))")
        }
        lines += [
            "",
            "Đảng viên: \(n(m.total)) (chính thức \(n(m.official)), dự bị \(n(m.probationary)))",
            "  Miễn công tác và sinh hoạt đảng: \(n(m.exempt))",
            "  Nữ: \(n(m.female)) (\(VietnameseFormat.percent(m.female, of: m.total)))",
            "  Dân tộc thiểu số: \(n(m.ethnicMinority)) (\(VietnameseFormat.percent(m.ethnicMinority, of: m.total)))",
            "  Có tôn giáo: \(n(m.religious)) (\(VietnameseFormat.percent(m.religious, of: m.total)))",
        ]
        lines.append("  Theo độ tuổi:")
        for band in AgeBand.bands where (m.byAgeBand[band.label] ?? 0) > 0 {
            lines.append("    \(band.label): \(n(m.byAgeBand[band.label]!))")
        }
        for (title, values) in [("Theo dân tộc", m.byEthnicity), ("Theo tôn giáo", m.byReligion),
                                ("Theo trình độ học vấn", m.byEducation), ("Theo lý luận chính trị", m.byPoliticalTheory),
                                ("Theo nghề nghiệp", m.byOccupation)] {
            lines.append("  \(title):")
            for (value, count) in values.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                lines.append("    \(value.isEmpty ? "(chưa ghi)" : value): \(n(count))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func review(_ review: Review, name: String) -> String {
        let n = VietnameseFormat.number
        let mv = review.movements
        let regular = { (conductor: ConductorKind) in review.oversight(.supervision, .regular, conductor) }
        var lines = [
            "Số liệu sơ kết \(VietnameseFormat.period(from: review.from, to: review.to)) — \(name) (\(review.organization))",
            "",
            "Đến \(VietnameseFormat.day(review.to)), có \(n(review.organizations.grassroots)) chi, đảng bộ cơ sở, với "
                + "\(n(review.members.total)) đảng viên (chính thức \(n(review.members.official)), dự bị \(n(review.members.probationary))).",
            "Đầu kỳ (\(VietnameseFormat.day(review.from.previous))): \(n(review.members.atStart)) đảng viên.",
            "",
            "Tổ chức: thành lập mới \(n(review.organizations.established)), giải thể \(n(review.organizations.dissolved)) tổ chức cơ sở đảng.",
            "Bổ sung, kiện toàn cấp ủy thuộc \(n(review.committees.consolidated)) tổ chức đảng.",
            "",
            "Biến động đảng viên:",
            "  Kết nạp: \(n(mv.admitted)); kết nạp lại: \(n(mv.readmitted)); phục hồi: \(n(mv.restored))",
            "  Công nhận chính thức: \(n(mv.recognizedOfficial))",
            "  Tiếp nhận và giới thiệu chuyển sinh hoạt: \(n(mv.transfers)) (đến \(n(mv.transferredIn)), đi \(n(mv.transferredOut)))",
            "  Chuyển sinh hoạt nội bộ: \(n(mv.movedInternally))",
            "  Từ trần: \(n(mv.died)); xóa tên: \(n(mv.removed)); xóa tên dự bị: \(n(mv.probationRemoved)); "
                + "khai trừ: \(n(mv.expelled)); ra khỏi Đảng: \(n(mv.withdrew))",
        ]
        if mv.reorganizedIn + mv.reorganizedOut > 0 {
            lines.append("  Do sắp xếp tổ chức: đến \(n(mv.reorganizedIn)), đi \(n(mv.reorganizedOut))")
        }
        lines += [
            "",
            "Cấp ủy các cấp giám sát thường xuyên \(n(regular(.committee).organizations)) tổ chức, \(n(regular(.committee).members)) đảng viên; "
                + "Ủy ban kiểm tra các cấp giám sát thường xuyên \(n(regular(.inspectionCommission).members)) đảng viên, "
                + "\(n(regular(.inspectionCommission).organizations)) tổ chức đảng.",
        ]
        for activity in OversightActivity.allCases {
            for mode in OversightMode.allCases {
                for conductor in ConductorKind.allCases {
                    let counts = review.oversight(activity, mode, conductor)
                    guard counts.cases > 0 else { continue }
                    lines.append("  \(activity.vietnamese) \(mode.vietnamese), \(conductor.vietnamese.lowercased()): "
                        + "\(n(counts.cases)) cuộc, \(n(counts.organizations)) tổ chức, \(n(counts.members)) đảng viên")
                }
            }
        }
        let b = review.balance
        lines += [
            "",
            "Cân đối: \(n(b.atStart)) + \(n(b.inflow)) − \(n(b.outflow)) = \(n(b.atStart + b.inflow - b.outflow)); "
                + "cuối kỳ \(n(b.atEnd)) — \(b.holds ? "khớp" : "KHÔNG KHỚP")",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
