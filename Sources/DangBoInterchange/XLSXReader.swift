import Foundation

public enum XLSXReader {
    public static func read(url: URL) throws -> [Table] {
        throw CodecError(file: url.lastPathComponent, line: nil, message: "chưa đọc được tệp Excel (.xlsx)")
    }
}
