import DangBoCore
import Foundation
import ZIPFoundation

/// A file uploaded to the import page (issue 9): a zip of the CSV files of docs/import-format.md, or an XLSX workbook,
/// laid out on disk as `ImportSource.open` reads them. A zip is checked before and while anything is inflated, as a
/// workbook is (`ReadingLimits`, `ZipEntryStream`): no path out of the folder, no link, at most one folder level, at
/// most `maximumEntries` entries, each within `limits.inflatedBytes` and `limits.compressionRatio`, all within
/// `maximumTotalBytes`.
public enum ImportUpload {
    /// The most entries a zip may hold: the five tables, a folder, and room for a few more.
    public static let maximumEntries = 40
    /// The most bytes all the CSV files of a zip may inflate to.
    public static let maximumTotalBytes: Int64 = 1 << 30
    /// The caps an upload is read within: a zip entry up to 512 MiB (a province's events), the rest as standard.
    public static let limits = ReadingLimits(inflatedBytes: 512 << 20)

    /// Writes `content` under `directory` (which must exist and be the upload's own) and returns what to import: the
    /// workbook, or a folder holding the zip's CSV files. Throws `ImportFailure` naming the upload and what is wrong.
    /// - Parameter fileName: the name the user's file had; only its extension and last component are used.
    public static func unpack(
        _ content: Data, fileName: String, into directory: URL, limits: ReadingLimits = ImportUpload.limits
    ) throws(ImportFailure) -> URL {
        let name = displayName(fileName)
        func refuse(_ reason: String) -> ImportFailure {
            ImportFailure(issues: [ImportIssue(file: name, line: nil, column: nil, reason: reason)])
        }
        let fileExtension = (name as NSString).pathExtension.lowercased()
        guard fileExtension == "zip" || fileExtension == "xlsx" else {
            throw refuse("chỉ nhận tệp nén .zip chứa các tệp CSV, hoặc tệp Excel .xlsx")
        }
        let saved = directory.appendingPathComponent(fileExtension == "xlsx" ? name : "upload.zip")
        do {
            try content.write(to: saved)
        } catch {
            throw refuse("không lưu được tệp tải lên để đọc")
        }
        if fileExtension == "xlsx" { return saved }
        let folder = directory.appendingPathComponent("csv", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            try extractCSVFiles(of: saved, into: folder, limits: limits, refuse: refuse)
        } catch let failure as ImportFailure {
            throw failure
        } catch {
            throw refuse("không phải tệp nén .zip hợp lệ")
        }
        return folder
    }

    /// The name of the uploaded file as messages show it: its last component, without control characters.
    public static func displayName(_ fileName: String) -> String {
        let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200))
        return clean.isEmpty || clean.hasPrefix(".") ? "tep-tai-len" : clean
    }

    private static func extractCSVFiles(
        of zip: URL, into folder: URL, limits: ReadingLimits, refuse: (String) -> ImportFailure
    ) throws {
        let archive: Archive
        do { archive = try Archive(url: zip, accessMode: .read) } catch { throw refuse("không phải tệp nén .zip hợp lệ") }
        // Checked from the central directory before anything is inflated.
        var files: [(entry: Entry, name: String)] = []
        var names = Set<String>()
        var declaredTotal: Int64 = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= maximumEntries else {
                throw refuse("tệp nén có hơn \(maximumEntries) mục; chỉ cần các tệp \(Importer.tableNames.replacingOccurrences(of: ", ", with: ".csv, ")).csv")
            }
            let path = entry.path
            let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            guard !path.hasPrefix("/"), !path.contains("\\"), !components.contains(".."), !components.contains("."),
                  !components.isEmpty, !path.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                throw refuse("mục \"\(path)\" có đường dẫn không an toàn (ra ngoài thư mục); tệp nén bị từ chối")
            }
            if entry.type == .symlink { throw refuse("mục \"\(path)\" là liên kết (symlink); tệp nén bị từ chối") }
            // NB: what a Mac's Finder adds to every zip (resource forks, .DS_Store) is no data.
            if components[0] == "__MACOSX" || components.last!.hasPrefix(".") { continue }
            let depth = entry.type == .directory ? components.count : components.count - 1
            guard depth <= 1 else {
                throw refuse("mục \"\(path)\" nằm trong thư mục lồng nhau; chỉ nhận các tệp CSV ở gốc tệp nén hoặc trong một thư mục")
            }
            if entry.type == .directory { continue }
            let file = components.last!
            guard file.lowercased().hasSuffix(".csv") else {
                throw refuse("mục \"\(path)\" không phải tệp .csv; tệp nén chỉ được chứa các tệp CSV")
            }
            guard names.insert(file.lowercased()).inserted else {
                throw refuse("có hai tệp cùng tên \(file) trong tệp nén")
            }
            let declared = Int64(clamping: entry.uncompressedSize), compressed = Int64(clamping: entry.compressedSize)
            if let reason = exceeds(file, inflated: declared, compressed: compressed, limits: limits) { throw refuse(reason) }
            declaredTotal += declared
            guard declaredTotal <= maximumTotalBytes else { throw refuse(tooLargeInAll) }
            files.append((entry, file))
        }
        guard !files.isEmpty else { throw refuse("tệp nén không có tệp .csv nào") }
        // Inflated with the caps held on the bytes as they come: a header may lie about the sizes.
        var total: Int64 = 0
        for (entry, file) in files {
            let target = folder.appendingPathComponent(file)
            guard FileManager.default.createFile(atPath: target.path, contents: nil),
                  let handle = try? FileHandle(forWritingTo: target) else { throw refuse("không giải nén được \(file)") }
            defer { try? handle.close() }
            let declared = Int64(clamping: entry.uncompressedSize), compressed = Int64(clamping: entry.compressedSize)
            var inflated: Int64 = 0
            let corrupt = refuse("không giải nén được \(file): tệp nén bị hỏng")
            let checksum: CRC32
            do {
                checksum = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { data in
                    inflated += Int64(data.count)
                    total += Int64(data.count)
                    if let reason = exceeds(file, inflated: inflated, compressed: compressed, limits: limits) { throw refuse(reason) }
                    if total > maximumTotalBytes { throw refuse(tooLargeInAll) }
                    guard inflated <= declared else { throw corrupt }
                    try handle.write(contentsOf: data)
                }
            } catch let failure as ImportFailure {
                throw failure
            } catch {
                throw corrupt
            }
            guard inflated == declared, checksum == entry.checksum else { throw corrupt }
        }
    }

    private static let tooLargeInAll =
        "các tệp CSV khi giải nén lớn hơn \(ReadingLimits.bytes(maximumTotalBytes)), quá giới hạn của một lần nhập; hãy chia thành nhiều lần"

    /// Why an entry inflating to `inflated` bytes from `compressed` is refused, or nil.
    private static func exceeds(_ file: String, inflated: Int64, compressed: Int64, limits: ReadingLimits) -> String? {
        if inflated > limits.inflatedBytes {
            return "\(file) khi giải nén lớn hơn \(ReadingLimits.bytes(limits.inflatedBytes)), quá giới hạn của một lần nhập; hãy chia thành nhiều tệp"
        }
        if inflated > limits.ratioFloor, inflated > limits.compressionRatio * max(compressed, 1) {
            return "\(file) nén với tỉ lệ hơn \(limits.compressionRatio):1, dấu hiệu của tệp nén độc hại (zip bomb); tệp không được giải nén"
        }
        return nil
    }
}
