/// A JSON Schema (draft-07) of the instrument format, for completion and checking in
/// editors through a YAML language server. Built from the loader's own key lists, so the
/// schema cannot drift from what `assess validate` accepts. The schema checks shape only;
/// `assess validate` remains the authority (references, expressions, order).
public enum InstrumentSchema {
    /// The schema document.
    public static var document: JSONValue {
        [
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$id": "https://assess.invalid/schema/instrument.json",
            "title": "assess instrument",
            "description": "A needs assessment instrument for the assess engine. See docs/instrument-format.md.",
            "type": "object",
            "additionalProperties": false,
            "required": ["instrument", "sections"],
            "properties": .object([
                "instrument": object(
                    required: ["id", "version", "title", "language"],
                    [
                        "id": [
                            "type": "string", "pattern": "^[a-z][a-z0-9_-]*$",
                            "description": "Stable id, stored with every result.",
                        ],
                        "version": [
                            "type": "string", "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$",
                            "description": "Semantic version, e.g. 1.0.0.",
                        ],
                        "title": text, "language": ["type": "string", "description": "Language tag, e.g. en-GB."],
                        "introduction": text,
                    ]),
                "scales": ["type": "object", "additionalProperties": ["type": "array", "items": option]],
                "sections": ["type": "array", "items": section],
                "needs": ["type": "array", "items": need],
                "strengths": ["type": "array", "items": strength],
                "drivers": ["type": "array", "items": driver],
                "responsivity": ["type": "array", "items": responsivity],
                "safeguarding": ["type": "array", "items": safeguarding],
                "tests": ["type": "array", "items": test],
                "lint": object(["avoid": ["type": "object", "additionalProperties": ["type": "string"]]]),
            ]),
        ]
    }

    static func object(required: [String] = [], _ properties: [String: JSONValue]) -> JSONValue {
        var schema: [String: JSONValue] = [
            "type": "object", "additionalProperties": false, "properties": .object(properties),
        ]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return .object(schema)
    }

    static let id: JSONValue = ["type": "string", "pattern": "^[a-z][a-z0-9_]*$"]
    static let ids: JSONValue = ["oneOf": [id, ["type": "array", "items": id]]]
    static let text: JSONValue = [
        "description": "Text, or a map of language tag to text such as {en: …, cy: …}.",
        "oneOf": [["type": "string"], ["type": "object", "additionalProperties": ["type": "string"]]],
    ]
    static let expression: JSONValue = [
        "type": "string", "description": "An expression; see docs/instrument-format.md.",
    ]
    static let boolean: JSONValue = ["type": "boolean"]
    static let number: JSONValue = ["type": "number"]
    static let bands: JSONValue = [
        "type": "object", "description": "Band name → inclusive lower bound, ascending.",
        "additionalProperties": ["type": "number"], "minProperties": 1,
    ]
    static let missing = object(["max_declined": ["type": "integer", "minimum": 0], "method": ["enum": ["prorate"]]])

    static let option = object(
        required: ["code", "label"],
        ["code": ["type": "string", "pattern": "^[a-z0-9][a-z0-9_]*$"], "label": text, "value": number])

    static let item = object(
        required: ["id", "prompt", "type"],
        [
            "id": id, "prompt": text, "purpose": text,
            "type": .object(["enum": .array(ItemType.allCases.map { .string($0.rawValue) })]),
            "options": ["type": "array", "items": option], "scale": id, "min": number, "max": number,
            "sensitive": boolean, "required": boolean, "identifying": boolean, "show_if": expression,
        ])

    static let section = object(
        required: ["id", "title", "items"],
        [
            "id": id, "title": text, "introduction": text, "sensitive": boolean, "show_if": expression,
            "items": ["type": "array", "items": item],
        ])

    static let need = object(
        required: ["id", "title", "target", "score", "max", "bands"],
        [
            "id": id, "title": text,
            "target": .object(["enum": .array(PriorityTarget.allCases.map { .string($0.rawValue) })]),
            "score": expression, "max": ["type": "number", "exclusiveMinimum": 0], "bands": bands, "missing": missing,
            "urgent_if": expression,
        ])

    static let strength = object(
        required: ["id", "title", "score", "bands"],
        [
            "id": id, "title": text, "supports": ids, "score": expression,
            "max": ["type": "number", "exclusiveMinimum": 0], "bands": bands, "missing": missing,
        ])

    static let driver = object(
        required: ["from", "to", "weight", "because"],
        [
            "from": id, "to": id, "weight": ["type": "number", "exclusiveMinimum": 0, "maximum": 1],
            "when": expression, "because": text,
        ])

    static let responsivity = object(
        required: ["id", "when", "advice"], ["id": id, "when": expression, "advice": text, "supports": ids])

    static let safeguarding = object(
        required: ["id", "when", "action"], ["id": id, "when": expression, "action": text])

    static let test = object(
        required: ["name", "answers", "expect"],
        [
            "name": ["type": "string"],
            "answers": [
                "type": "object",
                "description": "Item id → answer; 'declined' or 'dont_know'; her priorities under _priorities.",
            ],
            "expect": object([
                "bands": ["type": "object", "additionalProperties": ["type": "string"]],
                "statuses": ["type": "object", "additionalProperties": ["enum": ["assessed", "not_assessed"]]],
                "scores": ["type": "object", "additionalProperties": ["type": "number"]],
                "lynchpin": ids, "ranking": ids, "flags": ids, "safeguarding": ids, "unevaluated": ids,
                "her_view_differs": ids,
            ]),
        ])
}
