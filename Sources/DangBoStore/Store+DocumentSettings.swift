import DangBoCore
import Foundation
import SQLKit

extension Store {
    /// The document settings of `organization`; nil when none were set.
    public func documentSettings(of organization: OrganizationID) async throws -> DocumentSettings? {
        guard let row = try await reader.select().columns("place", "issuer_code").from("document_settings")
            .where("organization_id", .equal, organization.rawValue).first()
        else { return nil }
        return try DocumentSettings(place: try row.decode(column: "place", as: String.self),
                                    issuerCode: try row.decode(column: "issuer_code", as: String.self))
    }

    /// Sets the document settings of `organization` (replacing any), in a locked write with its audit entry.
    public func setDocumentSettings(_ settings: DocumentSettings, of organization: OrganizationID, actor: String) async throws {
        try await writing { store in
            let sql = store.sql
            guard try await sql.select().column("id").from("organizations").where("id", .equal, organization.rawValue).first() != nil else {
                throw StoreError.unknownOrganization("#\(organization.rawValue)")
            }
            try await sql.delete(from: "document_settings").where("organization_id", .equal, organization.rawValue).run()
            try await sql.insert(into: "document_settings").columns("organization_id", "place", "issuer_code")
                .values(SQLBind(organization.rawValue), SQLBind(settings.place), SQLBind(settings.issuerCode)).run()
            _ = try await Self.appendAudit(AuditRecord(
                actor: actor, action: "organization.documentSettings", summary: "Đặt địa danh và chữ viết tắt trên văn bản",
                details: ["organization": "\(organization.rawValue)", "place": settings.place, "issuerCode": settings.issuerCode],
                recordedAt: Date()), on: store.database)
        }
    }
}
