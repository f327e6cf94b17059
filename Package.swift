// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "bitext",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bitext", targets: ["bitext"]),
        .library(name: "BitextKit", targets: ["BitextCheck", "BitextReport", "BitextAlign"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // C libraries, each called from exactly one Swift module.
        .systemLibrary(
            name: "CICU", pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // libcrypto, opened with dlopen on first use (Sources/COpenSSL/shim.h): not linked.
        .systemLibrary(name: "COpenSSL"),

        // ICU behind a pure-Swift API. Must not import Foundation (see platform notes).
        .target(name: "BitextICU", dependencies: ["CICU"]),
        // SHA-256 from libcrypto (opened on first use) behind a pure-Swift API. Must not import
        // Foundation, like BitextICU.
        .target(name: "BitextDigest", dependencies: ["COpenSSL"]),
        // Markdown document model: units with exact positions. The only user of cmark-gfm.
        .target(name: "BitextMarkdown", dependencies: ["CCmarkGFM"]),
        // Sentences, words and language runs; locale data.
        .target(name: "BitextText", dependencies: ["BitextICU", "BitextMarkdown", "Yams"]),
        // Glossary files and term matching.
        .target(name: "BitextGlossary", dependencies: ["BitextText"]),
        // Block and sentence alignment.
        .target(name: "BitextAlign", dependencies: ["BitextText", "BitextGlossary"]),
        // Rules, findings, configuration, fixes, coverage and drift.
        .target(
            name: "BitextCheck",
            dependencies: ["BitextText", "BitextGlossary", "BitextAlign", "Yams"]),
        // Exchange with CAT tools: segments and inline codes, XLIFF/TMX/PO reading, import and
        // pretranslation from translation memories.
        .target(name: "BitextExchange", dependencies: ["BitextCheck", "BitextAlign", "BitextGlossary", "BitextMarkdown"]),
        // Reporters and exporters: findings and alignments to text, JSON, SARIF, HTML, TMX, XLIFF.
        .target(name: "BitextReport", dependencies: ["BitextCheck", "BitextMarkdown", "BitextICU", "BitextExchange", "BitextDigest"]),
        // The language server (`bitext lsp`): diagnostics, quick fixes and hovers in editors.
        .target(name: "BitextLSP", dependencies: ["BitextMarkdown", "BitextText", "BitextGlossary", "BitextAlign", "BitextCheck", "BitextReport"]),
        // The command line.
        .target(
            name: "BitextCLI",
            dependencies: [
                "BitextCheck", "BitextReport", "BitextExchange", "BitextLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // A per-thread cache of freed small blocks in front of glibc's malloc (alloc.c): the
        // executable's only, so the library and the tests keep the system's malloc as it is.
        .target(name: "CBitextAlloc"),
        .executableTarget(name: "bitext", dependencies: ["BitextCLI", "CBitextAlloc"]),
        // Speed and memory figures (Benchmarks/README.md): not part of the test suite.
        .executableTarget(
            name: "BitextBench",
            dependencies: ["BitextCheck", "BitextAlign", "BitextGlossary", "BitextReport"],
            path: "Benchmarks/BitextBench"),
        // libFuzzer targets (scripts/fuzz builds them with -sanitize=fuzzer); built normally, a
        // replayer of saved inputs for the regression tests.
        .executableTarget(
            name: "BitextFuzz",
            dependencies: ["BitextCheck", "BitextAlign", "BitextGlossary", "BitextReport"],
            path: "Fuzz/BitextFuzz"),

        .testTarget(
            name: "BitextTests",
            dependencies: ["BitextICU", "BitextDigest", "BitextMarkdown", "BitextText", "BitextGlossary",
                           "BitextAlign", "BitextCheck", "BitextReport", "BitextExchange", "BitextCLI", "BitextLSP", "Yams"]),
    ],
    // Swift 5 mode: the parallel file loop shares results through locks that strict
    // concurrency checking cannot see.
    swiftLanguageModes: [.v5]
)
