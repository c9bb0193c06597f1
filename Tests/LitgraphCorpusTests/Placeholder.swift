import Testing
@Test func placeholderLitgraphCorpusTests() {}
