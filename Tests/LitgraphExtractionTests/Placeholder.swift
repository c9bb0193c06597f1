import Testing
@Test func placeholderLitgraphExtractionTests() {}
