// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for edgar-etl. A separate package so that a plain `swift build` of the main package never
// tries to link them without the sanitizer (see README.md here). Build and run with `scripts/fuzz`.
let package = Package(
    name: "edgar-etl-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "edgar-etl", path: "..")],
    targets: [
        // The libFuzzer driver entry point and the oracles shared by the targets (chunking, JSON lines).
        .target(name: "FuzzSupport", dependencies: [.product(name: "EdgarPipeline", package: "edgar-etl")]),
        .executableTarget(name: "FuzzTar", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzZip", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzSGML", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzTextLayout", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzGzip", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzPipelineFile", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzManifest", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzHTMLView", dependencies: ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
