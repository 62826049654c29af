/// The ways the robustness test damages a YAML file.
enum YAMLMutation: String, CaseIterable, Sendable {
    /// Replaces a few bytes with random ones (often invalid UTF-8).
    case flipBytes
    /// Cuts the file off at a random point (unclosed quotes, brackets, block scalars).
    case truncate
    /// Inserts YAML's syntax characters: brackets, anchors, aliases, tabs, quotes, markers.
    case insertTokens
    /// Copies a slice of the file to another place (duplicate keys, repeated anchors).
    case duplicateSlice
    /// Inserts a run of opening brackets or nested block entries deeper than the limit.
    case deepNesting
    /// Appends an alias bomb: levels of anchors, each aliasing the one before many times.
    case aliasBomb
    /// Applies two to four of the others in turn.
    case mixed

    /// Bytes the insertions draw from: YAML indicators, and bytes that are not text.
    static let tokens: [[UInt8]] =
        [
            "[", "]", "{", "}", "&a ", "*a", "*a ", "\t", "'", "\"", ": ", "- ", "? ", ",", "#", "|", ">", "!!str ",
            "!", "%YAML 1.2\n", "---\n", "...\n", "\n", "\r", "\r\n", "\u{FEFF}", "\u{2028}", "é", "🙂", "\\",
        ]
        .map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xE2, 0x80], [0x7F]]

    /// Returns a damaged copy of `bytes`.
    func apply(to bytes: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        var out = bytes
        switch self {
        case .flipBytes:
            guard !out.isEmpty else { return [UInt8.random(in: 0...255, using: &rng)] }
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                out[Int.random(in: 0..<out.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
            }
        case .truncate:
            out.removeLast(Int.random(in: 0...out.count, using: &rng))
        case .insertTokens:
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let token = Self.tokens.randomElement(using: &rng)!
                out.insert(contentsOf: token, at: Int.random(in: 0...out.count, using: &rng))
            }
        case .duplicateSlice:
            guard !out.isEmpty else { return out }
            let start = Int.random(in: 0..<out.count, using: &rng)
            let end = Int.random(in: start...min(out.count, start + 200), using: &rng)
            out.insert(contentsOf: out[start..<end], at: Int.random(in: 0...out.count, using: &rng))
        case .deepNesting:
            let depth = Int.random(in: 60...3_000, using: &rng)
            let nesting: [UInt8] =
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: Array(repeating: UInt8(ascii: "["), count: depth)
                case 1: Array(String(repeating: "{a: ", count: depth).utf8)
                default: Array((0..<min(depth, 200)).map { String(repeating: " ", count: $0) + "- \n" }.joined().utf8)
                }
            out.insert(contentsOf: nesting, at: Int.random(in: 0...out.count, using: &rng))
        case .aliasBomb:
            let levels = Int.random(in: 2...12, using: &rng)
            let width = Int.random(in: 2...12, using: &rng)
            var bomb = "\nb0: &b0 [" + Array(repeating: "x", count: width).joined(separator: ", ") + "]\n"
            for level in 1..<levels {
                let aliases = Array(repeating: "*b\(level - 1)", count: width).joined(separator: ", ")
                bomb += "b\(level): &b\(level) [\(aliases)]\n"
            }
            out += Array(bomb.utf8)
        case .mixed:
            let others = Self.allCases.filter { $0 != .mixed }
            for _ in 0..<Int.random(in: 2...4, using: &rng) {
                out = others.randomElement(using: &rng)!.apply(to: out, using: &rng)
            }
        }
        return out
    }
}
