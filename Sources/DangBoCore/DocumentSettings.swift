/// What an organization's documents need that the tree does not hold (issue 10 point 6): the place on the date line
/// ("Vĩnh Phúc") and the issuer's abbreviation in the number and code ("15-BC/ĐUK"). Set by the organization's staff,
/// never typed into code.
public struct DocumentSettings: Sendable, Equatable, Codable {
    public var place: String
    public var issuerCode: String

    /// Checked settings: a place of 1 to 100 characters, an abbreviation of 1 to 20 letters and digits (no space,
    /// hyphen or slash: they join the number, the type and the issuer in "15-BC/ĐUK").
    public init(place: String, issuerCode: String) throws(DocumentSettingsViolation) {
        let place = place.trimmingWhitespace(), issuerCode = issuerCode.trimmingWhitespace()
        guard (1...100).contains(place.count), !place.contains(where: \.isNewline) else { throw .place }
        guard (1...20).contains(issuerCode.count), issuerCode.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw .issuerCode(issuerCode)
        }
        self.place = place
        self.issuerCode = issuerCode
    }
}

/// Why document settings are refused, in Vietnamese, with the field at fault.
public enum DocumentSettingsViolation: Error, Sendable, Equatable, CustomStringConvertible {
    case place
    case issuerCode(String)

    public var description: String {
        switch self {
        case .place: "Địa danh ghi ở dòng ngày tháng phải có từ 1 đến 100 ký tự, trên một dòng (ví dụ: Vĩnh Phúc)."
        case .issuerCode(let code):
            "Chữ viết tắt tên cơ quan ban hành \"\(code)\" phải có từ 1 đến 20 chữ cái hoặc chữ số, không có dấu cách, "
                + "dấu gạch ngang hay dấu gạch chéo (ví dụ: ĐUK trong \"Số 15-BC/ĐUK\")."
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
