import EdgarCore

/// Turns the element events of one `ownershipDocument` into the model, as filed.
///
/// Event-driven and independent of libxml2. Rules:
/// - bare leaves (issuer, owner, signature, coding, top-level flags, remarks, footnote text) take all the character
///   data inside them, untrimmed; present but empty is `""`, absent is nil;
/// - a value container takes the text of its `<value>` child (`""` for `<value/>`) and the ids of its
///   `<footnoteId>` children in document order; with no `<value>` its value is nil (a container holding text
///   directly, as an older schema might, keeps that text);
/// - context decides meaning (`transactionFormType` counts only inside a row's `transactionCoding`, owner fields
///   only inside a `reportingOwner`), but order and missing optional elements do not matter;
/// - an element with no rule where it stands (an unknown name, or a known one out of its context) is recorded once
///   per path as an `UnknownElement` with its text, and nothing inside it is read; markup inside footnote and
///   remarks text is text, not elements.
///
/// The owner calls `deallocate()`.
struct OwnershipDocumentBuilder {
    enum StartOutcome {
        case proceed
        /// The root is not `ownershipDocument`. Parsing goes on (ignoring everything) so that a truncated
        /// document, whose first start tag libxml2 may report cut short, is still told apart as malformed.
        case foreignRoot
        case tooDeep
    }

    private enum Capture {
        case none
        case leaf(OwnershipTag)
        case field(RowField)
        case footnote
    }

    private(set) var document = OwnershipDocument(layout: .xml)
    let maxDepth: Int
    private(set) var depth = 0
    private(set) var sawRoot = false
    private(set) var rootIsForeign = false
    /// The open elements: `openTags[d]` is the tag at depth d (the root is depth 1).
    private let openTags: UnsafeMutablePointer<OwnershipTag>
    /// The name of the open element at each depth, as the parser passed it (valid while the element is open): only
    /// read to spell the path of an unknown element.
    private let openNames: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private var text = XMLTextBuffer()

    /// Depth of the unknown element being recorded, 0 when there is none; its text goes to `unknownText`.
    private var unknownDepth = 0
    private var unknownPath = ""
    /// The paths already recorded in this document: a hostile document may hold tens of thousands of distinct ones.
    private var unknownPaths = Set<String>()
    private var unknownText = XMLTextBuffer(capacity: 256)
    /// Bytes of an unknown element's text kept: enough for `UnknownElement.maxTextCharacters` characters of any
    /// script after the surrounding whitespace is trimmed.
    private static let maxUnknownBytes = 4096

    private var capture = Capture.none
    private var captureDepth = 0
    private var inValue = false
    private var sawValue = false
    /// The value container being captured; fresh whenever no container is (finishing one swaps it into the row).
    private var field = Field()
    private var footnoteID = ""

    // Depth at which each section opened; 0 while it is closed.
    private var issuerDepth = 0
    private var ownerDepth = 0
    private var signatureDepth = 0
    private var rowDepth = 0
    private var codingDepth = 0

    // Fresh whenever their section is closed: a closing section moves its value out (leaving a fresh one), so
    // opening the next one need not reset it (resetting a row released ~40 empty strings and arrays).
    private var owner = ReportingOwner()
    private var signature = Signature()
    private var rowKind = RowKind.nonDerivativeTransaction
    private var row = DerivativeTransaction()

    init(maxDepth: Int) {
        self.maxDepth = max(maxDepth, 1)
        openTags = .allocate(capacity: self.maxDepth + 1)
        openTags.initialize(repeating: .other, count: self.maxDepth + 1)
        openNames = .allocate(capacity: self.maxDepth + 1)
        openNames.initialize(repeating: nil, count: self.maxDepth + 1)
    }

    func deallocate() {
        openTags.deallocate()
        openNames.deallocate()
        text.deallocate()
        unknownText.deallocate()
    }

    /// Clears everything for the next document and hands back the finished one.
    mutating func takeDocument() -> OwnershipDocument {
        let finished = moving(&document, leaving: OwnershipDocument(layout: .xml))
        reset()
        return finished
    }

    mutating func reset() {
        document = OwnershipDocument(layout: .xml)
        // A document that ended inside a section leaves it filled.
        if ownerDepth > 0 { owner = ReportingOwner() }
        if signatureDepth > 0 { signature = Signature() }
        if rowDepth > 0 { row = DerivativeTransaction() }
        depth = 0
        sawRoot = false
        rootIsForeign = false
        text.reset()
        capture = .none
        captureDepth = 0
        inValue = false
        sawValue = false
        field = Field()
        issuerDepth = 0
        ownerDepth = 0
        signatureDepth = 0
        rowDepth = 0
        codingDepth = 0
        unknownDepth = 0
        unknownText.reset()
        if !unknownPaths.isEmpty { unknownPaths.removeAll(keepingCapacity: true) }
    }

    /// An element opens. `id` is its `id` attribute, looked up by the caller only for footnotes; `name` is its
    /// NUL-terminated name, which must stay valid while the element is open (libxml2's names do).
    mutating func start(_ tag: OwnershipTag, name: UnsafePointer<UInt8>, id: String?) -> StartOutcome {
        depth += 1
        guard depth <= maxDepth else { return .tooDeep }
        openTags[depth] = tag
        openNames[depth] = name
        if depth == 1 {
            sawRoot = true
            rootIsForeign = tag != .ownershipDocument
            return rootIsForeign ? .foreignRoot : .proceed
        }
        // Inside an unknown element everything is its text.
        if rootIsForeign || unknownDepth > 0 { return .proceed }

        switch capture {
        case .none:
            break
        case .field:
            if tag == .value {
                text.reset()
                inValue = true
            } else if tag == .footnoteId {
                field.footnoteIDs.append(id ?? "")
            } else {
                beginUnknown()
            }
            return .proceed
        case .footnote, .leaf(.remarks):
            // Markup inside text: its character data still belongs to the text being captured.
            return .proceed
        case .leaf:
            // A value that grew children: keep its text as before, and say so.
            beginUnknown()
            return .proceed
        }

        if !startKnown(tag, id: id) { beginUnknown() }
        return .proceed
    }

    /// Acts on an element opening outside any capture; false when there is no rule for it where it stands.
    /// Inlined: as a call of its own it cost ~3,500 instructions per filing.
    @inline(__always)
    private mutating func startKnown(_ tag: OwnershipTag, id: String?) -> Bool {
        switch tag {
        case .schemaVersion, .documentType, .periodOfReport, .dateOfOriginalSubmission, .noSecuritiesOwned,
            .notSubjectToSection16, .form3HoldingsReported, .form4TransactionsReported, .aff10b5One, .remarks:
            guard depth == 2 else { return false }
            beginCapture(.leaf(tag))
        case .issuer:
            issuerDepth = depth
        case .issuerCik, .issuerName, .issuerTradingSymbol, .issuerForeignTradingSymbol:
            guard issuerDepth > 0 else { return false }
            beginCapture(.leaf(tag))
        case .reportingOwner:
            // A nested owner starts over, discarding what the outer one had so far.
            if ownerDepth > 0 { owner = ReportingOwner() }
            ownerDepth = depth
        case .rptOwnerCik, .rptOwnerName, .rptOwnerStreet1, .rptOwnerStreet2, .rptOwnerCity, .rptOwnerState,
            .rptOwnerZipCode, .rptOwnerStateDescription, .rptOwnerNonUSAddressFlag, .rptOwnerNonUSStateTerritory,
            .rptOwnerCountry, .isDirector, .isOfficer, .isTenPercentOwner, .isOther, .officerTitle, .otherText:
            guard ownerDepth > 0 else { return false }
            beginCapture(.leaf(tag))
        case .reportingOwnerId, .reportingOwnerAddress, .reportingOwnerRelationship, .rptOwnerGoodAddress:
            return ownerDepth > 0
        case .rptOwnerCcc:
            // Ignored wherever it stands: as an unknown element its text, a credential, would become an issue's raw.
            return true
        case .ownerSignature:
            if signatureDepth > 0 { signature = Signature() }
            signatureDepth = depth
        case .signatureName, .signatureDate:
            guard signatureDepth > 0 else { return false }
            beginCapture(.leaf(tag))
        case .footnote:
            footnoteID = id ?? ""
            beginCapture(.footnote)
        case .nonDerivativeTable, .derivativeTable, .footnotes:
            return depth == 2
        case .nonDerivativeTransaction, .nonDerivativeHolding, .derivativeTransaction, .derivativeHolding,
            .nonDerivativeSecurity, .derivativeSecurity:
            guard rowDepth == 0, let kind = RowKind(tag) else { return false }
            rowDepth = depth
            rowKind = kind
        case .transactionAmounts, .postTransactionAmounts, .ownershipNature, .underlyingSecurity:
            return rowDepth > 0
        case .transactionCoding:
            guard rowDepth > 0 && codingDepth == 0 else { return false }
            codingDepth = depth
        case .transactionFormType, .transactionCode, .equitySwapInvolved:
            guard codingDepth > 0 else { return false }
            beginCapture(.leaf(tag))
        case .footnoteId:
            if codingDepth > 0 {
                row.coding.footnoteIDs.append(id ?? "")
            } else if rowDepth > 0, let group = FootnoteGroup(openTags[depth - 1]) {
                row.groupFootnotes.append(GroupFootnote(group, id ?? ""))
            } else {
                // Anywhere else (directly in a row, outside rows): no rule, so an `unknown_element` issue, not a drop.
                return false
            }
        default:
            guard rowDepth > 0, let slot = RowField(tag) else { return false }
            sawValue = false
            inValue = false
            beginCapture(.field(slot))
        }
        return true
    }

    /// The innermost open element closes.
    mutating func end() {
        guard depth > 0 else { return }
        if depth <= maxDepth {
            if depth == unknownDepth { finishUnknown() }
            if captureDepth == depth {
                finishCapture()
            } else if inValue, openTags[depth] == .value {
                field.value = text.string()
                sawValue = true
                inValue = false
                text.reset()
            }
            closeSections()
        }
        depth -= 1
    }

    /// Called for every run of text, whitespace between elements included: kept small enough to inline into the
    /// SAX callback (with the unknown-element test inside it, it stopped inlining and cost ~8,000 instructions per
    /// filing).
    @inline(__always)
    mutating func characters(_ bytes: UnsafePointer<UInt8>, count: Int) {
        if unknownDepth > 0 { recordUnknownText(bytes, count: count) }
        if case .none = capture { return }
        text.append(bytes, count: count)
    }

    @inline(never)
    private mutating func recordUnknownText(_ bytes: UnsafePointer<UInt8>, count: Int) {
        guard unknownText.count < Self.maxUnknownBytes else { return }
        unknownText.append(bytes, count: min(count, Self.maxUnknownBytes - unknownText.count))
    }

    /// Starts recording the element just opened as unknown: its path now, while every ancestor's name is at hand.
    @inline(never)
    private mutating func beginUnknown() {
        unknownDepth = depth
        unknownText.reset()
        var path = ""
        for d in 2...depth {
            if d > 2 { path += "/" }
            if let name = openNames[d] { path += String(cString: name) }
        }
        unknownPath = path
    }

    @inline(never)
    private mutating func finishUnknown() {
        unknownDepth = 0
        let path = unknownPath
        guard unknownPaths.insert(path).inserted else { return }
        let text = Normalize.string(unknownText.string()) ?? ""
        // Cut in Unicode scalars, the unit warehouses (and JSON Schema's maxLength) count characters in.
        let cut = String(String.UnicodeScalarView(text.unicodeScalars.prefix(UnknownElement.maxTextCharacters)))
        document.unknownElements.append(UnknownElement(path: path, text: cut))
    }

    private mutating func beginCapture(_ what: Capture) {
        capture = what
        captureDepth = depth
        text.reset()
    }

    private mutating func finishCapture() {
        switch capture {
        case .none:
            break
        case .leaf(let tag):
            assignLeaf(tag, text.string())
        case .footnote:
            document.footnotes.append(Footnote(id: footnoteID, text: text.string()))
        case .field(let slot):
            if !sawValue && !text.isBlank { field.value = text.string() }
            row.swap(slot, with: &field)
            // A container filed twice: the later one wins, and the earlier one is dropped.
            if !field.isEmpty { field = Field() }
            inValue = false
        }
        capture = .none
        captureDepth = 0
        text.reset()
    }

    private mutating func closeSections() {
        if depth == codingDepth {
            codingDepth = 0
        } else if depth == rowDepth {
            document.append(movingFrom: &row, as: rowKind)
            rowDepth = 0
            codingDepth = 0
        } else if depth == ownerDepth {
            document.reportingOwners.append(moving(&owner, leaving: ReportingOwner()))
            ownerDepth = 0
        } else if depth == signatureDepth {
            document.signatures.append(moving(&signature, leaving: Signature()))
            signatureDepth = 0
        } else if depth == issuerDepth {
            issuerDepth = 0
        }
    }

    /// Hands a finished section or value on without copying it, leaving a fresh one in its place: a copy would
    /// retain every string it holds, and the next reset release them all again.
    private func moving<Section>(_ section: inout Section, leaving fresh: Section) -> Section {
        var finished = fresh
        swap(&finished, &section)
        return finished
    }

    private mutating func assignLeaf(_ tag: OwnershipTag, _ value: consuming String) {
        switch tag {
        case .schemaVersion: document.schemaVersion = value
        case .documentType: document.documentType = value
        case .periodOfReport: document.periodOfReport = value
        case .dateOfOriginalSubmission: document.dateOfOriginalSubmission = value
        case .noSecuritiesOwned: document.noSecuritiesOwned = value
        case .notSubjectToSection16: document.notSubjectToSection16 = value
        case .form3HoldingsReported: document.form3HoldingsReported = value
        case .form4TransactionsReported: document.form4TransactionsReported = value
        case .aff10b5One: document.aff10b5One = value
        case .remarks: document.remarks = value
        case .issuerCik: document.issuer.cik = value
        case .issuerName: document.issuer.name = value
        case .issuerTradingSymbol: document.issuer.tradingSymbol = value
        case .issuerForeignTradingSymbol: document.issuer.foreignTradingSymbol = value
        case .rptOwnerCik: owner.cik = value
        case .rptOwnerName: owner.name = value
        case .rptOwnerStreet1: owner.street1 = value
        case .rptOwnerStreet2: owner.street2 = value
        case .rptOwnerCity: owner.city = value
        case .rptOwnerState: owner.state = value
        case .rptOwnerZipCode: owner.zipCode = value
        case .rptOwnerStateDescription: owner.stateDescription = value
        case .rptOwnerNonUSAddressFlag: owner.nonUSAddressFlag = value
        case .rptOwnerNonUSStateTerritory: owner.nonUSStateTerritory = value
        case .rptOwnerCountry: owner.country = value
        case .isDirector: owner.isDirector = value
        case .isOfficer: owner.isOfficer = value
        case .isTenPercentOwner: owner.isTenPercentOwner = value
        case .isOther: owner.isOther = value
        case .officerTitle: owner.officerTitle = value
        case .otherText: owner.otherText = value
        case .signatureName: signature.name = value
        case .signatureDate: signature.date = value
        case .transactionFormType: row.coding.formType = value
        case .transactionCode: row.coding.code = value
        case .equitySwapInvolved: row.coding.equitySwapInvolved = value
        default: break
        }
    }
}

