package dev.wattiq.meter.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A small procfs or sysfs file kept open and re-read from offset 0 with a positional read ({@code pread}):
 * one system call per read, no open/close, no allocation once the buffer has grown to the file's size.
 * procfs and sysfs regenerate a file's content on every read from offset 0, so each read is fresh.
 * Not thread-safe: the meter reads from its one sampler thread.
 */
public final class OpenFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private ByteBuffer buffer;
    private final AsciiText text;

    private OpenFile(Path path, FileChannel channel, int capacity) {
        this.path = path;
        this.channel = channel;
        this.buffer = ByteBuffer.allocate(Math.max(16, capacity));
        this.text = new AsciiText(buffer.array(), 0);
    }

    /** Opens {@code path} for reading; {@code capacity} is the expected size in bytes (the buffer grows as needed). */
    public static OpenFile open(Path path, int capacity) throws IOException {
        return new OpenFile(path, FileChannel.open(path, StandardOpenOption.READ), capacity);
    }

    public Path path() {
        return path;
    }

    /** Reads the whole file; the returned text is valid until the next read. */
    public CharSequence read() throws IOException {
        while (true) {
            int n = fill(buffer.capacity());
            if (n < buffer.capacity()) return view(n);
            buffer = ByteBuffer.allocate(buffer.capacity() * 2);
        }
    }

    /** Reads at most the first {@code maxBytes} bytes (e.g. the first line of {@code /proc/stat}). */
    public CharSequence readPrefix(int maxBytes) throws IOException {
        if (buffer.capacity() < maxBytes) buffer = ByteBuffer.allocate(maxBytes);
        return view(fill(maxBytes));
    }

    /**
     * Reads the file as one unsigned decimal number (e.g. a sysfs {@code energy_uj}), without allocating.
     *
     * @throws IOException when the read fails or the file does not hold a number
     */
    public long readLong() throws IOException {
        CharSequence s = readPrefix(Math.min(buffer.capacity(), 64));
        try {
            return AsciiText.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new IOException(path + " does not hold a number: " + e.getMessage(), e);
        }
    }

    private int fill(int limit) throws IOException {
        buffer.clear().limit(limit);
        long pos = 0;
        while (buffer.hasRemaining()) {
            int r = channel.read(buffer, pos);
            if (r <= 0) break;
            pos += r;
        }
        return buffer.position();
    }

    private CharSequence view(int n) {
        text.reset(buffer.array(), n);
        return text;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do: the file was only read
        }
    }
}
