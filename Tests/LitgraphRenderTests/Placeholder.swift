import Testing
@Test func placeholderLitgraphRenderTests() {}
