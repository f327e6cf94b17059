import Foundation
import Synchronization
import Yams

/// What bitext knows about one language, read from `locales/<id>.yml` and its companion files.
public struct LocaleData: Sendable {
    /// The locale id as the user writes it: `en`, `zh-Hans`, `zh-Hant`.
    public var id: String
    /// The language's own name (`English`, `简体中文`).
    public var name: String
    /// The short language code for reports: `en`, `zh`.
    public var code: String
    /// The language tag for TMX/XLIFF.
    public var xmlLang: String
    public var isHan: Bool
    public var sentenceLocale: String
    public var wordLocale: String
    public var functionWords: Set<String>
    /// Common words that are not terms (`<id>.general-words.txt`).
    public var generalWords: Set<String>
    /// The function words of one character of a Han locale (`的`, `了`, `在`: its
    /// `function-words.txt`): a Han string that begins or ends with one is a piece of a phrase.
    public var functionCharacters = FunctionCharacters()
    public var quotes: [(open: UInt32, close: UInt32)]
    public var sentenceTerminators: Set<UInt32>
    /// English characters per Han character, for size estimates.
    public var sourceCharactersPerHan: Double
    /// English letters per Han character, the aligner's prior.
    public var sourceLettersPerHan: Double
    public var variantTransliterator: String?
    public var variantCharset: String?
    /// The characters of the locale's script standard (`<id>.standard-characters.txt`: for
    /// zh-Hans the 通用规范汉字表 of 2013, from Unihan), read on first use: `script-mix` never
    /// reports one as of the other variant (昇 of 昇腾 is standard, though GB2312 lacks it and ICU's
    /// Hant-Hans changes it). Asked only of a character the transliterator changes.
    public var standardCharacters: Set<UInt32> { standardCharacterSet.value }
    private var standardCharacterSet = OnFirstUse<Set<UInt32>>(nil, empty: [], LocaleData.scalarSet)
    public var translatorNoteMarkers: [String]
    /// How a page labels a link to a page in this language, in brackets after it (`（中文）`),
    /// lowercased (`languageLabels`).
    public var languageLabels: [String] = []
    /// Verbs that introduce a UI string or a message (`点击`, `选择`, `报错`), as code points
    /// (`<id>.ui-verbs.txt`): English right after one is a label or message, not prose.
    public var uiVerbs: [[UInt32]] = []
    /// Nouns that name what a UI string or message is (`按钮`, `菜单`, `错误`) (`<id>.kind-nouns.txt`):
    /// English right before one is a label or message.
    public var kindNouns: [[UInt32]] = []
    /// What may stand between English and a kind noun (`这条`, `这样的`, `的`), from the
    /// locale's `kindNounDeterminers`.
    public var kindNounDeterminers: [[UInt32]] = []
    /// Their first characters, sorted (``Swift/Array/sortedContains(_:)``).
    public var kindNounDeterminerStarts: [UInt32] = []
    /// What may stand between a kind noun and the colon that introduces the message (`日志如下：`),
    /// from the locale's `messageCueSuffixes`.
    public var messageCueSuffixes: [[UInt32]] = []
    /// The kind nouns that name what a program says or writes (`消息`, `错误`, `日志`, `原文`), from
    /// the locale's `messageNouns`: a table column under one holds messages, sentences and all.
    public var messageNouns: [[UInt32]] = []
    /// Endings of nouns that name a person (`人`, `者`, `员`: 负责人, 作者, 管理员), from the
    /// locale's `personNounEndings`: a table cell of capitalised words beside or under one is a name.
    public var personNounEndings: [[UInt32]] = []
    /// Lowercase words that open a clause joined to a label (`and`, `or`, `to`), from the
    /// locale's `clauseOpeners`: in `打开 Help and include the report ID`, the UI string after
    /// the verb ends before `and`, and the clause after it is prose.
    public var clauseOpeners: Set<String> = []
    /// What separates the items of a list (`,`, `and`; `、`, `和`), from the locale's
    /// `listSeparators`, as scalars (lowercase).
    public var listSeparators: [[UInt32]] = []
    /// The values of a yes/no cell (`yes`, `no`; `是`, `否`), lowercase, as scalars (`yesNo`).
    public var yesNo: [[UInt32]] = []
    /// The keywords of requirement levels (RFC 2119, BCP 14: `MUST`, `SHOULD NOT`, `MAY`) as a
    /// specification writes them, and the target locale's renderings (必须, 不得, 可以), from the
    /// locale's `requirementKeywords`.
    public var requirementKeywords: [String] = []
    /// Words of time after a number (`seconds`, `分钟`), from the locale's `durationUnits`: each
    /// with the unit it names, as a symbol (`s`, `min`, `h`, `d`): a number whose unit changed
    /// in translation (`30 seconds` → `30 分钟`) is a changed quantity.
    public var durationUnits: [String: String] = [:]
    /// Words that start with a word of `durationUnits` and name something else (`年代`, a decade).
    public var notDurations: [String] = []
    /// Units written as words after a number (`gigabytes`, `nanotesla`, `千兆字节`, `纳特斯拉`),
    /// from `<id>.units.yml`'s `unitWords` (the unit's words by its symbol) and `unitPrefixes`
    /// (an SI prefix's words by its symbol, composed with each unit word: giga + bytes is `GB`):
    /// each word with the symbol it names. A number whose unit changed in translation (`2.3
    /// gigabytes` → `2.3 MB`) is a changed quantity. Read on first use (only the bilingual
    /// `number-mismatch` asks: a monolingual check does not parse the file).
    public var unitWords: [String: String] { units.value.data.words }
    /// Words that start with a word of `unitWords` and name something else (`比特币`, `克隆`).
    public var notUnits: [String] { units.value.data.not }
    /// The symbols `unitWords` name (`GB`, `km`, `in`), each with its SI prefix and the unit
    /// without it (`G` and `B`; `in` has none), from `<id>.units.yml`: `per GB` and `每 TB` are
    /// one unit with two prefixes.
    public var unitSymbols: [String: (prefix: String, base: String)] { units.value.data.symbols }
    /// Words that make a number beside them a version (`version 4.40`, `the 4.40 release`,
    /// `4.4 版`), from `<id>.units.yml`'s `versionWords`: compared by text (4.40 is not 4.4).
    public var versionWords: [String] { units.value.data.versions }
    /// Words of relative centrifugal force right after a number (`g-force` of `400 g-force`:
    /// the unit `×g`), from `<id>.units.yml` (`centrifugalWords`), as scalars.
    public var centrifugalWords: [[UInt32]] { units.value.data.centrifugal }
    /// Words that raise the unit after them to a power (`square` and `平方` to ², `cubic` and
    /// `立方` to ³), from `<id>.units.yml`'s `unitPowers`: each with the superscript it writes
    /// after the unit's symbol (`square kilometres` is `km²`).
    public var unitPowers: [String: String] { units.value.data.powers }
    /// How a rate writes its unit of time (`120 requests per second`, `3 times a day`, `120
    /// req/s`, `60 fps`; `每秒 120 个请求`, `120 次/秒`), from `<id>.units.yml`: a number
    /// whose rate the translation changed (`per second` → `每分钟`) is a changed quantity.
    public var rates: Rates { units.value.data.rates }
    /// Words that bound a number (`at least 5`, `iOS 16 or later`; `至少 5`, `16.0 或更高版本`),
    /// from `<id>.units.yml`: a number whose bound the translation turned round (`at most 5` →
    /// `至少 5`) is a changed quantity.
    public var bounds: Bounds { units.value.data.bounds }
    /// The words that are a count by themselves in prose and the words beside them that tell
    /// (``Frequencies``), from `<id>.units.yml`, read on first use.
    public var frequencies: Frequencies { units.value.data.frequencies }
    /// How the language writes numbers in characters of its own (三百二十一, 第一, 两年半, 五分之一),
    /// from the `numeral…` keys of `<id>.units.yml`, read on first use: what ``NumberScanner``
    /// reads besides digits (none for English).
    public var numerals: Numerals { units.value.data.numerals }

    /// Words that are a count by themselves (`frequencyWords`: `once` 1, `twice` 2), lowercase;
    /// after one that counts 1, a word that makes it a frequency (`frequencyAdverbs`: `daily`)
    /// or makes the next word one when it is a unit of time (`frequencyArticles`: `a`, `per`,
    /// `every`); the words right after (`frequencyNotBefore`: `or`, `as`, `the`) and right before
    /// (`frequencyNotAfter`: `or`) one that make it an estimate or a ratio.
    public struct Frequencies: Sendable {
        public var counts: [String: Double] = [:]
        public var adverbs: Set<String> = []
        public var articles: Set<String> = []
        /// Words of `articles` after which any word makes a frequency (`frequencyPerAny`: `per`
        /// of `once per turn`; `once a user signs in` is the conjunction, `once per` never).
        public var perAny: Set<String> = []
        /// Measure words of times after a numeral (`frequencyMeasures`: 次, 遍 of 一次, 两遍): what
        /// renders a count of times (`once`), not the 一 of 一张 (the article a translation adds).
        public var measures: Set<UInt32> = []
        public var notBefore: Set<String> = []
        public var notAfter: Set<String> = []
        /// Words after which a count of 1 ending its clause is an idiom, not a count
        /// (`frequencyEndNotAfter`: `at`, `for` of `at once.`, `for once,`).
        public var endNotAfter: Set<String> = []
        /// The lengths (in scalars) and first letters (lowercase) of `counts` (a few: asked
        /// by a scan, cheaper than hashing, for every Latin word of the source's prose).
        public var lengths: [Int] = []
        public var firsts: [UInt32] = []
        /// The count 1 as a word before a unit of time (`oneWords`: `one`), and the articles that
        /// say it (`oneArticles`: `a`) only after a word of `oneArticlesAfter` (`within`) and not
        /// before a unit of `oneArticlesNotBefore` (`second`), lowercase; the longest's length and
        /// the first letters of both (asked before any string is made).
        public var ones: Set<String> = [], oneArticles: Set<String> = []
        public var oneArticlesAfter: Set<String> = [], oneArticlesNotBefore: Set<String> = []
        public var oneLength = 0, oneFirsts: [UInt32] = []
        public init() {}
    }
    /// Fiscal quarters and years (`Q3`, `third quarter`, `FY2025`; 第三季度, 2025 财年), from
    /// `<id>.units.yml`: a quarter the translation names with another number is a changed one.
    public var quarters: Quarters { units.value.data.quarters }
    /// Words that state the order of two numbers (``Order``), from `<id>.units.yml`.
    public var order: Order { units.value.data.order }

    /// Words that state two numbers of a sentence as an old value and a new one, from
    /// `<id>.units.yml`, as lowercase scalars: `orderFrom` before the old (`from`, `从`, `由`) with
    /// `orderTo` right before the new (`to`, `到`, `至`, `为`: `降至`, `改为`), or `orderInstead`
    /// between the new and the old (`instead of`, `rather than`, `而不是`).
    public struct Order: Sendable {
        public var from: [[UInt32]] = [], to: [[UInt32]] = [], instead: [[UInt32]] = []
        public init() {}
    }
    /// (Boxed: a getter copies one field out of it, not the whole of it, which a check asks for
    /// on every number.)
    private var units = OnFirstUse<Boxed<UnitWords>>(nil, empty: Boxed(UnitWords()), LocaleData.boxedUnitWords)

    /// Fiscal quarters and years, from `<id>.units.yml`.
    public struct Quarters: Sendable {
        /// Letters right before a quarter's one digit (`quarterPrefix`: `Q` of `Q3`), as written.
        public var prefix: Set<String> = []
        /// Words of a quarter (`quarterWords`: `quarter`; 季度), lowercase.
        public var words: [String] = []
        /// Ordinals before a word of a quarter, by the quarter's number (`quarterOrdinals`:
        /// `third` 3), lowercase.
        public var ordinals: [String: Int] = [:]
        /// The ordinals' lengths and first letters: the cheap test before a word is looked up.
        public var ordinalLengths: Set<Int> = [], ordinalFirsts: Set<UInt32> = []
        /// Letters right before a fiscal year's two or four digits (`fiscalYearPrefix`: `FY`).
        public var fiscalPrefix: Set<String> = []
        /// Words of a fiscal year (`fiscalYearWords`: 财年).
        public var fiscalWords: [String] = []
    }

    /// The words of a rate, from `<id>.units.yml`; the units of time are the locale's
    /// `durationUnits`, named by their symbols (`s`, `min`, `h`, `d`, `wk`, `mo`, `yr`).
    public struct Rates: Sendable {
        /// Words before a word of time that make it a rate (`per`: `per second`; `每`: `每秒`),
        /// from `ratePer`.
        public var per: Set<String> = []
        /// Articles that make the word of time after them a rate right after a quantity (`a`,
        /// `an`: `3 times a day`, not `and a second group`), from `rateArticles`.
        public var articles: Set<String> = []
        /// Units of time after a slash (`s` of `120 req/s`, `秒` of `120 次/秒`), each with the
        /// symbol of `durationUnits` it names, from `rateSymbols`.
        public var symbols: [String: String] = [:]
        /// Words that are a rate by themselves, right after a number (`fps`, `rps`, `rpm`), each
        /// with the symbol of the unit of time under it, from `rateWords`.
        public var words: [String: String] = [:]
        /// Words glued before a unit that make it the unit a price or a count goes by (`按`:
        /// `按分钟计费`, `按 GB 计费`), from `rateBy`; `ratePer` words do the same (`每 TB`).
        public var by: Set<String> = []
        /// Words that are a rate by themselves (`hourly`, `daily`), each with the symbol of the
        /// unit of time under it, from `rateAdverbs`.
        public var adverbs: [String: String] = [:]
        /// The lengths and the first letters (lowercase) of the words of `per` and `adverbs`: a
        /// cheap test before a word is read.
        public var triggerLengths: Set<Int> = []
        public var triggerFirsts: Set<UInt32> = []
        public var isEmpty: Bool { per.isEmpty && symbols.isEmpty && words.isEmpty }
    }

    /// Words right before a number (`boundsBefore`) or right after it or its unit
    /// (`boundsAfter`) that bound it, each with its way: a lower bound (`at least`, `or later`,
    /// `以上`) or an upper one (`at most`, `or earlier`, `以内`); lowercase, as scalars, longest
    /// first.
    public struct Bounds: Sendable {
        public var before: [(words: [UInt32], lower: Bool)] = []
        public var after: [(words: [UInt32], lower: Bool)] = []
        /// Modals that may stand before the verb between a bound and its number (`boundModals`:
        /// `至少可以使用 2 天`).
        public var modals: [[UInt32]] = []
        /// Bounds of a time (`timeBoundsBefore`, `timeBoundsAfter`): `no later than 10:00` (upper),
        /// `10:00 之后` (lower); the source's count as bounds of any number, the translation's only
        /// beside a number whose source states a time bound (`24 小时之前` may render `at least 24
        /// hours before`).
        public var timeBefore: [(words: [UInt32], lower: Bool)] = []
        public var timeAfter: [(words: [UInt32], lower: Bool)] = []
        /// The words of `before` and `after` that leave the number out (`boundsExclusive`: 超过,
        /// 少于, `more than`, `under`); the others include it (至少, 不超过, 及以下, `at least`,
        /// `or under`) but those of `either` (`boundsEither`: 以上, 以下, read either way).
        public var exclusive: Set<String> = []
        public var either: Set<String> = []
        /// The word after a comparative that makes it a bound (`boundComparatives`: `than` of
        /// `no later than`), lowercase: a negator before a word and it bounds, it negates nothing.
        public var comparatives: Set<String> = []
        /// Words that turn a comparative and a word of `comparatives` after them into a bound the
        /// other way (`boundNegators`: `no`, `not` of `no longer than 90 days`), lowercase.
        public var negators: Set<String> = []
        /// Words right before a count written as a word that bound it (`countBounds`: `than`,
        /// `least`, `only` of `more than once`, `at least once`, `only once`), lowercase.
        public var countBounds: Set<String> = []
        /// Words of approximation that may stand between a bound and its number
        /// (`boundApproximators`: `about` of `fewer than about 16`, 大约 of `不超过大约 16`),
        /// lowercase, as scalars, longest first.
        public var approximators: [[UInt32]] = []
        /// Words before a bound that say it leaves the number out for certain (`boundsStrict`:
        /// `strictly` of `strictly fewer than 16`), lowercase: English says `less than` loosely
        /// where it means `at most`, but not after one of these.
        public var strict: Set<String> = []
        /// Words that write a sign of the number in words (`signWords`): after it, a share
        /// (`percent`: 成, 3 成 is 30%), and a tolerance (`around`, within a few characters: 上下,
        /// 左右); anywhere in the unit, plus or minus (`plusMinus`: 正负).
        public var percent: [String] = []
        public var around: [String] = []
        public var plusMinus: [String] = []
        /// Words that say the whole of an amount (`whole`: 全额, 全部): a `100%` of the source
        /// they render (`100% of basic pay` → `全额基本工资`) is not lost.
        public var whole: [String] = []
        /// Words of a change by its direction (`changeWords`: `up`, `rose`, 增长, 下降), up
        /// (true) or down, longest first, lowercase: right before a number of the source (or
        /// after `by`, `of`), within a few characters before one of the translation.
        public var changes: [(words: [UInt32], up: Bool)] = []
        /// Words of `changes` that are as often a verb's particle (`changeParticles`: `set up 3
        /// servers`): a change only after punctuation or a word of `changeParticlesAfter` (`is`).
        public var changeParticles: Set<[UInt32]> = []
        public var changeParticlesAfter: Set<[UInt32]> = []
        /// Words between a word of change and its number (`changeLinks`: `by`, `of`), lowercase.
        public var changeLinks: Set<[UInt32]> = []
        /// Words right before a number that make a word after it or its unit a bound
        /// (`boundsFrom`: `from` of `from 768 px up`), and those words (`boundsFromAfter`: `up`,
        /// `onwards` lower, `down` upper), lowercase.
        public var from: [[UInt32]] = []
        public var fromAfter: [(words: [UInt32], lower: Bool)] = []
        /// Comparatives of a difference by the quantity they compare and their way
        /// (`differenceWords`: weight, more `heavier`, 重; less `lighter`, 轻), longest first,
        /// lowercase: right after a number and its unit in the source (`150 g lighter than`),
        /// right before the number in the translation (`比它重 150 g`), over a word of
        /// `differenceLinks` (`重了`, `高出`).
        public var differences: [(words: [UInt32], quantity: String, more: Bool)] = []
        public var differenceLinks: [[UInt32]] = []
        /// Words that multiply by themselves (`multiplierWords`: `twice` 2, `half` 0.5), counted
        /// only right before a word of `multiplierBefore` (`twice as long`, `half the size`);
        /// the characters after a numeral that make it a multiplier (`multiplierMarks`: 倍 of
        /// `三倍`), lowercase.
        public var multipliers: [String: Double] = [:]
        public var multiplierBefore: Set<String> = []
        public var multiplierMarks: [[UInt32]] = []
        /// Ordinals in words (`ordinalWords`: `second` 2, `third` 3), counted only right after a
        /// word of `ordinalAfter` (`the second case`; not `30 seconds`, `a second`), lowercase.
        public var ordinals: [String: Double] = [:]
        public var ordinalAfter: Set<String> = []
        /// Words of `after` whose way turns round after an age (`ageBounds`: `or older` bounds a
        /// version from above, `iOS 12 or older`, and an age from below, `aged 18 or older`), and
        /// the words right before a number that make it an age though capitalised (`ageWords`:
        /// `Ages 3 or older`), lowercase.
        public var ageTurned: Set<[UInt32]> = []
        public var ageWords: Set<String> = []

        /// Whether a bound word of `before` or `after` includes its number; nil for a word that
        /// is none of them or reads either way (`以上` after the number, ``either``).
        public func includes(_ word: String) -> Bool? {
            let lower = word.lowercased()
            let w = Array(lower.unicodeScalars.map(\.value))
            guard !either.contains(lower), before.contains(where: { $0.words == w }) || after.contains(where: { $0.words == w }) else { return nil }
            return !exclusive.contains(lower)
        }
    }
    /// The days of the week a text names (`weekdays` of `<id>.units.yml`, Monday 1 … Sunday 7),
    /// `weekdayShort` names that count only in a range (`Mon–Fri`: `Sun` alone may be a name),
    /// `weekdayGroups` (`工作日`: Monday to Friday), `weekdayRanges` joining two (`to`, `至`),
    /// and `weekdayNotBefore`, characters after which a name is none (`每周一次`).
    public var weekdays: Weekdays { units.value.data.weekdays }
    /// The words for a part of the day that put a clock time on the 12-hour clock
    /// (`clockBefore`, right before the time: `下午 2:00`; `clockAfter`, right after it: `2:00 PM`),
    /// each afternoon (true: 下午, PM) or morning (false: 上午, AM); lowercase, as scalars,
    /// longest first.
    public var clock: Clock { units.value.data.clock }
    /// The hemisphere of a coordinate, from `<id>.units.yml`: letters after its degrees, minutes
    /// or seconds (`hemispheresAfter`: `46.45° N`), words right before its number
    /// (`hemispheresBefore`: `北纬 46.45°`), each with the hemisphere it names (`N`, `S`, `E`,
    /// `W`): a coordinate the translation moved to another hemisphere is a changed quantity.
    public var hemispheres: Hemispheres { units.value.data.hemispheres }
    /// Month names of `<id>.units.yml` (`months`, by number; the first name of each the full
    /// one), what joins two into a range (`monthJoiners`) and the words before a full name that
    /// make it a time (`monthTimeWords`, lowercase).
    public var months: Months { units.value.data.months }
    public struct Months: Sendable {
        /// Each name as written (`September`, `Sep`), with its month and whether it is the full name.
        public var names: [String: (month: Double, full: Bool)] = [:]
        public var joiners: Set<String> = []
        public var timeWords: Set<String> = []
        public init() {}
    }
    public struct Hemispheres: Sendable {
        /// Letters after the mark of degrees, minutes or seconds, as written, with their hemisphere.
        public var after: [String: String] = [:]
        /// Words before the number, as scalars, longest first, with their hemisphere.
        public var before: [(words: [UInt32], hemisphere: String)] = []
        public init() {}
    }
    public struct Clock: Sendable {
        public var before: [(words: [UInt32], afternoon: Bool)] = []
        public var after: [(words: [UInt32], afternoon: Bool)] = []
        /// Characters that stand for the minutes after an hour (`clockPoint`: 点 of `下午 3 点`),
        /// for half past after those (`clockHalf`: 半), and after which such a character is no
        /// hour's (`clockPointNotBefore`: 点数, 点击).
        public var point: [UInt32] = []
        public var half: [UInt32] = []
        public var pointNotBefore: [UInt32] = []
        public init() {}
    }
    public struct Weekdays: Sendable {
        /// Each name as scalars, its days and its kind (0 a day, 1 a short name, 2 a group); longest first.
        public var names: [(words: [UInt32], days: Set<Int>, kind: Int)] = []
        public var byName: [String: Int] = [:]
        public var firsts: Set<UInt32> = []
        /// ``firsts`` as bits of ASCII and a short list of the rest, for ``mayStart(_:)``.
        public var asciiFirsts: (UInt64, UInt64) = (0, 0)
        public var otherFirsts: [UInt32] = []
        public var ranges: [[UInt32]] = []
        /// Whether a name can start with `c` (asked of every character of a unit: no hashing).
        @inline(__always) public func mayStart(_ c: UInt32) -> Bool {
            if c < 64 { return asciiFirsts.0 >> UInt64(c) & 1 != 0 }
            if c < 128 { return asciiFirsts.1 >> UInt64(c - 64) & 1 != 0 }
            return otherFirsts.contains(c)
        }
        public var notBefore: Set<UInt32> = []
    }
    /// Words that negate a sentence (`not`, `never`, `can't`) or, in Chinese, the characters that
    /// write a negation (`不`, `没`, `无`), from `<id>.negations.txt`, read on first use: a
    /// sentence the translation dropped is told by the negation it lost (`missing-translation`).
    public var negations: Set<String> { negationWords.value }
    /// How a restriction (`only`) is said, and what says an addition instead (`also`, 也): the
    /// locale's `restriction` (a restriction said as an addition, `missing-translation`).
    public var restrictionCues = RestrictionCues()
    public struct RestrictionCues: Sendable {
        /// The words that restrict (`only`), lower case.
        public var words: [String] = []
        /// Words right before one that make it no restriction of the verb (`not only`, `the only way`).
        public var notAfter: Set<String> = []
        /// Words right after one that make it another construction (`only if`, `only then`).
        public var notBefore: Set<String> = []
        /// Words or phrases that say an addition (`also`, `as well`; 也 in a target locale).
        public var additions: [String] = []
        public init() {}
    }
    /// What tells how a sentence negates or affirms (the locale's `negation`), for a negation a
    /// translation lost (`missing-translation`). In a source language: `modals`, a negator after
    /// one or one itself negates a modal (`should not`, `cannot`); `imperatives`, a sentence they
    /// open with a negator forbids (`Do not`, `Never`); `existentials`, a negator that says a thing
    /// is not there (`no` of `There is no shade`). In a target language: `imperatives`, markers of
    /// a request or an obligation (`请`, `务必`); `existentials`, of being there (`有`);
    /// `prepositions`, words that open a short phrase between a modal and its verb (`会向第三方出售`);
    /// `onlyThen`, words that say `not … until` without a negation (`…才`, `只有…`).
    public var negationCues = NegationCues()
    public struct NegationCues: Sendable {
        public var modals: Set<String> = []
        public var imperatives: [String] = []
        public var existentials: [String] = []
        public var prepositions: [String] = []
        public var onlyThen: [String] = []
        /// Words of a source language that say a negation in a gloss of the lexicon (`refuse`, `avoid`).
        public var glosses: Set<String> = []
        /// Affixes that negate the word of the lexicon they are joined to in a gloss
        /// (`glossPrefixes`: `un`, `il` of `unsuitable`, `illegal`; `glossSuffixes`: `less` of
        /// `needless`), lowercase.
        public var glossPrefixes: [String] = []
        public var glossSuffixes: [String] = []
        /// In a source language, words of courtesy that may stand before an imperative
        /// (`courtesies`: `please` of `Please do not open an issue`).
        public var courtesies: [String] = []
        /// In a source language, forms of `be` before a negator and endings of a participle after
        /// it (`copulas`, `participles`: `is not covered`): a passive a translation says with a
        /// negation or not at all.
        public var copulas: Set<String> = []
        public var participles: [String] = []
        /// In a source language, forms of `do` that carry a negator in a statement (`auxiliaries`:
        /// `do`, `does`, `did`: `We do not accept`, `does not cover`).
        public var auxiliaries: Set<String> = []
        /// In a target language, words with no negation character that say a negation by bounding
        /// or excluding (`limits`: `上限`, `仅`, `除外`, `拒绝`): a translation holding one may say
        /// the source's negation with it.
        public var limits: [String] = []
        /// In a target language, connectives that hold a negation character and negate no verb
        /// (`connectives`: `否则`, `除非`, `不然`): a translation whose only negation characters stand
        /// in one says no negation (`…请移除盖子，否则灰尘会进入` for `Do not remove the cover…`).
        public var connectives: [String] = []
        /// In a target language, the endings of a time clause that may stand before a request
        /// opening the main clause (`timeClauseEnds`: `时`, `期间`, `后`: `风扇运转时请移除盖子`).
        public var timeClauseEnds: [String] = []
        /// In a source language, prepositions that say a thing is not there (`absences`: `without`
        /// of `Without a lid, …`): read as a negator of `existentials` for the lost negation only,
        /// reported when the translation says the thing is there (`有盖子时`).
        public var absences: [String] = []
        /// In a source language, suffixes that make a word of the same meaning from another
        /// (`derivations`: `ion`, `ness`: `protection` of `protect`), for a word of the
        /// translation that renders a source word the lexicon glosses in another form.
        public var derivations: [String] = []
        /// In a target language, markers of the passive that may stand between a modal and the
        /// verb it affirms (`passives`: `被` of `会被构建` for `are not built`).
        public var passives: [String] = []
        /// In a source language, the words that say the opposite of a negator, by negator
        /// (`opposites`: `never` → `always`): a translation with no negation holding a word the
        /// lexicon glosses so (`总是` for `is never true`) turned the sentence round.
        public var opposites: [String: [String]] = [:]
        /// In a source language, words that end the clause a negator stands in (`clauseEnds`:
        /// `and`, `when`, `without` of `Never inflate the cuff when it is not wrapped`): what the
        /// negator is about lies before them.
        public var clauseEnds: Set<String> = []
        public init() {}
    }
    private var negationWords = OnFirstUse<Set<String>>(nil, empty: [], LocaleData.wordSet)
    /// Irregular past participles and their lemma (`built` → `build`), from
    /// `<id>.irregular-verbs.txt`, read on first use: the lost negation of `missing-translation`
    /// reads a negated passive by them (`Drafts are not built.`).
    public var irregularVerbs: [String: String] { irregularVerbWords.value }
    private var irregularVerbWords = OnFirstUse<[String: String]>(nil, empty: [:], LocaleData.wordPairs)
    /// Conjunctions that open a condition or an exception (the locale's `conditions`), by a name
    /// both locales give them (`unless`: `unless`; `除非`, `否则`, `才`), lowercase: a sentence
    /// translated one to one that has one and whose translation holds none of that name's
    /// renderings dropped the clause (`missing-translation`).
    public var conditions: [String: [String]] = [:]
    /// The names of `conditions` whose clause may lead or trail its sentence and which a translation
    /// often says by the sentence's shape (`if`, `when`: the locale's `clauseConditions`): judged by
    /// where the clause stands, how long the translation is and whether its words are rendered.
    public var clauseConditions: [String] = []
    /// The names of `clauseConditions` that open clauses of time, which a sentence may cut to their
    /// verb's -ing form (`used when configuring admins`): the locale's `timeClauses`.
    public var timeClauses: [String] = []
    /// Words that join two formulas as equals (`and`, `or`; `和`, `与`, `、`), from
    /// `<id>.math-joiners.txt`, read on first use: two formulas joined the other way round in the
    /// translation (`$m_1$ and $m_2$` → `$m_2$ 和 $m_1$`) changed which is which (`math-mismatch`).
    public var mathJoiners: Set<String> { mathJoinerWords.value }
    private var mathJoinerWords = OnFirstUse<Set<String>>(nil, empty: [], LocaleData.wordSet)
    /// Currencies written before or after a number (`€`, `US$`, `USD`, `euros`, `美元`), from the
    /// locale's `currencies`: each with the ISO codes it may name (`$`: USD, CAD, AUD…).
    public var currencies: [String: Set<String>] = [:]
    /// Verbs that name a term (`称为`, `叫做`) (`<id>.naming-verbs.txt`): a few English words
    /// right after one are the term being introduced.
    public var namingVerbs: [[UInt32]] = []
    /// Last characters of `uiVerbs` and `namingVerbs`, first characters of `kindNouns`: most
    /// Chinese next to English is none of them, and is passed over without comparing phrases.
    /// Sorted (``Swift/Array/sortedContains(_:)``).
    public var uiVerbEnds: [UInt32] = []
    public var namingVerbEnds: [UInt32] = []
    public var kindNounStarts: [UInt32] = []

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Loads a locale from the data folder. `zh` means `zh-Hans`; `zh-CN`/`zh-SG` → `zh-Hans`,
    /// `zh-TW`/`zh-HK`/`zh-MO` → `zh-Hant`; `en-US` → `en`.
    public static func load(_ requested: String, from dir: URL? = nil) throws -> LocaleData {
        let id = canonical(requested)
        // The data folder's files (`locales/` by default, made from its path).
        func named(_ name: String) throws -> URL { try dir?.appendingPathComponent(name) ?? DataDirectory.localesFile(name) }
        let file = try named("\(id).yml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw LoadError(description: "unknown locale '\(requested)': no \(file.path)")
        }
        let node: Node
        do {
            // Only structure and the scalars' text are read (`string`): no implicit typing of
            // scalars needed, so the basic resolver (the default one compiles a dozen regular
            // expressions, a cost on every start).
            guard let n = try Yams.compose(yaml: text, .basic) else { throw LoadError(description: "\(file.path): empty") }
            node = n
        } catch let e as LoadError {
            throw e
        } catch {
            throw LoadError(description: "\(file.path): \(error)")
        }
        func str(_ key: String) -> String? { node[key]?.string }
        let icu = node["icu"]
        var quotes: [(UInt32, UInt32)] = []
        for pair in node["quotes"]?.array() ?? [] {
            let a = pair.array()
            if a.count == 2, let o = a[0].string?.unicodeScalars.first, let c = a[1].string?.unicodeScalars.first {
                quotes.append((o.value, c.value))
            }
        }
        // (The sets are made at the size of their lists: grown an element at a time, they were
        // re-hashed at every doubling. A comment line is found by its first byte.)
        var functionWords = Set<String>()
        if let t = try? String(contentsOf: named("\(id).function-words.txt"), encoding: .utf8) {
            let lines = LocaleData.lines(t)
            functionWords.reserveCapacity(lines.count)
            for line in lines {
                let w = LocaleData.trimmingWhitespace(line)
                if !w.isEmpty && w.utf8.first != 0x23 {
                    let l = w.lowercased()
                    functionWords.insert(l.unicodeScalars.contains("\u{2019}") ? l.replacingOccurrences(of: "\u{2019}", with: "'") : l)
                }
            }
        }
        var generalWords = Set<String>()
        if let t = try? String(contentsOf: named("\(id).general-words.txt"), encoding: .utf8) {
            let lines = LocaleData.lines(t)
            generalWords.reserveCapacity(lines.count)
            for line in lines where line.utf8.first != 0x23 {
                let w = LocaleData.trimmingWhitespace(line)
                if !w.isEmpty { generalWords.insert(w.lowercased()) }
            }
        }
        let code = str("code") ?? String(id.prefix(2))
        func phrases(_ what: String) -> [[UInt32]] {
            guard let t = try? String(contentsOf: named("\(id).\(what).txt"), encoding: .utf8) else { return [] }
            var out: [[UInt32]] = []
            for line in LocaleData.lines(t) where line.utf8.first != 0x23 {
                let w = LocaleData.trimmingWhitespace(line)
                if !w.isEmpty { out.append(w.unicodeScalars.map(\.value)) }
            }
            // Longest first, so 单击 is tried before 击.
            return out.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        }
        var data = LocaleData(
            id: id, name: str("name") ?? id, code: code, xmlLang: str("xmlLang") ?? id,
            isHan: str("script") == "Han",
            sentenceLocale: icu?["sentence"]?.string ?? id,
            wordLocale: icu?["word"]?.string ?? id,
            functionWords: functionWords,
            generalWords: generalWords,
            quotes: quotes,
            sentenceTerminators: Set((str("sentenceTerminators") ?? "").unicodeScalars.map(\.value)),
            sourceCharactersPerHan: node["sourceCharactersPerHan"]?.float ?? 3.9,
            sourceLettersPerHan: node["sourceLettersPerHan"]?.float ?? 2.8,
            variantTransliterator: node["variant"]?["transliterator"]?.string,
            variantCharset: node["variant"]?["charset"]?.string,
            translatorNoteMarkers: node["translatorNoteMarkers"]?.array().compactMap(\.string) ?? [])
        if data.isHan { data.functionCharacters = FunctionCharacters(functionWords) }
        data.uiVerbs = phrases("ui-verbs")
        data.kindNouns = phrases("kind-nouns")
        data.kindNounDeterminers = (node["kindNounDeterminers"]?.array().compactMap(\.string) ?? []).map { $0.unicodeScalars.map(\.value) }
        data.kindNounDeterminerStarts = data.kindNounDeterminers.compactMap(\.first)
        data.kindNounDeterminerStarts.sortUnique()
        data.messageCueSuffixes = (node["messageCueSuffixes"]?.array().compactMap(\.string) ?? []).map { $0.unicodeScalars.map(\.value) }
        data.messageNouns = (node["messageNouns"]?.array().compactMap(\.string) ?? []).map { $0.unicodeScalars.map(\.value) }
        data.personNounEndings = (node["personNounEndings"]?.array().compactMap(\.string) ?? []).map { $0.unicodeScalars.map(\.value) }
        data.clauseOpeners = Set(node["clauseOpeners"]?.array().compactMap(\.string) ?? [])
        data.listSeparators = (node["listSeparators"]?.array().compactMap(\.string) ?? []).filter { !$0.isEmpty }
            .map { Array($0.lowercased().unicodeScalars.map(\.value)) }
        data.yesNo = (node["yesNo"]?.array().compactMap(\.string) ?? []).filter { !$0.isEmpty }
            .map { Array($0.lowercased().unicodeScalars.map(\.value)) }
        data.languageLabels = (node["languageLabels"]?.array().compactMap(\.string) ?? []).filter { !$0.isEmpty }.map { $0.lowercased() }
        data.requirementKeywords = (node["requirementKeywords"]?.array().compactMap(\.string) ?? []).filter { !$0.isEmpty }
        func wordsByName(_ key: String) -> [(word: String, name: String)] { LocaleData.wordsByName(node, key) }
        for (w, symbol) in wordsByName("durationUnits") { data.durationUnits[w] = symbol }
        data.notDurations = node["notDurations"]?.array().compactMap(\.string) ?? []
        data.units = OnFirstUse(try? named("\(id).units.yml"), empty: Boxed(UnitWords()), LocaleData.boxedUnitWords)
        data.negationWords = OnFirstUse(try? named("\(id).negations.txt"), empty: [], LocaleData.wordSet)
        data.irregularVerbWords = OnFirstUse(try? named("\(id).irregular-verbs.txt"), empty: [:], LocaleData.wordPairs)
        data.standardCharacterSet = OnFirstUse(try? named("\(id).standard-characters.txt"), empty: [], LocaleData.scalarSet)
        for (w, name) in wordsByName("conditions") where !w.isEmpty { data.conditions[name, default: []].append(w.lowercased()) }
        data.clauseConditions = node["clauseConditions"]?.array().compactMap(\.string) ?? []
        data.timeClauses = node["timeClauses"]?.array().compactMap(\.string) ?? []
        if let n = node["negation"] {
            func list(_ k: String) -> [String] { n[k]?.array().compactMap(\.string).map { $0.lowercased() } ?? [] }
            data.negationCues.modals = Set(list("modals"))
            data.negationCues.imperatives = list("imperatives")
            data.negationCues.existentials = list("existentials")
            data.negationCues.prepositions = list("prepositions")
            data.negationCues.onlyThen = list("onlyThen")
            data.negationCues.glosses = Set(list("glosses"))
            data.negationCues.glossPrefixes = list("glossPrefixes")
            data.negationCues.glossSuffixes = list("glossSuffixes")
            data.negationCues.courtesies = list("courtesies")
            data.negationCues.copulas = Set(list("copulas"))
            data.negationCues.participles = list("participles")
            data.negationCues.auxiliaries = Set(list("auxiliaries"))
            data.negationCues.limits = list("limits")
            data.negationCues.connectives = list("connectives")
            data.negationCues.timeClauseEnds = list("timeClauseEnds")
            data.negationCues.absences = list("absences")
            data.negationCues.derivations = list("derivations")
            data.negationCues.passives = list("passives")
            data.negationCues.clauseEnds = Set(list("clauseEnds"))
            for (w, name) in LocaleData.wordsByName(n, "opposites") where !w.isEmpty { data.negationCues.opposites[name.lowercased(), default: []].append(w.lowercased()) }
        }
        if let n = node["restriction"] {
            func list(_ k: String) -> [String] { n[k]?.array().compactMap(\.string).map { $0.lowercased() } ?? [] }
            data.restrictionCues.words = list("words")
            data.restrictionCues.notAfter = Set(list("notAfter"))
            data.restrictionCues.notBefore = Set(list("notBefore"))
            data.restrictionCues.additions = list("additions")
        }
        data.mathJoinerWords = OnFirstUse(try? named("\(id).math-joiners.txt"), empty: [], LocaleData.wordSet)
        for (f, code) in wordsByName("currencies") { data.currencies[f, default: []].insert(code) }
        data.namingVerbs = phrases("naming-verbs")
        data.uiVerbEnds = data.uiVerbs.compactMap(\.last)
        data.uiVerbEnds.sortUnique()
        data.namingVerbEnds = data.namingVerbs.compactMap(\.last)
        data.namingVerbEnds.sortUnique()
        data.kindNounStarts = data.kindNouns.compactMap(\.first)
        data.kindNounStarts.sortUnique()
        return data
    }

    /// A mapping of names to lists of words (`s: [second, seconds]`), each word with its name,
    /// in the file's order.
    static func wordsByName(_ node: Node, _ key: String) -> [(word: String, name: String)] {
        // (No empty mapping made for a key the file lacks: Yams's first `Node.Mapping` built
        // in code sets up its tag resolver, 8.9 M instructions of regular expressions.)
        guard let mapping = node[key]?.mapping else { return [] }
        var out: [(String, String)] = []
        for (name, words) in mapping {
            guard let name = name.string else { continue }
            for w in words.array().compactMap(\.string) { out.append((w, name)) }
        }
        return out
    }

    /// A value held by reference: what ``OnFirstUse`` hands out for a large struct.
    final class Boxed<T: Sendable>: Sendable {
        let data: T
        init(_ data: T) { self.data = data }
    }

    @Sendable static func boxedUnitWords(_ text: String) -> Boxed<UnitWords>? { unitWords(text).map(Boxed.init) }

    /// A companion file only some checks need, read once, on first use (a missing or unreadable
    /// file: `empty`), so that a run that does not ask does not parse it.
    final class OnFirstUse<Value: Sendable>: Sendable {
        private let url: URL?
        private let empty: Value
        private let parse: @Sendable (String) -> Value?
        private let read = Mutex<Value?>(nil)

        init(_ url: URL?, empty: Value, _ parse: @escaping @Sendable (String) -> Value?) {
            self.url = url
            self.empty = empty
            self.parse = parse
        }

        var value: Value {
            read.withLock { r in
                if let r { return r }
                let v = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) }.flatMap(parse) ?? empty
                r = v
                return v
            }
        }
    }

    /// What `<id>.units.yml` holds.
    struct UnitWords: Sendable {
        var words: [String: String] = [:]
        var symbols: [String: (prefix: String, base: String)] = [:]
        var not: [String] = []
        var versions: [String] = []
        var centrifugal: [[UInt32]] = []
        var frequencies = Frequencies()
        var powers: [String: String] = [:]
        var rates = Rates()
        var bounds = Bounds()
        var weekdays = Weekdays()
        var clock = Clock()
        var hemispheres = Hemispheres()
        var months = Months()
        var quarters = Quarters()
        var numerals = Numerals()
        var order = Order()
    }

    /// `<id>.units.yml`: each unit word composed with each prefix (`kilo` + `metres`); a word of the
    /// list wins over a composed one (`千克` listed stays what it says).
    @Sendable static func unitWords(_ text: String) -> UnitWords? {
        guard let node = try? Yams.compose(yaml: text, .basic) else { return nil }
        /// A list of words, lowercased: as strings, and as scalars.
        func wordSet(_ k: String) -> Set<String> { Set((node[k]?.array().compactMap(\.string) ?? []).map { $0.lowercased() }) }
        func scalarSet(_ k: String) -> Set<[UInt32]> { Set(wordSet(k).map { Array($0.unicodeScalars.map(\.value)) }) }
        var words: [String: String] = [:]
        var symbols: [String: (prefix: String, base: String)] = [:]
        let units = LocaleData.wordsByName(node, "unitWords")
        for (p, prefix) in LocaleData.wordsByName(node, "unitPrefixes") {
            for (w, symbol) in units { words[p + w] = prefix + symbol; symbols[prefix + symbol] = (prefix, symbol) }
        }
        for (w, symbol) in units { words[w] = symbol; symbols[symbol] = ("", symbol) }
        for (w, symbol) in LocaleData.wordsByName(node, "prefixedUnitWords") { words[w] = symbol; symbols[symbol] = symbols[symbol] ?? ("", symbol) }
        var powers: [String: String] = [:]
        for (w, power) in LocaleData.wordsByName(node, "unitPowers") { powers[w] = power }
        var rates = Rates()
        rates.per = Set(node["ratePer"]?.array().compactMap(\.string) ?? [])
        rates.articles = Set(node["rateArticles"]?.array().compactMap(\.string) ?? [])
        for (w, symbol) in LocaleData.wordsByName(node, "rateSymbols") { rates.symbols[w] = symbol }
        for (w, symbol) in LocaleData.wordsByName(node, "rateWords") { rates.words[w] = symbol }
        rates.by = Set(node["rateBy"]?.array().compactMap(\.string) ?? [])
        for (w, symbol) in LocaleData.wordsByName(node, "rateAdverbs") { rates.adverbs[w] = symbol }
        for w in Array(rates.per) + Array(rates.adverbs.keys) {
            rates.triggerLengths.insert(w.unicodeScalars.count)
            if let f = w.lowercased().unicodeScalars.first { rates.triggerFirsts.insert(f.value) }
        }
        var bounds = Bounds()
        for (key, lower) in [("lower", true), ("upper", false)] {
            func scalars(_ k: String) -> [([UInt32], Bool)] {
                (node[k]?[key]?.array().compactMap(\.string) ?? []).map { (Array($0.lowercased().unicodeScalars.map(\.value)), lower) }
            }
            bounds.before += scalars("boundsBefore")
            bounds.after += scalars("boundsAfter")
            bounds.timeBefore += scalars("timeBoundsBefore")
            bounds.timeAfter += scalars("timeBoundsAfter")
        }
        // Longest first: `no more than` before `more than`, `不超过` before `超过`.
        let longestFirst = { (a: (words: [UInt32], lower: Bool), b: (words: [UInt32], lower: Bool)) in
            a.words.count != b.words.count ? a.words.count > b.words.count : a.words.lexicographicallyPrecedes(b.words)
        }
        bounds.modals = (node["boundModals"]?.array().compactMap(\.string) ?? []).map { Array($0.lowercased().unicodeScalars.map(\.value)) }
            .sorted { $0.count > $1.count }
        bounds.exclusive = Set((node["boundsExclusive"]?.array().compactMap(\.string) ?? []).map { $0.lowercased() })
        bounds.either = Set((node["boundsEither"]?.array().compactMap(\.string) ?? []).map { $0.lowercased() })
        bounds.comparatives = wordSet("boundComparatives")
        bounds.negators = wordSet("boundNegators")
        bounds.countBounds = wordSet("countBounds")
        bounds.strict = wordSet("boundsStrict")
        bounds.approximators = (node["boundApproximators"]?.array().compactMap(\.string) ?? []).map { Array($0.lowercased().unicodeScalars.map(\.value)) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        bounds.percent = node["signWords"]?["percent"]?.array().compactMap(\.string) ?? []
        bounds.around = node["signWords"]?["around"]?.array().compactMap(\.string) ?? []
        bounds.plusMinus = node["signWords"]?["plusMinus"]?.array().compactMap(\.string) ?? []
        bounds.whole = node["signWords"]?["whole"]?.array().compactMap(\.string) ?? []
        for (key, up) in [("up", true), ("down", false)] {
            bounds.changes += (node["changeWords"]?[key]?.array().compactMap(\.string) ?? []).map { (Array($0.lowercased().unicodeScalars.map(\.value)), up) }
        }
        bounds.changeParticles = scalarSet("changeParticles")
        bounds.changeLinks = scalarSet("changeLinks")
        bounds.changeParticlesAfter = scalarSet("changeParticlesAfter")
        bounds.ageTurned = scalarSet("ageBounds")
        bounds.ageWords = wordSet("ageWords")
        bounds.changes.sort { longestFirst(($0.words, $0.up), ($1.words, $1.up)) }
        bounds.from = (node["boundsFrom"]?.array().compactMap(\.string) ?? []).map { Array($0.lowercased().unicodeScalars.map(\.value)) }
        for (key, lower) in [("lower", true), ("upper", false)] {
            bounds.fromAfter += (node["boundsFromAfter"]?[key]?.array().compactMap(\.string) ?? []).map { (Array($0.lowercased().unicodeScalars.map(\.value)), lower) }
        }
        bounds.fromAfter.sort(by: longestFirst)
        if let mapping = node["differenceWords"]?.mapping {
            for (name, ways) in mapping {
                guard let quantity = name.string else { continue }
                for (key, more) in [("more", true), ("less", false)] {
                    bounds.differences += (ways[key]?.array().compactMap(\.string) ?? []).map { (Array($0.lowercased().unicodeScalars.map(\.value)), quantity, more) }
                }
            }
            bounds.differences.sort { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.lexicographicallyPrecedes($1.words) }
        }
        bounds.differenceLinks = (node["differenceLinks"]?.array().compactMap(\.string) ?? []).map { Array($0.unicodeScalars.map(\.value)) }
        for (w, value) in LocaleData.wordsByName(node, "multiplierWords") {
            if let v = Double(value) { bounds.multipliers[w.lowercased()] = v }
        }
        bounds.multiplierBefore = wordSet("multiplierBefore")
        for (w, value) in LocaleData.wordsByName(node, "ordinalWords") {
            if let v = Double(value) { bounds.ordinals[w.lowercased()] = v }
        }
        bounds.ordinalAfter = wordSet("ordinalAfter")
        bounds.multiplierMarks = (node["multiplierMarks"]?.array().compactMap(\.string) ?? []).map { Array($0.unicodeScalars.map(\.value)) }
        bounds.before.sort(by: longestFirst)
        bounds.after.sort(by: longestFirst)
        bounds.timeBefore.sort(by: longestFirst)
        bounds.timeAfter.sort(by: longestFirst)
        var weekdays = Weekdays()
        for (key, kind) in [("weekdays", 0), ("weekdayShort", 1), ("weekdayGroups", 2)] {
            for (w, name) in LocaleData.wordsByName(node, key) {
                let days = Set(name.compactMap { $0.wholeNumberValue }.filter { (1...7).contains($0) })
                guard !days.isEmpty, !w.isEmpty else { continue }
                weekdays.names.append((Array(w.unicodeScalars.map(\.value)), days, kind))
            }
        }
        weekdays.names.sort { $0.words.count > $1.words.count }
        for (i, x) in weekdays.names.enumerated() {
            let c = x.words[0]
            weekdays.firsts.insert(c)
            if c < 64 { weekdays.asciiFirsts.0 |= 1 << UInt64(c) } else if c < 128 { weekdays.asciiFirsts.1 |= 1 << UInt64(c - 64) }
            else if !weekdays.otherFirsts.contains(c) { weekdays.otherFirsts.append(c) }
            weekdays.byName[String(String.UnicodeScalarView(x.words.compactMap(Unicode.Scalar.init)))] = i
        }
        weekdays.ranges = (node["weekdayRanges"]?.array().compactMap(\.string) ?? []).map { Array($0.unicodeScalars.map(\.value)) }
            .sorted { $0.count > $1.count }
        weekdays.notBefore = Set((node["weekdayNotBefore"]?.array().compactMap(\.string) ?? []).compactMap { $0.unicodeScalars.first?.value })
        var clock = Clock()
        for (key, afternoon) in [("afternoon", true), ("morning", false)] {
            func scalars(_ k: String) -> [([UInt32], Bool)] {
                (node[k]?[key]?.array().compactMap(\.string) ?? []).filter { !$0.isEmpty }.map { (Array($0.lowercased().unicodeScalars.map(\.value)), afternoon) }
            }
            clock.before += scalars("clockBefore")
            clock.after += scalars("clockAfter")
        }
        func characters(_ k: String) -> [UInt32] { (node[k]?.array().compactMap(\.string) ?? []).compactMap { $0.unicodeScalars.first?.value } }
        clock.point = characters("clockPoint")
        clock.half = characters("clockHalf")
        clock.pointNotBefore = characters("clockPointNotBefore")
        clock.before.sort { $0.words.count > $1.words.count }
        clock.after.sort { $0.words.count > $1.words.count }
        var hemispheres = Hemispheres()
        for (w, h) in LocaleData.wordsByName(node, "hemispheresAfter") { hemispheres.after[w] = h }
        hemispheres.before = LocaleData.wordsByName(node, "hemispheresBefore").filter { !$0.word.isEmpty }
            .map { (Array($0.word.unicodeScalars.map(\.value)), $0.name) }.sorted { $0.words.count > $1.words.count }
        var quarters = Quarters()
        quarters.prefix = Set(node["quarterPrefix"]?.array().compactMap(\.string) ?? [])
        quarters.words = (node["quarterWords"]?.array().compactMap(\.string) ?? []).map { $0.lowercased() }
        for (w, name) in LocaleData.wordsByName(node, "quarterOrdinals") { if let v = Int(name) { quarters.ordinals[w.lowercased()] = v } }
        quarters.ordinalLengths = Set(quarters.ordinals.keys.map(\.unicodeScalars.count))
        quarters.ordinalFirsts = Set(quarters.ordinals.keys.compactMap { $0.unicodeScalars.first?.value })
        quarters.fiscalPrefix = Set(node["fiscalYearPrefix"]?.array().compactMap(\.string) ?? [])
        quarters.fiscalWords = node["fiscalYearWords"]?.array().compactMap(\.string) ?? []
        var out = UnitWords(words: words, symbols: symbols, not: node["notUnits"]?.array().compactMap(\.string) ?? [],
                         versions: node["versionWords"]?.array().compactMap(\.string) ?? [], powers: powers, rates: rates, bounds: bounds,
                         weekdays: weekdays, clock: clock, hemispheres: hemispheres, quarters: quarters)
        for (w, count) in LocaleData.wordsByName(node, "frequencyWords") where !w.isEmpty {
            guard let v = Double(count) else { continue }
            let l = w.lowercased()
            out.frequencies.counts[l] = v
            if !out.frequencies.lengths.contains(l.unicodeScalars.count) { out.frequencies.lengths.append(l.unicodeScalars.count) }
            if !out.frequencies.firsts.contains(l.unicodeScalars.first!.value) { out.frequencies.firsts.append(l.unicodeScalars.first!.value) }
        }
        out.frequencies.adverbs = wordSet("frequencyAdverbs")
        out.frequencies.articles = wordSet("frequencyArticles")
        out.frequencies.perAny = wordSet("frequencyPerAny")
        out.frequencies.measures = Set((node["frequencyMeasures"]?.array().compactMap(\.string) ?? []).compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first!.value : nil })
        out.frequencies.notBefore = wordSet("frequencyNotBefore")
        out.frequencies.notAfter = wordSet("frequencyNotAfter")
        out.frequencies.endNotAfter = wordSet("frequencyEndNotAfter")
        out.frequencies.ones = wordSet("oneWords")
        out.frequencies.oneArticles = wordSet("oneArticles")
        out.frequencies.oneArticlesAfter = wordSet("oneArticlesAfter")
        out.frequencies.oneArticlesNotBefore = wordSet("oneArticlesNotBefore")
        let oneWords = out.frequencies.ones.union(out.frequencies.oneArticles)
        out.frequencies.oneLength = oneWords.map(\.unicodeScalars.count).max() ?? 0
        out.frequencies.oneFirsts = Array(Set(oneWords.compactMap { $0.unicodeScalars.first?.value })).sorted()
        var named: Set<String> = []
        for (w, m) in LocaleData.wordsByName(node, "months") where !w.isEmpty {
            guard let v = Double(m), out.months.names[w] == nil else { continue }
            out.months.names[w] = (v, named.insert(m).inserted)
        }
        out.months.joiners = Set(node["monthJoiners"]?.array().compactMap(\.string) ?? [])
        out.months.timeWords = wordSet("monthTimeWords")
        out.centrifugal = (node["centrifugalWords"]?.array().compactMap(\.string) ?? []).filter { !$0.isEmpty }.map { $0.unicodeScalars.map(\.value) }
        out.numerals = numerals(node)
        func lowered(_ k: String) -> [[UInt32]] {
            (node[k]?.array().compactMap(\.string) ?? []).filter { !$0.isEmpty }.map { Array($0.lowercased().unicodeScalars.map(\.value)) }
        }
        out.order.from = lowered("orderFrom")
        out.order.to = lowered("orderTo")
        out.order.instead = lowered("orderInstead")
        return out
    }

    /// The `numeral…` keys of `<id>.units.yml` (``Numerals``).
    static func numerals(_ node: Node) -> Numerals {
        var nu = Numerals()
        /// Characters by the value their key names (`"2": [二, 两]`).
        func valued(_ k: String) -> [UInt32: Double] {
            var out: [UInt32: Double] = [:]
            for (w, name) in LocaleData.wordsByName(node, k) where w.unicodeScalars.count == 1 {
                if let v = Double(name) { out[w.unicodeScalars.first!.value] = v }
            }
            return out
        }
        func words(_ k: String) -> [[UInt32]] {
            (node[k]?.array().compactMap(\.string) ?? []).filter { !$0.isEmpty }.map { Array($0.unicodeScalars.map(\.value)) }
        }
        func characters(_ k: String) -> Set<UInt32> { Set(words(k).filter { $0.count == 1 }.map { $0[0] }) }
        nu.digits = valued("numeralDigits")
        nu.units = valued("numeralUnits")
        nu.words = valued("numeralWords")
        nu.latinScales = valued("numeralLatinScales")
        nu.ordinals = characters("numeralOrdinals")
        nu.countingUnits = characters("numeralCountingUnits")
        nu.joiners = characters("numeralJoiners")
        nu.whole = characters("numeralWhole")
        nu.wholeUnits = characters("numeralWholeUnits")
        nu.timeWords = words("numeralTimeWords")
        nu.boundWords = ["lower", "upper"].flatMap { key in
            (node["boundsBefore"]?[key]?.array().compactMap(\.string) ?? []).map { Array($0.unicodeScalars.map(\.value)) }
                .filter { $0.count >= 2 && $0.allSatisfy(isHanIdeograph) }
        }
        nu.oneNotBefore = characters("numeralOneNotBefore")
        nu.half = characters("numeralHalf")
        nu.halfMeasures = characters("numeralHalfMeasures")
        nu.halfAfter = words("numeralHalfAfter")
        nu.halfNotBefore = characters("numeralHalfNotBefore")
        nu.fraction = words("numeralFraction").first ?? []
        nu.century = words("numeralCentury").first ?? []
        nu.decade = words("numeralDecade").first ?? []
        nu.tenths = characters("numeralTenths")
        nu.valueBefore = characters("numeralValueBefore")
        nu.negative = words("numeralNegative")
        nu.notNegative = words("numeralNotNegative")
        nu.signCarriers = characters("numeralSignCarriers")
        nu.countingWords = characters("numeralCountingWords")
        nu.countingPairs = words("numeralCountingPairs")
        nu.notCountBefore = characters("numeralNotCountBefore")
        nu.finish()
        return nu
    }

    /// A word list, one a line (`#` comments), lowercased, a typographic apostrophe read as `'`.
    @Sendable static func wordSet(_ text: String) -> Set<String>? {
        var out = Set<String>()
        for line in lines(text) where line.utf8.first != 0x23 {
            let w = trimmingWhitespace(line).lowercased()
            if !w.isEmpty { out.insert(w.replacingOccurrences(of: "\u{2019}", with: "'")) }
        }
        return out
    }

    /// Lines of two words, `FORM LEMMA` (`irregular-verbs.txt`; `#` a comment line), lowercase.
    @Sendable static func wordPairs(_ text: String) -> [String: String]? {
        var out: [String: String] = [:]
        for line in lines(text) where line.utf8.first != 0x23 {
            let w = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
            if w.count == 2 { out[String(w[0])] = String(w[1]) }
        }
        return out
    }

    /// The characters of a list of them (`standard-characters.txt`: one or more a line, `#` a
    /// comment line, whitespace between them ignored).
    @Sendable static func scalarSet(_ text: String) -> Set<UInt32>? {
        var out = Set<UInt32>()
        for line in lines(text) where line.utf8.first != 0x23 {
            for c in line.unicodeScalars where !c.properties.isWhitespace { out.insert(c.value) }
        }
        return out
    }

    /// The non-empty lines of `t` (``splitLines(omittingEmptySubsequences:)``).
    static func lines(_ t: String) -> [Substring] { t.splitLines(omittingEmptySubsequences: true) }

    /// `s.trimmingCharacters(in: .whitespaces)`, answered without Foundation's character sets
    /// (which cost more than the rest of reading a word list) when the line starts and ends with
    /// characters that are no whitespace in any definition (ASCII graphics, CJK ideographs).
    static func trimmingWhitespace(_ s: Substring) -> String {
        func solid(_ c: Unicode.Scalar) -> Bool {
            (c.value >= 0x21 && c.value <= 0x7E) || (c.value >= 0x4E00 && c.value <= 0x9FFF)
        }
        if let first = s.unicodeScalars.first, let last = s.unicodeScalars.last, solid(first), solid(last) { return String(s) }
        return s.trimmingCharacters(in: .whitespaces)
    }

    public static func canonical(_ id: String) -> String {
        let l = String(id.lowercased().map { $0 == "_" ? "-" : $0 })
        switch l {
        case "zh", "zh-hans", "zh-cn", "zh-sg", "zh-hans-cn": return "zh-Hans"
        case "zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh-hant-tw": return "zh-Hant"
        default:
            if l.hasPrefix("en") { return "en" }
            return id
        }
    }
}

extension Node {
    var float: Double? {
        if let s = scalar?.string { return Double(s) }
        return nil
    }
    func array() -> [Node] {
        if case .sequence(let s) = self { return Array(s) }
        return []
    }
}

/// A set of characters (a Han locale's function characters, ``LocaleData/functionCharacters``),
/// asked by scalar: a Character that is one CJK unified ideograph is equal to another exactly
/// when its scalar is (no other scalar normalises to it but a compatibility ideograph, which is
/// not one), so it is looked up by scalar, not hashed as a Character; any other Character (a
/// compatibility ideograph: U+F9BA is 了) by the set of Characters.
public struct FunctionCharacters: Sendable {
    public private(set) var characters: Set<Character> = []
    private var scalars: Set<UInt32> = []

    public init() {}

    /// The words of `words` that are one Character.
    public init(_ words: Set<String>) {
        for w in words where w.count == 1 { characters.insert(Character(w)) }
        scalars = Set(characters.compactMap { c in c.unicodeScalars.count == 1 ? c.unicodeScalars.first!.value : nil })
    }

    public var isEmpty: Bool { characters.isEmpty }

    public func contains(_ c: Character) -> Bool {
        let s = c.unicodeScalars
        if let u = s.first, u.value >= 0x4E00 && u.value <= 0x9FFF, s.index(after: s.startIndex) == s.endIndex {
            return scalars.contains(u.value)
        }
        return characters.contains(c)
    }

    /// ``contains(_:)-(Character)`` of the Character that is this one scalar.
    public func contains(_ u: Unicode.Scalar) -> Bool {
        u.value >= 0x4E00 && u.value <= 0x9FFF ? scalars.contains(u.value) : characters.contains(Character(u))
    }
}
