/// A relationship of an OOXML part (`_rels/….rels`): what the target is, and where.
struct XLSXRelationship {
    /// The relationship type URI; its last segment says what the target is (`…/worksheet`, `…/sharedStrings`).
    var type: String
    /// The target's path in the zip.
    var path: String

    /// A relationship target as a path in the zip: relative to the source part's folder, or absolute with "/".
    static func resolve(_ target: String, from base: String) -> String {
        var parts = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for part in target.split(separator: "/") {
            if part == ".." {
                _ = parts.popLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
