import CYAML

/// The one place that talks to libyaml: runs its event parser over a byte buffer and hands
/// each event, converted to Swift values, to a callback. libyaml's structures never leave
/// this file; every `*_initialize` is paired with its `*_delete` in a `defer`.
enum LibYAMLParser {
    /// Parses `bytes`, calling `handle` for each event until it returns false, the stream
    /// ends, or libyaml reports an error (returned).
    static func parse(_ bytes: [UInt8], _ handle: (YAMLEvent) -> Bool) -> YAMLSyntaxError? {
        // libyaml drops a byte order mark only when it detects the encoding itself. With the
        // encoding fixed to UTF-8 it reads the mark as a character in column 0, so the first
        // line's keys sit one column to the right of the next line's and the parse fails.
        // Drop the mark here; columns then count from the first visible character.
        let body = bytes.starts(with: byteOrderMark) ? bytes.dropFirst(byteOrderMark.count) : bytes[...]
        // An empty buffer may have no base address; give libyaml a byte to point at.
        let count = body.count
        let input = body.isEmpty ? [0] : body
        return input.withUnsafeBufferPointer { buffer -> YAMLSyntaxError? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return YAMLSyntaxError(problem: "out of memory", location: SourceLocation(line: 1, column: 1))
            }
            defer { yaml_parser_delete(&parser) }
            // libyaml keeps this pointer: the whole loop stays inside the closure.
            yaml_parser_set_input_string(&parser, buffer.baseAddress, count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var counter = LocationCounter(UnsafeBufferPointer(rebasing: buffer.prefix(count)))
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return syntaxError(parser, counter: counter)
                }
                defer { yaml_event_delete(&event) }
                let converted = convert(event, counter: &counter)
                if !handle(converted) || event.type == YAML_STREAM_END_EVENT { return nil }
            }
        }
    }

    /// The UTF-8 byte order mark, `U+FEFF`.
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafePointer(pointer))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    /// Converts an event; `counter` moves on to the event's start. The end is counted on a
    /// copy, so the cursor relies only on start marks coming in order.
    private static func convert(_ event: yaml_event_t, counter: inout LocationCounter) -> YAMLEvent {
        var anchor: String?
        var tag: String?
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            kind = .documentStart(explicit: event.data.document_start.implicit == 0)
        case YAML_DOCUMENT_END_EVENT:
            kind = .documentEnd(explicit: event.data.document_end.implicit == 0)
        case YAML_ALIAS_EVENT:
            kind = .alias(string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            anchor = string(scalar.anchor)
            tag = string(scalar.tag)
            kind = .scalar(string(scalar.value, length: Int(scalar.length)), style(scalar.style))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            anchor = string(start.anchor)
            tag = string(start.tag)
            kind = .sequenceStart(flow: start.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            anchor = string(start.anchor)
            tag = string(start.tag)
            kind = .mappingStart(flow: start.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: kind = .streamEnd
        }
        let start = counter.location(ofCharacter: event.start_mark.index)
        let end = counter.location(ofCharacter: event.end_mark.index)
        return YAMLEvent(kind: kind, anchor: anchor, tag: tag, start: start, end: end)
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The error libyaml reported; `counter` is a copy, as the marks may lie behind it.
    private static func syntaxError(_ parser: yaml_parser_t, counter: LocationCounter) -> YAMLSyntaxError {
        var counter = counter
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        let context = parser.context.map { String(cString: $0) }
        let location: SourceLocation
        switch parser.error {
        case YAML_READER_ERROR:
            // Reader errors (bad encoding) carry only a byte offset: libyaml decodes ahead of
            // its scanner, so `parser.mark` is where scanning had got to (often 1:1), not the
            // bad byte.
            location = counter.seek(byte: parser.problem_offset)
        default:
            location = counter.seek(character: parser.problem_mark.index)
        }
        let found = counter.character
        let atEnd = counter.isAtEnd
        return YAMLSyntaxError(
            problem: problem, location: location, context: context,
            contextLocation: context == nil ? nil : counter.location(ofCharacter: parser.context_mark.index),
            found: found, atEndOfInput: atEnd)
    }
}
