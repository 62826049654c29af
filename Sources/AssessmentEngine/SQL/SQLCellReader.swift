import QuestionnaireDSL

/// How one item's cell becomes its working columns, as `assess batch` reads it (see
/// `BatchRecordScorer.value(_:for:)` and `SlotEncoder`): `declined` and `dont_know` for any
/// item, `yes`/`no`, an option code or an option's value, codes joined by `;`, a number
/// within the item's range, any text. A cell it would reject sets the item's `bad` column.
struct SQLCellReader {
    let dialect: SQLDialect

    /// The decimal numbers recognised: what Swift's `Double(_:)` reads, less its rare forms
    /// (hexadecimal, `inf`, exponents over two digits), which the query rejects instead; so
    /// every number it accepts is finite and reads back the same.
    static let numberPattern = "[+-]?(?:[0-9]{1,20}(?:\\.[0-9]{0,20})?|\\.[0-9]{1,20})(?:[eE][+-]?[0-9]{1,2})?"

    /// A regular expression matching `text` literally.
    static func literalPattern(_ text: String) -> String {
        var pattern = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern
    }

    /// The column definitions (`expression AS name`) for item `k`, given SQL that is TRUE
    /// when `show_if` hides it.
    func columns(_ item: Item, index k: Int, hidden: String) -> [String] {
        let raw = SQLNames.raw(k)
        let missing = "\(raw) IS NULL OR \(raw) IN ('declined', 'dont_know')"
        let state =
            "CASE WHEN \(hidden) THEN 4 WHEN \(raw) IS NULL THEN 0 WHEN \(raw) IN ('declined', 'dont_know') THEN 2 ELSE 1 END"
        var columns = ["\(hidden) AS \(SQLNames.hidden(k))", "\(state) AS \(SQLNames.state(k))"]
        func answer(_ parsed: String, hiddenValue: String, type: String) -> String {
            "CASE WHEN \(hidden) THEN \(hiddenValue) WHEN \(missing) THEN CAST(NULL AS \(type)) ELSE \(parsed) END"
        }
        let valid: String
        switch item.type {
        case .yesNo:
            let parsed = "CASE \(raw) WHEN 'yes' THEN \(dialect.double(1)) WHEN 'no' THEN \(dialect.double(0)) END"
            columns.append(
                "\(answer(parsed, hiddenValue: dialect.double(0), type: dialect.doubleType)) AS \(SQLNames.value(k))")
            valid = "\(raw) IN ('yes', 'no')"
        case .choice, .scale:
            let (index, value) = choice(item, raw: raw)
            columns.append(
                "\(answer(value, hiddenValue: dialect.double(0), type: dialect.doubleType)) AS \(SQLNames.value(k))")
            columns.append("\(answer(index, hiddenValue: "-1", type: "INTEGER")) AS \(SQLNames.code(k))")
            valid = "(\(index)) IS NOT NULL"
        case .multiChoice:
            let codes = item.options.prefix(64).map { Self.literalPattern($0.code) }.joined(separator: "|")
            let pattern = "(?:\(codes))(?:;(?:\(codes)))*"
            let haystack = "(';' || \(raw) || ';')"
            let size = item.options.prefix(64).map { option in
                "CASE WHEN \(dialect.position(of: dialect.string(";" + option.code + ";"), in: haystack)) > 0 THEN 1 ELSE 0 END"
            }.joined(separator: " + ")
            let count = "CAST(\(size.isEmpty ? "0" : size) AS \(dialect.doubleType))"
            columns.append("\(answer(raw, hiddenValue: "''", type: dialect.textType)) AS \(SQLNames.set(k))")
            columns.append(
                "\(answer(count, hiddenValue: dialect.double(0), type: dialect.doubleType)) AS \(SQLNames.setSize(k))")
            valid = item.options.isEmpty ? "FALSE" : dialect.fullMatch(raw, pattern)
        case .number:
            let isNumber = dialect.fullMatch(raw, Self.numberPattern)
            let parsed = "CASE WHEN \(isNumber) THEN CAST(\(raw) AS \(dialect.doubleType)) END"
            columns.append(
                "\(answer(parsed, hiddenValue: dialect.double(0), type: dialect.doubleType)) AS \(SQLNames.value(k))")
            var checks = [isNumber]
            if let min = item.min { checks.append("CAST(\(raw) AS \(dialect.doubleType)) >= \(dialect.double(min))") }
            if let max = item.max { checks.append("CAST(\(raw) AS \(dialect.doubleType)) <= \(dialect.double(max))") }
            // The range checks are only reached (and the casts only made) when it is a number.
            valid =
                checks.count == 1
                ? isNumber
                : "CASE WHEN \(isNumber) THEN \(checks.dropFirst().joined(separator: " AND ")) ELSE FALSE END"
        case .text, .date:
            valid = "TRUE"
        }
        // An answer to a hidden question is rejected, as is a cell that is not an answer.
        let bad = "CASE WHEN \(hidden) THEN \(raw) IS NOT NULL WHEN \(missing) THEN FALSE ELSE NOT (\(valid)) END"
        columns.append("\(bad) AS \(SQLNames.bad(k))")
        return columns
    }

    /// The option index and value a choice cell gives (NULL when it names no option): its
    /// code, or else a number equal to an option's value (the first such option).
    private func choice(_ item: Item, raw: String) -> (index: String, value: String) {
        guard !item.options.isEmpty else { return ("CAST(NULL AS INTEGER)", "CAST(NULL AS \(dialect.doubleType))") }
        var indexArms: [String] = []
        var valueArms: [String] = []
        for (i, option) in item.options.enumerated() {
            indexArms.append("WHEN \(raw) = \(dialect.string(option.code)) THEN \(i)")
            valueArms.append("WHEN \(raw) = \(dialect.string(option.code)) THEN \(dialect.double(option.value))")
        }
        var numberIndex: [String] = []
        var numberValue: [String] = []
        var seen: [Double] = []
        let number = "CAST(\(raw) AS \(dialect.doubleType))"
        for (i, option) in item.options.enumerated() where !seen.contains(option.value) {
            seen.append(option.value)
            numberIndex.append("WHEN \(number) = \(dialect.double(option.value)) THEN \(i)")
            numberValue.append("WHEN \(number) = \(dialect.double(option.value)) THEN \(dialect.double(option.value))")
        }
        let isNumber = dialect.fullMatch(raw, Self.numberPattern)
        let index =
            "CASE \(indexArms.joined(separator: " ")) WHEN \(isNumber) THEN CASE \(numberIndex.joined(separator: " ")) END END"
        let value =
            "CASE \(valueArms.joined(separator: " ")) WHEN \(isNumber) THEN CASE \(numberValue.joined(separator: " ")) END END"
        return (index, value)
    }
}
