import Testing
@Test func placeholderLitgraphAnalysisTests() {}
