/// Rounding and number text written in SQL exactly as the engine does them, from integers,
/// because the engines' own ROUND (Postgres rounds half to even) and float-to-text differ.
struct SQLNumberText {
    let dialect: SQLDialect

    /// `value` rounded half away from zero, as Swift's `.rounded()`: the whole part, plus one
    /// step away from zero when the fraction is at least one half. `value - trunc(value)` is
    /// exact in IEEE arithmetic, so this is exact too. `value` is written four times: keep it short.
    func roundHalfAway(_ value: String) -> String {
        let whole = dialect.truncate(value)
        let one = dialect.double(1), minusOne = dialect.double(-1), zero = dialect.double(0)
        return "(\(whole) + CASE WHEN ABS(\(value) - \(whole)) >= \(dialect.double(0.5)) "
            + "THEN CASE WHEN \(value) < \(zero) THEN \(minusOne) ELSE \(one) END ELSE \(zero) END)"
    }

    /// `value` rounded to 9 decimals, as `LynchpinRanker.rounded(_:)`: `(value × 1e9).rounded() / 1e9`.
    func rounded9(_ value: String) -> String {
        let scaled = "(\(value) * \(dialect.double(1e9)))"
        return "(\(roundHalfAway(scaled)) / \(dialect.double(1e9)))"
    }

    /// `value` × 10^4 rounded half away from zero, as a BIGINT: the digits `NumberText.format`
    /// shows.
    func scaled(_ value: String) -> String {
        "CAST(\(roundHalfAway("(\(value) * \(dialect.double(10000)))")) AS BIGINT)"
    }

    /// The text of a number from its ``scaled(_:)`` BIGINT, as `NumberText.format` writes
    /// it: a minus sign when negative, the whole part, and up to 4 decimals without
    /// trailing zeros (none, and no point, for a whole number).
    func text(scaled x: String) -> String {
        let magnitude = "ABS(\(x))"
        let whole = dialect.text(dialect.integerDivide(magnitude, "10000"))
        let fraction = "(\(magnitude) % 10000)"
        func digits(_ divisor: Int, width: Int) -> String {
            let part = divisor == 1 ? fraction : dialect.integerDivide(fraction, String(divisor))
            return width == 1 ? dialect.text(part) : "LPAD(\(dialect.text(part)), \(width), '0')"
        }
        let decimals =
            "CASE WHEN \(fraction) % 1000 = 0 THEN \(digits(1000, width: 1)) "
            + "WHEN \(fraction) % 100 = 0 THEN \(digits(100, width: 2)) "
            + "WHEN \(fraction) % 10 = 0 THEN \(digits(10, width: 3)) ELSE \(digits(1, width: 4)) END"
        return "(CASE WHEN \(x) < 0 THEN '-' ELSE '' END || \(whole) || "
            + "CASE WHEN \(fraction) = 0 THEN '' ELSE '.' || \(decimals) END)"
    }
}
