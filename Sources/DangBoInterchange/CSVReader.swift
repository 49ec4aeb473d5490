import DangBoCore
import Foundation

/// Streaming RFC 4180 reader: UTF-8 (a leading BOM is skipped), comma separated, fields optionally in double quotes
/// with `""` as an escaped quote; quoted fields may hold commas, CR and LF. Records end with LF or CRLF; a trailing
/// newline at the end does not make an empty record; empty lines are skipped but counted for line numbers.
///
/// The file is read in chunks and parsed as bytes, so memory stays flat on multi-GB files; a field, a record and the
/// file are held to `ReadingLimits` (field length, fields per record, records), each an error naming the place.
/// Not `Sendable`: one reader is used from one thread.
public final class CSVReader {
    /// The file name, for messages ("members.csv").
    public let name: String
    // NB: the parsing state is a struct mutated in place, so that the hot loops pay no dynamic exclusivity
    // checks, which a class's stored properties cost on every access.
    private var parser: RecordParser
    private let close: () -> Void
    private var headerRow: [String]?
    private let limits: ReadingLimits
    private var rows = 0

    static let defaultChunkSize = 1 << 20

    /// Opens a file; throws `CodecError` if it cannot be opened.
    public convenience init(url: URL, limits: ReadingLimits = .standard) throws {
        try self.init(url: url, chunkSize: Self.defaultChunkSize, limits: limits)
    }

    /// Reads a file `chunkSize` bytes at a time (tests use tiny chunks to cross every boundary).
    init(url: URL, chunkSize: Int, limits: ReadingLimits = .standard) throws {
        let name = url.lastPathComponent
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw CodecError(file: name, line: nil, message: "không đọc được tệp")
        }
        self.name = name
        self.limits = limits
        parser = RecordParser(name: name, limits: limits) {
            let data: Data?
            do {
                data = try handle.read(upToCount: chunkSize)
            } catch {
                throw CodecError(file: name, line: nil, message: "không đọc được tệp")
            }
            guard let data, !data.isEmpty else { return nil }
            return [UInt8](data)
        }
        close = { try? handle.close() }
    }

    /// Reads text already in memory (tests, uploads).
    public convenience init(data: Data, name: String, limits: ReadingLimits = .standard) {
        self.init(data: data, name: name, chunkSize: Self.defaultChunkSize, limits: limits)
    }

    /// Reads text in memory `chunkSize` bytes at a time, as if it came from a file.
    init(data: Data, name: String, chunkSize: Int, limits: ReadingLimits = .standard) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.name = name
        self.limits = limits
        var offset = data.startIndex
        parser = RecordParser(name: name, limits: limits) {
            guard offset < data.endIndex else { return nil }
            let end = min(offset + chunkSize, data.endIndex)
            defer { offset = end }
            return [UInt8](data[offset..<end])
        }
        close = {}
    }

    deinit { close() }

    /// The header row (the first record), read on first access; empty for an empty file.
    public func header() throws -> [String] {
        if let headerRow { return headerRow }
        let row = try parser.record()?.cells ?? []
        headerRow = row
        parser.header = row
        return row
    }

    /// The next data record, or nil at the end.
    public func next() throws -> TableRow? {
        _ = try header()
        guard let row = try parser.record() else { return nil }
        rows += 1
        guard rows <= limits.rows else { throw CodecError(file: name, line: row.line, message: limits.tooManyRows) }
        return row
    }

    /// Reads a whole file into a table named after it.
    public static func read(url: URL) throws -> Table {
        let reader = try CSVReader(url: url)
        let header = try reader.header()
        var rows: [TableRow] = []
        while let row = try reader.next() { rows.append(row) }
        return Table(name: reader.name, header: header, rows: rows)
    }
}

/// The byte-level state machine of `CSVReader`: chunks in, records out.
private struct RecordParser {
    let name: String
    let limits: ReadingLimits
    /// The most bytes of a field held while it is read (a field of `limits.fieldCharacters` takes fewer).
    let maximumFieldBytes: Int
    /// The header, once read, to name the column of a field that is too long.
    var header: [String] = []
    /// The position of the field being read in its record.
    var fieldIndex = 0
    /// The next chunk of input, or nil at its end.
    let nextChunk: () throws -> [UInt8]?
    var buffer: [UInt8] = []
    /// The next byte to read in `buffer`.
    var index = 0
    var exhausted = false
    var started = false
    /// The physical line the next byte is on.
    var line = 1
    /// Bytes of a field that crosses a chunk boundary, holds an escaped quote or a lone CR; reused between fields.
    var pending: [UInt8] = []
    /// The number of cells of the last record, to size the next one.
    var width = 0

    init(name: String, limits: ReadingLimits, nextChunk: @escaping () throws -> [UInt8]?) {
        self.name = name
        self.limits = limits
        maximumFieldBytes = limits.fieldCharacters * 8
        self.nextChunk = nextChunk
    }

    // MARK: - Records

    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    /// The next record that is not empty, with the line it starts on.
    mutating func record() throws -> TableRow? {
        while try available() {
            let start = line
            var cells: [String] = []
            cells.reserveCapacity(width)
            var ended = false
            while !ended {
                guard cells.count < limits.columns else {
                    throw CodecError(file: name, line: start, message: limits.tooManyColumns)
                }
                fieldIndex = cells.count
                let (cell, endsRecord) = try field(recordLine: start)
                cells.append(cell)
                ended = endsRecord
            }
            // NB: a line of only separators (",,,", as spreadsheets save blank rows) carries nothing either.
            if cells.allSatisfy(\.isEmpty) { continue }
            width = cells.count
            return TableRow(line: start, cells: cells)
        }
        return nil
    }

    /// One field and whether it ends its record (LF, CRLF or the end of input) rather than a comma.
    mutating func field(recordLine: Int) throws -> (String, Bool) {
        pending.removeAll(keepingCapacity: true)
        guard try available() else { return ("", true) }
        if buffer[index] == Self.quote {
            index += 1
            try quoted(recordLine: recordLine)
        }
        // NB: text after a closing quote (`"a"b`) is kept as it is, as most spreadsheets do.
        return try unquoted(recordLine: recordLine)
    }

    /// Reads a quoted field's content into `pending`, up to and past its closing quote.
    mutating func quoted(recordLine: Int) throws {
        while true {
            let start = index
            let (end, newlines) = buffer.withUnsafeBufferPointer { bytes in
                var end = start
                var newlines = 0
                while end < bytes.count {
                    let byte = bytes[end]
                    if byte == 0x22 { break } // "
                    if byte == 0x0A { newlines += 1 }
                    end += 1
                }
                return (end, newlines)
            }
            line += newlines
            pending.append(contentsOf: buffer[start..<end])
            index = end
            try checkPendingLength(recordLine: recordLine)
            guard end < buffer.count else {
                guard try available() else {
                    throw CodecError(file: name, line: recordLine, message: "trường trong ngoặc kép không được đóng")
                }
                continue
            }
            index += 1
            guard try available(), buffer[index] == Self.quote else { return }
            pending.append(Self.quote)
            index += 1
        }
    }

    /// Reads the rest of a field up to a comma, a line end or the end of input.
    mutating func unquoted(recordLine: Int) throws -> (String, Bool) {
        while true {
            let start = index
            let end = buffer.withUnsafeBufferPointer { bytes in
                var end = start
                while end < bytes.count {
                    let byte = bytes[end]
                    if byte == 0x2C || byte == 0x0A || byte == 0x0D { break } // , LF CR
                    end += 1
                }
                return end
            }
            guard end < buffer.count else {
                pending.append(contentsOf: buffer[start..<end])
                index = end
                try checkPendingLength(recordLine: recordLine)
                if try available() { continue }
                return (try text(pending, recordLine: recordLine), true)
            }
            let byte = buffer[end]
            if byte == Self.cr {
                if end + 1 == buffer.count {
                    // A CR that ends the chunk: the next chunk tells whether it ends the line.
                    pending.append(contentsOf: buffer[start..<end])
                    index = end + 1
                    guard try available() else { return (try text(pending, recordLine: recordLine), true) }
                    guard buffer[index] == Self.lf else {
                        pending.append(Self.cr)
                        continue
                    }
                    index += 1
                    line += 1
                    return (try text(pending, recordLine: recordLine), true)
                }
                guard buffer[end + 1] == Self.lf else {
                    // NB: a CR not followed by LF is data, not a line end (RFC 4180 ends lines with CRLF).
                    pending.append(contentsOf: buffer[start...end])
                    index = end + 1
                    continue
                }
                let value = try text(from: start, to: end, recordLine: recordLine)
                index = end + 2
                line += 1
                return (value, true)
            }
            let value = try text(from: start, to: end, recordLine: recordLine)
            index = end + 1
            if byte == Self.lf { line += 1 }
            return (value, byte == Self.lf)
        }
    }

    /// The text of `pending` followed by `buffer[start..<end]`.
    mutating func text(from start: Int, to end: Int, recordLine: Int) throws -> String {
        guard pending.isEmpty else {
            pending.append(contentsOf: buffer[start..<end])
            return try text(pending, recordLine: recordLine)
        }
        return try buffer.withUnsafeBufferPointer { bytes in
            try text(UnsafeBufferPointer(rebasing: bytes[start..<end]), recordLine: recordLine)
        }
    }

    func text(_ bytes: [UInt8], recordLine: Int) throws -> String {
        try bytes.withUnsafeBufferPointer { try text($0, recordLine: recordLine) }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>, recordLine: Int) throws -> String {
        // NB: `String(validating:)` is generic and not specialized for us, which costs a fifth of the reading time;
        // a check of our own and the specialized `String(decoding:)` cost far less.
        guard Self.isValidUTF8(bytes) else {
            throw CodecError(file: name, line: recordLine, message: "tệp không phải UTF-8 hợp lệ")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.count > limits.fieldCharacters, limits.isTooLong(text) {
            throw CodecError(file: name, line: recordLine, message: "\(column) \(limits.fieldTooLong(text.count))")
        }
        return text
    }

    /// Throws once a field being read holds more bytes than any field within the limit can.
    func checkPendingLength(recordLine: Int) throws {
        guard pending.count > maximumFieldBytes else { return }
        throw CodecError(file: name, line: recordLine, message:
            "\(column) dài quá giới hạn \(VietnameseFormat.number(limits.fieldCharacters)) ký tự của một ô")
    }

    /// The column of the field being read, for messages: "cột note", or "cột thứ 3" in the header or past it.
    var column: String {
        fieldIndex < header.count && !header[fieldIndex].isEmpty ? "cột \(header[fieldIndex])" : "cột thứ \(fieldIndex + 1)"
    }

    /// Whether `bytes` are well-formed UTF-8 (Unicode 15, table 3-7): no overlong forms, surrogates, or scalars
    /// past U+10FFFF, and no sequence cut short.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    // MARK: - Chunks

    /// Whether a byte is at `index`, reading the next chunk when the buffer is used up.
    mutating func available() throws -> Bool {
        if index < buffer.count { return true }
        while !exhausted {
            guard let chunk = try nextChunk() else {
                exhausted = true
                break
            }
            buffer = chunk
            index = 0
            if !started { try skipByteOrderMark() }
            if index < buffer.count { return true }
        }
        return false
    }

    /// Skips a UTF-8 byte order mark at the very start, even when it is split over chunks.
    mutating func skipByteOrderMark() throws {
        started = true
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        while buffer.count < mark.count {
            guard let chunk = try nextChunk() else {
                exhausted = true
                break
            }
            buffer += chunk
        }
        if buffer.starts(with: mark) { index = mark.count }
    }
}
