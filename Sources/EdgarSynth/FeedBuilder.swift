import EdgarCompression
import EdgarCore
import Foundation

/// Builds whole daily-feed archives (`YYYYMMDD.nc.tar.gz`) of realistic submissions, with the truth of
/// what each member holds.
public struct FeedBuilder: Sendable {
    /// One submission: its envelope parts and, for ownership forms, the model it renders.
    public struct Submission: Sendable {
        public var accession: String
        public var header: SubmissionHeader
        public var documents: [EnvelopeDocument]
        public var document: OwnershipDocument?
        public var kind: FeedKind
    }

    public let filingDate: String
    /// Renders the text layout (`TextLayoutRenderer.render`); when nil, text-layout members are written as
    /// XML and the truth says `.xml`.
    public let textRenderer: (@Sendable (OwnershipDocument) -> String)?
    private let date: CivilDate
    private var rng: SplitMix64
    private var generator: FilingGenerator
    private var accessions: AccessionSource

    public init(seed: UInt64, filingDate: String, textRenderer: (@Sendable (OwnershipDocument) -> String)? = nil) {
        guard let date = CivilDate(filingDate) else { preconditionFailure("filing date must be YYYYMMDD, got \(filingDate)") }
        self.date = date
        self.filingDate = date.compact
        self.textRenderer = textRenderer
        rng = SplitMix64(seed: seed)
        generator = FilingGenerator(seed: rng.next(), filingDate: date)
        accessions = AccessionSource(year: date.year, seed: rng.next())
    }

    // MARK: - Whole feeds

    /// Generates `count` submissions in `mix` proportions (exact quotas, shuffled) and hands each to `member`
    /// as (`<accession>.nc`, bytes).
    public mutating func generate(count: Int, mix: FeedMix = .standard, member: (String, [UInt8]) throws -> Void) rethrows -> FeedTruth {
        let quotas = mix.quotas(count: count)
        var kinds: [FeedKind] = []
        kinds.reserveCapacity(count)
        for kind in FeedKind.allCases { kinds += repeatElement(kind, count: quotas[kind] ?? 0) }
        rng.shuffle(&kinds)
        var truth = FeedTruth(filingDate: filingDate)
        truth.members.reserveCapacity(count)
        for kind in kinds {
            let submission = nextSubmission(kind: kind, mix: mix)
            let ending: LineEnding = rng.chance(mix.crPercent) ? .cr : (rng.chance(mix.crlfPercent) ? .crlf : .lf)
            let bytes = EnvelopeRenderer.nc(accession: submission.accession, filingDate: filingDate,
                                            documents: submission.documents, header: submission.header, lineEnding: ending)
            let name = "\(submission.accession).nc"
            try member(name, bytes)
            truth.members.append(truthMember(submission, name: name, lineEnding: ending))
        }
        return truth
    }

    /// The feed as gzip-compressed tar bytes, in memory (tests).
    public mutating func tarGz(count: Int, mix: FeedMix = .standard) throws -> (bytes: [UInt8], truth: FeedTruth) {
        var out: [UInt8] = []
        let truth = try writeTarGz(count: count, mix: mix) { out.append(contentsOf: $0) }
        return (out, truth)
    }

    /// Writes the feed to `path`, streaming: memory stays flat however many filings.
    public mutating func writeTarGz(to path: String, count: Int, mix: FeedMix = .standard) throws -> FeedTruth {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        return try writeTarGz(count: count, mix: mix) { try handle.write(contentsOf: Data($0)) }
    }

    private mutating func writeTarGz(count: Int, mix: FeedMix, sink: ([UInt8]) throws -> Void) throws -> FeedTruth {
        let deflater = try Deflater(format: .gzip)
        var tar = TarWriter(mtime: date.daysSinceEpoch * 86_400 + 22 * 3_600)
        var pending: [UInt8] = []
        func flush(_ bytes: [UInt8]) throws {
            try deflater.feed(bytes) { pending.append(contentsOf: $0) }
            if pending.count >= 1 << 20 {
                try sink(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        let truth = try generate(count: count, mix: mix) { name, bytes in
            tar.addFile(name: name, contents: bytes)
            try flush(tar.takeBytes())
        }
        tar.finish()
        try flush(tar.takeBytes())
        try deflater.finish { pending.append(contentsOf: $0) }
        try sink(pending)
        return truth
    }

    // MARK: - Single submissions

    /// The next `count` submissions cycling through Forms 4, 3, 5, 4/A, 3/A, 5/A (edgar-gen's folders of loose
    /// files), each with its position in the cycle and its ownership document.
    public mutating func cyclingOwnershipFilings(count: Int) -> [(index: Int, accession: String, document: OwnershipDocument)] {
        let kinds: [FeedKind] = [.form4, .form3, .form5, .form4A, .form3A, .form5A]
        return (0..<count).compactMap { i in
            let submission = nextSubmission(kind: kinds[i % kinds.count])
            return submission.document.map { (i, submission.accession, $0) }
        }
    }

    public mutating func nextSubmission(kind: FeedKind, mix: FeedMix = .standard) -> Submission {
        let accession = accessions.next()
        guard let form = kind.ownershipForm else {
            let (header, documents) = kind == .large
                ? LargeForms.make(filingDate: date, rng: &rng) : OtherForms.make(filingDate: date, rng: &rng)
            return Submission(accession: accession, header: header, documents: documents, document: nil, kind: kind)
        }
        var doc = generator.nextDocument(form: form)
        let header = HeaderFactory.ownershipHeader(for: doc, filingDate: date, rng: &rng)
        let primary: EnvelopeDocument
        if kind == .textLayout, let textRenderer {
            doc.layout = .text
            primary = EnvelopeDocument(type: form.documentType, sequence: 1, filename: rng.chance(50) ? nil : "form\(form.baseNumber).txt",
                                       description: nil, body: .text(textRenderer(doc)))
        } else {
            let filename = rng.weighted([
                ("form\(form.baseNumber).xml", 50), ("primarydocument.xml", 10), ("primary_doc.xml", 10), ("ownership.xml", 5),
                ("edgar.xml", 5), ("wk-form\(form.baseNumber)_\(rng.digits(10)).xml", 10), ("doc\(form.baseNumber).xml", 10),
            ])
            primary = EnvelopeDocument(type: form.documentType, sequence: 1, filename: filename,
                                       description: rng.chance(80) ? "PRIMARY DOCUMENT" : nil, body: .xml(XMLRenderer.render(doc)))
        }
        var documents = [primary]
        if rng.chance(mix.ex24Percent) {
            documents.append(powerOfAttorney(sequence: documents.count + 1, owner: doc.reportingOwners.first?.name ?? ""))
        }
        if rng.chance(mix.graphicPercent) {
            var image: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0]
            image += rng.bytes(rng.int(600...3_000))
            documents.append(EnvelopeDocument(type: "GRAPHIC", sequence: documents.count + 1, filename: "signature\(rng.int(1...9)).jpg",
                                              description: nil, body: .uuencoded(image)))
        }
        return Submission(accession: accession, header: header, documents: documents, document: doc, kind: kind)
    }

    /// A complete-submission `.txt` of an ownership form, optionally PEM-wrapped, with its truth.
    public mutating func completeSubmission(form: FormKind, pem: Bool) -> (name: String, bytes: [UInt8], truth: FeedTruth.Member) {
        let submission = nextSubmission(kind: FeedKind.allCases.first { $0.ownershipForm == form && $0 != .textLayout } ?? .form4,
                                         mix: FeedMix(weights: [(.form4, 1)], ex24Percent: 50, graphicPercent: 10))
        let acceptance = filingDate + pad(rng.int(6...21), 2) + pad(rng.int(0...59), 2) + pad(rng.int(0...59), 2)
        let bytes = EnvelopeRenderer.completeSubmission(accession: submission.accession, filingDate: filingDate,
                                                        documents: submission.documents, header: submission.header,
                                                        acceptance: acceptance, pem: pem)
        let name = "\(submission.accession).txt"
        return (name, bytes, truthMember(submission, name: name, lineEnding: .lf))
    }

    private mutating func powerOfAttorney(sequence: Int, owner: String) -> EnvelopeDocument {
        let text = """
            POWER OF ATTORNEY

            Know all by these presents, that the undersigned hereby constitutes and appoints each of the
            Secretary & any Assistant Secretary of the Company, signing singly, the undersigned's true and
            lawful attorney-in-fact to execute Forms 3, 4 and 5 in accordance with Section 16(a) of the
            Securities Exchange Act of 1934 and the rules thereunder.
            ----------------------------------------
            -- signed --
            /s/ \(owner)
            """
        if rng.chance(50) {
            return EnvelopeDocument(type: "EX-24", sequence: sequence, filename: "poa\(rng.digits(4)).txt", description: "POWER OF ATTORNEY",
                                    body: .text(text))
        }
        return EnvelopeDocument(type: "EX-24", sequence: sequence, filename: "ex24.htm", description: "POA",
                                body: .text(OtherForms.html(title: "Power of Attorney", bytes: 1_500, rng: &rng)))
    }

    private func truthMember(_ s: Submission, name: String, lineEnding: LineEnding) -> FeedTruth.Member {
        FeedTruth.Member(name: name, accession: s.accession, formType: s.header.type, kind: s.kind, isOwnership: s.document != nil,
                         layout: s.document?.layout, document: s.document, filingDate: filingDate, period: s.header.period,
                         attachmentTypes: s.documents.dropFirst().map(\.type), lineEnding: lineEnding)
    }
}

/// Unique, valid accession numbers (`\d{10}-\d{2}-\d{6}`): a filer agent's CIK, the year, and that agent's
/// running sequence for the year.
struct AccessionSource: Sendable {
    private var agents = Vocabulary.agents
    private var sequences: [String: Int] = [:]
    private var addedAgents = 0
    private let year: Int
    private var rng: SplitMix64

    init(year: Int, seed: UInt64) {
        self.year = year
        rng = SplitMix64(seed: seed)
    }

    mutating func next() -> String {
        let agent = rng.pick(agents)
        let seq = (sequences[agent] ?? rng.int(100...300_000)) + rng.int(1...3)
        guard seq <= 999_999 else {
            // This agent's year is used up: bring in a new one (the 0002 prefix is unused by the list).
            agents.removeAll { $0 == agent }
            addedAgents += 1
            agents.append("0002" + pad(addedAgents, 6))
            return next()
        }
        sequences[agent] = seq
        return "\(agent)-\(pad(year % 100, 2))-\(pad(seq, 6))"
    }
}
