/// An incremental, pull-based tokenizer for the XML of OOXML parts, fed chunk by chunk: memory holds one chunk, one
/// tag and one text run (capped), whatever the size of the part.
///
/// It reads what SpreadsheetML needs: UTF-8, elements and attributes (names stripped of their prefix, `x:row` → `row`,
/// `xmlns` attributes left out), text with the five entities, numeric character references and CDATA, comments and
/// processing instructions skipped. It checks well-formedness (tags nested and closed, one root, nothing cut short) and
/// refuses a DTD, which OOXML never has and entity expansion would abuse.
///
/// NB: Foundation's `XMLParser` is not used: it pushes events to a delegate from inside `parse()`, so a sheet could not
/// be handed to the importer row by row without a thread per sheet, and on Linux (libxml2 without `XML_PARSE_HUGE`) it
/// refused sheets over 10 MB as "not valid XML".
struct XMLTokenizer {
    /// One element's start: its local name and attributes (local names, values decoded).
    struct Element {
        var name: String
        var attributes: [(name: String, value: String)]

        subscript(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    enum Token {
        case start(Element)
        case end(String)
        /// Character data; `truncated` when it ran past `maximumText` bytes and the rest was dropped.
        case text(String, truncated: Bool)
    }

    /// Why a part is not well-formed XML, in Vietnamese.
    struct Malformed: Error {
        var reason: String
    }

    /// The most bytes of one tag (its name and attributes).
    static let maximumTag = 64 << 10
    /// The most elements open at once.
    static let maximumDepth = 256

    private let nextChunk: () throws -> [UInt8]?
    private let maximumText: Int
    private var buffer: [UInt8] = []
    private var index = 0
    private var exhausted = false
    private var started = false
    /// The qualified names of the open elements.
    private var open: [String] = []
    private var sawRoot = false
    /// The end of an empty element (`<c/>`), given as the next token.
    private var pendingEnd: String?
    private var tag: [UInt8] = []
    private var raw: [UInt8] = []

    /// - Parameters:
    ///   - maximumText: the most bytes of one text run kept; the rest is dropped and the token marked truncated.
    ///   - nextChunk: the next bytes of the part, or nil at its end.
    init(maximumText: Int, nextChunk: @escaping () throws -> [UInt8]?) {
        self.maximumText = maximumText
        self.nextChunk = nextChunk
    }

    // MARK: - Tokens

    /// The next token, or nil at the end of a well-formed document.
    mutating func next() throws -> Token? {
        if let name = pendingEnd {
            pendingEnd = nil
            open.removeLast()
            return .end(name)
        }
        while true {
            guard try ensure(1) else {
                if let last = open.last { throw Malformed(reason: "tệp kết thúc khi thẻ <\(last)> chưa đóng") }
                guard sawRoot else { throw Malformed(reason: "không có phần tử nào") }
                return nil
            }
            if buffer[index] != Self.lessThan {
                let (text, truncated) = try readText()
                if open.isEmpty {
                    guard text.allSatisfy(\.isWhitespace) else { throw Malformed(reason: "có chữ ngoài phần tử gốc") }
                    continue
                }
                return .text(text, truncated: truncated)
            }
            if let token = try readMarkup() { return token }
        }
    }

    // MARK: - Markup

    private static let lessThan = UInt8(ascii: "<")
    private static let greaterThan = UInt8(ascii: ">")
    private static let ampersand = UInt8(ascii: "&")
    private static let slash = UInt8(ascii: "/")

    /// A tag, CDATA (as text), or nil for a comment or processing instruction.
    private mutating func readMarkup() throws -> Token? {
        _ = try ensure(9)
        let second = index + 1 < buffer.count ? buffer[index + 1] : 0
        if second == UInt8(ascii: "?") {
            index += 2
            _ = try skip(through: Self.processingInstructionEnd, keeping: false)
            return nil
        }
        if second == UInt8(ascii: "!") {
            let head = buffer[index..<min(index + 9, buffer.count)]
            if head.starts(with: Self.commentStart) {
                index += 4
                _ = try skip(through: Self.commentEnd, keeping: false)
                return nil
            }
            guard head.starts(with: Self.cdataStart) else {
                throw Malformed(reason: "có khai báo DTD, điều tệp Excel không bao giờ có")
            }
            guard !open.isEmpty else { throw Malformed(reason: "CDATA ngoài phần tử gốc") }
            index += 9
            let truncated = try skip(through: Self.cdataEnd, keeping: true)
            return .text(try Self.string(raw, decoding: false), truncated: truncated)
        }
        index += 1
        try readTag()
        return try token(of: tag)
    }

    private static let processingInstructionEnd = Array("?>".utf8)
    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let cdataStart = Array("<![CDATA[".utf8)
    private static let cdataEnd = Array("]]>".utf8)

    /// Reads a tag into `tag`, up to and past its `>` (a `>` in a quoted attribute value is data).
    private mutating func readTag() throws {
        tag.removeAll(keepingCapacity: true)
        var quote: UInt8 = 0
        while true {
            let start = index
            var end = start
            var found = false
            buffer.withUnsafeBufferPointer { bytes in
                while end < bytes.count {
                    let byte = bytes[end]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == 0x22 || byte == 0x27 { // " '
                        quote = byte
                    } else if byte == 0x3E { // >
                        found = true
                        break
                    }
                    end += 1
                }
            }
            tag.append(contentsOf: buffer[start..<end])
            index = end
            if found {
                index += 1
                return
            }
            guard tag.count <= Self.maximumTag else { throw Malformed(reason: "một thẻ dài quá \(Self.maximumTag) byte") }
            guard try ensure(1) else { throw Malformed(reason: "tệp kết thúc giữa một thẻ") }
        }
    }

    private mutating func token(of tag: [UInt8]) throws -> Token {
        if tag.first == Self.slash {
            let name = try Self.string(tag.dropFirst().trimmingXMLSpace(), decoding: false)
            guard let last = open.last else { throw Malformed(reason: "thẻ đóng </\(name)> không có thẻ mở") }
            guard name == last else { throw Malformed(reason: "thẻ đóng </\(name)> không khớp thẻ mở <\(last)>") }
            open.removeLast()
            return .end(Self.local(name))
        }
        var body = tag[...]
        let empty = body.last == Self.slash
        if empty { body = body.dropLast() }
        let nameEnd = body.firstIndex(where: Self.isSpace) ?? body.endIndex
        let name = try Self.string(body[..<nameEnd], decoding: false)
        guard !name.isEmpty, !name.contains("<") else { throw Malformed(reason: "tên thẻ không hợp lệ") }
        if open.isEmpty, sawRoot { throw Malformed(reason: "có hơn một phần tử gốc") }
        guard open.count < Self.maximumDepth else {
            throw Malformed(reason: "các thẻ lồng nhau sâu quá \(Self.maximumDepth) mức")
        }
        let attributes = try Self.attributes(body[nameEnd...])
        sawRoot = true
        open.append(name)
        let local = Self.local(name)
        if empty { pendingEnd = local }
        return .start(Element(name: local, attributes: attributes))
    }

    /// `name="value"` pairs, local names, values with entities decoded and whitespace normalized (XML 1.0 §3.3.3).
    private static func attributes(_ bytes: ArraySlice<UInt8>) throws -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var rest = bytes
        while true {
            rest = rest.drop(while: isSpace)
            guard !rest.isEmpty else { return result }
            let nameEnd = rest.firstIndex { isSpace($0) || $0 == UInt8(ascii: "=") } ?? rest.endIndex
            let name = try string(rest[..<nameEnd], decoding: false)
            rest = rest[nameEnd...].drop(while: isSpace)
            guard rest.first == UInt8(ascii: "=") else { throw Malformed(reason: "thuộc tính \(name) thiếu giá trị") }
            rest = rest.dropFirst().drop(while: isSpace)
            guard let quote = rest.first, quote == 0x22 || quote == 0x27 else {
                throw Malformed(reason: "giá trị của thuộc tính \(name) không nằm trong ngoặc kép")
            }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { throw Malformed(reason: "thuộc tính \(name) không đóng") }
            let value = rest[..<close].map { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            guard !value.contains(lessThan) else { throw Malformed(reason: "thuộc tính \(name) chứa dấu <") }
            rest = rest[rest.index(after: close)...]
            guard name != "xmlns", !name.hasPrefix("xmlns:") else { continue }
            result.append((local(name), try string(value[...], decoding: true)))
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    // MARK: - Text

    /// Character data up to the next `<`: at most `maximumText` bytes kept.
    private mutating func readText() throws -> (String, Bool) {
        raw.removeAll(keepingCapacity: true)
        var truncated = false
        while true {
            let start = index
            let end = buffer.withUnsafeBufferPointer { bytes in
                var end = start
                while end < bytes.count, bytes[end] != 0x3C { end += 1 } // <
                return end
            }
            let room = maximumText - raw.count
            if end - start > room {
                raw.append(contentsOf: buffer[start..<start + max(room, 0)])
                truncated = true
            } else {
                raw.append(contentsOf: buffer[start..<end])
            }
            index = end
            if end < buffer.count { break }
            guard try ensure(1) else { break }
        }
        if truncated {
            // NB: the cut may split an entity or a character; what is kept only serves to say the text is too long.
            while let last = raw.last, last & 0xC0 == 0x80 || last == Self.ampersand { raw.removeLast() }
            if let ampersand = raw.lastIndex(of: Self.ampersand), !raw[ampersand...].contains(UInt8(ascii: ";")) {
                raw.removeSubrange(ampersand...)
            }
            while let last = raw.last, last >= 0xC0 { raw.removeLast() }
        }
        return (try Self.string(raw, decoding: true), truncated)
    }

    /// Skips to past `terminator`, keeping what comes before it in `raw` (at most `maximumText` bytes) when asked.
    /// Returns whether kept text was truncated.
    private mutating func skip(through terminator: [UInt8], keeping: Bool) throws -> Bool {
        raw.removeAll(keepingCapacity: true)
        var truncated = false
        var recent: [UInt8] = []
        while true {
            guard try ensure(1) else { throw Malformed(reason: "tệp kết thúc giữa một chú thích hoặc CDATA") }
            let byte = buffer[index]
            index += 1
            recent.append(byte)
            if recent.count > terminator.count { recent.removeFirst() }
            if keeping {
                if raw.count < maximumText + terminator.count { raw.append(byte) } else { truncated = true }
            }
            guard recent == terminator else { continue }
            if keeping {
                if truncated {
                    raw.removeSubrange(min(maximumText, raw.count)...)
                    while let last = raw.last, last >= 0x80 { raw.removeLast() }
                } else {
                    raw.removeLast(terminator.count)
                }
            }
            return truncated
        }
    }

    /// Text of UTF-8 bytes: entities and character references decoded and line ends normalized (XML 1.0 §2.11) when
    /// `decoding`; throws on malformed UTF-8, an unknown entity or a character XML cannot hold.
    static func string<Bytes: Collection<UInt8>>(_ bytes: Bytes, decoding: Bool) throws -> String {
        let plain = bytes.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || ($0 == 0x0D && !decoding) }
            && (!decoding || !bytes.contains(ampersand))
        if plain {
            let array = Array(bytes)
            guard let text = String(validating: array, as: UTF8.self) else {
                throw Malformed(reason: "không phải UTF-8 hợp lệ")
            }
            return text
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var iterator = Array(bytes)[...]
        while let byte = iterator.popFirst() {
            switch byte {
            case 0x0D:
                if iterator.first == 0x0A { iterator = iterator.dropFirst() }
                output.append(0x0A)
            case ampersand where decoding:
                guard let semicolon = iterator.prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                    throw Malformed(reason: "dấu & không mở đầu một thực thể")
                }
                let name = String(decoding: iterator[..<semicolon], as: UTF8.self)
                iterator = iterator[iterator.index(after: semicolon)...]
                guard let scalar = entity(name) else { throw Malformed(reason: "thực thể &\(name); không hợp lệ") }
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            case 0x09, 0x0A, 0x20...:
                output.append(byte)
            default:
                throw Malformed(reason: "có ký tự điều khiển mà XML không cho phép")
            }
        }
        guard let text = String(validating: output, as: UTF8.self) else { throw Malformed(reason: "không phải UTF-8 hợp lệ") }
        return text
    }

    /// The character of `&name;`: the five predefined entities, `&#N;` and `&#xH;` of characters XML 1.0 allows.
    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xFFFD).contains(value) || value >= 0x10000
        return allowed && value != 0xFFFE ? scalar : nil
    }

    // MARK: - Chunks

    /// Whether `count` bytes are available from `index` (or, at the end of input, at least one), reading chunks as
    /// needed.
    private mutating func ensure(_ count: Int) throws -> Bool {
        // NB: the first bytes are read three at least, to tell a byte order mark split over chunks.
        while buffer.count - index < (started ? count : max(count, 3)), !exhausted {
            guard let chunk = try nextChunk() else {
                exhausted = true
                break
            }
            if index == buffer.count {
                buffer = chunk
            } else {
                buffer.removeSubrange(0..<index)
                buffer += chunk
            }
            index = 0
        }
        if !started {
            started = true
            if buffer.starts(with: [0xFE, 0xFF]) || buffer.starts(with: [0xFF, 0xFE]) {
                throw Malformed(reason: "chỉ nhận XML mã UTF-8")
            }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
                index = 3
                return try ensure(count)
            }
        }
        let available = buffer.count - index
        return available >= count || (exhausted && available > 0)
    }
}

extension Collection<UInt8> {
    fileprivate func trimmingXMLSpace() -> [UInt8] {
        Array(drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.reversed()
            .drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.reversed())
    }
}
