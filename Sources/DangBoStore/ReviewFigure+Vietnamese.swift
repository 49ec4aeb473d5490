import DangBoCore

/// The words a review uses for each of its figures (UX.md; `domain/GLOSSARY.md`).
extension ReviewFigure {
    public var vietnamese: String {
        switch self {
        case .members(let stock):
            switch stock {
            case .total: "Đảng viên cuối kỳ"
            case .official: "Đảng viên chính thức"
            case .probationary: "Đảng viên dự bị"
            case .exempt: "Đảng viên được miễn sinh hoạt"
            case .atStart: "Đảng viên đầu kỳ"
            }
        case .movement(let movement): movement.vietnamese
        case .organizations(let figure):
            switch figure {
            case .grassroots: "Tổ chức cơ sở đảng"
            case .established: "Tổ chức cơ sở đảng thành lập mới"
            case .dissolved: "Tổ chức cơ sở đảng giải thể"
            case .kind(let kind): kind.vietnamese
            }
        case .consolidatedCommittees: "Tổ chức đảng được bổ sung, kiện toàn cấp ủy"
        case .oversight(let activity, let mode, let conductor, let count):
            "\(activity.vietnamese) \(mode.vietnamese) do \(conductor.vietnamese.lowercased()) tiến hành: \(count.vietnamese(activity))"
        }
    }
}

extension ReviewFigure.Movement {
    public var vietnamese: String {
        switch self {
        case .admitted: "Kết nạp"
        case .readmitted: "Kết nạp lại"
        case .restored: "Phục hồi đảng tịch"
        case .recognizedOfficial: "Công nhận chính thức"
        case .transferredIn: "Chuyển sinh hoạt đến"
        case .transferredOut: "Chuyển sinh hoạt đi"
        case .transfers: "Tiếp nhận và giới thiệu chuyển sinh hoạt"
        case .movedInternally: "Chuyển sinh hoạt nội bộ"
        case .died: "Từ trần"
        case .removed: "Xóa tên"
        case .probationRemoved: "Xóa tên đảng viên dự bị"
        case .expelled: "Khai trừ"
        case .withdrew: "Ra khỏi Đảng"
        case .reorganizedIn: "Đến do sắp xếp tổ chức"
        case .reorganizedOut: "Đi do sắp xếp tổ chức"
        case .inflow: "Tăng trong kỳ"
        case .outflow: "Giảm trong kỳ"
        }
    }
}

extension ReviewFigure.OversightCount {
    public func vietnamese(_ activity: OversightActivity) -> String {
        switch self {
        case .cases: "số cuộc"
        case .organizations: "tổ chức đảng được \(activity.vietnamese.lowercased())"
        case .members: "đảng viên được \(activity.vietnamese.lowercased())"
        }
    }
}
