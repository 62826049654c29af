/// One physical line of CSV split into cells (RFC 4180 quoting within the line).
enum CSVRecord {
    enum Failure: Error, Equatable {
        case unclosedQuote
        case textAfterQuote
        case invalidUTF8
    }

    /// The cells of `line` (without its line break).
    static func cells(_ line: UnsafeBufferPointer<UInt8>) -> Result<[String], Failure> {
        var cells: [String] = []
        var cell: [UInt8] = []
        var i = 0
        let count = line.count
        var end = count
        if end > 0, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        while true {
            cell.removeAll(keepingCapacity: true)
            if i < end, line[i] == UInt8(ascii: "\"") {
                i += 1
                var closed = false
                while i < end {
                    if line[i] == UInt8(ascii: "\"") {
                        if i + 1 < end, line[i + 1] == UInt8(ascii: "\"") {
                            cell.append(UInt8(ascii: "\""))
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    cell.append(line[i])
                    i += 1
                }
                guard closed else { return .failure(.unclosedQuote) }
                guard i == end || line[i] == UInt8(ascii: ",") else { return .failure(.textAfterQuote) }
            } else {
                while i < end, line[i] != UInt8(ascii: ",") {
                    cell.append(line[i])
                    i += 1
                }
            }
            guard let text = String(validating: cell, as: UTF8.self) else { return .failure(.invalidUTF8) }
            cells.append(text)
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
