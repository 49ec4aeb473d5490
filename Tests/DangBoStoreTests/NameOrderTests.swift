import DangBoCore
import DangBoStore
import Foundation
import SQLKit
import Testing

/// Names sort the Vietnamese way in SQL (given, middle, family; letters then tones) on both engines, because the
/// key is computed in Core and compared byte by byte.
@Suite struct NameOrderTests {
    @Test func sqlOrdersByTheCoreSortKey() async throws {
        let names = ["Nguyễn Văn Ánh", "Lê Thị Thu Hà", "Vũ Thị Hà", "Trần Đức Anh", "Phạm Văn An", "Đặng Văn Dũng",
                     "Hoàng Thị Ðào", "NGUYỄN VĂN AN", "Bùi Văn Ân", "Ngô Thị Ăn", "Lý Văn Bình", "Đỗ Minh Đức"]
        try await TestDatabases.each { store in
            var change = RegistryChange()
            change.members = names.enumerated().map { index, name in
                let parts = VietnameseText.splitFullName(name)
                return Member(id: MemberID(index + 1), nationalID: String(format: "%012d", index + 1), familyName: parts.family,
                              middleName: parts.middle, givenName: parts.given, gender: .male,
                              birthDate: Day(iso: "1980-01-01")!)
            }
            try await store.write(change, tree: OrganizationTree(), audit: AuditRecord(
                actor: "test", action: "seed", summary: "names", recordedAt: Date(timeIntervalSince1970: 0)))
            let fromSQL = try await store.sql.raw("SELECT full_name FROM members ORDER BY sort_key, id").all()
                .map { try $0.decode(column: "full_name", as: String.self) }
            let fromCore = change.members.sorted {
                (VietnameseText.nameSortKey(family: $0.familyName, middle: $0.middleName, given: $0.givenName), $0.id)
                    < (VietnameseText.nameSortKey(family: $1.familyName, middle: $1.middleName, given: $1.givenName), $1.id)
            }.map(\.fullName)
            #expect(fromSQL == fromCore)
            #expect(fromSQL.prefix(6) == ["NGUYỄN VĂN AN", "Phạm Văn An", "Trần Đức Anh", "Nguyễn Văn Ánh", "Ngô Thị Ăn", "Bùi Văn Ân"])
        }
    }
}
