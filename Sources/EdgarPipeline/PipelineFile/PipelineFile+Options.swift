import EdgarReaders

extension PipelineFile {
    /// Writes the file's values into `options`, leaving untouched every setting the file does not give. The one
    /// merge of settings: `edgar-etl run` builds the defaults, applies the file, then applies its flags as a
    /// `PipelineFile` of their own, so a flag always wins over the file.
    public func apply(to options: inout PipelineOptions) {
        if let output { options.output = output }
        if let jobs { options.jobs = jobs }
        if let readers { options.readers = readers }
        if let compression { options.compression = compression }
        if let compressionLevel { options.compressionLevel = Int32(compressionLevel) }
        if let partition { options.granularity = partition }
        if let forms { options.forms = FormFilter(accepted: Set(forms)) }
        if let batchSize { options.batchSize = batchSize }
        if let recoverXML { options.recoverXML = recoverXML }
        if let value = limits.maxMemberBytes { options.readerLimits.maxMemberBytes = value }
        if let value = limits.maxCompressionRatio { options.readerLimits.maxCompressionRatio = value }
        if let value = limits.maxXMLDepth { options.xmlLimits.maxDepth = value }
        if let value = limits.maxDocumentBytes { options.xmlLimits.maxDocumentBytes = value }
        if let value = limits.maxInflatedBytes { options.readerLimits.maxInflatedBytesPerInput = value }
        if let onTruncated = rejects.onTruncated { options.onTruncated = onTruncated }
        if let maxRejects = rejects.maxRejects { options.maxRejects = maxRejects }
        if let maxRejectRatio = rejects.maxRejectRatio { options.maxRejectRatio = maxRejectRatio }
    }
}
