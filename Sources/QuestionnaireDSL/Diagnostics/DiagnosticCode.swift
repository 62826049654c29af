/// The catalogue of diagnostic codes. Codes are stable: tools and documentation refer to
/// them, so a code is never renamed or reused. `docs/diagnostics.md` explains each one
/// with an example of the mistake and the fix.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable {
    // Reading YAML
    case yamlSyntax = "yaml-syntax"
    case yamlDuplicateKey = "yaml-duplicate-key"
    case yamlMultipleDocuments = "yaml-multiple-documents"
    case yamlEmpty = "yaml-empty"
    case yamlTooLarge = "yaml-too-large"
    case yamlTooDeep = "yaml-too-deep"
    case yamlAliasLimit = "yaml-alias-limit"
    case yamlUndefinedAlias = "yaml-undefined-alias"
    case yamlComplexKey = "yaml-complex-key"

    // Loading the instrument
    case unknownKey = "unknown-key"
    case wrongType = "wrong-type"
    case missingKey = "missing-key"
    case invalidValue = "invalid-value"
    case invalidID = "invalid-id"
    case duplicateID = "duplicate-id"
    case unknownReference = "unknown-reference"
    case showIfOrder = "show-if-order"
    case duplicateOptionCode = "duplicate-option-code"
    case bandsNotAscending = "bands-not-ascending"
    case driverWeight = "driver-weight"
    case driverSelfLoop = "driver-self-loop"
    case unknownTarget = "unknown-target"
    case missingLanguage = "missing-language"
    case scoreCycle = "score-cycle"

    // Expressions
    case expressionSyntax = "expression-syntax"
    case unknownName = "unknown-name"
    case typeMismatch = "type-mismatch"
    case unknownCode = "unknown-code"
    case wrongArguments = "wrong-arguments"

    // Lints: keeping an instrument trauma-informed and minimal
    case sensitiveWithoutPurpose = "sensitive-without-purpose"
    case sensitiveRequired = "sensitive-required"
    case sensitiveSectionWithoutIntroduction = "sensitive-section-without-introduction"
    case stigmatisingWord = "stigmatising-word"
    case unusedItem = "unused-item"
    case incompleteTranslation = "incomplete-translation"
    case identifyingItemScored = "identifying-item-scored"
    case scoreWithoutItems = "score-without-items"

    /// The severity a diagnostic with this code has unless its producer says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .unusedItem, .incompleteTranslation, .stigmatisingWord:
            .warning
        default:
            .error
        }
    }

    /// True for the checks that `assess lint` adds on top of `assess validate`.
    public var isLint: Bool {
        switch self {
        case .sensitiveRequired, .sensitiveSectionWithoutIntroduction, .stigmatisingWord, .unusedItem,
            .incompleteTranslation, .identifyingItemScored, .scoreWithoutItems:
            true
        default:
            false
        }
    }

    /// A one-line summary of what the code means, for `--help` style listings.
    public var summary: String {
        switch self {
        case .yamlSyntax: "the file is not valid YAML"
        case .yamlDuplicateKey: "the same key appears twice in one mapping"
        case .yamlMultipleDocuments: "the file holds more than one YAML document"
        case .yamlEmpty: "the file holds no instrument"
        case .yamlTooLarge: "the file is larger than the reader accepts"
        case .yamlTooDeep: "the YAML is nested more deeply than the reader accepts"
        case .yamlAliasLimit: "aliases expand to more nodes than the reader accepts"
        case .yamlUndefinedAlias: "an alias names an anchor that was not defined before it"
        case .yamlComplexKey: "a mapping key is a list or a mapping instead of a plain word"
        case .unknownKey: "a key the instrument format does not have"
        case .wrongType: "a value of the wrong kind (text, number, yes/no, list, mapping)"
        case .missingKey: "a required key is missing"
        case .invalidValue: "a value of the right kind that is not allowed here"
        case .invalidID: "an id that does not follow the id rules"
        case .duplicateID: "two things of the same kind share an id"
        case .unknownReference: "a reference to an item, need, strength or scale that does not exist"
        case .showIfOrder: "a show_if refers to a question asked later, or to itself"
        case .duplicateOptionCode: "two options of one question share a code"
        case .bandsNotAscending: "band lower bounds are not in ascending order"
        case .driverWeight: "a driver weight is outside (0, 1]"
        case .driverSelfLoop: "a driver goes from a need to itself"
        case .unknownTarget: "a need's target is not one of the priority targets"
        case .missingLanguage: "a text in several languages lacks the instrument's language"
        case .scoreCycle: "scores refer to each other in a circle"
        case .expressionSyntax: "an expression that cannot be parsed"
        case .unknownName: "an expression names something that does not exist"
        case .typeMismatch: "an expression combines values of the wrong types"
        case .unknownCode: "a quoted code that is not one of the question's options or the need's bands"
        case .wrongArguments: "a function called with the wrong number or kind of arguments"
        case .sensitiveWithoutPurpose: "a sensitive question does not say why it is asked"
        case .sensitiveRequired: "a sensitive question cannot be declined"
        case .sensitiveSectionWithoutIntroduction: "a sensitive section starts without an introduction"
        case .stigmatisingWord: "a word that labels a person instead of describing support"
        case .unusedItem: "a question whose answer nothing uses"
        case .incompleteTranslation: "a text lacks a language that other texts have"
        case .identifyingItemScored: "an identifying question is used in scoring or rules"
        case .scoreWithoutItems: "a need or strength whose score uses no question"
        }
    }
}
