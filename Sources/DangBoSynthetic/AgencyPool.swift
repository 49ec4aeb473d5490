/// Names of the provincial agencies whose party organizations make up the bloc, and of their units.
enum AgencyPool {
    /// Large agencies: their party organizations are grassroots committees (đảng bộ cơ sở, 30 members or more).
    static let large = NamePool.nfc([
        "Sở Tài chính", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Y tế", "Sở Giáo dục và Đào tạo",
        "Sở Kế hoạch và Đầu tư", "Sở Giao thông vận tải", "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Cục Thuế tỉnh",
        "Kho bạc Nhà nước tỉnh", "Bảo hiểm xã hội tỉnh", "Văn phòng Ủy ban nhân dân tỉnh",
        "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương", "Sở Nội vụ",
        "Đài Phát thanh và Truyền hình tỉnh", "Bệnh viện Đa khoa tỉnh", "Trường Cao đẳng Kinh tế - Kỹ thuật",
        "Trường Cao đẳng Y tế", "Cục Hải quan tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh", "Cục Quản lý thị trường tỉnh",
        "Ban Quản lý các khu công nghiệp",
    ])

    /// Smaller agencies and mass organizations: their party organizations are grassroots cells (chi bộ cơ sở).
    /// The first entries play parts in the history (renamed, merged, dissolved) and are always used.
    static let small = NamePool.nfc([
        "Sở Bưu chính, Viễn thông", "Ban Dân tộc", "Ban Tôn giáo", "Ban Thi đua - Khen thưởng",
        "Ban Quản lý dự án đầu tư xây dựng", "Sở Tư pháp", "Thanh tra tỉnh", "Sở Ngoại vụ", "Sở Khoa học và Công nghệ",
        "Hội Nông dân tỉnh", "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "Liên đoàn Lao động tỉnh",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Liên minh Hợp tác xã tỉnh", "Hội Văn học Nghệ thuật tỉnh",
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Hội Chữ thập đỏ tỉnh", "Cục Thống kê tỉnh", "Báo tỉnh",
        "Trường Chính trị tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
        "Cục Thi hành án dân sự tỉnh", "Viện Kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh",
        "Ngân hàng Chính sách xã hội chi nhánh tỉnh", "Quỹ Đầu tư phát triển tỉnh", "Hội Cựu chiến binh tỉnh",
        "Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch", "Ban Quản lý dự án giao thông", "Hội Luật gia tỉnh",
        "Liên hiệp các tổ chức hữu nghị tỉnh", "Hội Người mù tỉnh", "Trung tâm Lưu trữ lịch sử tỉnh",
        "Ban Quản lý dự án nông nghiệp", "Trung tâm Phát triển quỹ đất tỉnh", "Hội Đông y tỉnh",
        "Trung tâm Kiểm soát bệnh tật tỉnh", "Bệnh viện Sản - Nhi tỉnh", "Bệnh viện Y dược cổ truyền tỉnh",
        "Trung tâm Công nghệ thông tin và Truyền thông", "Hội Nhà báo tỉnh", "Ban Quản lý rừng phòng hộ",
    ])

    /// Agencies that come into being during the history (thành lập mới), with the day they would, if in range.
    static let later: [(name: String, year: Int, month: Int)] = [
        (NamePool.nfc("Trung tâm Phục vụ hành chính công tỉnh"), 2019, 1),
        (NamePool.nfc("Ban bảo vệ, chăm sóc sức khỏe cán bộ tỉnh"), 2021, 2),
        (NamePool.nfc("Ban Quản lý Khu du lịch quốc gia"), 2012, 7),
        (NamePool.nfc("Trung tâm Điều hành đô thị thông minh"), 2023, 6),
    ]

    /// Renames of grassroots organizations (đổi tên): old agency name, new name and when.
    static let renames: [(old: String, new: String, year: Int, month: Int)] = [
        (NamePool.nfc("Sở Bưu chính, Viễn thông"), NamePool.nfc("Sở Thông tin và Truyền thông"), 2008, 3),
        (NamePool.nfc("Sở Nông nghiệp và Phát triển nông thôn"), NamePool.nfc("Sở Nông nghiệp và Môi trường"), 2025, 3),
    ]

    /// The merger of two agencies' cells into a new one (hợp nhất), and when.
    static let merger = (first: NamePool.nfc("Ban Dân tộc"), second: NamePool.nfc("Ban Tôn giáo"),
                         merged: NamePool.nfc("Sở Dân tộc và Tôn giáo"), year: 2025, month: 3)

    /// Agencies abolished during the history (giải thể): name, the large agency that takes their staff, and when.
    static let abolished: [(name: String, successor: String, year: Int, month: Int)] = [
        (NamePool.nfc("Ban Thi đua - Khen thưởng"), NamePool.nfc("Sở Nội vụ"), 2014, 7),
        (NamePool.nfc("Ban Quản lý dự án đầu tư xây dựng"), NamePool.nfc("Sở Xây dựng"), 2006, 10),
    ]

    /// Units of an agency: subordinate cells (chi bộ trực thuộc) are named after them.
    static let units = NamePool.nfc([
        "Văn phòng", "Phòng Kế hoạch - Tài chính", "Phòng Tổ chức cán bộ", "Thanh tra", "Phòng Pháp chế",
        "Phòng Nghiệp vụ", "Phòng Hành chính - Tổng hợp", "Trung tâm Công nghệ thông tin", "Phòng Kiểm tra",
        "Phòng Quản lý ngân sách", "Phòng Tin học và Thống kê", "Phòng Kế hoạch", "Phòng Quản lý chuyên ngành",
        "Trung tâm Dịch vụ", "Phòng Tuyên truyền", "Trung tâm Đào tạo", "Phòng Quản lý đầu tư", "Phòng Chính sách",
        "Ban Quản lý dự án", "Trung tâm Kiểm định", "Phòng Thẩm định", "Phòng Hợp tác quốc tế",
    ])

    /// Units large enough to form a partial committee (đảng bộ bộ phận), and the cells inside one.
    static let partialUnits = NamePool.nfc([
        "Khối sự nghiệp", "Khối văn phòng", "Khối quản lý nhà nước", "Các đơn vị trực thuộc", "Khối chuyên môn",
    ])
    static let partialCells = NamePool.nfc([
        "Phòng Hành chính", "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2", "Trạm Khu vực 1", "Trạm Khu vực 2",
        "Đội Kiểm tra", "Phòng Kỹ thuật",
    ])
}
