import Foundation
import Vapor

/// A file the application writes for a download (a DOCX, a workbook, a PDF): written into a temporary file by
/// `write`, read back as the response body, the file removed whatever happens.
enum Download {
    static let docx = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
    static let xlsx = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    /// The response with the file `write` makes, as an attachment named `fileName` (ASCII: codes, digits, days).
    static func response(
        _ type: HTTPMediaType, fileName: String, write: @escaping @Sendable (URL) throws -> Void
    ) async throws -> Response {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-\(UUID().uuidString)-\(fileName)")
        defer { try? FileManager.default.removeItem(at: file) }
        // NB: off the event loop (LibreOffice takes seconds; a province's workbook is not small).
        try await Task.detached { try write(file) }.value
        let response = Response(status: .ok, body: .init(data: try Data(contentsOf: file)))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        return response
    }
}
