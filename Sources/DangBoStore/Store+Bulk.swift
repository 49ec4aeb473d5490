import FluentKit
import Logging
import NIOCore
import PostgresNIO
import SQLiteNIO
import SQLKit

/// A value of a bulk-written row, bound without the Codable machinery (a tenth of an import's time went to
/// encoding and serializing SQLKit binds).
enum BulkValue: Sendable {
    case int(Int)
    case text(String)
    case bool(Bool)
    case null

    static func int(_ value: Int?) -> BulkValue { value.map(BulkValue.int) ?? .null }
    static func text(_ value: String?) -> BulkValue { value.map(BulkValue.text) ?? .null }

    var sqlite: SQLiteData {
        switch self {
        case .int(let value): .integer(value)
        case .text(let value): .text(value)
        case .bool(let value): .integer(value ? 1 : 0)
        case .null: .null
        }
    }

    /// The value in PostgreSQL's COPY text format.
    func writeCopyText(to buffer: inout ByteBuffer) {
        switch self {
        case .int(let value): buffer.writeString(String(value))
        case .bool(let value): buffer.writeStaticString(value ? "t" : "f")
        case .null: buffer.writeStaticString("\\N")
        case .text(let value):
            // NB: most texts hold none of the four bytes COPY escapes, and go in whole: written byte by byte, every
            // text took a third of a PostgreSQL import (debug build).
            guard value.utf8.contains(where: Self.isEscapedInCopy) else {
                buffer.writeString(value)
                return
            }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    /// The bytes COPY's text format writes as a backslash sequence.
    private static func isEscapedInCopy(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}

extension Store {
    /// Inserts rows: one prepared INSERT stepped for each row on SQLite (`SQLitePreparedInsert`), COPY on
    /// PostgreSQL (DESIGN §5: 180,000 rows/s through PostgresNIO).
    static func insert(into table: String, columns: [String], rows: [[BulkValue]], on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        if let sqlite = sql as? any SQLiteDatabase {
            try await SQLitePreparedInsert.insert(into: table, columns: columns, rows: rows, on: sqlite)
        } else if let postgres = sql as? any PostgresDatabase {
            try await postgres.withConnection { connection in
                let promise = connection.eventLoop.makePromise(of: Void.self)
                promise.completeWithTask {
                    try await connection.copyFrom(table: table, columns: columns, logger: Logger(label: "dangbo.store.copy")) { writer in
                        var buffer = ByteBuffer()
                        buffer.reserveCapacity(1 << 20)
                        for row in rows {
                            for (index, value) in row.enumerated() {
                                if index > 0 { buffer.writeStaticString("\t") }
                                value.writeCopyText(to: &buffer)
                            }
                            buffer.writeStaticString("\n")
                            if buffer.readableBytes >= 1 << 20 {
                                try await writer.write(buffer)
                                buffer.clear()
                            }
                        }
                        if buffer.readableBytes > 0 { try await writer.write(buffer) }
                    }
                }
                return promise.futureResult
            }.get()
        } else {
            preconditionFailure("the store runs on SQLite or PostgreSQL")
        }
    }
}
