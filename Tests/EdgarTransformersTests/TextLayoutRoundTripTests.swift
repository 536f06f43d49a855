import EdgarCore
import EdgarSynth
import EdgarTestSupport
import Testing

@testable import EdgarTransformers

/// Model -> text layout -> model, under every rendering option, equal on every field the text carries.
@Suite struct TextLayoutRoundTripTests {
    static let allOptions: [TextLayoutRenderOptions] = [false, true].flatMap { underline in
        [false, true].flatMap { escape in
            [false, true].flatMap { crlf in
                [false, true].map { separators in
                    TextLayoutRenderOptions(
                        underline: underline, escapeDollar: escape, crlf: crlf, thousandsSeparators: separators,
                        displayDates: separators, showFilingKindBox: crlf,
                        underlineTableCells: underline && separators)
                }
            }
        }
    }

    static func roundTrip(_ document: OwnershipDocument, _ options: TextLayoutRenderOptions) throws -> OwnershipDocument {
        let text = TextLayoutRenderer.render(document, options: options)
        return try TextLayoutParser.parse(Array(text.utf8))
    }

    @Test func handBuiltFormsSurviveEveryOption() throws {
        for document in TextLayoutFixtures.handBuilt() {
            for options in Self.allOptions {
                let parsed = try Self.roundTrip(document, options)
                #expect(parsed.layout == .text)
                #expect(TextLayoutCarried.carried(parsed) == TextLayoutCarried.carried(document), "\(document.documentType ?? "?") \(options)")
            }
        }
    }

    @Test func generatedFormsSurviveEveryOption() throws {
        var random = SplitMix(seed: 20031110)
        for _ in 0..<60 {
            let document = TextLayoutFixtures.random(&random)
            let options = Self.allOptions[Int(random.next() % UInt64(Self.allOptions.count))]
            let parsed = try Self.roundTrip(document, options)
            let expected = TextLayoutCarried.carried(document)
            let actual = TextLayoutCarried.carried(parsed)
            #expect(actual == expected, "\(TextLayoutRenderer.render(document, options: options))")
            if actual != expected { break }
        }
    }

    @Test func renderingIsDeterministicAndShapedLikeTheSeed() {
        let document = TextLayoutFixtures.handBuilt()[0]
        let text = TextLayoutRenderer.render(document)
        #expect(text == TextLayoutRenderer.render(document))
        #expect(text.contains("OMB Number:\t3235-0287"))
        #expect(text.contains("\\$0.85"))
        #expect(!text.contains("\r\n"))
        #expect(TextLayoutRenderer.render(document, options: .init(crlf: true)).contains("\r\n"))
        #expect(text.contains("1. Name and Address of Reporting Person* <u>PETERS CHRISTOPHER</u> (Last) (First) (Middle)"))
        #expect(text.contains("Common Stock\t11/10/2003\t\tM\t\t58,000\tA\t\\$0.85\t87,300\tD\t"))
    }

    @Test(.enabled(if: Corpus.root != nil, Comment(rawValue: Corpus.missingMessage)))
    func seedSurvivesRenderAndParse() throws {
        let seed = try TextLayoutParser.parse(TextLayoutSeedTests.seed())
        for options in Self.allOptions {
            let parsed = try Self.roundTrip(seed, options)
            #expect(TextLayoutCarried.carried(parsed) == TextLayoutCarried.carried(seed))
        }
        // With the seed's own options, fields come back exactly as the seed shows them.
        #expect(try Self.roundTrip(seed, .init()) == seed)
    }
}

/// A small deterministic PRNG (SplitMix64) so the generated forms are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
}
