/// Test coverage in plain text, as an instrument designer reads it: the figures per
/// category, then each uncovered thing with its `file:line:column` (so an editor can jump
/// there) and a hint on how to cover it.
///
/// ```swift
/// print(CoverageTextReport(coverage).render())
/// ```
///
/// Options are grouped by item, one line per item; everything else is one line per point.
public struct CoverageTextReport: Sendable {
    /// The coverage shown.
    public let coverage: TestCoverage

    /// Creates a report of `coverage`.
    public init(_ coverage: TestCoverage) {
        self.coverage = coverage
    }

    /// The headings of the categories, in the summary and above their gaps.
    static func label(_ kind: CoverageCategory.Kind) -> (summary: String, heading: String) {
        switch kind {
        case .items: ("items answered", "Items never answered")
        case .options: ("options chosen", "Options never chosen")
        case .bands: ("bands reached", "Bands never reached")
        case .rules: ("rules fired and silent", "Rules never fired or never silent")
        case .drivers: ("driver edges active", "Driver edges never active")
        }
    }

    /// The report, ending with a line break.
    public func render() -> String {
        let tests = coverage.cases == 1 ? "its 1 test" : "its \(coverage.cases) tests"
        var lines = [
            "Coverage of \(coverage.file) by \(tests): \(Self.percent(coverage.percent)) "
                + "(\(coverage.covered) of \(coverage.total))"
        ]
        let counts = coverage.categories.map { "\($0.covered) of \($0.total)" }
        let countWidth = counts.map(\.count).max() ?? 0
        for (category, count) in zip(coverage.categories, counts) {
            let label = Self.label(category.category).summary
            lines.append(
                "  " + Self.padded(label, 24) + Self.right(count, countWidth)
                    + Self.right(category.total == 0 ? "—" : Self.percent(category.percent), 8))
        }
        for category in coverage.categories where !category.uncovered.isEmpty {
            lines.append("")
            lines.append(Self.label(category.category).heading)
            lines += category.category == .options ? options(category.uncovered) : category.uncovered.map(line)
        }
        if !coverage.exempt.isEmpty {
            lines.append("")
            lines.append("Not counted")
            for exempt in coverage.exempt {
                lines.append("  \(exempt.file):\(exempt.line):\(exempt.column): '\(exempt.item)' — \(exempt.reason)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(_ gap: CoverageGap) -> String {
        let never: String
        switch gap.kind {
        case .safeguarding, .responsivity, .urgentIf: never = " never \(gap.never.rawValue)"
        default: never = ""
        }
        return "  \(gap.file):\(gap.line):\(gap.column): \(gap.subject)\(never) — \(gap.hint)"
    }

    /// One line per item: where its first unchosen option is written, and every code never chosen.
    private func options(_ gaps: [CoverageGap]) -> [String] {
        var lines: [String] = []
        var index = gaps.startIndex
        while index < gaps.endIndex {
            let first = gaps[index]
            var end = index
            while end < gaps.endIndex, gaps[end].id == first.id { end += 1 }
            let codes = gaps[index..<end].compactMap(\.option)
            let quoted = codes.map { "'\($0)'" }.joined(separator: ", ")
            let them = codes.count == 1 ? "a test that chooses it" : "tests that choose them"
            lines.append("  \(first.file):\(first.line):\(first.column): '\(first.id ?? "")': \(quoted) — add \(them)")
            index = end
        }
        return lines
    }

    /// A percentage as shown: `95.2%`, `100.0%`.
    public static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    private static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(width - text.count, 0)) + text
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
