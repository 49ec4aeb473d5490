import Foundation
// TEMPORARY stub until VietnameseText.swift lands.
public enum VietnameseText {
    public static func normalized(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }
    public static func folded(_ text: String) -> String { text.lowercased() }
    public static func sortKey(_ text: String) -> String { text }
    public static func nameSortKey(family: String, middle: String, given: String) -> String { given + middle + family }
    public static func splitFullName(_ fullName: String) -> (family: String, middle: String, given: String) {
        let w = fullName.split(separator: " ").map(String.init)
        if w.count < 2 { return ("", "", w.first ?? "") }
        return (w[0], w.dropFirst().dropLast().joined(separator: " "), w.last!)
    }
    public static func fullName(family: String, middle: String, given: String) -> String {
        [family, middle, given].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
