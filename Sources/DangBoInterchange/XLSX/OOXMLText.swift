/// The `_xHHHH_` escapes of OOXML strings (ECMA-376 §22.9.2.19), which carry characters XML cannot.
enum OOXMLText {
    /// Replaces each `_xHHHH_` by its character.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               scalars[index + 2...index + 5].allSatisfy(\.properties.isASCIIHexDigit),
               let code = UInt32(String(String.UnicodeScalarView(scalars[index + 2...index + 5])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// Escapes what XML 1.0 cannot hold (control characters other than tab, LF and CR) and text that would read
    /// as an escape (`_x0041_` becomes `_x005F_x0041_`).
    static func escaped(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let control = scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
            let looksEscaped = scalar == "_" && index + 6 < scalars.count && scalars[index + 1] == "x"
                && scalars[index + 6] == "_" && scalars[index + 2...index + 5].allSatisfy(\.properties.isASCIIHexDigit)
            if control || looksEscaped || scalar == "\u{FFFE}" || scalar == "\u{FFFF}" {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "_x\(String(repeating: "0", count: 4 - hex.count))\(hex)_".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
