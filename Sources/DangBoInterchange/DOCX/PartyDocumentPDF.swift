import DangBoCore
import Foundation

/// A `PartyDocument` as PDF, through LibreOffice where it is installed (issue 10 point 4; optional, docs/operations.md):
/// the DOCX of `PartyDocumentDOCX` converted by `soffice --headless --convert-to pdf` in a folder of its own.
public enum PartyDocumentPDF {
    /// Why no PDF was written, in Vietnamese.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case noLibreOffice
        case conversionFailed(String)

        public var description: String {
            switch self {
            case .noLibreOffice:
                "Xuất PDF cần LibreOffice (Debian: apt-get install libreoffice-writer-nogui); hoặc xuất DOCX rồi in từ Word."
            case .conversionFailed(let output): "LibreOffice không chuyển được văn bản sang PDF: \(output)"
            }
        }
    }

    /// Where LibreOffice is looked for.
    public static let candidates = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice",
                                    "/Applications/LibreOffice.app/Contents/MacOS/soffice"]

    /// The LibreOffice program found on this machine, if any.
    public static var program: String? { candidates.first { FileManager.default.isExecutableFile(atPath: $0) } }

    /// Writes `document` as PDF to `url`, replacing it.
    public static func write(_ document: PartyDocument, to url: URL) throws {
        guard let program else { throw Failure.noLibreOffice }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let docx = directory.appendingPathComponent("bao-cao.docx")
        try PartyDocumentDOCX.write(document, to: docx)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        // NB: a profile of its own, so that a LibreOffice the user has open does not take the conversion.
        process.arguments = ["-env:UserInstallation=file://\(directory.path)/profile", "--headless", "--convert-to", "pdf",
                             "--outdir", directory.path, docx.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let pdf = directory.appendingPathComponent("bao-cao.pdf")
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw Failure.conversionFailed(output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.moveItem(at: pdf, to: url)
    }
}
