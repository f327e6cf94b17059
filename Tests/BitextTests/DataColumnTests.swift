import Foundation
import Testing
@testable import BitextAlign
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

/// A table column the translation keeps in English (``DataColumns``, and without the source
/// ``Segmenter/markKeyColumns(_:_:)``): data, not a forgotten translation, when the translator
/// translated its header and, in each of its rows, another cell. Invented pairs only.
@Suite struct DataColumnTests {
    /// Every rule's findings on a translation checked against its source (nil: monolingual).
    static func findings(_ target: String, source: String?, off: String? = nil) throws -> [Finding] {
        try Harness.findings(target: target, source: source, settings: off.map { ["off": $0] } ?? [:])
    }

    /// Lines of the findings of the language rules and `same-as-source`.
    static func englishLines(_ target: String, source: String?, off: String? = nil) throws -> [Int] {
        let rules: Set<String> = ["untranslated", "untranslated-label", "same-as-source", "mixed-language"]
        return try findings(target, source: source, off: off).filter { rules.contains($0.rule) }.map(\.span.start.line)
    }

    static let source = """
        # Errors

        The service answers a failed request with one of these errors.

        | Code | Message | Meaning |
        | --- | --- | --- |
        | 401 | The access token in the request is not valid for this workspace | The token is wrong or has been revoked. |
        | 403 | You have used every request that your plan allows this month | Wait for the next month or upgrade your plan. |
        | 404 | The document you asked for does not exist in this workspace | The id is wrong or the document was deleted. |

        """

    static func target(messages: [String]? = nil, meaning404: String = "ID 有误，或文档已被删除。") -> String {
        let m = messages ?? ["The access token in the request is not valid for this workspace",
                             "You have used every request that your plan allows this month",
                             "The document you asked for does not exist in this workspace"]
        return """
            # 错误

            请求失败时，服务会返回下列错误之一。

            | 错误码 | 消息 | 说明 |
            | --- | --- | --- |
            | 401 | \(m[0]) | 令牌有误或已被撤销。 |
            | 403 | \(m[1]) | 请等到下个月，或升级套餐。 |
            | 404 | \(m[2]) | \(meaning404) |

            """
    }

    @Test func aColumnKeptAsTheSourceWroteItIsData() throws {
        #expect(try Self.englishLines(Self.target(), source: Self.source) == [])
        // Not `same-as-source` either, when `untranslated` is off: the cells are kept, not prose.
        #expect(try Self.englishLines(Self.target(), source: Self.source, off: "untranslated") == [])
        // Without the source: one-sentence strings under a Chinese header, a translated cell
        // beside each, are the translator's choice all the same.
        #expect(try Self.englishLines(Self.target(), source: nil) == [])
    }

    @Test func aRowLeftInEnglishStaysReported() throws {
        let t = Self.target(meaning404: "The id is wrong or the document was deleted.")
        #expect(try Self.englishLines(t, source: Self.source) == [9, 9])
        // Without the source, that row leaves the whole column in doubt.
        #expect(try Self.englishLines(t, source: nil) == [7, 8, 9, 9])
    }

    @Test func aForgottenCellInTheColumnStaysReported() throws {
        // The translator translated one message and kept the others: those are forgotten.
        let t = Self.target(messages: ["请求中的访问令牌对此工作区无效",
                                       "You have used every request that your plan allows this month",
                                       "The document you asked for does not exist in this workspace"])
        #expect(try Self.englishLines(t, source: Self.source) == [8, 9])
        #expect(try Self.englishLines(t, source: nil) == [8, 9])
    }

    @Test func cellsOfSeveralSentences() throws {
        // Paragraphs rather than strings: only the source shows them kept as they were.
        let m = ["The access token is not valid. Ask for a new one in the settings of this workspace.",
                 "Every request of this month was used. The quota starts again on the first day of the next month.",
                 "The document does not exist. It may have been deleted by someone else in this workspace."]
        let source = Self.source
            .replacingOccurrences(of: "The access token in the request is not valid for this workspace", with: m[0])
            .replacingOccurrences(of: "You have used every request that your plan allows this month", with: m[1])
            .replacingOccurrences(of: "The document you asked for does not exist in this workspace", with: m[2])
        #expect(try Self.englishLines(Self.target(messages: m), source: source) == [])
        #expect(try Self.englishLines(Self.target(messages: m), source: nil) == [7, 8, 9])
    }

    @Test func oneRowIsNoEvidence() throws {
        let source = """
            | Code | Message | Meaning |
            | --- | --- | --- |
            | 401 | The access token in the request is not valid for this workspace | The token is wrong or has been revoked. |

            """
        let target = """
            | 错误码 | 消息 | 说明 |
            | --- | --- | --- |
            | 401 | The access token in the request is not valid for this workspace | 令牌有误或已被撤销。 |

            """
        #expect(try Self.englishLines(target, source: source) == [3])
        #expect(try Self.englishLines(target, source: nil) == [3])
    }

    @Test func anEnglishHeaderIsNoEvidence() throws {
        // The header kept too: the translator may not have reached the column at all.
        let t = Self.target().replacingOccurrences(of: "| 错误码 | 消息 | 说明 |", with: "| 错误码 | Message | 说明 |")
        #expect(try Self.englishLines(t, source: Self.source).filter { $0 > 5 } == [7, 8, 9])
        #expect(try Self.englishLines(t, source: nil).filter { $0 > 5 } == [7, 8, 9])
    }

    @Test func theEnglishStringsOfALocalisationTable() throws {
        let source = """
            | Key | Source string | Where it appears |
            | --- | --- | --- |
            | `save.confirm` | Do you want to keep the changes you made to this document? | The dialog shown before an edited document closes. |
            | `share.done` | A link to the document was copied to your clipboard | The message after the share button is pressed. |

            """
        let target = """
            | 键 | 英文原文 | 出现位置 |
            | --- | --- | --- |
            | `save.confirm` | Do you want to keep the changes you made to this document? | 编辑过的文档关闭前弹出的对话框。 |
            | `share.done` | A link to the document was copied to your clipboard | 按下分享按钮后显示的消息。 |

            """
        #expect(try Self.englishLines(target, source: source) == [])
        #expect(try Self.englishLines(target, source: nil) == [])
    }
}
