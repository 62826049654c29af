import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Line-based output for the interview: plain text wrapped to the terminal's width, with
/// bold and colour only on a terminal without `NO_COLOR`. No cursor movement, so screen
/// readers and piped runs see the same words.
struct ConsoleText {
    let width: Int
    let colour: Bool

    /// Decides width and colour for standard output.
    static func forStandardOutput() -> ConsoleText {
        ConsoleText(width: terminalWidth(), colour: Terminal.colourEnabled())
    }

    /// The terminal's columns (at most 100, for comfortable reading), else `COLUMNS`, else 80.
    static func terminalWidth() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
            return min(Int(size.ws_col), 100)
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 {
            return min(columns, 100)
        }
        return 80
    }

    /// Writes lines, each wrapped, to standard output (unbuffered, so nothing shown is lost
    /// when the process is stopped).
    func say(_ text: String, indent: Int = 0) {
        write(wrap(text, indent: indent) + "\n")
    }

    /// Writes the prompt marker without a line break.
    func prompt(_ marker: String = "> ") { write(marker) }

    /// Reads one line; when input is not a terminal the line is echoed after the prompt,
    /// so a piped run reads like the conversation. Nil at the end of input.
    func read() -> String? {
        let line = readLine(strippingNewline: true)
        if let line, isatty(STDIN_FILENO) != 1 { write(line + "\n") }
        return line
    }

    /// A blank line.
    func gap() { write("\n") }

    /// Writes `text` as it is, unwrapped.
    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func alert(_ text: String) -> String { colour ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text }

    /// `text` wrapped at word boundaries to the width, indented by `indent`. A blank line
    /// separates paragraphs; a single line break inside one is a space, except before a
    /// list line (`- `, `* `), which keeps its own line.
    func wrap(_ text: String, indent: Int = 0) -> String {
        paragraphs(text).map { fill($0.split(separator: " ").map(String.init), joiner: " ", indent: indent) }
            .joined(separator: "\n")
    }

    /// Each line of `text` wrapped on its own, continuing at its own indentation (two more
    /// after a list marker), for preformatted text such as the summary report.
    func wrapLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            let marker = ["! ", "• ", "- "].first { body.hasPrefix($0) }.map { $0.count } ?? 0
            let words = body.split(separator: " ").map(String.init)
            let filled = fill(words, joiner: " ", indent: indent + marker)
            return String(repeating: " ", count: indent) + filled.dropFirst(indent + marker)
        }.joined(separator: "\n")
    }

    /// `items` joined by `separator`, breaking lines only between items.
    func wrapItems(_ items: [String], separator: String = " · ") -> String {
        fill(items, joiner: separator, indent: 0)
    }

    private func fill(_ words: [String], joiner: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let limit = max(width - indent, 20)
        var lines: [String] = []
        var line = ""
        for word in words {
            if !line.isEmpty, line.count + joiner.count + word.count > limit {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? word : joiner + word
        }
        lines.append(line)
        return lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }

    /// The text's lines regrouped: blank lines kept, wrapped lines joined, list lines apart.
    private func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var open = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                result.append("")
                open = false
            } else if open, !trimmed.hasPrefix("- "), !trimmed.hasPrefix("* ") {
                result[result.count - 1] += " " + trimmed
            } else {
                result.append(trimmed)
                open = true
            }
        }
        while result.last == "" { result.removeLast() }
        return result
    }
}
