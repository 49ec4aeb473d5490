import DangBoCore
@testable import DangBoStore
import Foundation
import SQLKit
import Testing

/// An organization's document settings are stored, replaced and read back, each change audited; an unknown
/// organization is refused with nothing written; the settings are part of the registry a backup copies.
@Suite struct DocumentSettingsStoreTests {
    @Test func setReplaceAndReadBackWithTheirAuditEntries() async throws {
        try await TestDatabases.each { store in
            var change = RegistryChange()
            change.organizations = Array(AccountTests.tree.organizations.values)
            try await store.write(change, tree: AccountTests.tree, audit: ReportTwinTests.audit)
            let bloc = OrganizationID(1)
            #expect(try await store.documentSettings(of: bloc) == nil)
            try await store.setDocumentSettings(try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK"), of: bloc, actor: "test")
            #expect(try await store.documentSettings(of: bloc) == (try DocumentSettings(place: "Vĩnh Phúc", issuerCode: "ĐUK")))
            try await store.setDocumentSettings(try DocumentSettings(place: "Phú Thọ", issuerCode: "ĐUCQ"), of: bloc, actor: "test")
            #expect(try await store.documentSettings(of: bloc) == (try DocumentSettings(place: "Phú Thọ", issuerCode: "ĐUCQ")))
            let entry = try #require(try await store.auditEntries(limit: 1).first)
            #expect(entry.action == "organization.documentSettings" && entry.details["organization"] == "1"
                    && entry.details["issuerCode"] == "ĐUCQ")
            let audited = try await store.auditEntries(limit: 100).count
            await #expect(throws: StoreError.self) {
                try await store.setDocumentSettings(try DocumentSettings(place: "X", issuerCode: "X"), of: OrganizationID(99), actor: "test")
            }
            #expect(try await store.auditEntries(limit: 100).count == audited)
            let rows = try await store.sql.raw("SELECT COUNT(*) AS n FROM document_settings").first()!.decode(column: "n", as: Int.self)
            #expect(rows == 1)
            #expect(TableCopy.order.contains("document_settings") && !TableCopy.isDerived("document_settings"))
        }
    }
}
