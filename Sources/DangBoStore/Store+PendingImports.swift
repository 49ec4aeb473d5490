import DangBoCore
import Foundation
import SQLKit

/// Which pending upload, and whose: the SHA-256 of the random token the page holds (the token itself is never stored)
/// and the account that uploaded it. An upload is found only by the account that made it.
public struct PendingImportKey: Hashable, Sendable {
    public var tokenHash: String
    public var account: Int

    public init(tokenHash: String, account: Int) {
        self.tokenHash = tokenHash
        self.account = account
    }
}

/// An upload waiting between its preview and its confirmation.
public struct PendingImport: Sendable {
    /// The file as the user uploaded it ("du-lieu.zip", "so-dang-vien.xlsx").
    public var fileName: String
    public var content: Data
    /// Until when it waits for its confirmation.
    public var expiresAt: Date
}

/// Why a pending upload cannot be confirmed.
public enum PendingImportError: Error, Sendable, CustomStringConvertible {
    /// Confirmed already, expired, or made by another account.
    case gone

    public var description: String {
        "Không tìm thấy tệp đã tải lên: tệp đã được nhập, đã quá hạn xác nhận, hoặc do tài khoản khác tải lên; hãy tải tệp lên lại."
    }
}

/// Uploads kept between an import's preview and its confirmation (issue 9, M0016), in the database so that several
/// app instances share them. Like a session, a pending upload is no registry record: it is written by single
/// statements, without the write lock and without an audit entry; the import that confirms it takes it inside its own
/// transaction (`importData(…claiming:)`).
///
/// NB: times as `Store.timestamp` writes them (ISO 8601, UTC, to the second), so that comparing texts compares times.
extension Store {
    /// Keeps an upload until `expiresAt`.
    public func savePendingImport(_ key: PendingImportKey, fileName: String, content: Data, expiresAt: Date) async throws {
        try await sql.insert(into: "pending_imports")
            .columns("token_hash", "account_id", "file_name", "content", "created_at", "expires_at")
            .values(SQLBind(key.tokenHash), SQLBind(key.account), SQLBind(fileName), SQLBind(content),
                    SQLBind(Self.timestamp()), SQLBind(Self.timestamp(expiresAt)))
            .run()
    }

    /// The upload of `key`, if it is the account's and has not expired at `now`.
    public func pendingImport(_ key: PendingImportKey, now: Date) async throws -> PendingImport? {
        guard let row = try await sql.select().columns("file_name", "content", "expires_at").from("pending_imports")
            .where("token_hash", .equal, key.tokenHash).where("account_id", .equal, key.account)
            .where("expires_at", .greaterThan, Self.timestamp(now)).first()
        else { return nil }
        return PendingImport(fileName: try row.decode(column: "file_name", as: String.self),
                             content: try row.decode(column: "content", as: Data.self),
                             expiresAt: Self.date(fromTimestamp: try row.decode(column: "expires_at", as: String.self)) ?? now)
    }

    /// Removes the uploads expired at `now`.
    public func deleteExpiredPendingImports(now: Date) async throws {
        try await sql.delete(from: "pending_imports").where("expires_at", .lessThanOrEqual, Self.timestamp(now)).run()
    }

    /// Takes the upload of `key` inside the import's write transaction: deleted with the import's commit, kept if it
    /// rolls back. Throws `PendingImportError.gone` when there is none (confirmed by a request before this one).
    func claimPendingImport(_ key: PendingImportKey) async throws {
        let taken = try await sql.delete(from: "pending_imports")
            .where("token_hash", .equal, key.tokenHash).where("account_id", .equal, key.account)
            .returning("token_hash").all()
        guard !taken.isEmpty else { throw PendingImportError.gone }
    }
}
