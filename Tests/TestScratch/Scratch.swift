import Foundation

/// Temporary files and directories for tests, all under one directory per test process that is removed when
/// the process exits, so that a test run leaves nothing behind in the system's temporary directory.
public enum Scratch {
    /// `litgraph-tests-<pid>-<uuid>` in the temporary directory, made on first use.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("litgraph-tests-\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot make the tests' scratch directory \(url.path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return url
    }()

    /// A path no other test uses, ending in `.ext`; nothing is created there.
    public static func file(ext: String) -> URL {
        root.appendingPathComponent("\(UUID().uuidString).\(ext)")
    }

    /// A new empty directory of its own.
    public static func directory() throws -> URL {
        let url = root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
