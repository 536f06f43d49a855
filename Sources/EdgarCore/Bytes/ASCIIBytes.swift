/// The ASCII byte classes and constants the byte scanners test against. All inlinable, constants included: a
/// `static let` read from another module is a call through its lazy initialiser, on every byte of a scan loop.
extension UInt8 {
    @inlinable public static var lf: UInt8 { 0x0A }
    @inlinable public static var cr: UInt8 { 0x0D }
    @inlinable public static var tab: UInt8 { 0x09 }
    @inlinable public static var space: UInt8 { 0x20 }
    @inlinable public static var lessThan: UInt8 { 0x3C }
    @inlinable public static var greaterThan: UInt8 { 0x3E }
    @inlinable public static var colon: UInt8 { 0x3A }
    @inlinable public static var dash: UInt8 { 0x2D }

    /// The byte with an ASCII capital turned into its small letter; every other byte as it is.
    @inlinable public var asciiLowercased: UInt8 { (self >= 0x41 && self <= 0x5A) ? self | 0x20 : self }
    @inlinable public var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    /// An ASCII letter, either case.
    @inlinable public var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    /// An ASCII letter or digit, either case.
    @inlinable public var isASCIIWordByte: Bool { isASCIILetter || isASCIIDigit }
    /// Space, TAB, CR or LF: the whitespace of SGML headers and of the text layout.
    @inlinable public var isSpaceTabCROrLF: Bool { self == .space || self == .tab || self == .lf || self == .cr }
    /// The ASCII bytes that are whitespace `Character`s: TAB, LF, VT, FF, CR and space.
    @inlinable public var isASCIIWhitespace: Bool { self == .space || (self >= 0x09 && self <= 0x0D) }
}
