/// Small pieces shared by the report's inline SVG drawings.
enum SVG {
    /// `value` with at most one decimal, as coordinates are written.
    static func number(_ value: Double) -> String {
        NumberText.format((value * 10).rounded() / 10)
    }

    /// `text` broken into lines of at most `width` characters at spaces (a longer word
    /// stands alone), and at most `lines` lines, the last ending in `…` when cut short.
    static func wrap(_ text: String, width: Int, lines maximum: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        guard lines.count > maximum else { return lines }
        var kept = Array(lines.prefix(maximum))
        kept[maximum - 1] += "…"
        return kept
    }

    /// `<text>` with one `<tspan>` per line, the first line's baseline at `y`.
    static func text(
        _ lines: [String], x: Double, y: Double, lineHeight: Double, anchor: String = "start", className: String
    ) -> String {
        let spans = lines.enumerated().map { i, line in
            "<tspan x=\"\(number(x))\" dy=\"\(i == 0 ? "0" : number(lineHeight))\">\(HTML.escape(line))</tspan>"
        }
        return "<text class=\"\(className)\" x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\">"
            + spans.joined() + "</text>"
    }
}
