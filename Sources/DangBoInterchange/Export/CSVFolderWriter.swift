import Foundation

/// Appends rows to the five CSV files of the import format as they come, so that a registry larger than memory can
/// be written part by part (`dangbo generate`).
public final class CSVFolderWriter {
    private var handles: [FileHandle] = []
    private var buffers: [String]
    public private(set) var rowCounts: [Int]

    /// Creates `folder` and the five files with their headers.
    public init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        buffers = Array(repeating: "", count: RegistryExport.headers.count)
        rowCounts = Array(repeating: 0, count: RegistryExport.headers.count)
        for table in RegistryExport.headers {
            let url = folder.appendingPathComponent("\(table.name).csv")
            guard FileManager.default.createFile(
                atPath: url.path, contents: Data(CSVWriter.text(header: table.header, rows: []).utf8)) else {
                throw CodecError(file: url.lastPathComponent, line: nil, message: "không ghi được tệp")
            }
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            handles.append(handle)
        }
    }

    /// Appends rows to each table, in the order of `RegistryExport.headers`.
    public func append(_ tables: [[[String]]]) throws {
        for (index, rows) in tables.enumerated() where !rows.isEmpty {
            let text = CSVWriter.text(header: [], rows: rows)
            // NB: `text(header: [])` starts with the empty header's line break; drop it.
            buffers[index] += text.dropFirst()
            rowCounts[index] += rows.count
            if buffers[index].utf8.count > 1 << 22 { try flush(index) }
        }
    }

    private func flush(_ index: Int) throws {
        try handles[index].write(contentsOf: Data(buffers[index].utf8))
        buffers[index] = ""
    }

    /// Writes what is buffered and closes the files.
    public func close() throws {
        for index in handles.indices {
            try flush(index)
            try handles[index].close()
        }
    }
}
