import ArgumentParser
import EdgarSynth
import Foundation

@main
struct EdgarGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edgar-gen",
        abstract: "Write synthetic SEC EDGAR archives of insider filings (Forms 3, 4, 5) with known content.",
        discussion: """
            Everything is generated from --seed: the same seed and options give byte-identical files, \
            so a sample can be named by its seed and regenerated anywhere. Ownership documents filed from \
            2026-03-18 use schema X0609: a home-market symbol for foreign private issuers, non-US addresses \
            (flag, state or territory, country) for some owners.

            Examples:
              edgar-gen feed --count 300 --seed 42 --date 20031112 --out samples/20031112.nc.tar.gz
              edgar-gen feed --count 100 --seed 20260817 --date 20260817 --out samples/20260817.nc.tar.gz
              edgar-gen zip --count 50 --seed 7 --out samples/loose-xml.zip
              edgar-gen txt --count 6 --seed 9 --out samples/complete-submissions
              edgar-gen text --count 6 --seed 11 --out samples/text-layout
            """,
        subcommands: [Feed.self, Zip.self, Txt.self, Text.self, HTML.self])
}

extension EdgarGen {
    struct Feed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A daily-feed archive: a gzip-compressed tar of <accession>.nc SGML submissions.",
            discussion: """
                The standard mix is about 85% Form 4 (XML), 5% Forms 3 and 5 with a few amendments (3/A, 4/A, \
                5/A), 5% Form 4 in the text layout (the plain-text rendering of the form) and 5% \
                other forms (8-K, 13F-HR, D, SC 13G, 144, …) that an ownership ETL must skip. Some submissions \
                carry an EX-24 power of attorney or a uuencoded GRAPHIC; a few members use CRLF or bare-CR \
                line endings, as the 2025 feed files do.
                """)

        @Option(help: "Number of submissions (tar members).")
        var count: Int

        @Option(help: "Seed of the generator (any unsigned 64-bit integer).")
        var seed: UInt64

        @Option(help: "Filing date, YYYYMMDD; names the feed day and dates every filing.")
        var date: String

        @Flag(help: "Only XML Form 4s, no attachments, LF endings (benchmark input); same as --mix form4-only.")
        var form4Only = false

        @Option(help: "The mix: standard, form4-only (XML Form 4s, no quirks), xml-only (Forms 3/4/5 in XML, no other forms), text-only (text-layout Form 4s), realistic (a real day's kinds and bytes: 31% Forms 3/4/5 at ~0.5% of the bytes, large 10-K/10-Q/N-PORT/prospectus filings with XBRL and uuencoded binaries; ~0.5 MB per submission, ~4.9:1 under gzip).")
        var mix: MixName = .standard

        @Option(help: "Output path, conventionally <date>.nc.tar.gz.")
        var out: String

        func validate() throws {
            guard count >= 0 else { throw ValidationError("--count must be zero or more") }
            guard date.count == 8, date.allSatisfy(\.isNumber), CivilDate(date) != nil else {
                throw ValidationError("--date must be YYYYMMDD, e.g. 20031112")
            }
        }

        func run() throws {
            let name = form4Only ? .form4Only : mix
            var builder = FeedBuilder(seed: seed, filingDate: date, textRenderer: { TextLayoutRenderer.render($0) })
            let truth = try builder.writeTarGz(to: out, count: count, mix: name.mix)
            let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
            let types = truth.countsByFormType.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            print("wrote \(out): \(truth.members.count) submissions (\(truth.ownershipCount) ownership, "
                + "\(truth.members.count - truth.ownershipCount) other), \(size) bytes, seed \(seed); by type: \(types)")
        }
    }

    enum MixName: String, ExpressibleByArgument, CaseIterable {
        case standard, form4Only = "form4-only", xmlOnly = "xml-only", textOnly = "text-only", realistic

        var mix: FeedMix {
            switch self {
            case .standard: .standard
            case .form4Only: .form4Only
            case .xmlOnly: .xmlOnly
            case .textOnly: .textOnly
            case .realistic: .realistic
            }
        }
    }

    struct Zip: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A zip of loose ownership XML documents named <accession>.xml (Forms 3, 4, 5 and amendments).")

        @Option(help: "Number of XML files.")
        var count: Int

        @Option(help: "Seed of the generator.")
        var seed: UInt64

        @Option(help: "Filing date, YYYYMMDD.")
        var date = "20250213"

        @Flag(help: "Write zip64 records even though the archive is small.")
        var zip64 = false

        @Option(help: "Output path (.zip).")
        var out: String

        func validate() throws {
            guard count >= 0 else { throw ValidationError("--count must be zero or more") }
            guard CivilDate(date) != nil else { throw ValidationError("--date must be YYYYMMDD") }
        }

        func run() throws {
            var builder = FeedBuilder(seed: seed, filingDate: date)
            var zip = ZipWriter(forceZip64: zip64)
            let mix = FeedMix(weights: FeedMix.standard.weights.filter { $0.kind != .other && $0.kind != .textLayout })
            let kinds = mix.quotas(count: count).sorted { "\($0.key)" < "\($1.key)" }.flatMap { repeatElement($0.key, count: $0.value) }
            for (i, kind) in kinds.enumerated() {
                let submission = builder.nextSubmission(kind: kind, mix: mix)
                guard let doc = submission.document else { continue }
                // A few entries stored rather than deflated, as some zip tools do for small files.
                try zip.addFile(name: "\(submission.accession).xml", contents: Array(XMLRenderer.render(doc).utf8),
                                method: i % 10 == 9 ? .stored : .deflate)
            }
            let bytes = zip.finish()
            try Data(bytes).write(to: URL(fileURLWithPath: out))
            print("wrote \(out): \(kinds.count) ownership XML files, \(bytes.count) bytes, seed \(seed)")
        }
    }

    struct Txt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Complete-submission .txt files (<SEC-DOCUMENT> with a KEY:<TAB>value header), every other one PEM-wrapped.")

        @OptionGroup var files: FolderOfFiles

        @Option(help: "Filing date, YYYYMMDD.")
        var date = "20070817"

        func validate() throws {
            guard CivilDate(date) != nil else { throw ValidationError("--date must be YYYYMMDD") }
        }

        func run() throws {
            let (count, seed, out) = (files.count, files.seed, files.out)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            var builder = FeedBuilder(seed: seed, filingDate: date)
            let forms: [FormKind] = [.form4, .form3, .form4, .form5, .form4A, .form4]
            var total = 0
            for i in 0..<count {
                let file = builder.completeSubmission(form: forms[i % forms.count], pem: i % 2 == 1)
                try Data(file.bytes).write(to: URL(fileURLWithPath: out).appendingPathComponent(file.name))
                total += file.bytes.count
            }
            print("wrote \(count) complete submissions to \(out) (\(count / 2) PEM-wrapped), \(total) bytes, seed \(seed)")
        }
    }

    struct Text: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Loose text-layout documents named <accession>.txt: the plain-text rendering of Forms 3, 4, 5.",
            discussion: """
                The forms cycle through 4, 3, 5, 4/A, 3/A, 5/A; the rendering options vary from file to file \
                (underlined values, \\$, CRLF, thousands separators, MM/DD/YYYY dates, box 6) so that every \
                spelling the reader accepts is represented.
                """)

        @OptionGroup var files: FolderOfFiles

        @Option(help: "Filing date, YYYYMMDD.")
        var date = "20031112"

        func validate() throws {
            guard CivilDate(date) != nil else { throw ValidationError("--date must be YYYYMMDD") }
        }

        func run() throws {
            let (count, seed, out) = (files.count, files.seed, files.out)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            var builder = FeedBuilder(seed: seed, filingDate: date)
            var total = 0
            for (i, accession, doc) in builder.cyclingOwnershipFilings(count: count) {
                let bits = i % 16
                let options = TextLayoutRenderOptions(
                    underline: bits & 1 == 0, escapeDollar: bits & 2 == 0, crlf: bits & 4 != 0,
                    thousandsSeparators: bits & 8 == 0, displayDates: bits & 8 == 0, showFilingKindBox: bits & 4 != 0,
                    underlineTableCells: bits & 1 == 0 && bits & 8 == 0)
                let bytes = Array(TextLayoutRenderer.render(doc, options: options).utf8)
                try Data(bytes).write(to: URL(fileURLWithPath: out).appendingPathComponent("\(accession).txt"))
                total += bytes.count
            }
            print("wrote \(count) text-layout documents to \(out), \(total) bytes, seed \(seed)")
        }
    }

    struct HTML: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "html",
            abstract: "Loose HTML-view documents named <accession>.html: the SEC's HTML page of Forms 3, 4, 5.",
            discussion: """
                The forms cycle through 4, 3, 5, 4/A, 3/A, 5/A; the page follows the structure of the SEC's \
                xslF345X05 stylesheet (CIK links, one row per street line, a caption after each signature).
                """)

        @OptionGroup var files: FolderOfFiles

        @Option(help: "Filing date, YYYYMMDD.")
        var date = "20031112"

        @Option(help: ArgumentHelp("Also write each filing's XML into this folder, as <accession>.xml.", valueName: "folder"))
        var xmlOut: String?

        func validate() throws {
            guard CivilDate(date) != nil else { throw ValidationError("--date must be YYYYMMDD") }
        }

        func run() throws {
            let (count, seed, out) = (files.count, files.seed, files.out)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            if let xmlOut { try FileManager.default.createDirectory(atPath: xmlOut, withIntermediateDirectories: true) }
            var builder = FeedBuilder(seed: seed, filingDate: date)
            var total = 0
            for (_, accession, doc) in builder.cyclingOwnershipFilings(count: count) {
                if let xmlOut {
                    try Data(XMLRenderer.render(doc).utf8).write(
                        to: URL(fileURLWithPath: xmlOut).appendingPathComponent("\(accession).xml"))
                }
                let bytes = Array(HTMLViewRenderer.render(doc).utf8)
                try Data(bytes).write(to: URL(fileURLWithPath: out).appendingPathComponent("\(accession).html"))
                total += bytes.count
            }
            print("wrote \(count) HTML-view documents to \(out), \(total) bytes, seed \(seed)")
        }
    }
}

/// The options of the subcommands that write a folder of loose files.
struct FolderOfFiles: ParsableArguments {
    @Option(help: "Number of files.")
    var count = 6

    @Option(help: "Seed of the generator.")
    var seed: UInt64

    @Option(help: "Output folder (created if missing).")
    var out: String

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be zero or more") }
    }
}
