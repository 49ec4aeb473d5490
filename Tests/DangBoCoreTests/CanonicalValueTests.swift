import Foundation
import Testing
@testable import DangBoCore

/// Ethnicity and religion spelled one way, so that the statistics count each group on one line; what is not
/// recognized is kept as written, never refused.
@Suite struct CanonicalValueTests {
    @Test(arguments: [
        ("", "Kinh"), ("  ", "Kinh"), ("Kinh", "Kinh"), ("kinh", "Kinh"), ("KINH", "Kinh"), ("Việt", "Kinh"),
        ("Kinh (Việt)", "Kinh"),
        ("Tày", "Tày"), ("Tay", "Tày"), ("Thái", "Thái"), ("Mường", "Mường"), ("Muong", "Mường"),
        ("Khmer", "Khmer"), ("Khơ-me", "Khmer"), ("Khơme", "Khmer"),
        ("H'Mông", "Mông"), ("Hmông", "Mông"), ("HMÔNG", "Mông"), ("Mông", "Mông"), ("Mèo", "Mông"),
        ("Ê-đê", "Ê Đê"), ("Êđê", "Ê Đê"), ("ê đê", "Ê Đê"), ("Ede", "Ê Đê"),
        ("Gia-rai", "Gia Rai"), ("Jrai", "Gia Rai"), ("Ba-na", "Ba Na"), ("Bana", "Ba Na"),
        ("M'Nông", "Mnông"), ("Bru - Vân Kiều", "Bru Vân Kiều"), ("Vân Kiều", "Bru Vân Kiều"),
        ("Gié-Triêng", "Giẻ Triêng"), ("K'Ho", "Cơ Ho"), ("Raglai", "Ra Glai"), ("Chàm", "Chăm"),
        ("Khơ-mú", "Khơ Mú"), ("Xtiêng", "Xtiêng"), ("Stiêng", "Xtiêng"),
        ("Ê Đê".decomposedStringWithCanonicalMapping, "Ê Đê"),
    ])
    func ethnicity(written: String, canonical: String) {
        #expect(Member.canonicalEthnicity(written) == canonical)
    }

    @Test(arguments: [
        ("Mán", "Mán"),                        // Dao, but not only the Dao: kept as written
        ("Thượng", "Thượng"),
        ("  Người   nước ngoài ", "Người nước ngoài"),
        ("Kinh Việt Nam", "Kinh Việt Nam"),
    ])
    func anUnknownEthnicityIsKeptAsWritten(written: String, kept: String) {
        #expect(Member.canonicalEthnicity(written) == kept)
    }

    @Test func theFiftyFourGroupsAreTheirOwnCanonicalNamesWhateverTheSpelling() {
        #expect(Member.ethnicGroups.count == 54)
        #expect(Set(Member.ethnicGroups).count == 54)
        #expect(Member.ethnicGroups[0] == Member.kinh)
        for group in Member.ethnicGroups {
            // Tones and đ folded, upper case: still the same group, and no two groups share a folded form.
            #expect(Member.canonicalEthnicity(group) == group)
            #expect(Member.canonicalEthnicity(VietnameseText.folded(group).uppercased()) == group, "\(group)")
        }
    }

    @Test(arguments: [
        ("", "Không"), ("không", "Không"), ("khong", "Không"), ("KHÔNG", "Không"), ("Không có", "Không"),
        ("Không theo tôn giáo", "Không"),
        ("Phật giáo", "Phật giáo"), ("phat giao", "Phật giáo"), ("Đạo Phật", "Phật giáo"), ("Phật", "Phật giáo"),
        ("Công giáo", "Công giáo"), ("cong giao", "Công giáo"),
        ("Tin lành", "Tin Lành"), ("Đạo Tin Lành", "Tin Lành"),
        ("Cao Đài", "Cao Đài"), ("Cao dai", "Cao Đài"),
        ("Hòa Hảo", "Phật giáo Hòa Hảo"), ("Hoà Hảo", "Phật giáo Hòa Hảo"), ("Phật giáo Hòa Hảo", "Phật giáo Hòa Hảo"),
        ("Hồi giáo", "Hồi giáo"), ("Đạo Hồi", "Hồi giáo"), ("Bahai", "Baha'i"),
    ])
    func religion(written: String, canonical: String) {
        #expect(Member.canonicalReligion(written) == canonical)
    }

    @Test(arguments: [("Thiên Chúa giáo", "Thiên Chúa giáo"), ("Tín ngưỡng dân gian", "Tín ngưỡng dân gian")])
    func anUnknownReligionIsKeptAsWritten(written: String, kept: String) {
        #expect(Member.canonicalReligion(written) == kept)
    }

    @Test func theReligionsAreTheirOwnCanonicalNames() {
        #expect(Set(Member.religions.map { VietnameseText.folded($0) }).count == Member.religions.count)
        for religion in Member.religions {
            #expect(Member.canonicalReligion(religion) == religion)
            #expect(Member.canonicalReligion(VietnameseText.folded(religion)) == religion, "\(religion)")
        }
    }
}
