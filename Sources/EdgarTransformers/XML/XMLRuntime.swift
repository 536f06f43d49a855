import CEdgarLibXML2

/// Process-wide libxml2 setup.
public enum XMLRuntime {
    /// Call once on the main thread before any worker parses: initialises libxml2's global tables and installs a
    /// deny-all external entity loader, so no DTD or entity is ever fetched from disk or network.
    ///
    /// Safe to call more than once; `XMLOwnershipParser.init` and `HTMLTree` call it too, as a guard for callers
    /// that forget.
    public static func initialize() {
        _ = once
    }

    /// Swift runs a global's initialiser exactly once, under a lock: libxml2's own `xmlInitParser` is not
    /// safe to race.
    private static let once: Void = {
        xmlInitParser()
        cedgar_xml_install_deny_loader()
    }()
}
