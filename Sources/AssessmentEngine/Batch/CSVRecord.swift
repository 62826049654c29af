/// One physical line of CSV split into cells (RFC 4180 quoting within the line).
enum CSVRecord {
    enum Failure: Error, Equatable {
        case unclosedQuote
        case textAfterQuote
        case invalidUTF8
    }

    /// The cells of `line` (without its line break; a final carriage return is dropped).
    /// The line is checked as UTF-8 once; unquoted cells are then taken as they stand.
    static func cells(_ line: UnsafeBufferPointer<UInt8>) -> Result<[String], Failure> {
        var end = line.count
        if end > 0, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let bytes = UnsafeBufferPointer(rebasing: line[0..<end])
        guard String(validating: bytes, as: UTF8.self) != nil else { return .failure(.invalidUTF8) }
        var cells: [String] = []
        var i = 0
        while true {
            if i < end, bytes[i] == UInt8(ascii: "\"") {
                var cell: [UInt8] = []
                i += 1
                var closed = false
                while i < end {
                    if bytes[i] == UInt8(ascii: "\"") {
                        if i + 1 < end, bytes[i + 1] == UInt8(ascii: "\"") {
                            cell.append(UInt8(ascii: "\""))
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    cell.append(bytes[i])
                    i += 1
                }
                guard closed else { return .failure(.unclosedQuote) }
                guard i == end || bytes[i] == UInt8(ascii: ",") else { return .failure(.textAfterQuote) }
                cells.append(String(decoding: cell, as: UTF8.self))
            } else {
                let start = i
                while i < end, bytes[i] != UInt8(ascii: ",") { i += 1 }
                cells.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            }
            if i >= end { break }
            i += 1  // the comma
            if i == end {
                cells.append("")
                break
            }
        }
        return .success(cells)
    }

    /// The reason words for a failure.
    static func words(_ failure: Failure) -> String {
        switch failure {
        case .unclosedQuote: "a quoted cell is not closed on this line (each record must be one line)"
        case .textAfterQuote: "text follows a closing quote inside a cell"
        case .invalidUTF8: "the line is not valid UTF-8"
        }
    }
}
