/// Word lists the generator draws from. Every entry respects the ownership schema's maxima: names 150,
/// street 40, city 30, officer title / other text 30, security title 60, nature of ownership 100,
/// trading symbol 10. A test checks generated documents against those limits.
enum Vocabulary {
    static let firstNames = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Margaret", "Anthony", "Sandra", "Mark", "Ashley",
        "Jean-Claude", "Ana Maria", "Wei", "Priya", "Sean", "Aoife", "Mohammed", "Yuki", "Bruce", "Carine",
    ]
    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
        "O'Brien", "O'Neil", "D'Angelo", "McDonald", "Van Der Berg", "De La Cruz", "Garascia", "Sachs",
        "Nakamura", "Chen", "Patel", "Okafor", "Kowalski", "Schmidt", "Dubois", "Rossi", "St. Clair",
    ]
    static let middleInitials = ["A", "B", "C", "D", "E", "J", "K", "L", "M", "R", "S", "T", "W", "A.", "J."]

    /// Entities that file as 10% owners or "other".
    static let entityStems = [
        "Blackstone Capital", "Sequoia Growth", "O'Brien Family", "Harbor & Vine", "Kleiner Ventures",
        "Granite Peak", "Tiger Ridge", "Baker Bros.", "Smith & Wesson Holdings", "North Star Opportunity",
        "Vanguard Horizon", "Elliott Associates", "Third Point", "Cedar Hill", "Riverside \"Blue\" Fund",
    ]
    static let entitySuffixes = ["L.P.", "LLC", "Partners, L.P.", "Capital Management, LLC", "Fund II, L.P.", "Trust"]

    static let companyStems = [
        "Arrow Electronics", "Vertex Pharmaceuticals", "Snowflake", "AAR", "Becton, Dickinson", "Gen-Probe",
        "Johnson & Johnson", "Procter & Gamble", "AT&T", "Barnes & Noble", "Ben & Jerry's Homemade",
        "Dr. Reddy's Laboratories", "Lowe's Companies", "Macy's", "Moody's", "Kohl's", "McDonald's",
        "374Water", "2seventy bio", "Arrowhead Pharmaceuticals", "SunPower", "Pacific Gas & Electric",
        "Texas Instruments", "Black & Decker", "Marsh & McLennan", "Church & Dwight", "Stanley Black & Decker",
        "Plains All American Pipeline", "First Citizens BancShares", "Blue Owl Capital",
    ]
    static let companySuffixes = ["Inc.", "INC", "Corp", "Corporation", "Co.", "Holdings, Inc.", "Ltd", "plc", "Company"]

    static let streets = [
        "9151 EAST PANORAMA CIRCLE", "1100 N. WOOD DALE ROAD", "50 NORTHERN AVENUE", "ONE BECTON DRIVE",
        "450 CONCAR DRIVE", "1 MARKET STREET, SUITE 3600", "200 PARK AVENUE", "C/O LEGAL DEPARTMENT",
        "2711 CENTERVILLE ROAD, SUITE 400", "P.O. BOX 1029", "100 N. TRYON ST.", "77 WEST WACKER DR",
        "300 CONGRESS ST, FLOOR 12", "1 APPLE PARK WAY", "4 EMBARCADERO CENTER #1400",
    ]
    static let cities: [(city: String, state: String, zip: String)] = [
        ("NEW YORK", "NY", "10017"), ("SAN FRANCISCO", "CA", "94105"), ("SALT LAKE CITY", "UT", "84111"),
        ("WEST PALM BEACH", "FL", "33401"), ("FORT LAUDERDALE", "FL", "33301"), ("BOSTON", "MA", "02210"),
        ("MENLO PARK", "CA", "94025"), ("ST. LOUIS", "MO", "63101"), ("WINSTON-SALEM", "NC", "27101"),
        ("COEUR D'ALENE", "ID", "83814"), ("CENTENNIAL", "CO", "80112"), ("WOOD DALE", "IL", "60191"),
        ("FRANKLIN LAKES", "NJ", "07417-1880"), ("CHICAGO", "IL", "60606"), ("HOUSTON", "TX", "77002"),
        ("LAS VEGAS", "NV", "89109"), ("ANN ARBOR", "MI", "48104"), ("BOZEMAN", "MT", "59715"),
        ("GRAND CAYMAN", "E9", "KY1-1104"), ("TORONTO", "A6", "M5J 2N7"), ("LONDON", "X0", "EC2V 7HN"),
    ]
    static let stateDescriptions = ["E9": "CAYMAN ISLANDS", "A6": "ONTARIO, CANADA", "X0": "UNITED KINGDOM"]

    static let officerTitles = [
        "Chief Executive Officer", "Chief Financial Officer", "President & CEO", "SVP, CLO & Secretary",
        "EVP & Chief Financial Officer", "General Counsel", "Chief Accounting Officer", "COO",
        "President, Americas & EMEA", "SVP, Sales & Marketing", "Chief Technology Officer", "CFO & Treasurer",
        "EVP, General Counsel & Sec.", "Chief \"People\" Officer", "VP, Controller",
    ]
    static let otherTexts = [
        "Member of 10% group", "See Remarks", "Former Director", "Director by deputization", "Trustee & Advisor",
    ]

    static let commonTitles = [
        "Common Stock", "Common Stock", "Common Stock", "Class A Common Stock", "Class B Common Stock",
        "Common Stock, par value $0.001 per share", "Ordinary Shares", "American Depositary Shares",
        "Common Shares", "Series A Common Stock",
    ]
    static let derivativeTitles: [(title: String, kind: DerivativeKind)] = [
        ("Stock Option (Right to Buy)", .option), ("Employee Stock Option (right to buy)", .option),
        ("Non-Qualified Stock Option (right to buy)", .option), ("Restricted Stock Units", .unit),
        ("Performance Stock Units", .unit), ("Deferred Stock Units", .unit), ("Warrants (right to buy)", .option),
        ("Series A Convertible Preferred Stock", .convertible), ("Class B Common Stock", .convertible),
        ("LTIP Units", .unit), ("Phantom Stock", .unit),
    ]
    enum DerivativeKind { case option, unit, convertible }

    static let natures = [
        "By Trust", "By Spouse", "By 401(k) Plan", "By LLC", "By Family Trust", "See Footnote",
        "By Irrevocable Trust for Children", "By GRAT", "By Limited Partnership", "By Foundation",
        "By Smith & Jones Family LP",
    ]

    static let priceFootnotes = [
        "The price reported in Column 4 is a weighted average price. These shares were sold in multiple transactions at prices ranging from $%LOW% to $%HIGH%, inclusive. The reporting person undertakes to provide to the issuer, any security holder of the issuer, or the staff of the SEC full information regarding the number of shares sold at each separate price.",
        "The price reported is a weighted average price; the shares were purchased in multiple transactions at prices ranging from $%LOW% to $%HIGH%.",
    ]
    static let generalFootnotes = [
        "Represents shares withheld to satisfy tax withholding obligations upon the vesting of restricted stock units.",
        "The sale reported on this Form 4 was effected pursuant to a Rule 10b5-1 trading plan adopted by the reporting person on %DATE%.",
        "Represents Common Stock earned from the vesting and settlement of a Performance Stock Unit (\"PSU\") grant, which grant was subject to a three-year performance period.",
        "Shares held by the reporting person's spouse. The reporting person disclaims beneficial ownership of these securities except to the extent of his or her pecuniary interest therein.",
        "Includes 196.356 shares acquired under the Company's Employee Stock Purchase Plan & dividend reinvestment.",
        "Shares are held by the O'Brien Family Trust, of which the reporting person is a trustee.",
        "Bona fide gift to a charitable organization for no consideration.",
        "Transfer to a grantor retained annuity trust (\"GRAT\") for estate-planning purposes; no change in pecuniary interest.",
        "Securities held of record by Harbor & Vine Partners, L.P. The reporting person is a managing member of its general partner and may be deemed to share voting & dispositive power.",
    ]
    static let derivativeFootnotes = [
        "Each restricted stock unit represents a contingent right to receive one share of the issuer's common stock.",
        "The option vests in four equal annual installments beginning on the first anniversary of the grant date.",
        "The restricted stock units vest in three equal annual installments beginning one year after the grant date, subject to continued service.",
        "Each deferred stock unit represents one share of common stock and is paid out upon the earliest to occur of (i) termination of service, (ii) a change of control and (iii) disability or death.",
        "The preferred stock is convertible at any time, at the holder's election, into common stock at a ratio of 1-for-1 and has no expiration date.",
        "The exercise price is the closing price on the grant date, as adjusted for the 3-for-1 stock split.",
    ]
    static let remarks = [
        "Exhibit 24 - Power of Attorney",
        "This Form 4 is filed by the reporting persons listed above & their affiliates; see Exhibit 99.1.",
        "The reporting person's title is \"Chief Executive Officer\" & Director <effective upon closing>.",
        "Price per share < $1.00 reflects a stock dividend; see footnotes 1 & 2.",
        "Amendment filed to correct the number of shares reported in Table I, column 5 (\"Amount Owned\").",
        "Mr. O'Brien is a director by deputization of Harbor & Vine Capital <HVC>.",
        "Exhibit List: Exhibit 24 - Power of Attorney & Exhibit 99 - Joint Filer Information",
    ]
    static let agents = ["0001127602", "0001209191", "0000950170", "0001562180", "0001493152", "0001415889", "0001140361", "0000899243"]
    static let signatureSuffixes = [", Attorney-in-Fact", " by Power of Attorney", "", ", as attorney-in-fact for the Reporting Person", ""]
}
