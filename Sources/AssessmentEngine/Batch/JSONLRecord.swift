import Foundation
import QuestionnaireDSL

/// JSON Lines input: one object per line, keys as the CSV header's columns, values as
/// strings, numbers, booleans (yes/no), lists (multiple choices) or null (unanswered).
enum JSONLRecord {
    /// The columns a JSONL record is read into: every item, then the reserved and carried ones.
    static func header(_ compiled: CompiledInstrument, carry: [String]) -> [String] {
        ["record_id"] + compiled.items.map(\.id) + ["_priorities", "_version"] + carry
    }

    /// The cells of one JSON object line, in the layout's order.
    static func cells(
        _ bytes: [UInt8], layout: BatchLayout, compiled: CompiledInstrument, dropIdentifying: Bool, line: Int
    ) -> Result<[String], BatchReject> {
        guard let object = try? JSONDecoder().decode([String: JSONCell].self, from: Data(bytes)) else {
            return .failure(BatchReject(line: line, recordID: "", reason: "the line is not a JSON object"))
        }
        let recordID = object["record_id"]?.text ?? ""
        var cells = [String](repeating: "", count: layout.header.count)
        let position = Dictionary(layout.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        // In the keys' order, so that the same line always gets the same reason.
        let keys = object.keys.sorted()
        let unknown = keys.filter { position[$0] == nil }
        guard unknown.isEmpty else {
            let names = unknown.map { "'\($0)'" }.joined(separator: ", ")
            let reason = unknown.count == 1 ? "is not an item" : "are not items"
            return .failure(BatchReject(line: line, recordID: recordID, reason: "\(names) \(reason) of the instrument"))
        }
        for key in keys {
            guard let column = position[key], let value = object[key] else { continue }
            if let item = layout.itemOfColumn[column] ?? compiled.items.firstIndex(where: { $0.id == key }),
                compiled.items[item].identifying
            {
                guard dropIdentifying else {
                    return .failure(
                        BatchReject(
                            line: line, recordID: recordID,
                            reason: "it holds the identifying item '\(key)' (add --drop-identifying to drop it unread)")
                    )
                }
                continue
            }
            cells[column] = value.text
        }
        return .success(cells)
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// One JSON value as a batch cell: strings as they are, numbers as numbers are written,
/// true/false as yes/no, lists joined by `;`, null as empty.
struct JSONCell: Decodable {
    let text: String

    /// A cell holding `text`.
    init(text: String) {
        self.text = text
    }

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            text = ""
        } else if let flag = try? value.decode(Bool.self) {
            text = flag ? "yes" : "no"
        } else if let number = try? value.decode(Double.self) {
            text = NumberText.format(number)
        } else if let string = try? value.decode(String.self) {
            text = string
        } else {
            text = try value.decode([JSONCell].self).map(\.text).joined(separator: ";")
        }
    }
}
