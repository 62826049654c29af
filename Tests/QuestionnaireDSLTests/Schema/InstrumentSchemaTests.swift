import Testing

@testable import QuestionnaireDSL

/// The schema is built by hand for editors; these tests keep it in step with the loader.
@Suite struct InstrumentSchemaTests {
    static func propertyNames(_ schema: JSONValue) -> Set<String> {
        guard case .object(let object) = schema, case .object(let properties)? = object["properties"] else { return [] }
        return Set(properties.keys)
    }

    @Test func topLevelKeysMatchTheLoader() {
        #expect(Self.propertyNames(InstrumentSchema.document) == Set(InstrumentLoader.topLevelKeys))
    }

    @Test(arguments: [
        ("section", InstrumentSchema.section, InstrumentLoading.sectionKeys),
        ("item", InstrumentSchema.item, InstrumentLoading.itemKeys),
        ("option", InstrumentSchema.option, InstrumentLoading.optionKeys),
        ("need", InstrumentSchema.need, InstrumentLoading.needKeys),
        ("strength", InstrumentSchema.strength, InstrumentLoading.strengthKeys),
    ])
    func partKeysMatchTheLoader(name: String, schema: JSONValue, keys: [String]) {
        #expect(Self.propertyNames(schema) == Set(keys), "\(name)")
    }

    @Test func expectKeysMatchTheModel() {
        guard case .object(let test) = InstrumentSchema.test, case .object(let properties)? = test["properties"],
            let expect = properties["expect"]
        else {
            Issue.record("the test schema has no expect")
            return
        }
        #expect(Self.propertyNames(expect) == Set(Expectation.keys))
    }
}
