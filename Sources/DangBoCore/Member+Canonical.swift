/// Canonical ethnicity and religion: one spelling per group, so that the statistics by ethnicity and religion
/// (Biểu 4-TCTW, RULES §8) count "Ê-đê", "Êđê" and "Ê Đê" as one line.
///
/// A value is matched on its folded form without spaces (`VietnameseText.folded`: no tones, đ → d, punctuation →
/// space), against the official names and a few other spellings that name one group only, so "Ê-đê", "Êđê", "Ede"
/// and "ê đê" all match "Ê Đê", and "Hoà Hảo" (the old tone placement) matches "Hòa Hảo". A value not recognized is
/// kept as written (normalized): records are history, and a name this list lacks is no reason to refuse them.
extension Member {
    /// The 54 ethnic groups of Viet Nam in the order of the official list (Danh mục các dân tộc Việt Nam, Quyết định
    /// 121-TCTK/PPCĐ ngày 2/3/1979), spelled as the 2019 census publishes them.
    public static let ethnicGroups: [String] = [
        "Kinh", "Tày", "Thái", "Hoa", "Khmer", "Mường", "Nùng", "Mông", "Dao", "Gia Rai", "Ngái", "Ê Đê", "Ba Na",
        "Xơ Đăng", "Sán Chay", "Cơ Ho", "Chăm", "Sán Dìu", "Hrê", "Mnông", "Ra Glai", "Xtiêng", "Bru Vân Kiều", "Thổ",
        "Giáy", "Cơ Tu", "Giẻ Triêng", "Mạ", "Khơ Mú", "Co", "Tà Ôi", "Chơ Ro", "Kháng", "Xinh Mun", "Hà Nhì",
        "Chu Ru", "Lào", "La Chí", "La Ha", "Phù Lá", "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Cơ Lao",
        "Cống", "Bố Y", "Si La", "Pu Péo", "Brâu", "Ơ Đu", "Rơ Măm",
    ].map(VietnameseText.normalized)

    /// Other spellings and former names that name one group only. NB: not "Mán" (used for the Dao, but also for
    /// other groups of the northern mountains) nor "Thượng" (any highland group): those are kept as written.
    static let ethnicityAliases: [String: String] = [
        "Việt": "Kinh", "Kinh (Việt)": "Kinh",
        "H'Mông": "Mông", "Hmông": "Mông", "Hơ Mông": "Mông", "Mèo": "Mông",
        "Khơ Me": "Khmer", "Khơ Me Krôm": "Khmer",
        "Jrai": "Gia Rai", "Jarai": "Gia Rai",
        "Rhađê": "Ê Đê", "Ra Đê": "Ê Đê",
        "Bahnar": "Ba Na",
        "Sê Đăng": "Xơ Đăng", "Sơ Đăng": "Xơ Đăng", "Xê Đăng": "Xơ Đăng",
        "Cao Lan": "Sán Chay", "Cao Lan - Sán Chỉ": "Sán Chay",
        "K'Ho": "Cơ Ho", "Kơ Ho": "Cơ Ho",
        "Mơ Nông": "Mnông",
        "Stiêng": "Xtiêng", "Xa Điêng": "Xtiêng",
        "Vân Kiều": "Bru Vân Kiều",
        "Ca Tu": "Cơ Tu", "Katu": "Cơ Tu",
        "Khmú": "Khơ Mú", "Xá Cẩu": "Khơ Mú",
        "Châu Ro": "Chơ Ro",
        "Xá Phó": "Phù Lá",
        "Pà Hưng": "Pà Thẻn",
        "Tu Dí": "Bố Y",
        "Tày Hạt": "Ơ Đu",
    ]

    /// The religions recognized in Viet Nam, as the Ban Tôn giáo Chính phủ names them.
    public static let religions: [String] = [
        "Phật giáo", "Công giáo", "Tin Lành", "Cao Đài", "Phật giáo Hòa Hảo", "Hồi giáo", "Baha'i",
        "Tịnh độ Cư sĩ Phật hội Việt Nam", "Cơ đốc Phục lâm Việt Nam", "Phật giáo Tứ Ân Hiếu Nghĩa", "Minh Sư đạo",
        "Minh Lý đạo - Tam Tông Miếu", "Bà La Môn giáo", "Mặc môn", "Phật giáo Hiếu Nghĩa Tà Lơn", "Bửu Sơn Kỳ Hương",
    ].map(VietnameseText.normalized)

    /// NB: not "Thiên Chúa giáo": it usually means Công giáo on a form, but strictly it covers Tin Lành too.
    static let religionAliases: [String: String] = [
        "Không có": noReligion, "Không theo tôn giáo": noReligion, "Không tôn giáo": noReligion,
        "Không theo đạo": noReligion,
        "Phật": "Phật giáo", "Đạo Phật": "Phật giáo",
        "Đạo Công giáo": "Công giáo",
        "Đạo Tin Lành": "Tin Lành",
        "Đạo Cao Đài": "Cao Đài", "Cao Đài giáo": "Cao Đài",
        "Hòa Hảo": "Phật giáo Hòa Hảo", "Đạo Hòa Hảo": "Phật giáo Hòa Hảo",
        "Đạo Hồi": "Hồi giáo", "Islam": "Hồi giáo",
        "Tôn giáo Baha'i": "Baha'i",
        "Tịnh độ Cư sĩ": "Tịnh độ Cư sĩ Phật hội Việt Nam",
        "Cơ đốc Phục lâm": "Cơ đốc Phục lâm Việt Nam",
        "Tứ Ân Hiếu Nghĩa": "Phật giáo Tứ Ân Hiếu Nghĩa",
        "Minh Lý đạo": "Minh Lý đạo - Tam Tông Miếu",
        "Bà La Môn": "Bà La Môn giáo",
        "Hiếu Nghĩa Tà Lơn": "Phật giáo Hiếu Nghĩa Tà Lơn",
    ]

    private static let ethnicityByKey = CanonicalNames(ethnicGroups, aliases: ethnicityAliases)
    private static let religionByKey = CanonicalNames([noReligion] + religions, aliases: religionAliases)

    /// The official name of the ethnic group written as `written`: "" → "Kinh", "Ê-đê" → "Ê Đê", "H'Mông" → "Mông";
    /// a value not recognized is kept as written (normalized).
    public static func canonicalEthnicity(_ written: String) -> String {
        ethnicityByKey.canonical(written) ?? kinh
    }

    /// The name of the religion written as `written`: "", "không", "khong" → "Không"; "Hòa Hảo" → "Phật giáo Hòa Hảo";
    /// a value not recognized is kept as written (normalized).
    public static func canonicalReligion(_ written: String) -> String {
        religionByKey.canonical(written) ?? noReligion
    }
}

/// Canonical names by the key of their spellings.
private struct CanonicalNames: Sendable {
    private let names: Set<String>
    private let byKey: [String: String]

    init(_ names: [String], aliases: [String: String]) {
        self.names = Set(names)
        var byKey: [String: String] = [:]
        for name in names { byKey[Self.key(name)] = name }
        for (alias, name) in aliases {
            precondition(self.names.contains(VietnameseText.normalized(name)), "an alias names a canonical value")
            byKey[Self.key(alias)] = VietnameseText.normalized(name)
        }
        self.byKey = byKey
    }

    /// The folded form without spaces: "Ê-đê", "Êđê", "ê đê" → "ede".
    static func key(_ text: String) -> String { String(VietnameseText.folded(text).filter { $0 != " " }) }

    /// The canonical name, nil for an empty value, the value as written (normalized) when not recognized.
    func canonical(_ written: String) -> String? {
        let normalized = VietnameseText.normalized(written)
        if normalized.isEmpty { return nil }
        if names.contains(normalized) { return normalized }
        return byKey[Self.key(normalized)] ?? normalized
    }
}
