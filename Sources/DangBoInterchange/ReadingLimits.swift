import DangBoCore

/// The caps every reader holds to, so that an import of any file, however large or malformed, stays within bounded
/// memory and ends with a clear message naming the file and the cap (issue 8 "Bounded memory on any input").
///
/// Each cap is far above what a real file needs: an XLSX sheet holds at most 1,048,576 rows and 16,384 columns, the
/// national registry is about 20 million events, and the longest note we have seen is a few hundred characters.
public struct ReadingLimits: Sendable, Equatable {
    /// The most bytes any zip entry of a workbook may inflate to.
    public var inflatedBytes: Int64
    /// The most an entry may inflate per compressed byte (a zip bomb inflates a thousand times or more; XML sheets
    /// inflate 5 to 20 times). Held for entries that inflate to more than `ratioFloor` bytes.
    public var compressionRatio: Int64
    /// Entries that inflate to this many bytes or fewer are not held to `compressionRatio`: they cannot hurt.
    public var ratioFloor: Int64
    /// The most characters in one field (a CSV field, an XLSX cell).
    public var fieldCharacters: Int
    /// The most data rows in one table (a CSV file, an XLSX sheet).
    public var rows: Int
    /// The most fields in one row (Excel's own limit, column XFD).
    public var columns: Int
    /// The most bytes of text a workbook's shared strings may hold (they are kept in memory while its sheets are read).
    public var sharedStringBytes: Int
    /// The most bytes of a workbook's small parts (workbook, relationships, styles), read whole.
    public var metadataBytes: Int64

    public init(inflatedBytes: Int64 = 2 << 30, compressionRatio: Int64 = 200, ratioFloor: Int64 = 1 << 20,
                fieldCharacters: Int = 4_096, rows: Int = 50_000_000, columns: Int = 16_384,
                sharedStringBytes: Int = 256 << 20, metadataBytes: Int64 = 64 << 20) {
        self.inflatedBytes = inflatedBytes
        self.compressionRatio = compressionRatio
        self.ratioFloor = ratioFloor
        self.fieldCharacters = fieldCharacters
        self.rows = rows
        self.columns = columns
        self.sharedStringBytes = sharedStringBytes
        self.metadataBytes = metadataBytes
    }

    /// The limits every import runs with.
    public static let standard = ReadingLimits()

    /// The message for a field over `fieldCharacters`.
    func fieldTooLong(_ characters: Int) -> String {
        "dài \(VietnameseFormat.number(characters)) ký tự, quá giới hạn \(VietnameseFormat.number(fieldCharacters)) ký tự của một ô"
    }

    /// Whether a field's text is longer than `fieldCharacters`, counted in characters as a user sees them.
    func isTooLong(_ text: String) -> Bool {
        // NB: a character takes at least one UTF-8 byte, so most fields are settled without counting characters.
        text.utf8.count > fieldCharacters && text.count > fieldCharacters
    }

    var tooManyRows: String {
        "bảng có hơn \(VietnameseFormat.number(rows)) dòng dữ liệu, quá giới hạn của một lần nhập; hãy chia thành nhiều tệp"
    }

    var tooManyColumns: String {
        "dòng có hơn \(VietnameseFormat.number(columns)) cột, quá giới hạn của một bảng"
    }

    /// Bytes for messages: "2 GiB", "64 MiB", "512 KiB".
    static func bytes(_ count: Int64) -> String {
        if count >= 1 << 30, count % (1 << 30) == 0 { return "\(VietnameseFormat.number(Int(count >> 30))) GiB" }
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(VietnameseFormat.number(Int(count >> 20))) MiB" }
        if count >= 1 << 10, count % (1 << 10) == 0 { return "\(VietnameseFormat.number(Int(count >> 10))) KiB" }
        return "\(VietnameseFormat.number(Int(count))) byte"
    }
}
