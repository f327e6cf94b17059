import BitextCheck
import BitextMarkdown
import BitextText
import Foundation

/// What one run of the command line works with: locales, configuration, glossaries.
final class Session {
    let source: LocaleData
    let target: LocaleData
    let parseOptions: ParseOptions

    init(common: CommonOptions) throws {
        do {
            target = try LocaleData.load(common.locale ?? "zh-Hans")
            source = try LocaleData.load(common.sourceLocale ?? "en")
        } catch let e as LocaleData.LoadError {
            throw Failure(e.description)
        } catch let e as DataDirectory.NotFound {
            throw Failure(e.description)
        }
        parseOptions = ParseOptions()
    }

    func document(_ path: String) throws -> Document {
        do {
            return try Inputs.document(path, options: parseOptions)
        } catch {
            throw Failure(error.description)
        }
    }

    func makeSegmenter() throws -> Segmenter {
        do {
            return try Segmenter(source: source, target: target)
        } catch {
            throw Failure("cannot open ICU break iterators: \(error)")
        }
    }

    func code(_ l: RunLanguage) -> String {
        switch l {
        case .target: return target.code
        case .source: return source.code
        case .neutral: return "neutral"
        }
    }
}
