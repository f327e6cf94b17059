import BitextAlign
import BitextGlossary
import BitextMarkdown
import BitextText
import Foundation

/// Runs the rules over files, file by file, in parallel, with deterministic output.
public final class Checker: @unchecked Sendable {
    public let settings: Settings
    public let messages: Messages
    public let glossary: GlossaryIndex?
    public let rules: [any Rule]
    private let pool: ToolkitPool
    /// Several files are checked together: findings on short English units are deferred to
    /// ``checkDeferring(_:analyses:pairing:toolkit:)``'s caller, which resolves them with the
    /// whole project's evidence.
    public var defersProjectFindings = false

    public init(settings: Settings, messages: Messages, glossary: GlossaryIndex?, rules: [any Rule] = RuleRegistry.all) {
        self.settings = settings
        self.messages = messages
        self.glossary = glossary
        self.rules = rules.filter { settings.severity($0) != nil || $0.id == "extra-block" }
        self.pool = ToolkitPool(settings: settings)
    }

    /// A worker's ICU objects, borrowed for the duration of `body`.
    public func withToolkit<T>(_ body: (Toolkit) throws -> T) throws -> T {
        let t = try pool.take()
        defer { pool.give(t) }
        return try body(t)
    }

    /// Analyses every unit of a document, then re-decides prose with the document's evidence:
    /// its structure (key columns, alt text), its inline code, and the names it keeps in English
    /// inside its Chinese sentences (see ``Segmenter/analyze(document:alsoCode:)``).
    ///
    /// - Parameter codeOf: the source document, in bilingual mode: text that is inline code there
    ///   is a name here.
    public func analyze(_ doc: Document, toolkit: Toolkit, codeOf source: Document? = nil) -> [TextAnalysis] {
        var alsoCode = Set<String>()
        if let source { Segmenter.inlineCodeSpans(source, into: &alsoCode) }
        return toolkit.segmenter.analyze(document: doc, alsoCode: alsoCode)
    }

    /// Stems of the words a document keeps in English: ordinary words of the stretches inside
    /// Chinese units that are not prose (names, glosses, titles), plus `base`.
    public static func keptVocabulary(_ analyses: [TextAnalysis], base: Set<String>) -> Set<String> {
        Segmenter.keptVocabulary(analyses, base: base)
    }

    /// Checks one target document; with a pairing, the bilingual rules run too.
    public func check(_ doc: Document, analyses: [TextAnalysis], pairing: Pairing?, toolkit: Toolkit) -> [Finding] {
        checkAll(doc, analyses: analyses, pairing: pairing, toolkit: toolkit).findings
    }

    /// `check`, with the notes of what the rules skipped and why (for `--verbose`).
    public func checkWithNotes(_ doc: Document, analyses: [TextAnalysis], pairing: Pairing?,
                               toolkit: Toolkit) -> (findings: [Finding], notes: [Note]) {
        let r = checkAll(doc, analyses: analyses, pairing: pairing, toolkit: toolkit)
        return (r.findings, r.notes)
    }

    /// What checking one document gives: its findings and notes, and, when
    /// ``defersProjectFindings`` is set, the findings that wait for the project and this file's
    /// share of the project's evidence.
    public struct Result {
        public var findings: [Finding]
        public var notes: [Note]
        public var deferred: [DeferredFinding]
        public var evidence: ProjectEvidence?
        /// Links to anchors of other pages (``PageAnchorLink``), when ``defersProjectFindings``.
        public var pageLinks: [PageAnchorLink] = []

        /// Nothing: a job without a target.
        public static let empty = Result(findings: [], notes: [], deferred: [], evidence: nil)
    }

    /// Checks one target document (see ``Result``).
    public func checkAll(_ doc: Document, analyses: [TextAnalysis], pairing: Pairing?, toolkit: Toolkit) -> Result {
        // Bilingual: a table column the translation keeps as the source wrote it is data.
        let analyses = pairing.map { DataColumns.apply(doc, analyses, $0, kindNouns: settings.target.kindNouns) } ?? analyses
        let context = FileContext(document: doc, analyses: analyses, settings: settings, messages: messages,
                                  glossary: glossary, pairing: pairing, toolkit: toolkit)
        if defersProjectFindings { context.deferred = []; context.pageLinks = [] }
        var findings: [Finding] = []
        for rule in rules where pairing != nil || !rule.isBilingual {
            rule.check(context) { findings.append($0) }
        }
        var deferred = context.deferred ?? []
        var pageLinks = context.pageLinks ?? []
        let suppressions = Suppressions(doc)
        if !suppressions.isEmpty {
            findings.removeAll { suppressions.suppresses($0) }
            pageLinks.removeAll { suppressions.suppresses($0.finding) }
            deferred.removeAll { suppressions.suppresses($0.finding) }
            for k in deferred.indices {
                var asLabel = deferred[k].finding
                asLabel.rule = "untranslated-label"
                deferred[k].suppressedAsLabel = suppressions.suppresses(asLabel)
            }
        }
        let evidence = defersProjectFindings ? context.projectEvidence : nil
        return Result(findings: findings.sorted(by: Finding.ordered),
                      notes: context.notes.sorted { ($0.line, $0.message) < ($1.line, $1.message) },
                      deferred: deferred.sorted { Finding.ordered($0.finding, $1.finding) }, evidence: evidence, pageLinks: pageLinks)
    }
}

/// Toolkits for worker threads: each is used by one thread at a time, and a thread is given back
/// the toolkit it used last when it is free. (A toolkit's tables and scratch stay in the cache
/// of the core that used them: handed to the other thread, as the last one given back often was,
/// every retain of their arrays fetched the line from the other core.)
final class ToolkitPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [(toolkit: Toolkit, user: pthread_t)] = []
    private let settings: Settings

    init(settings: Settings) { self.settings = settings }

    func take() throws -> Toolkit {
        let me = pthread_self()
        lock.lock()
        if let k = free.lastIndex(where: { pthread_equal($0.user, me) != 0 }) ?? free.indices.last {
            let t = free.remove(at: k).toolkit
            lock.unlock()
            return t
        }
        lock.unlock()
        return try Toolkit(settings: settings)
    }

    func give(_ t: Toolkit) {
        let me = pthread_self()
        lock.lock()
        free.append((t, me))
        lock.unlock()
    }
}

/// Runs `body` for 0..<count on `threads` threads and hands each result to `consume` on the
/// calling thread, in index order, as soon as it and all before it are done. Items are started at
/// most `window` ahead of `consume`, so memory is bounded by the window, not by `count`.
///
/// The calling thread is one of the `threads`: between results it runs `body` itself, so there
/// are never more threads than `threads` at work, and a worker wakes it only when it is waiting
/// (on two cores, a third thread woken for every result cost more than the results' hand-over).
public func parallelOrdered<T>(_ count: Int, threads: Int, window: Int, _ body: @escaping (Int) -> T,
                               consume: (Int, T) throws -> Void) rethrows {
    let workers = max(1, min(threads, count))
    if workers == 1 {
        for k in 0..<count { try consume(k, body(k)) }
        return
    }
    let state = OrderedState<T>()
    let window = max(window, workers)
    let group = DispatchGroup()
    for _ in 1..<workers {
        DispatchQueue.global().async(group: group) {
            let c = state.condition
            c.lock()
            while true {
                while !state.stop && state.next < count && state.next >= state.consumed + window {
                    state.workersWaiting += 1; c.wait(); state.workersWaiting -= 1
                }
                if state.stop || state.next >= count { break }
                let i = state.next
                state.next += 1
                c.unlock()
                let r = body(i)
                c.lock()
                state.ready[i] = r
                if state.callerWaiting { c.broadcast() }
            }
            c.unlock()
        }
    }
    defer {
        // On an error from consume, let the workers finish what they hold and stop.
        state.condition.lock(); state.stop = true; state.condition.broadcast(); state.condition.unlock()
        group.wait()
    }
    let c = state.condition
    var k = 0
    c.lock()
    while k < count {
        if let r = state.ready.removeValue(forKey: k) {
            state.consumed = k + 1
            if state.workersWaiting > 0 { c.broadcast() }
            c.unlock()
            try consume(k, r)
            k += 1
            c.lock()
        } else if state.next < count && state.next < state.consumed + window {
            let i = state.next
            state.next += 1
            c.unlock()
            let r = body(i)
            c.lock()
            state.ready[i] = r
        } else {
            state.callerWaiting = true; c.wait(); state.callerWaiting = false
        }
    }
    c.unlock()
}

/// What the threads of `parallelOrdered` share, under its condition's lock.
private final class OrderedState<T>: @unchecked Sendable {
    let condition = NSCondition()
    var next = 0          // next index to start
    var consumed = 0      // results handed to consume so far
    var ready: [Int: T] = [:]
    var stop = false
    var callerWaiting = false
    var workersWaiting = 0
}

/// Runs `body` for each index on up to `threads` threads; results come back in index order.
public func parallelMap<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
    if count == 0 { return [] }
    let workers = max(1, min(threads, count))
    if workers == 1 { return (0..<count).map(body) }
    var results = [T?](repeating: nil, count: count)
    let lock = NSLock()
    var next = 0
    results.withUnsafeMutableBufferPointer { buffer in
        let out = buffer
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                lock.lock()
                let i = next
                next += 1
                lock.unlock()
                if i >= count { break }
                let r = body(i)
                out[i] = r
            }
        }
    }
    return results.map { $0! }
}
