import DangBoCore
import DangBoCore
import Foundation

/// Vietnamese names and personal attributes with realistic frequencies (RULES §10), all text in NFC.
enum NamePool {
    /// Family names with their share in tenths of a percent (Nguyễn ≈ 38%).
    static let families = WeightedTable(nfc([
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 42), ("Huỳnh", 9), ("Phan", 45),
        ("Vũ", 32), ("Võ", 7), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
        ("Lý", 5), ("Đinh", 8), ("Đào", 7), ("Trịnh", 6), ("Lương", 4), ("Mai", 4), ("Tạ", 4), ("Cao", 4),
        ("Chu", 3), ("Phùng", 4), ("Kiều", 3), ("Hà", 5), ("Lưu", 3), ("Khuất", 2), ("Tô", 2), ("Quách", 2),
        ("Triệu", 2), ("Văn", 2), ("Lại", 2), ("Nghiêm", 1), ("Thân", 1), ("Vương", 1), ("Đoàn", 5), ("Tăng", 1),
    ]))

    /// Family names common among some ethnic minorities (Tày, Nùng: Nông, Hoàng; Thái: Lò, Cầm; Mông: Giàng, Sùng…).
    static let minorityFamilies: [String: [String]] = [
        "Tày": nfc(["Nông", "Hoàng", "Lục", "Ma", "Hà", "Lương"]),
        "Nùng": nfc(["Nông", "Hoàng", "Lăng", "Vi", "Lương"]),
        "Thái": nfc(["Lò", "Cầm", "Lường", "Quàng", "Hà", "Vi"]),
        "Mường": nfc(["Bùi", "Đinh", "Quách", "Hà", "Xa"]),
        "Dao": nfc(["Triệu", "Bàn", "Đặng", "Lý"]),
        "Mông": nfc(["Giàng", "Sùng", "Vàng", "Lý", "Thào"]),
        "Sán Dìu": nfc(["Trương", "Diệp", "Lưu", "Tạ"]),
        "Sán Chay": nfc(["Hoàng", "Lâm", "La", "Trần"]),
    ]

    /// Middle names of men born before about 1975, and of younger men (Văn grows rarer).
    static let maleMiddlesOlder = WeightedTable(nfc([
        ("Văn", 55), ("Đức", 8), ("Minh", 6), ("Hữu", 6), ("Quang", 5), ("Xuân", 4), ("Đình", 5), ("Ngọc", 3),
        ("Công", 4), ("Trọng", 3), ("Mạnh", 2), ("Thanh", 3), ("Quốc", 2), ("Khắc", 2), ("Duy", 2),
    ]))
    static let maleMiddlesYounger = WeightedTable(nfc([
        ("Văn", 22), ("Đức", 11), ("Minh", 12), ("Hữu", 4), ("Quang", 8), ("Xuân", 3), ("Đình", 4), ("Ngọc", 4),
        ("Công", 4), ("Trọng", 3), ("Mạnh", 3), ("Thanh", 5), ("Quốc", 5), ("Duy", 5), ("Tuấn", 3), ("Hoàng", 4),
        ("Anh", 3), ("Tiến", 2), ("Trung", 2), ("Việt", 2),
    ]))
    /// Middle names of women: Thị is for women only and, like Văn, rarer among the young.
    static let femaleMiddlesOlder = WeightedTable(nfc([
        ("Thị", 72), ("Thu", 5), ("Thanh", 5), ("Ngọc", 4), ("Minh", 2), ("Hồng", 3), ("Kim", 3), ("Thúy", 2),
        ("Bích", 2), ("Thị Thu", 2),
    ]))
    static let femaleMiddlesYounger = WeightedTable(nfc([
        ("Thị", 38), ("Thu", 9), ("Thanh", 7), ("Ngọc", 8), ("Minh", 5), ("Hồng", 4), ("Kim", 3), ("Thúy", 3),
        ("Phương", 4), ("Hải", 2), ("Khánh", 3), ("Diệu", 2), ("Mai", 2), ("Bảo", 2), ("Quỳnh", 2), ("Thị Thu", 2),
        ("Thị Thanh", 2), ("Hoài", 2),
    ]))

    static let maleGivens = nfc([
        "Hùng", "Dũng", "Tuấn", "Hải", "Nam", "Long", "Minh", "Quân", "Cường", "Thắng", "Sơn", "Trung", "Hiếu",
        "Hoàng", "Đức", "Phong", "Thành", "Tùng", "Bình", "Huy", "Khoa", "Kiên", "Lâm", "Lợi", "Mạnh", "Nghĩa",
        "Phúc", "Quang", "Tài", "Thịnh", "Toàn", "Vinh", "Việt", "Anh", "Duy", "Đạt", "Giang", "Hưng", "Khánh",
        "Tú", "Tiến", "Hòa", "An", "Bảo", "Công", "Định", "Hậu", "Lực", "Phương", "Thái", "Thuận", "Trường",
        "Tâm", "Vũ", "Chiến", "Dương", "Hiển", "Khải", "Luân", "Ninh", "Quyết", "Sang", "Thạch", "Thông", "Tuyên",
    ])
    static let femaleGivens = nfc([
        "Hương", "Lan", "Hoa", "Hà", "Hằng", "Huyền", "Linh", "Mai", "Nga", "Ngọc", "Nhung", "Phương", "Thảo",
        "Thu", "Thủy", "Trang", "Tuyết", "Vân", "Yến", "Anh", "Dung", "Giang", "Hạnh", "Hiền", "Hồng", "Hường",
        "Lệ", "Liên", "Loan", "Ly", "Minh", "Nguyệt", "Oanh", "Quyên", "Quỳnh", "Tâm", "Thanh", "Thúy", "Trâm",
        "Uyên", "Vy", "Xuân", "Chi", "Diệp", "Duyên", "Hải", "Hậu", "Huệ", "Lành", "Lụa", "Ngân", "Nhàn", "Nhi",
        "Nhung", "Sen", "Thơm", "Thoa", "Tình", "Trinh", "Vui", "Ánh", "Châu", "Diệu", "Hiên", "Khuê", "Mơ",
    ])

    /// Ethnic groups with their share in tenths of a percent: Kinh about 90%. NB: spelled as `Member.ethnicGroups` (and
    /// religions as `Member.religions`), so that a registry exported and imported again counts the same.
    static let ethnicities = WeightedTable(nfc([
        (Member.kinh, 900), ("Tày", 22), ("Mường", 18), ("Thái", 16), ("Dao", 10), ("Sán Dìu", 8), ("Nùng", 10),
        ("Mông", 6), ("Sán Chay", 4), ("Hoa", 3), ("Khmer", 2), ("Ê Đê", 1),
    ]))

    /// Religions with their share in tenths of a percent: no religion about 90%.
    static let religions = WeightedTable(nfc([
        (Member.noReligion, 905), ("Phật giáo", 58), ("Công giáo", 32), ("Tin Lành", 3), ("Cao Đài", 2),
    ]))

    /// Occupations as the statistical forms name them.
    static let occupations = WeightedTable(nfc([
        ("Công chức", 46), ("Viên chức", 34), ("Người lao động", 13), ("Lực lượng vũ trang", 3),
        ("Lãnh đạo, quản lý", 4),
    ]))
    static let retired = nfc("Hưu trí")

    /// Political theory levels as recorded ("" when none yet).
    static let theoryYoung = WeightedTable(nfc([("", 58), ("Sơ cấp", 36), ("Trung cấp", 5), ("Cử nhân", 1)]))
    static let theoryMiddle = WeightedTable(nfc([
        ("", 16), ("Sơ cấp", 38), ("Trung cấp", 33), ("Cao cấp", 9), ("Cử nhân", 4),
    ]))
    static let theorySenior = WeightedTable(nfc([
        ("", 8), ("Sơ cấp", 24), ("Trung cấp", 42), ("Cao cấp", 19), ("Cử nhân", 7),
    ]))

    /// General education: 12/12, the older 10-year system in the North (10/10), and a few others.
    static let educationOlder = WeightedTable(nfc([("12/12", 80), ("10/10", 17), ("9/10", 2), ("9/12", 1)]))
    static let educationYounger = WeightedTable(nfc([("12/12", 98), ("9/12", 1), ("11/12", 1)]))

    static func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }
    static func nfc(_ texts: [String]) -> [String] { texts.map(nfc) }
    static func nfc(_ entries: [(String, Int)]) -> [(String, Int)] { entries.map { (nfc($0.0), $0.1) } }
}
