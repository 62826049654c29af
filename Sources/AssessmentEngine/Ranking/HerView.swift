/// Where her own priorities and the engine's ranking differ: points to talk about with
/// her, never a reason to override either.
///
/// DESIGN.md: her view differs "when she names a need that is neither tier 0 nor in the
/// engine's top three, or when she does not name the engine's lynch-pin". Read as:
/// - each need she names that is not in tier 0 (its `urgent_if` holds) and not among the
///   first three of the engine's ranking, in her order; then
/// - each lynch-pin (joint lynch-pins each count) that she does not name, in ranking order.
///
/// When she names no priorities at all, her view is not known, so nothing is said to
/// differ (an assessment without her priorities would otherwise always "differ").
public enum HerView {
    /// How many of the engine's ranking count as its top.
    public static let topCount = 3

    /// The needs where her view differs, each once.
    public static func differences(
        priorities: [String], ranking: [String], lynchpins: [String], tier0: Set<String>
    ) -> [String] {
        guard !priorities.isEmpty else { return [] }
        let top = Set(ranking.prefix(topCount))
        var result: [String] = []
        for need in priorities where !tier0.contains(need) && !top.contains(need) && !result.contains(need) {
            result.append(need)
        }
        for need in lynchpins where !priorities.contains(need) && !result.contains(need) {
            result.append(need)
        }
        return result
    }
}
