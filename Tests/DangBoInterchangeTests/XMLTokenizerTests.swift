import Testing
@testable import DangBoInterchange

/// The incremental XML tokenizer the XLSX reader streams sheets through: the same tokens whatever the chunk size, and
/// every malformed document refused with its reason.
@Suite struct XMLTokenizerTests {
    /// Every token of `xml` read `chunkSize` bytes at a time, as text: `<name a=v>`, `</name>`, `"text"`.
    static func tokens(_ xml: String, chunkSize: Int, maximumText: Int = 1 << 16) throws -> [String] {
        let bytes = Array(xml.utf8)
        var offset = 0
        var tokenizer = XMLTokenizer(maximumText: maximumText) {
            guard offset < bytes.count else { return nil }
            defer { offset += chunkSize }
            return Array(bytes[offset..<min(offset + chunkSize, bytes.count)])
        }
        var result: [String] = []
        while let token = try tokenizer.next() {
            switch token {
            case .start(let element):
                result.append("<" + ([element.name] + element.attributes.map { "\($0.name)=\($0.value)" }).joined(separator: " ") + ">")
            case .end(let name): result.append("</\(name)>")
            case .text(let text, let truncated): result.append("\"\(text)\"" + (truncated ? "…" : ""))
            }
        }
        return result
    }

    static let document = """
        \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!-- a comment with <tags> -->
        <x:worksheet xmlns:x="urn:x" xmlns="urn:y"><x:row r="1" spans='1:2'><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; &quot;&apos; &#x1EC7;&#7879;</t></is></c>\
        <c r="B1" a=">/"/><v><![CDATA[<not a tag> & ]]]]></v><v>x\r\ny\rz</v></x:row></x:worksheet>
        """

    static let expected = [
        "<worksheet>", "<row r=1 spans=1:2>", "<c r=A1 t=inlineStr>", "<is>", "<t space=preserve>",
        "\" a & b <c> \"' ệệ\"", "</t>", "</is>", "</c>", "<c r=B1 a=>/>", "</c>", "<v>", "\"<not a tag> & ]]\"", "</v>",
        "<v>", "\"x\ny\nz\"", "</v>", "</row>", "</worksheet>",
    ]

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 16])
    func theSameTokensWhateverTheChunks(chunkSize: Int) throws {
        #expect(try Self.tokens(Self.document, chunkSize: chunkSize) == Self.expected)
    }

    @Test func aLongTextIsCutAndMarked() throws {
        let tokens = try Self.tokens("<t>\(String(repeating: "ệ", count: 10))</t>", chunkSize: 4, maximumText: 10)
        #expect(tokens == ["<t>", "\"ệệệ\"…", "</t>"])
    }

    @Test(arguments: [
        ("", "không có phần tử nào"),
        ("<a><b></a>", "thẻ đóng </a> không khớp thẻ mở <b>"),
        ("<a>", "tệp kết thúc khi thẻ <a> chưa đóng"),
        ("<a/><b/>", "có hơn một phần tử gốc"),
        ("</a>", "thẻ đóng </a> không có thẻ mở"),
        ("text<a/>", "có chữ ngoài phần tử gốc"),
        ("<a>&bogus;</a>", "thực thể &bogus; không hợp lệ"),
        ("<a>&#1;</a>", "thực thể &#1; không hợp lệ"),
        ("<a>a & b</a>", "dấu & không mở đầu một thực thể"),
        ("<a>\u{1}</a>", "có ký tự điều khiển mà XML không cho phép"),
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", "có khai báo DTD, điều tệp Excel không bao giờ có"),
        ("<a b></a>", "thuộc tính b thiếu giá trị"),
        ("<a b=c></a>", "giá trị của thuộc tính b không nằm trong ngoặc kép"),
        ("<a b=\"<\"></a>", "thuộc tính b chứa dấu <"),
        ("<a", "tệp kết thúc giữa một thẻ"),
        ("<a><!-- x", "tệp kết thúc giữa một chú thích hoặc CDATA"),
        (String(repeating: "<a>", count: 300), "các thẻ lồng nhau sâu quá 256 mức"),
    ])
    func aMalformedDocumentIsRefused(xml: String, reason: String) {
        for chunkSize in [1, 1 << 16] {
            #expect(throws: XMLTokenizer.Malformed.self) { try Self.tokens(xml, chunkSize: chunkSize) }
            do {
                _ = try Self.tokens(xml, chunkSize: chunkSize)
            } catch let error as XMLTokenizer.Malformed {
                #expect(error.reason == reason)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = Array("<a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8)
        var sent = false
        var tokenizer = XMLTokenizer(maximumText: 100) {
            defer { sent = true }
            return sent ? nil : bytes
        }
        #expect(throws: XMLTokenizer.Malformed.self) { while try tokenizer.next() != nil {} }
    }
}
