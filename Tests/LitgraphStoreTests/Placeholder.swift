import Testing
@Test func placeholderLitgraphStoreTests() {}
