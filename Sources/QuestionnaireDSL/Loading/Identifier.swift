/// The rules for ids in an instrument.
public enum Identifier {
    /// True when `text` matches `[a-z][a-z0-9_]*` (or `[a-z][a-z0-9_-]*` with hyphens).
    public static func isValid(_ text: String, allowHyphen: Bool = false) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || (allowHyphen && $0 == "-")
        }
    }

    /// A valid id made from arbitrary text, for hints: `Low Mood` → `low_mood`.
    public static func suggest(from text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("_") {
                out += "_"
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        if let first = out.unicodeScalars.first, !("a"..."z").contains(first) { out = "x_" + out }
        return out.isEmpty ? "x" : out
    }
}
