import Foundation
import ZIPFoundation

/// The bytes of one zip entry, inflated on a thread of its own and handed over a chunk at a time, so that a sheet
/// is read row by row however large it is: memory holds at most `depth` chunks of `chunkSize` bytes.
///
/// ZIPFoundation only pushes an entry's chunks to a closure, while the importer pulls rows between writes that await
/// the store; the thread turns the push into a pull. Inflation stops, with a `CodecError` naming the part and the cap,
/// as soon as the entry inflates past `maximumBytes` or past `limits.compressionRatio` times its compressed size, or
/// more than its header declares; a declared size over either cap is refused before anything is inflated.
/// Dropping the stream stops its thread.
final class ZipEntryStream {
    static let chunkSize = 64 << 10
    static let depth = 4

    private let channel = ChunkChannel(depth: ZipEntryStream.depth)

    /// - Parameters:
    ///   - archive: the zip file.
    ///   - entry: the entry as the archive lists it.
    ///   - file: the workbook as the user knows it, for messages.
    init(archive: URL, entry: Entry, file: String, maximumBytes: Int64, limits: ReadingLimits) throws {
        let path = entry.path
        let declared = Int64(clamping: entry.uncompressedSize)
        let compressed = Int64(clamping: entry.compressedSize)
        let tooLarge = CodecError(file: file, line: nil, message:
            "\(path) khi giải nén lớn hơn \(ReadingLimits.bytes(maximumBytes)), quá giới hạn của một lần nhập; hãy chia thành nhiều tệp")
        let bomb = CodecError(file: file, line: nil, message:
            "\(path) nén với tỉ lệ hơn \(limits.compressionRatio):1, dấu hiệu của tệp nén độc hại (zip bomb); tệp không được giải nén")
        let corrupt = CodecError(file: file, line: nil, message: "không phải tệp Excel (.xlsx) hợp lệ: không giải nén được \(path)")
        @Sendable func exceeds(_ inflated: Int64) -> CodecError? {
            if inflated > maximumBytes { return tooLarge }
            if inflated > limits.ratioFloor, inflated > limits.compressionRatio * max(compressed, 1) { return bomb }
            return nil
        }
        if let error = exceeds(declared) { throw error }
        let checksum = entry.checksum
        Thread.detachNewThread { [channel] in
            do {
                let zip = try Archive(url: archive, accessMode: .read)
                guard let entry = zip[path] else { throw corrupt }
                var inflated: Int64 = 0
                let computed = try zip.extract(entry, bufferSize: Self.chunkSize) { data in
                    inflated += Int64(data.count)
                    if let error = exceeds(inflated) { throw error }
                    // NB: the header's size is what the caps were first checked against; more bytes is a lie or damage.
                    guard inflated <= declared else { throw corrupt }
                    try channel.put([UInt8](data))
                }
                guard inflated == declared, computed == checksum else { throw corrupt }
                channel.finish(nil)
            } catch is ChunkChannel.Cancelled {
                channel.finish(nil)
            } catch let error as CodecError {
                channel.finish(error)
            } catch {
                channel.finish(corrupt)
            }
        }
    }

    deinit { channel.cancel() }

    /// The next chunk, or nil at the end; throws the `CodecError` that stopped inflation.
    func next() throws -> [UInt8]? { try channel.take() }
}

/// Chunks passed from the inflating thread to the reader, at most `depth` at a time.
// NB: @unchecked Sendable: every stored property is read and written only while `condition` is locked.
private final class ChunkChannel: @unchecked Sendable {
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private let depth: Int
    private var chunks: [[UInt8]] = []
    private var finished = false
    private var failure: CodecError?
    private var cancelled = false

    init(depth: Int) { self.depth = depth }

    /// Waits for room, then hands over a chunk; throws `Cancelled` once the reader is gone.
    func put(_ chunk: [UInt8]) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= depth, !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        chunks.append(chunk)
        condition.broadcast()
    }

    func finish(_ error: CodecError?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// Waits for a chunk; nil at the end, or the error that ended the entry once every chunk before it is taken.
    func take() throws -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty, !finished { condition.wait() }
        if !chunks.isEmpty {
            condition.broadcast()
            return chunks.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
    }
}
