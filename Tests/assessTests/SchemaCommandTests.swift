import Foundation
import Testing

@Suite struct SchemaCommandTests {
    @Test func schemaIsJSONDescribingTheTopLevelKeys() throws {
        let result = try CLI.run(["schema"])
        #expect(result.status == 0)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(
            Set(properties.keys) == [
                "instrument", "scales", "sections", "needs", "strengths", "drivers", "responsivity", "safeguarding",
                "tests", "lint",
            ])
    }
}
