/// A workbook's shared string table, kept while its sheets are read: every `<si>` as plain text (rich-text runs
/// joined, phonetic guides left out, `_xHHHH_` escapes decoded), stored as one UTF-8 buffer and offsets so that
/// memory is its text plus four bytes a string, bounded by `ReadingLimits.sharedStringBytes`.
///
/// A string longer than a field may be is kept cut short and marked, so that the cell using it is named in the error.
final class XLSXSharedStrings: Sendable {
    private let bytes: [UInt8]
    /// The end of string i in `bytes`; it starts where string i − 1 ends.
    private let ends: [UInt32]
    private let overlong: Set<Int>

    static let empty = XLSXSharedStrings(bytes: [], ends: [], overlong: [])

    private init(bytes: [UInt8], ends: [UInt32], overlong: Set<Int>) {
        self.bytes = bytes
        self.ends = ends
        self.overlong = overlong
    }

    var count: Int { ends.count }

    /// String `index`, and whether it is longer than it was kept; nil if there is no such string.
    subscript(index: Int) -> (text: String, overlong: Bool)? {
        guard ends.indices.contains(index) else { return nil }
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return (String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self), overlong.contains(index))
    }

    /// Reads the table at `path`, streamed.
    static func read(at path: String, in package: XLSXPackage) throws -> XLSXSharedStrings {
        let limits = package.limits
        // NB: a character as a user sees it takes under 8 bytes of UTF-8 in any real text (Vietnamese, decomposed, takes 5); more is too long anyway.
        let kept = limits.fieldCharacters * 8
        let maximumCount = max(limits.sharedStringBytes / 16, 1)
        var bytes: [UInt8] = []
        var ends: [UInt32] = []
        var overlong: Set<Int> = []
        var current = ""
        var tooLong = false
        var phonetic = false
        var capturing = false
        try package.parse(path, large: true) { token in
            switch token {
            case .start(let element):
                switch element.name {
                case "si":
                    current = ""
                    tooLong = false
                case "rPh": phonetic = true
                case "t": capturing = !phonetic
                default: break
                }
            case .text(let text, let truncated) where capturing:
                if truncated || current.utf8.count + text.utf8.count > kept {
                    tooLong = true
                } else {
                    current += text
                }
            case .end("t"): capturing = false
            case .end("rPh"): phonetic = false
            case .end("si"):
                var text = OOXMLText.unescaped(current)
                if tooLong || text.utf8.count > kept {
                    overlong.insert(ends.count)
                    text = ""
                }
                bytes.append(contentsOf: text.utf8)
                guard bytes.count <= limits.sharedStringBytes, ends.count < maximumCount else {
                    throw package.invalid("\(path) giữ hơn \(ReadingLimits.bytes(Int64(limits.sharedStringBytes))) "
                        + "chuỗi dùng chung, quá giới hạn của một lần nhập; hãy chia thành nhiều tệp")
                }
                ends.append(UInt32(bytes.count))
            default: break
            }
        }
        return XLSXSharedStrings(bytes: bytes, ends: ends, overlong: overlong)
    }
}
