import Testing
@Test func placeholderLitgraphReportTests() {}
