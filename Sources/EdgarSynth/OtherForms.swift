import EdgarCore

/// Submissions of forms the ETL must skip. Some carry `<XML>` documents of their own (13F-HR, D, 144), so
/// only the submission type tells them apart from ownership forms.
enum OtherForms {
    static let types: [(String, Int)] = [
        ("8-K", 30), ("13F-HR", 12), ("D", 10), ("SC 13G", 8), ("SC 13G/A", 4), ("10-Q", 8), ("424B2", 10),
        ("144", 6), ("S-8", 3), ("497K", 5), ("FWP", 4),
    ]

    static func make(filingDate: CivilDate, rng: inout SplitMix64) -> (SubmissionHeader, [EnvelopeDocument]) {
        let type = rng.weighted(types)
        let company = Issuer(cik: pad(rng.int(1_000...2_050_000), 10),
                             name: rng.pick(Vocabulary.companyStems) + " " + rng.pick(Vocabulary.companySuffixes), tradingSymbol: nil)
        var filer = HeaderFactory.issuerEntity(company, role: type.hasPrefix("SC 13G") || type == "144" ? .subjectCompany : .filer)
        filer.filingValues = FilingValues(formType: type, fileNumber: HeaderFactory.fileNumber(company.cik ?? ""), filmNumber: rng.digits(8))
        var entities = [filer]
        if type.hasPrefix("SC 13G") || type == "144" {
            var by = HeaderEntity(role: .filedBy, conformedName: rng.pick(Vocabulary.entityStems).uppercased() + " LLC",
                                  cik: pad(rng.int(1_000_000...2_100_000), 10))
            by.organizationName = ""
            entities.append(by)
        }
        let period: String? = ["10-Q", "13F-HR", "8-K"].contains(type) ? filingDate.adding(days: -rng.int(1...60)).compact : nil
        let items = type == "8-K" ? [rng.pick(["5.02", "7.01", "8.01", "2.02"]), "9.01"] : []
        let header = SubmissionHeader(type: type, period: period, items: items, entities: entities)
        let name = company.name ?? "Company"
        var docs: [EnvelopeDocument] = []
        switch type {
        case "13F-HR":
            docs.append(EnvelopeDocument(type: "13F-HR", sequence: 1, filename: "primary_doc.xml", description: nil,
                                         body: .xml(thirteenFCover(name: name, period: period ?? "", rng: &rng))))
            docs.append(EnvelopeDocument(type: "INFORMATION TABLE", sequence: 2, filename: "infotable.xml", description: nil,
                                         body: .xml(informationTable(rng: &rng))))
        case "D", "144":
            docs.append(EnvelopeDocument(type: type, sequence: 1, filename: "primary_doc.xml", description: nil,
                                         body: .xml(edgarSubmission(type: type, name: name, cik: company.cik ?? "", rng: &rng))))
        default:
            docs.append(EnvelopeDocument(type: type, sequence: 1, filename: "\(type.lowercased().filter { $0.isLetter || $0.isNumber })-\(rng.digits(6)).htm",
                                         description: type, body: .text(html(title: "\(name) \(type)", bytes: rng.int(3_000...16_000), rng: &rng))))
            if type == "8-K" && rng.chance(50) {
                docs.append(EnvelopeDocument(type: "EX-99.1", sequence: 2, filename: "ex99-1.htm", description: "PRESS RELEASE",
                                             body: .text(html(title: "Press release", bytes: rng.int(1_000...4_000), rng: &rng))))
            }
        }
        return (header, docs)
    }

    private static let sentences = [
        "The Company entered into an amendment to its credit agreement with Bank of America, N.A., as administrative agent.",
        "On the effective date, the Board of Directors appointed a new Chief Financial Officer & Treasurer.",
        "Revenue for the quarter increased 12% compared with the prior year, driven by volume & price.",
        "Forward-looking statements are subject to risks and uncertainties that could cause actual results to differ.",
        "The information in this Item 7.01 shall not be deemed \"filed\" for purposes of Section 18 of the Exchange Act.",
        "Net income attributable to common shareholders was $1.2 million, or $0.04 per diluted share.",
        "The notes bear interest at 5.25% per annum, payable semi-annually in arrears on May 15 and November 15.",
    ]

    static func html(title: String, bytes: Int, rng: inout SplitMix64) -> String {
        var s = "<html>\n<head><title>\(escape(title))</title></head>\n<body>\n"
        while s.utf8.count < bytes {
            s += "<p>"
            for _ in 0..<rng.int(2...5) { s += escape(rng.pick(sentences)) + " " }
            s += "</p>\n"
        }
        return s + "</body>\n</html>\n"
    }

    private static func thirteenFCover(name: String, period: String, rng: inout SplitMix64) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <edgarSubmission xmlns="http://www.sec.gov/edgar/thirteenffiler" xmlns:com="http://www.sec.gov/edgar/common">
          <headerData>
            <submissionType>13F-HR</submissionType>
            <filerInfo><periodOfReport>\(period)</periodOfReport></filerInfo>
          </headerData>
          <formData>
            <coverPage><reportCalendarOrQuarter>\(period)</reportCalendarOrQuarter>
              <filingManager><name>\(escape(name.uppercased()))</name></filingManager>
            </coverPage>
            <summaryPage><tableEntryTotal>\(rng.int(5...400))</tableEntryTotal></summaryPage>
          </formData>
        </edgarSubmission>
        """
    }

    private static func informationTable(rng: inout SplitMix64) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<informationTable xmlns=\"http://www.sec.gov/edgar/document/thirteenf/informationtable\">\n"
        for _ in 0..<rng.int(10...45) {
            s += "  <infoTable>\n    <nameOfIssuer>\(escape(rng.pick(Vocabulary.companyStems).uppercased()))</nameOfIssuer>\n"
            s += "    <titleOfClass>COM</titleOfClass>\n    <cusip>\(rng.digits(9))</cusip>\n    <value>\(rng.int(1...900_000))</value>\n"
            s += "    <shrsOrPrnAmt><sshPrnamt>\(rng.int(100...5_000_000))</sshPrnamt><sshPrnamtType>SH</sshPrnamtType></shrsOrPrnAmt>\n"
            s += "    <investmentDiscretion>SOLE</investmentDiscretion>\n"
            s += "    <votingAuthority><Sole>\(rng.int(0...100_000))</Sole><Shared>0</Shared><None>0</None></votingAuthority>\n  </infoTable>\n"
        }
        return s + "</informationTable>\n"
    }

    private static func edgarSubmission(type: String, name: String, cik: String, rng: inout SplitMix64) -> String {
        var s = "<?xml version=\"1.0\"?>\n<edgarSubmission>\n  <schemaVersion>X0708</schemaVersion>\n  <submissionType>\(type)</submissionType>\n"
        s += "  <primaryIssuer>\n    <cik>\(cik)</cik>\n    <entityName>\(escape(name))</entityName>\n  </primaryIssuer>\n"
        s += "  <offeringData>\n"
        for i in 0..<rng.int(20...80) {
            s += "    <relatedPerson index=\"\(i)\"><name>\(escape(rng.pick(Vocabulary.lastNames)))</name><relationship>Executive Officer</relationship></relatedPerson>\n"
        }
        return s + "    <totalOfferingAmount>\(rng.int(100_000...90_000_000))</totalOfferingAmount>\n  </offeringData>\n</edgarSubmission>\n"
    }

    static func escape(_ s: String) -> String {
        var w = XMLWriter()
        w.text(s)
        return w.out
    }
}
