/// Places a member's papers name: province codes of the CCCD, the letters of record numbers, and the party
/// organizations on the other side of a transfer.
enum PlacePool {
    /// The 3-digit province codes that start a CCCD number (Thông tư 07/2016/TT-BCA), weighted towards the northern
    /// midlands where such a bloc stands.
    static let provinceCodes = WeightedTable([
        ("026", 40), ("001", 10), ("025", 8), ("019", 6), ("024", 5), ("022", 4), ("027", 4), ("030", 4), ("033", 3),
        ("034", 3), ("035", 3), ("036", 3), ("037", 2), ("038", 3), ("040", 2), ("042", 2), ("017", 3), ("015", 2),
        ("008", 2), ("010", 1), ("011", 1), ("012", 1), ("014", 2), ("020", 2), ("031", 2), ("002", 1), ("004", 1),
        ("006", 1), ("044", 1), ("045", 1), ("046", 1), ("048", 1), ("079", 1),
    ])

    /// Letters of the provincial committee in a personal record number (số lý lịch: 6 digits and 1–3 letters).
    static let recordLetters = ["VP", "HN", "PT", "TN", "BG", "BN", "HD", "HY", "TB", "ND", "NB", "TH", "NA", "HB",
                                "YB", "TQ", "LS", "QN", "HP", "HT"]

    /// Where members come from or go to when they change jobs (official transfers across the bloc's boundary).
    static let jobCounterparts = NamePool.nfc([
        "Đảng bộ Khối Doanh nghiệp tỉnh", "Đảng bộ Công an tỉnh", "Đảng bộ Quân sự tỉnh", "Đảng bộ thành phố",
        "Đảng bộ Khối các cơ quan Trung ương", "Đảng bộ Khối Doanh nghiệp Trung ương", "Đảng bộ thành phố Hà Nội",
        "Đảng bộ tỉnh Hòa Bình", "Đảng bộ tỉnh Phú Thọ", "Đảng bộ tỉnh Thái Nguyên", "Đảng bộ tỉnh Bắc Giang",
        "Đảng bộ tỉnh Bắc Ninh", "Đảng bộ tỉnh Tuyên Quang", "Đảng bộ tỉnh Yên Bái", "Đảng bộ tỉnh Hải Dương",
        "Đảng bộ tỉnh Thanh Hóa", "Đảng bộ tỉnh Nghệ An", "Đảng bộ thành phố Hải Phòng", "Đảng bộ huyện Tam Dương",
        "Đảng bộ huyện Yên Lạc", "Đảng bộ huyện Lập Thạch", "Đảng bộ huyện Bình Xuyên", "Đảng bộ huyện Vĩnh Tường",
        "Đảng bộ huyện Sông Lô", "Đảng bộ huyện Tam Đảo", "Đảng bộ thành phố Phúc Yên",
        "Đảng bộ Trường Đại học Sư phạm Hà Nội 2", "Đảng bộ Học viện Chính trị quốc gia Hồ Chí Minh",
    ])

    /// Where retirees go: the party organization of their residence (chuyển sinh hoạt về nơi cư trú).
    static let residences = NamePool.nfc([
        "Đảng bộ phường Liên Bảo", "Đảng bộ phường Tích Sơn", "Đảng bộ phường Đống Đa", "Đảng bộ phường Ngô Quyền",
        "Đảng bộ phường Khai Quang", "Đảng bộ phường Đồng Tâm", "Đảng bộ phường Hội Hợp", "Đảng bộ phường Định Trung",
        "Đảng bộ phường Hùng Vương", "Đảng bộ phường Trưng Trắc", "Đảng bộ phường Trưng Nhị", "Đảng bộ xã Thanh Trù",
        "Đảng bộ xã Kim Long", "Đảng bộ xã Hợp Thịnh", "Đảng bộ xã Đạo Tú", "Đảng bộ thị trấn Yên Lạc",
        "Đảng bộ thị trấn Tam Sơn", "Đảng bộ xã Tam Hồng", "Đảng bộ thị trấn Hương Canh", "Đảng bộ xã Thổ Tang",
        "Đảng bộ phường Quang Trung", "Đảng bộ phường Trần Phú", "Đảng bộ xã Vĩnh Thịnh", "Đảng bộ xã Hoàng Đan",
    ])

    /// Where members attend temporarily while studying or working away (sinh hoạt tạm thời).
    static let temporaryHosts = NamePool.nfc([
        "Đảng bộ Học viện Chính trị khu vực I", "Đảng bộ Trường Chính trị tỉnh", "Đảng bộ Học viện Hành chính quốc gia",
        "Đảng bộ Đại học Quốc gia Hà Nội", "Đảng bộ Trường Đại học Kinh tế quốc dân", "Đảng bộ Bệnh viện Bạch Mai",
        "Chi bộ Ban Quản lý dự án tỉnh", "Đảng bộ Khối các cơ quan Trung ương",
    ])
}
