import ArgumentParser
import QuestionnaireDSL

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a JSON Schema of the instrument format, for editor completion.",
        discussion: """
            Save it and point your editor's YAML language server at it, for example by \
            putting this first line in an instrument file:

              # yaml-language-server: $schema=./instrument.schema.json

            Example:
              assess schema > instrument.schema.json

            The schema checks the shape of a file as you type; 'assess validate' checks \
            everything else (references, expressions, question order).
            """)

    func run() {
        print(InstrumentSchema.document.json())
    }
}
