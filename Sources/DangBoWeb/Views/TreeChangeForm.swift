import DangBoCore
import DangBoStore
import Vapor

/// The fields of a form that changes the tree, as posted (trimmed), with the errors found on each (by field name).
struct TreeChangeForm {
    /// The changes of an organization's page, in the order staff meet them; the value is the hidden `thay-doi`.
    enum Kind: String, CaseIterable {
        case rename = "doi-ten"
        case move = "chuyen-truc-thuoc"
        case changeKind = "doi-loai-hinh"
        case merge = "sap-nhap"
        case split = "chia-tach"
        case dissolve = "giai-the"

        var title: String {
            switch self {
            case .rename: "Đổi tên"
            case .move: "Chuyển trực thuộc"
            case .changeKind: "Đổi loại hình tổ chức"
            case .merge: "Sáp nhập"
            case .split: "Chia tách"
            case .dissolve: "Giải thể"
            }
        }
    }

    /// The new organizations a split form offers (empty rows are left out).
    static let partNumbers = [1, 2, 3]

    var values: [String: String] = [:]
    var errors: [String: [String]] = [:]

    init() {}

    init(_ request: Request) throws {
        values = try request.content.decode([String: String].self).mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        values[CSRFMiddleware.field] = nil
    }

    subscript(field: String) -> String { values[field] ?? "" }

    /// The change whose form was posted (nil: none, or the establishment form).
    var posted: Kind? { Kind(rawValue: self["thay-doi"]) }

    mutating func fail(_ field: String, _ message: String) { errors[field, default: []].append(message) }

    /// The day written in `field` (required), or nil with the error on it.
    mutating func day(_ field: String) -> Day? {
        if self[field].isEmpty {
            fail(field, "Hãy nhập ngày hiệu lực, ví dụ 30/3/2021.")
            return nil
        }
        guard let day = Day(parsing: self[field]) else {
            fail(field, "Ngày không hợp lệ; viết ngày/tháng/năm, ví dụ 30/3/2021.")
            return nil
        }
        return day
    }

    /// The decision written (số, ngày quyết định), nil when neither is; a bad day is an error on its field.
    mutating func decision() -> Decision? {
        let number = self["so-quyet-dinh"], written = self["ngay-quyet-dinh"]
        var date: Day?
        if !written.isEmpty {
            date = Day(parsing: written)
            if date == nil { fail("ngay-quyet-dinh", "Ngày không hợp lệ; viết ngày/tháng/năm, ví dụ 30/3/2021.") }
        }
        return number.isEmpty && date == nil ? nil : Decision(number: number, date: date)
    }

    /// The organization whose code is written in `field` as it stands on `day`, or nil with the error on the field.
    mutating func organization(_ field: String, on day: Day, store: Store) async throws -> OrganizationSummary? {
        try await organization(self[field], on: day, field: field, store: store)
    }

    /// The organization `code` as it stands on `day`, or nil with the error on `field`.
    ///
    /// NB: whether it lies in the caller's scope is the store's question, inside the write lock.
    mutating func organization(_ code: String, on day: Day, field: String, store: Store) async throws -> OrganizationSummary? {
        guard let found = try await store.organization(code: code, on: day) else {
            fail(field, "Không có tổ chức đảng mã \(code) vào ngày \(VietnameseFormat.day(day)).")
            return nil
        }
        return found
    }

    /// The form field a refusal of the store is about, in the form of `kind` (nil: the establishment form).
    static func field(of field: TreeChangeRefusal.Field, in kind: Kind?) -> String {
        switch field {
        case .organization: "to-chuc"
        case .code: kind == .split ? "to-chuc-moi" : "ma"
        case .name: kind == .split ? "to-chuc-moi" : "ten"
        case .kind: "loai"
        case .parent: kind == .split ? "to-chuc-moi" : "cap-tren"
        case .effective: kind == nil ? "ngay-thanh-lap" : "ngay-hieu-luc"
        case .absorbed, .target: "sap-nhap"
        case .parts: "to-chuc-moi"
        case .assignments: "giao"
        }
    }
}
