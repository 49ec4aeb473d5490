import Foundation

/// RFC 4180 reader (UTF-8, BOM skipped, quoted fields with "" escapes, LF or CRLF, empty lines skipped but counted).
public final class CSVReader {
    public let name: String
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var headerRow: [String]?

    public init(url: URL) throws {
        name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CodecError(file: url.lastPathComponent, line: nil, message: "không đọc được tệp")
        }
        bytes = Array(data)
        skipBOM()
    }

    public init(data: Data, name: String) {
        self.name = name
        bytes = Array(data)
        skipBOM()
    }

    private func skipBOM() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    public func header() throws -> [String] {
        if let headerRow { return headerRow }
        let row = try record()?.cells ?? []
        headerRow = row
        return row
    }

    public func next() throws -> TableRow? {
        _ = try header()
        return try record()
    }

    public static func read(url: URL) throws -> Table {
        let reader = try CSVReader(url: url)
        let header = try reader.header()
        var rows: [TableRow] = []
        while let row = try reader.next() { rows.append(row) }
        return Table(name: reader.name, header: header, rows: rows)
    }

    private func record() throws -> TableRow? {
        while position < bytes.count {
            let start = line
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false, wasQuoted = false
            var ended = false
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") { field.append(byte); position += 1 }
                        else { quoted = false }
                    } else {
                        if byte == UInt8(ascii: "\n") { line += 1 }
                        field.append(byte)
                    }
                } else if byte == UInt8(ascii: "\"") && field.isEmpty && !wasQuoted {
                    quoted = true
                    wasQuoted = true
                } else if byte == UInt8(ascii: ",") {
                    fields.append(try text(field, line: start))
                    field = []
                    wasQuoted = false
                } else if byte == UInt8(ascii: "\n") {
                    line += 1
                    ended = true
                    break
                } else if byte == UInt8(ascii: "\r") {
                    continue
                } else {
                    field.append(byte)
                }
            }
            if quoted { throw CodecError(file: name, line: start, message: "trường trong ngoặc kép không được đóng") }
            fields.append(try text(field, line: start))
            _ = ended
            if fields.count == 1, fields[0].isEmpty, !wasQuoted { continue }
            return TableRow(line: start, cells: fields)
        }
        return nil
    }

    private func text(_ field: [UInt8], line: Int) throws -> String {
        guard let text = String(validating: field, as: UTF8.self) else {
            throw CodecError(file: name, line: line, message: "tệp không phải UTF-8 hợp lệ")
        }
        return text
    }
}
