@testable import EdgarWriters

/// Whole paths under OUT for the tests to look at; the writer itself opens these relative to OUT's descriptor
/// (`OutputLayout.manifestsName`, `OutputLayout.locksName`).
extension OutputLayout {
    /// Per-source lock files (`<source-key>.lock`), present only while a source commits or after a commit that
    /// failed half-way (the file then lists what the re-run must clean up).
    var locksFolder: String { root + "/" + OutputLayout.locksName }

    func manifestPath(sourceKey: String) -> String { manifestsFolder + "/" + sourceKey + ".json" }
}
