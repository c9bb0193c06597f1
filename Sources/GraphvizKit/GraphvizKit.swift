// GraphvizKit
