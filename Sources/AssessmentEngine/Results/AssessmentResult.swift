import Foundation
import QuestionnaireDSL

/// Everything one assessment found, as a versioned, deterministic value: the same inputs
/// (and time) always give the same JSON, keys sorted and lists in a stable order.
///
/// ```swift
/// let (result, diagnostics) = Assessor(compiled).assess(answers, priorities: ["housing"], at: Date())
/// let json = try result.jsonString()
/// ```
///
/// Lists are in instrument order unless said otherwise; the ranking is in rank order.
/// Identifying items are left out of `answers`.
public struct AssessmentResult: Sendable, Hashable, Codable {
    /// The version of this format; raised whenever a field changes meaning or is removed.
    public static let currentSchemaVersion = 1

    /// The version of this format the result was written in.
    public var schemaVersion: Int
    /// The instrument, its version and the hash of its text.
    public var instrument: InstrumentIdentity
    /// The version of the engine that scored it.
    public var engineVersion: String
    /// When it was assessed (ISO 8601, UTC), as given by the caller.
    public var assessedAt: String
    /// Every item that is not identifying, with its state and value.
    public var answers: [ItemAnswer]
    /// Every need.
    public var needs: [NeedResult]
    /// Every strength.
    public var strengths: [StrengthResult]
    /// The needs whose `urgent_if` holds (tier 0: safety and basic needs first).
    public var tier0: [String]
    /// The safeguarding rules that fired, with their actions (tier 0).
    public var safeguarding: [SafeguardingAlert]
    /// The responsivity flags raised, with their advice.
    public var flags: [ResponsivityFlag]
    /// The rules that could not be evaluated, with what is missing.
    public var unevaluated: [UnevaluatedRule]
    /// The present needs, most influential first, each with its reasons.
    public var ranking: [RankedNeed]
    /// The lynch-pin and any joint lynch-pins, in ranking order.
    public var lynchpins: [String]
    /// Her own priorities, most important first.
    public var herPriorities: [String]
    /// Where her view and the engine's differ: points to talk about (see ``HerView``).
    public var herViewDiffers: [String]

    /// The encoder for results: sorted keys, snake_case names, pretty-printed.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// The decoder matching ``encoder()``.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// The result as JSON.
    public func jsonData() throws -> Data { try Self.encoder().encode(self) }

    /// The result as JSON text.
    public func jsonString() throws -> String { String(decoding: try jsonData(), as: UTF8.self) }

    /// Reads a result written by ``jsonData()``.
    public init(json: Data) throws {
        self = try Self.decoder().decode(Self.self, from: json)
    }

    /// Creates a result from its parts.
    public init(
        schemaVersion: Int = currentSchemaVersion, instrument: InstrumentIdentity, engineVersion: String,
        assessedAt: String, answers: [ItemAnswer], needs: [NeedResult], strengths: [StrengthResult], tier0: [String],
        safeguarding: [SafeguardingAlert], flags: [ResponsivityFlag], unevaluated: [UnevaluatedRule],
        ranking: [RankedNeed], lynchpins: [String], herPriorities: [String], herViewDiffers: [String]
    ) {
        self.schemaVersion = schemaVersion
        self.instrument = instrument
        self.engineVersion = engineVersion
        self.assessedAt = assessedAt
        self.answers = answers
        self.needs = needs
        self.strengths = strengths
        self.tier0 = tier0
        self.safeguarding = safeguarding
        self.flags = flags
        self.unevaluated = unevaluated
        self.ranking = ranking
        self.lynchpins = lynchpins
        self.herPriorities = herPriorities
        self.herViewDiffers = herViewDiffers
    }

    /// `date` as written in results: ISO 8601 in UTC, to the second.
    public static func timestamp(_ date: Date) -> String {
        // Written by hand: a formatter per result cost more than the whole assessment.
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let clock = "\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))"
        return "\(String(format: "%04d", year))-\(two(month))-\(two(day))T\(clock)Z"
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`).
    static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The need with `id`, if any.
    public func need(_ id: String) -> NeedResult? { needs.first { $0.id == id } }
    /// The strength with `id`, if any.
    public func strength(_ id: String) -> StrengthResult? { strengths.first { $0.id == id } }
}
