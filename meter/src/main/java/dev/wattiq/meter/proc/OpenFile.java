package dev.wattiq.meter.proc;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * A small procfs or sysfs file kept open and re-read from offset 0: no open/close per read and no allocation once
 * the buffer has grown to the file's size. procfs and sysfs regenerate a file's content on every read from offset 0,
 * so each read is fresh, and they hand over a small file whole in one {@code read}: a read shorter than the buffer
 * is taken as the end of the file, which saves the second system call that would return 0.
 * {@link RandomAccessFile} rather than a {@code FileChannel}: its read is one native call, where the channel's goes
 * through several layers and a temporary direct buffer, which matters while the JIT has not compiled the sampler yet.
 * Not thread-safe: the meter reads from its one sampler thread.
 */
public final class OpenFile implements AutoCloseable {
    private final Path path;
    private final RandomAccessFile file;
    private byte[] buffer;
    private final AsciiText text;

    private OpenFile(Path path, RandomAccessFile file, int capacity) {
        this.path = path;
        this.file = file;
        this.buffer = new byte[Math.max(16, capacity)];
        this.text = new AsciiText(buffer, 0);
    }

    /** Opens {@code path} for reading; {@code capacity} is the expected size in bytes (the buffer grows as needed). */
    public static OpenFile open(Path path, int capacity) throws IOException {
        return new OpenFile(path, new RandomAccessFile(path.toFile(), "r"), capacity);
    }

    public Path path() {
        return path;
    }

    /** Reads the whole file; the returned text is valid until the next read. */
    public CharSequence read() throws IOException {
        while (true) {
            int n = fill(buffer.length);
            if (n < buffer.length) return view(n);
            buffer = new byte[buffer.length * 2];
        }
    }

    /** Reads at most the first {@code maxBytes} bytes (e.g. the first line of {@code /proc/stat}). */
    public CharSequence readPrefix(int maxBytes) throws IOException {
        if (buffer.length < maxBytes) buffer = new byte[maxBytes];
        return view(fill(maxBytes));
    }

    /**
     * Reads the file as one unsigned decimal number (e.g. a sysfs {@code energy_uj}), without allocating.
     *
     * @throws IOException when the read fails or the file does not hold a number
     */
    public long readLong() throws IOException {
        CharSequence s = readPrefix(Math.min(buffer.length, 64));
        try {
            return AsciiText.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new IOException(path + " does not hold a number: " + e.getMessage(), e);
        }
    }

    private int fill(int limit) throws IOException {
        file.seek(0);
        int n = file.read(buffer, 0, limit);
        return Math.max(0, n);
    }

    private CharSequence view(int n) {
        text.reset(buffer, n);
        return text;
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing useful to do: the file was only read
        }
    }
}
