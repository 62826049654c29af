import QuestionnaireDSL

/// What an instrument's own tests exercise, and what they never do, so a designer knows
/// what is untested.
///
/// ```swift
/// let cases = InstrumentTestRunner(compiled).runAll()
/// let coverage = TestCoverage(compiled, cases: cases)
/// coverage.percent                    // 78.3
/// coverage.category(.items)?.uncovered  // the items no test answers, with their locations
/// ```
///
/// Coverage counts what the cases' answers reach, whether or not their `expect` checks it,
/// and counts every case, passing or failing. It has five categories, each a list of
/// coverage points:
/// - **items**: each item is answered in some case (declined, don't know, unanswered and
///   hidden do not count). Identifying items are exempt: they never enter scoring and
///   test data should not hold personal details; they are listed in ``exempt``.
/// - **options**: each option of a choice, scale or multi_choice item is chosen in some case.
/// - **bands**: each band of each need and strength is reached in some case.
/// - **rules**: each safeguarding rule, responsivity rule and `urgent_if` both fires in
///   some case and is silent (evaluated to false) in some case: two points per rule. A
///   rule that could not be evaluated is neither.
/// - **drivers**: each driver is active in some case: its `when` holds (or it has none)
///   and both its needs are present, so it is an edge of the driver graph.
///
/// The overall figure counts every point of every category alike.
public struct TestCoverage: Sendable, Hashable, Codable {
    /// The instrument file, as named on the command line.
    public var file: String
    /// The instrument's id.
    public var instrument: String
    /// How many test cases were run.
    public var cases: Int
    /// How many coverage points, of all categories, the cases reach.
    public var covered: Int
    /// How many coverage points there are.
    public var total: Int
    /// `covered` as a percentage of `total`, rounded down to one decimal (100 when there is
    /// nothing to cover), so 99.96 % is never shown as complete.
    public var percent: Double
    /// The categories: items, options, bands, rules, drivers.
    public var categories: [CoverageCategory]
    /// What is left out of coverage, and why.
    public var exempt: [CoverageExemption]

    /// Creates a coverage report from its categories.
    public init(
        file: String, instrument: String, cases: Int, categories: [CoverageCategory], exempt: [CoverageExemption]
    ) {
        self.file = file
        self.instrument = instrument
        self.cases = cases
        self.categories = categories
        self.exempt = exempt
        self.covered = categories.reduce(0) { $0 + $1.covered }
        self.total = categories.reduce(0) { $0 + $1.total }
        self.percent = Self.percent(covered, of: total)
    }

    /// The category of `kind`, if measured.
    public func category(_ kind: CoverageCategory.Kind) -> CoverageCategory? {
        categories.first { $0.category == kind }
    }

    /// Every uncovered point, category by category.
    public var uncovered: [CoverageGap] { categories.flatMap(\.uncovered) }

    /// True when the overall coverage is at least `minimum` percent, compared exactly
    /// (not after rounding).
    public func meets(_ minimum: Double) -> Bool {
        Double(covered) * 100 >= minimum * Double(total)
    }

    /// `part` of `whole` in percent, rounded down to one decimal; 100 when `whole` is 0.
    public static func percent(_ part: Int, of whole: Int) -> Double {
        guard whole > 0 else { return 100 }
        return Double(part * 1000 / whole) / 10
    }
}

/// One category of coverage: how many of its points the tests reach, and the ones they do not.
public struct CoverageCategory: Sendable, Hashable, Codable {
    /// The categories, in the order reported.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Items answered.
        case items
        /// Options chosen.
        case options
        /// Bands reached.
        case bands
        /// Rules fired and silent.
        case rules
        /// Driver edges active.
        case drivers
    }

    /// Which category.
    public var category: Kind
    /// How many of its points the tests reach.
    public var covered: Int
    /// How many points it has.
    public var total: Int
    /// `covered` as a percentage of `total`, rounded down to one decimal (100 when empty).
    public var percent: Double
    /// The points never reached, in instrument order.
    public var uncovered: [CoverageGap]

    /// Creates a category from its counts and gaps.
    public init(_ category: Kind, total: Int, uncovered: [CoverageGap]) {
        self.category = category
        self.total = total
        self.covered = total - uncovered.count
        self.percent = TestCoverage.percent(total - uncovered.count, of: total)
        self.uncovered = uncovered
    }
}

/// One thing the tests never exercise, with where it is written and how to cover it.
public struct CoverageGap: Sendable, Hashable, Codable {
    /// What kind of thing it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case item, option, band, safeguarding, responsivity
        case urgentIf = "urgent_if"
        case driver
    }

    /// What never happened to it in any test.
    public enum Never: String, Sendable, Hashable, Codable {
        case answered, chosen, reached, fired, silent, active
    }

    /// What kind of thing it is.
    public var kind: Kind
    /// What never happened.
    public var never: Never
    /// The item (item, option), need or strength (band), rule (for `urgent_if`, the need);
    /// nil for a driver.
    public var id: String?
    /// The option's code, for an option.
    public var option: String?
    /// The band's name, for a band.
    public var band: String?
    /// The driving need, for a driver.
    public var from: String?
    /// The driven need, for a driver.
    public var to: String?
    /// What it is, in words: `need 'housing' band 'high'`.
    public var subject: String
    /// How to cover it, in words.
    public var hint: String
    /// The instrument file.
    public var file: String
    /// Where it is written: 1-based line.
    public var line: Int
    /// Where it is written: 1-based column.
    public var column: Int

    /// Creates a gap.
    public init(
        kind: Kind, never: Never, id: String? = nil, option: String? = nil, band: String? = nil, from: String? = nil,
        to: String? = nil, subject: String, hint: String, file: String, at location: SourceLocation
    ) {
        self.kind = kind
        self.never = never
        self.id = id
        self.option = option
        self.band = band
        self.from = from
        self.to = to
        self.subject = subject
        self.hint = hint
        self.file = file
        self.line = location.line
        self.column = location.column
    }

    /// Where it is written.
    public var location: SourceLocation { SourceLocation(line: line, column: column) }
}

/// Something coverage leaves out on purpose, with the reason.
public struct CoverageExemption: Sendable, Hashable, Codable {
    /// The item left out.
    public var item: String
    /// Why, in words.
    public var reason: String
    /// The instrument file.
    public var file: String
    /// Where it is written: 1-based line.
    public var line: Int
    /// Where it is written: 1-based column.
    public var column: Int

    /// Creates an exemption.
    public init(item: String, reason: String, file: String, at location: SourceLocation) {
        self.item = item
        self.reason = reason
        self.file = file
        self.line = location.line
        self.column = location.column
    }
}
