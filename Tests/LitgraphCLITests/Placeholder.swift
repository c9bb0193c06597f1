import Testing
@Test func placeholderLitgraphCLITests() {}
