/// The regulations the rule book cites, with the days of RULES §0. The days RULES.md does not give are marked
/// `daysConfirmed: false`: the Charter's, QĐ 29's, QĐ 102's, QĐ 07's and HD 12's (see each).
extension Regulation {
    /// Điều lệ Đảng adopted by the 11th Congress, still in force (RULES §0: the 14th Congress only set a direction
    /// for amending it).
    // NB: RULES.md gives no day; 19/01/2011 is the adoption day printed on the Sự thật edition of the Charter
    // (dokumen.pub/dieu-le-dang-cong-san-viet-nam.html). Unconfirmed until read in the primary text.
    public static let charter2011 = Regulation(
        id: "dieu-le-2011", code: "Điều lệ Đảng (2011)",
        title: "Điều lệ Đảng Cộng sản Việt Nam (Đại hội đại biểu toàn quốc lần thứ XI thông qua)",
        citationName: "Điều lệ Đảng", signed: day(2011, 1, 19), appliesFrom: day(2011, 1, 19), daysConfirmed: false)

    /// QĐ 29-QĐ/TW (2016), replaced by QĐ 24 on 30/7/2021.
    // NB: RULES.md says only "2016"; 25/7/2016, in force on signing, is from vietjack.me/phap-luat/quy-dinh-29-qd-tw-4830.html
    // and congdan.binhphuoc.gov.vn. Unconfirmed until read in the primary text.
    public static let qd29 = Regulation(
        id: "qd-29-2016", code: "QĐ 29-QĐ/TW", title: "Quy định thi hành Điều lệ Đảng",
        citationName: "Quy định 29-QĐ/TW", signed: day(2016, 7, 25), appliesFrom: day(2016, 7, 25), daysConfirmed: false)

    /// HD 01-HD/TW of 20/9/2016, replaced by the HD 01-HD/TW of 28/9/2021 (RULES §0).
    public static let hd01of2016 = Regulation(
        id: "hd-01-2016", code: "HD 01-HD/TW", title: "Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng",
        citationName: "Hướng dẫn 01-HD/TW ngày 20/9/2016", signed: day(2016, 9, 20), appliesFrom: day(2016, 9, 20))

    /// QĐ 102-QĐ/TW of 15/11/2017 on disciplining members, replaced by QĐ 69 (RULES §0, §4).
    // NB: RULES.md says only "2017"; 15/11/2017 is the day the text gives in its heading (quoted at
    // edquebecor.com/quyet-dinh-ky-luat-dang-vien/) and stdt.danguykhoibinhthuan.vn (thời hiệu xử lý kỷ luật).
    // In force on signing: unconfirmed.
    public static let qd102 = Regulation(
        id: "qd-102-2017", code: "QĐ 102-QĐ/TW", title: "Quy định xử lý kỷ luật đảng viên vi phạm",
        citationName: "Quy định 102-QĐ/TW", signed: day(2017, 11, 15), appliesFrom: day(2017, 11, 15),
        daysConfirmed: false)

    /// QĐ 07-QĐi/TW of 28/8/2018 on disciplining organizations, replaced by QĐ 69 (RULES §0, §4).
    // NB: RULES.md says only "2018"; 28/8/2018 is the day HD 06-HD/UBKTTW (18/12/2018) gives it
    // (hethongphapluat.vn/huong-dan-06-hd-ubkttw-nam-2018-…). In force on signing: unconfirmed.
    public static let qd07of2018 = Regulation(
        id: "qd-07-2018", code: "QĐ 07-QĐi/TW", title: "Quy định xử lý kỷ luật tổ chức đảng vi phạm",
        citationName: "Quy định 07-QĐi/TW", signed: day(2018, 8, 28), appliesFrom: day(2018, 8, 28),
        daysConfirmed: false)

    /// QĐ 24-QĐ/TW of 30/7/2021 (RULES §0).
    public static let qd24 = Regulation(
        id: "qd-24-2021", code: "QĐ 24-QĐ/TW", title: "Quy định thi hành Điều lệ Đảng",
        citationName: "Quy định 24-QĐ/TW", signed: day(2021, 7, 30), appliesFrom: day(2021, 7, 30))

    /// HD 01-HD/TW of 28/9/2021; whether a 2025 guidance replaced it is unconfirmed (RULES §0, §13.2).
    public static let hd01of2021 = Regulation(
        id: "hd-01-2021", code: "HD 01-HD/TW", title: "Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng",
        citationName: "Hướng dẫn 01-HD/TW ngày 28/9/2021", signed: day(2021, 9, 28), appliesFrom: day(2021, 9, 28))

    /// QĐ 69-QĐ/TW of 06/7/2022 on discipline, which replaced QĐ 102 (2017) and QĐ 07 (2018) (RULES §0).
    public static let qd69 = Regulation(
        id: "qd-69-2022", code: "QĐ 69-QĐ/TW", title: "Quy định về kỷ luật tổ chức đảng, đảng viên vi phạm",
        citationName: "Quy định 69-QĐ/TW", signed: day(2022, 7, 6), appliesFrom: day(2022, 7, 6))

    /// QĐ 232-QĐ/TW of 20/01/2025 (RULES §0).
    public static let qd232 = Regulation(
        id: "qd-232-2025", code: "QĐ 232-QĐ/TW", title: "Quy định thi hành Điều lệ Đảng",
        citationName: "Quy định 232-QĐ/TW", signed: day(2025, 1, 20), appliesFrom: day(2025, 1, 20))

    /// QĐ 264-QĐ/TW of 14/02/2025, which amends QĐ 69 (RULES §0): a rule from 14/02/2025 cites QĐ 69 as amended.
    public static let qd264 = Regulation(
        id: "qd-264-2025", code: "QĐ 264-QĐ/TW",
        title: "Quy định sửa đổi, bổ sung một số điều của Quy định số 69-QĐ/TW ngày 06/7/2022 về kỷ luật tổ chức đảng, đảng viên vi phạm",
        citationName: "Quy định 69-QĐ/TW (sửa đổi theo Quy định 264-QĐ/TW)",
        signed: day(2025, 2, 14), appliesFrom: day(2025, 2, 14), amends: "qd-69-2022")

    /// QĐ 294-QĐ/TW, signed 26/5/2025, in force 01/7/2025 (RULES §0). Its full text is unconfirmed (RULES §13.1).
    public static let qd294 = Regulation(
        id: "qd-294-2025", code: "QĐ 294-QĐ/TW", title: "Quy định thi hành Điều lệ Đảng",
        citationName: "Quy định 294-QĐ/TW", signed: day(2025, 5, 26), appliesFrom: day(2025, 7, 1))

    /// QĐ 22-QĐ/TW of 28/7/2021 on inspection, supervision and discipline, which replaced QĐ 30-QĐ/TW (2016) (RULES §0).
    public static let qd22 = Regulation(
        id: "qd-22-2021", code: "QĐ 22-QĐ/TW", title: "Quy định về công tác kiểm tra, giám sát và kỷ luật của Đảng",
        citationName: "Quy định 22-QĐ/TW", signed: day(2021, 7, 28), appliesFrom: day(2021, 7, 28))

    /// QĐ 296-QĐ/TW of 30/5/2025 on inspection, supervision and discipline (7 chapters, 35 articles), after
    /// QĐ 262-QĐ/TW of 03/02/2025 (RULES §0). Its full text is unconfirmed (RULES §13.1).
    public static let qd296 = Regulation(
        id: "qd-296-2025", code: "QĐ 296-QĐ/TW", title: "Quy định về công tác kiểm tra, giám sát và kỷ luật của Đảng",
        citationName: "Quy định 296-QĐ/TW", signed: day(2025, 5, 30), appliesFrom: day(2025, 5, 30))

    /// HD 12-HD/BTCTW (2018) on the content of cell meetings. RULES §5 gives 06/7/2018 from one source; a second
    /// source is unconfirmed.
    public static let hd12of2018 = Regulation(
        id: "hd-12-2018", code: "HD 12-HD/BTCTW", title: "Hướng dẫn một số vấn đề về nội dung sinh hoạt chi bộ",
        citationName: "Hướng dẫn 12-HD/BTCTW", signed: day(2018, 7, 6), appliesFrom: day(2018, 7, 6), daysConfirmed: false)

    /// HD 42-HD/BTCTW of 28/10/2025 on cell meetings, with Chỉ thị 50-CT/TW (23/7/2025) (RULES §0, §5).
    public static let hd42of2025 = Regulation(
        id: "hd-42-2025", code: "HD 42-HD/BTCTW", title: "Hướng dẫn nâng cao chất lượng sinh hoạt chi bộ",
        citationName: "Hướng dẫn 42-HD/BTCTW", signed: day(2025, 10, 28), appliesFrom: day(2025, 10, 28))

    /// Every regulation the rule book may cite, in the order they start to apply.
    public static let all: [Regulation] = [charter2011, qd29, hd01of2016, qd102, hd12of2018, qd07of2018,
                                           qd22, qd24, hd01of2021, qd69, qd232,
                                           qd264, qd296, qd294, hd42of2025]

    /// The regulation with `id`, if the catalog has it.
    public static func withID(_ id: String) -> Regulation? { all.first { $0.id == id } }

    /// A day of the catalog: the literals above are valid days, so a nil here is a typo caught by the tests.
    private static func day(_ year: Int, _ month: Int, _ day: Int) -> Day {
        Day(year: year, month: month, day: day) ?? Day(ordinal: 0)
    }
}
