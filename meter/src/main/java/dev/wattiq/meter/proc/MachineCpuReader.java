package dev.wattiq.meter.proc;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the aggregate {@code cpu} line of {@code <procfs>/stat} through a kept-open file (first 1 KiB only). */
public final class MachineCpuReader implements AutoCloseable {
    private static final int PREFIX_BYTES = 1024;
    private final OpenFile file;

    private MachineCpuReader(OpenFile file) {
        this.file = file;
    }

    public static MachineCpuReader open(Path procfsRoot) throws IOException {
        return new MachineCpuReader(OpenFile.open(procfsRoot.resolve("stat"), PREFIX_BYTES));
    }

    /**
     * The machine's CPU times now.
     *
     * @throws IOException when the file cannot be read or holds no well-formed {@code cpu} line
     */
    public MachineCpuTimes read() throws IOException {
        try {
            return MachineCpuTimes.parse(file.readPrefix(PREFIX_BYTES));
        } catch (IllegalArgumentException e) {
            throw new IOException(file.path() + ": " + e.getMessage(), e);
        }
    }

    /** The whole file (for {@link MachineCpuTimes#onlineCpus}). */
    public String readAll() throws IOException {
        return file.read().toString();
    }

    @Override
    public void close() {
        file.close();
    }
}
