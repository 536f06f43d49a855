// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "edgar-etl",
    products: [
        .executable(name: "edgar-etl", targets: ["edgar-etl"]),
        .executable(name: "edgar-gen", targets: ["edgar-gen"]),
        .library(name: "EdgarPipeline", targets: ["EdgarPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Pipeline files (pipelines/*.yaml): decoded from Yams' node tree so errors carry line and column.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Logging from the command line: human-readable or JSON lines for log collectors.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The system-call layer: FileDescriptor, Errno, FilePath (EdgarSystem adds what it lacks).
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // C libraries, linked from the system through pkg-config.
        .systemLibrary(name: "CEdgarZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CEdgarLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CEdgarDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CEdgarCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // GNU system calls the Glibc overlay leaves out (syncfs, statfs).
        .systemLibrary(name: "CEdgarSystem"),

        // Every file-system call of the readers and writers: swift-system plus the *at() calls, syncfs, statfs,
        // readdir, remove-tree, atomic write and flock, with one error type (SystemError) carrying an Errno.
        .target(
            name: "EdgarSystem",
            dependencies: ["CEdgarSystem", .product(name: "SystemPackage", package: "swift-system")]),
        // gzip and raw DEFLATE behind typed errors: inflate over zlib, deflate over zlib and libdeflate, CRC-32.
        .target(name: "EdgarCompression", dependencies: ["CEdgarZlib", "CEdgarDeflate"]),

        // Shared vocabulary: the filing model, values, rejects, JSON bytes, hashing.
        .target(name: "EdgarCore", dependencies: ["CEdgarCrypto"]),

        // Stage 1: files, folders, gzip, tar, zip -> members.
        .target(name: "EdgarReaders", dependencies: ["EdgarCore", "EdgarCompression", "EdgarSystem"]),
        // Stage 2: SGML envelopes -> ownership documents.
        .target(name: "EdgarExtractors", dependencies: ["EdgarCore"]),
        // Stage 3: XML / text layout -> model -> table rows.
        .target(name: "EdgarTransformers", dependencies: ["EdgarCore", "CEdgarLibXML2"]),
        // Stage 4: partitioned NDJSON, staging, commit, manifests.
        .target(name: "EdgarWriters", dependencies: ["EdgarCore", "EdgarCompression", "EdgarSystem"]),
        // The four stages wired together on Dispatch.
        .target(
            name: "EdgarPipeline",
            dependencies: [
                "EdgarCore", "EdgarReaders", "EdgarExtractors", "EdgarTransformers", "EdgarWriters",
                .product(name: "Yams", package: "Yams"),
            ]),
        // A stage of its own that reads OUT (never the inputs): the data-quality report.
        .target(name: "EdgarReport", dependencies: ["EdgarCore", "EdgarCompression"]),
        // Synthetic filings with known truth: XML and text renderings, envelopes, archives.
        .target(name: "EdgarSynth", dependencies: ["EdgarCore", "EdgarCompression"]),

        .executableTarget(
            name: "edgar-etl",
            dependencies: [
                "EdgarPipeline", "EdgarTransformers", "EdgarWriters", "EdgarReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "edgar-gen",
            dependencies: ["EdgarSynth", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // For the test targets only (running the built binaries, the real corpus, PostgreSQL, DuckDB); no product
        // depends on it, so what only tests call lives here or in the test target, not in the modules above.
        .target(name: "EdgarTestSupport", dependencies: ["EdgarCore"]),

        .testTarget(name: "EdgarSystemTests", dependencies: ["EdgarSystem", "EdgarTestSupport"]),
        .testTarget(name: "EdgarCompressionTests", dependencies: ["EdgarCompression", "EdgarTestSupport"]),
        .testTarget(name: "EdgarCoreTests", dependencies: ["EdgarCore", "EdgarTestSupport"]),
        .testTarget(name: "EdgarReadersTests", dependencies: ["EdgarReaders", "EdgarSynth", "EdgarTestSupport"]),
        .testTarget(name: "EdgarExtractorsTests", dependencies: ["EdgarExtractors", "EdgarTestSupport"]),
        .testTarget(
            name: "EdgarTransformersTests",
            dependencies: ["EdgarTransformers", "EdgarExtractors", "EdgarSynth", "EdgarTestSupport"]),
        .testTarget(name: "EdgarWritersTests", dependencies: ["EdgarWriters", "EdgarSystem", "EdgarTestSupport"]),
        .testTarget(
            name: "EdgarPipelineTests", dependencies: ["EdgarPipeline", "EdgarSynth", "EdgarCompression", "EdgarTestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "EdgarReportTests",
            dependencies: ["EdgarReport", "EdgarPipeline", "EdgarSynth", "EdgarTransformers", "EdgarTestSupport"]),
        .testTarget(name: "EdgarCLITests", dependencies: ["EdgarSynth", "EdgarTestSupport"]),
        // The regression cases of Tests/Cases (data folders, no Swift each), run through the built edgar-etl.
        .testTarget(name: "EdgarCasesTests", dependencies: ["EdgarTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
