import Foundation
import Testing
@testable import BitextCheck

/// The check driver's parts that every tree command shares: the ordered parallel loop and the
/// folder walk.
@Suite struct DriverTests {
    struct Stop: Error {}

    /// Results reach `consume` in index order, each once, whatever the thread count and window.
    @Test func parallelOrderedKeepsOrder() {
        for threads in [1, 2, 3, 8] {
            for window in [1, 2, 8] {
                for count in [0, 1, 2, 5, 100] {
                    var seen: [Int] = []
                    parallelOrdered(count, threads: threads, window: window, { k -> Int in
                        if k % 7 == 0 { usleep(200) }  // some items slower than others
                        return k * k
                    }, consume: { k, r in
                        #expect(r == k * k)
                        seen.append(k)
                    })
                    #expect(seen == Array(0..<count), "threads \(threads), window \(window), count \(count)")
                }
            }
        }
    }

    /// An error from `consume` ends the loop: it is rethrown once the threads stop, and items
    /// are started at most a window ahead of the last one consumed.
    @Test func parallelOrderedStopsOnError() {
        let started = Counter()
        #expect(throws: Stop.self) {
            try parallelOrdered(1_000, threads: 2, window: 4, { k -> Int in
                started.add()
                return k
            }, consume: { k, _ in
                if k == 10 { throw Stop() }
            })
        }
        #expect(started.value <= 11 + 4)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }

    /// A folder's Markdown files, sorted; hidden entries, `node_modules` and symlinked folders
    /// left out; a symlinked file read, a broken one reported.
    @Test func walkFindsMarkdownFiles() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("bitext-walk-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: root) }
        for dir in ["b/c", "a", ".hidden", "node_modules", "b/d"] {
            try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
        for file in ["z.md", "a/x.markdown", "a/y.MDX", "a/notes.txt", "b/c/deep.md", ".hidden/h.md", "node_modules/m.md",
                     "b/.dot.md", "b/d/中文.md"] {
            try "# t\n".write(toFile: root + "/" + file, atomically: false, encoding: .utf8)
        }
        try fm.createSymbolicLink(atPath: root + "/b/link.md", withDestinationPath: root + "/z.md")
        try fm.createSymbolicLink(atPath: root + "/b/broken.md", withDestinationPath: root + "/nowhere.md")
        try fm.createSymbolicLink(atPath: root + "/linked-dir", withDestinationPath: root + "/a")
        let (files, problems) = try Inputs.collect([root])
        #expect(files == ["a/x.markdown", "a/y.MDX", "b/c/deep.md", "b/d/中文.md", "b/link.md", "z.md"].map { root + "/" + $0 })
        #expect(problems.map(\.file) == [root + "/b/broken.md"])
    }
}
