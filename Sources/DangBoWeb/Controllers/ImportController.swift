import DangBoCore
import DangBoInterchange
import DangBoStore
import Foundation
import Vapor

/// Nhập dữ liệu (UX.md "Writing many records at once"): an upload (a zip of CSV files or an XLSX workbook) is first
/// imported as a dry run against what the store holds and shown as a preview, with every issue as
/// `file:line: column: lý do`; nothing is written until the person confirms, and the confirmation imports it again for
/// real inside the write lock (the store may have changed: new errors are shown the same way, nothing written).
///
/// The upload waits in the database (`pending_imports`, keyed by the SHA-256 of a random token, bound to the account,
/// expiring), so the confirmation may reach another app instance. Admins import anything; the organization
/// department's staff only rows inside their scope on the days the rows name; everyone else gets 403.
struct ImportController {
    let store: Store
    let today: @Sendable () -> Day
    /// The largest request body the upload accepts.
    var maximumUploadBytes = ImportController.defaultMaximumUploadBytes
    /// How long an upload waits for its confirmation.
    var pendingLifetime: TimeInterval = 3_600

    static let defaultMaximumUploadBytes = 64 << 20
    /// The first issues a preview lists (with how many in all).
    static let listedIssues = 500

    func register(_ routes: any RoutesBuilder) {
        routes.get(.importUpload, use: form)
        routes.grouped(BodyLimit(maximumBytes: maximumUploadBytes))
            .on(.POST, SiteURL.importUpload.components, body: .collect(maxSize: ByteCount(value: maximumUploadBytes)), use: upload)
        routes.post(.importConfirm, use: confirm)
        routes.post(.importPreview, use: previewPage)
    }

    @Sendable func form(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        _ = try Self.importScope(of: context.caller)
        return Response.html(ImportFormPage(context: context, maximumBytes: maximumUploadBytes).render())
    }

    @Sendable func upload(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let scope = try Self.importScope(of: context.caller)
        let file = try? request.content.get(File.self, at: "tep")
        guard let file, file.data.readableBytes > 0, !file.filename.isEmpty else {
            return Response.html(ImportFormPage(context: context, maximumBytes: maximumUploadBytes,
                                                error: "Hãy chọn một tệp .zip (các tệp CSV) hoặc tệp Excel .xlsx.").render(),
                                 status: .unprocessableEntity)
        }
        let name = ImportUpload.displayName(file.filename)
        let content = Data(file.data.readableBytesView)
        let outcome = try await preview(content, name: name, caller: context.caller, scope: scope)
        guard case .success(let preview) = outcome else {
            if case .failure(let failure) = outcome {
                return Response.html(ImportPreviewPage(context: context, fileName: name, outcome: .refused(failure.issues)).render(),
                                     status: .unprocessableEntity)
            }
            throw Abort(.internalServerError)
        }
        let token = SessionCookie.randomHex(bytes: 32)
        let key = PendingImportKey(tokenHash: SessionCookie.hash(token), account: context.caller.account.id)
        let now = Date()
        try await store.deleteExpiredPendingImports(now: now)
        try await store.savePendingImport(key, fileName: name, content: content, expiresAt: now.addingTimeInterval(pendingLifetime))
        request.logger.info("import.previewed", metadata: ["account": "\(context.caller.account.id)", "bytes": "\(content.count)"])
        return Response.html(ImportPreviewPage(
            context: context, fileName: name,
            outcome: .ready(preview, token: token, until: now.addingTimeInterval(pendingLifetime))).render())
    }

    @Sendable func confirm(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let scope = try Self.importScope(of: context.caller)
        let token = (try? request.content.get(String.self, at: "ma")) ?? ""
        let key = PendingImportKey(tokenHash: SessionCookie.hash(token), account: context.caller.account.id)
        // NB: another account's token finds nothing (the key holds the account), the same as an expired one.
        guard token.count == 64, let pending = try await store.pendingImport(key, now: Date()) else {
            throw Abort(.notFound, reason: PendingImportError.gone.description)
        }
        let summary: Importer.Summary
        do {
            summary = try await withUnpacked(pending.content, name: pending.fileName) { url in
                try await store.importData(at: url, name: pending.fileName, actor: Self.actor(context.caller), today: today(),
                                           scope: scope, claiming: key)
            }
        } catch let failure as ImportFailure {
            return Response.html(ImportPreviewPage(context: context, fileName: pending.fileName, outcome: .refused(failure.issues)).render(),
                                 status: .unprocessableEntity)
        } catch PendingImportError.gone {
            throw Abort(.notFound, reason: PendingImportError.gone.description)
        } catch StoreError.busy {
            throw Abort(.serviceUnavailable, reason: StoreError.busy.description)
        }
        request.logger.info("import.confirmed", metadata: [
            "account": "\(context.caller.account.id)", "organizations": "\(summary.organizations)", "members": "\(summary.members)",
            "events": "\(summary.events)", "seats": "\(summary.seats)", "cases": "\(summary.cases)"])
        return Response.html(ImportPreviewPage(context: context, fileName: pending.fileName, outcome: .written(summary)).render())
    }

    /// Another page of a pending upload's preview: the dry run again (the store may have changed since; new errors are
    /// shown the same way), its new records from `trang` on.
    @Sendable func previewPage(_ request: Request) async throws -> Response {
        let context = try await PageContext.of(request, store: store, today: today())
        let scope = try Self.importScope(of: context.caller)
        let token = (try? request.content.get(String.self, at: "ma")) ?? ""
        let page = max(1, (try? request.content.get(Int.self, at: "trang")) ?? 1)
        let key = PendingImportKey(tokenHash: SessionCookie.hash(token), account: context.caller.account.id)
        guard token.count == 64, let pending = try await store.pendingImport(key, now: Date()) else {
            throw Abort(.notFound, reason: PendingImportError.gone.description)
        }
        switch try await preview(pending.content, name: pending.fileName, caller: context.caller, scope: scope, page: page) {
        case .success(let preview):
            return Response.html(ImportPreviewPage(
                context: context, fileName: pending.fileName, outcome: .ready(preview, token: token, until: pending.expiresAt)).render())
        case .failure(let failure):
            return Response.html(ImportPreviewPage(context: context, fileName: pending.fileName, outcome: .refused(failure.issues)).render(),
                                 status: .unprocessableEntity)
        }
    }

    /// The dry run of an upload: what it would write, or every issue (the upload's own or the import's).
    private func preview(_ content: Data, name: String, caller: Caller, scope: Scope?, page: Int = 1)
        async throws -> Result<ImportPreview, ImportFailure> {
        do {
            return .success(try await withUnpacked(content, name: name) { url in
                try await store.previewImport(at: url, today: today(), scope: scope, page: page, sample: ImportPreviewPage.sample)
            })
        } catch let failure as ImportFailure {
            return .failure(failure)
        } catch StoreError.busy {
            throw Abort(.serviceUnavailable, reason: StoreError.busy.description)
        }
    }

    /// Lays the upload out in a folder of its own for `body`, removed afterwards whatever happens.
    private func withUnpacked<T>(_ content: Data, name: String, _ body: (URL) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangbo-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(try ImportUpload.unpack(content, fileName: name, into: directory))
    }

    /// The audit trail's name for the caller: ids only.
    static func actor(_ caller: Caller) -> String { "account#\(caller.account.id)" }

    /// Whether the caller may import at all (admins, and the organization department's staff within their subtrees).
    static func mayImport(_ caller: Caller) -> Bool {
        do { _ = try importScope(of: caller); return true } catch { return false }
    }

    /// What the caller may import into: nil (everything) for an admin, the subtrees of the organization department's
    /// grants for its staff; anyone else is refused.
    static func importScope(of caller: Caller) throws -> Scope? {
        guard !caller.account.disabled else { throw Abort(.forbidden) }
        if caller.account.grants.contains(where: { $0.role == .admin }) { return nil }
        let roots = caller.account.grants.filter { $0.role == .organizationStaff }.map(\.organization)
        guard !roots.isEmpty else {
            throw Abort(.forbidden, reason: "Chỉ quản trị viên và cán bộ Ban Tổ chức được nhập dữ liệu.")
        }
        return Scope(roots: roots)
    }

    /// Refuses an upload over the cap with a Vietnamese page (413) before its body is read: from its declared length,
    /// from a body read already, or from Vapor's own refusal while the route collects it.
    struct BodyLimit: AsyncMiddleware {
        let maximumBytes: Int

        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            let declared = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
            guard declared <= maximumBytes, (request.body.data?.readableBytes ?? 0) <= maximumBytes else { throw tooLarge }
            do {
                return try await next.respond(to: request)
            } catch let abort as any AbortError where abort.status == .payloadTooLarge {
                throw tooLarge
            }
        }

        private var tooLarge: Abort {
            Abort(.payloadTooLarge, reason: "Tệp tải lên lớn hơn \(VietnameseFormat.number(maximumBytes >> 20)) MB, quá giới hạn của một lần nhập; hãy chia dữ liệu thành nhiều tệp nhỏ hơn.")
        }
    }
}
