import Foundation
import ZIPFoundation

/// The parts of an .xlsx zip, looked up by their path (case-insensitively, as Excel does), each read as a stream of
/// XML tokens.
struct XLSXPackage {
    let url: URL
    /// The workbook as the user knows it ("book.xlsx"), for messages.
    let file: String
    let limits: ReadingLimits
    private let entries: [String: Entry]

    /// The most entries a workbook may list: a real one has a few dozen.
    static let maximumEntries = 10_000

    init(url: URL, limits: ReadingLimits) throws {
        let file = url.lastPathComponent
        self.url = url
        self.file = file
        self.limits = limits
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw CodecError(file: file, line: nil, message: "không đọc được tệp")
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            // NB: .xls (Excel 97–2003) and password-protected workbooks are OLE2 files, not zips.
            let head = (try? FileHandle(forReadingFrom: url).read(upToCount: 4)) ?? nil
            if head == Data([0xD0, 0xCF, 0x11, 0xE0]) {
                throw CodecError(file: file, line: nil, message:
                    "không phải tệp Excel (.xlsx) hợp lệ: tệp .xls cũ hoặc có mật khẩu; hãy mở bằng Excel và lưu lại dạng .xlsx")
            }
            throw CodecError(file: file, line: nil, message: "không phải tệp Excel (.xlsx) hợp lệ")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            guard entries.count < Self.maximumEntries else {
                throw CodecError(file: file, line: nil, message:
                    "không phải tệp Excel (.xlsx) hợp lệ: có hơn \(Self.maximumEntries) phần trong tệp nén")
            }
            let path = entry.path.lowercased()
            if entries[path] == nil { entries[path] = entry }
        }
        self.entries = entries
    }

    func invalid(_ detail: String) -> CodecError {
        CodecError(file: file, line: nil, message: "không phải tệp Excel (.xlsx) hợp lệ: \(detail)")
    }

    func contains(_ path: String) -> Bool { entries[path.lowercased()] != nil }

    /// The size a part declares it inflates to.
    func inflatedSize(of path: String) -> Int64? {
        entries[path.lowercased()].map { Int64(clamping: $0.uncompressedSize) }
    }

    /// The XML tokens of a part, inflated as they are read; nil if the package has no such part.
    /// - Parameter large: whether the part may be as large as a sheet; the others are held to `limits.metadataBytes`.
    func tokens(of path: String, large: Bool) throws -> XMLTokenizer? {
        guard let entry = entries[path.lowercased()] else { return nil }
        let stream = try ZipEntryStream(
            archive: url, entry: entry, file: file, maximumBytes: large ? limits.inflatedBytes : limits.metadataBytes,
            limits: limits)
        // NB: room for a whole field written with character references (`&#x1EC7;` is 8 bytes for one character).
        return XMLTokenizer(maximumText: max(limits.fieldCharacters, 256) * 16) { try stream.next() }
    }

    /// Calls `handle` with every token of a part; a part that is not well-formed XML is named.
    func parse(_ path: String, large: Bool = false, _ handle: (XMLTokenizer.Token) throws -> Void) throws {
        guard var tokens = try tokens(of: path, large: large) else { throw invalid("thiếu \(path)") }
        try readingXML(of: path) {
            while let token = try tokens.next() { try handle(token) }
        }
    }

    /// Runs `body`, naming `path` when its XML is malformed.
    func readingXML<T>(of path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as XMLTokenizer.Malformed {
            throw invalid("\(path) không phải XML hợp lệ: \(error.reason)")
        }
    }
}
