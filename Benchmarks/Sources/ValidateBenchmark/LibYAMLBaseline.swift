import LibYAML

/// libyaml on its own, as the floor any YAML-based checker stands on: initialise a parser,
/// pull every event and free it, delete the parser. No strings are made and no positions
/// are converted, so this is the cost of the parse alone.
enum LibYAMLBaseline {
    /// Parses `bytes` and returns the number of events, or nil when libyaml reports an error.
    static func countEvents(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            // libyaml keeps this pointer: the whole loop stays inside the closure.
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var events = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let type = event.type
                yaml_event_delete(&event)
                events += 1
                if type == YAML_STREAM_END_EVENT { return events }
            }
        }
    }
}
