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
/// - unknown elements are ignored.
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
    private var text = XMLTextBuffer()

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
    }

    func deallocate() {
        openTags.deallocate()
        text.deallocate()
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
    }

    /// An element opens. `id` is its `id` attribute, looked up by the caller only for footnotes.
    mutating func start(_ tag: OwnershipTag, id: String?) -> StartOutcome {
        depth += 1
        guard depth <= maxDepth else { return .tooDeep }
        openTags[depth] = tag
        if depth == 1 {
            sawRoot = true
            rootIsForeign = tag != .ownershipDocument
            return rootIsForeign ? .foreignRoot : .proceed
        }
        if rootIsForeign { return .proceed }

        switch capture {
        case .none:
            break
        case .field:
            if tag == .value {
                text.reset()
                inValue = true
            } else if tag == .footnoteId {
                field.footnoteIDs.append(id ?? "")
            }
            return .proceed
        case .leaf, .footnote:
            // Markup inside text: its character data still belongs to the text being captured.
            return .proceed
        }

        switch tag {
        case .schemaVersion, .documentType, .periodOfReport, .dateOfOriginalSubmission, .noSecuritiesOwned,
            .notSubjectToSection16, .form3HoldingsReported, .form4TransactionsReported, .aff10b5One, .remarks:
            if depth == 2 { beginCapture(.leaf(tag)) }
        case .issuer:
            issuerDepth = depth
        case .issuerCik, .issuerName, .issuerTradingSymbol:
            if issuerDepth > 0 { beginCapture(.leaf(tag)) }
        case .reportingOwner:
            // A nested owner starts over, discarding what the outer one had so far.
            if ownerDepth > 0 { owner = ReportingOwner() }
            ownerDepth = depth
        case .rptOwnerCik, .rptOwnerName, .rptOwnerStreet1, .rptOwnerStreet2, .rptOwnerCity, .rptOwnerState,
            .rptOwnerZipCode, .rptOwnerStateDescription, .isDirector, .isOfficer, .isTenPercentOwner, .isOther,
            .officerTitle, .otherText:
            if ownerDepth > 0 { beginCapture(.leaf(tag)) }
        case .ownerSignature:
            if signatureDepth > 0 { signature = Signature() }
            signatureDepth = depth
        case .signatureName, .signatureDate:
            if signatureDepth > 0 { beginCapture(.leaf(tag)) }
        case .footnote:
            footnoteID = id ?? ""
            beginCapture(.footnote)
        case .nonDerivativeTransaction, .nonDerivativeHolding, .derivativeTransaction, .derivativeHolding,
            .derivativeSecurity:
            if rowDepth == 0, let kind = RowKind(tag) {
                rowDepth = depth
                rowKind = kind
            }
        case .transactionCoding:
            if rowDepth > 0 && codingDepth == 0 { codingDepth = depth }
        case .transactionFormType, .transactionCode, .equitySwapInvolved:
            if codingDepth > 0 { beginCapture(.leaf(tag)) }
        case .footnoteId:
            if codingDepth > 0 {
                row.coding.footnoteIDs.append(id ?? "")
            } else if rowDepth > 0, let group = FootnoteGroup(openTags[depth - 1]) {
                row.groupFootnotes.append(GroupFootnote(group, id ?? ""))
            }
        default:
            if rowDepth > 0, let slot = RowField(tag) {
                sawValue = false
                inValue = false
                beginCapture(.field(slot))
            }
        }
        return .proceed
    }

    /// The innermost open element closes.
    mutating func end() {
        guard depth > 0 else { return }
        if depth <= maxDepth {
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

    mutating func characters(_ bytes: UnsafePointer<UInt8>, count: Int) {
        if case .none = capture { return }
        text.append(bytes, count: count)
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
        case .rptOwnerCik: owner.cik = value
        case .rptOwnerName: owner.name = value
        case .rptOwnerStreet1: owner.street1 = value
        case .rptOwnerStreet2: owner.street2 = value
        case .rptOwnerCity: owner.city = value
        case .rptOwnerState: owner.state = value
        case .rptOwnerZipCode: owner.zipCode = value
        case .rptOwnerStateDescription: owner.stateDescription = value
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

