/// Why a report could not be made. A damaged part file is not one of these: it is listed in the report.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAnOutputFolder(String)
    case unreadableManifest(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAnOutputFolder(let path): "\(path) is not an edgar-etl output folder (it has no _manifests, _rejects or _staging)"
        case .unreadableManifest(let path, let reason): "cannot read manifest \(path): \(reason)"
        }
    }
}
