package dev.wattiq.meter.gpu;

/** A vendor's GPU management library, bound and initialised; closing it shuts it down and frees the binding. */
public interface GpuLibrary extends AutoCloseable {
    /** The library as given (a path or the default name). */
    String library();

    @Override
    void close();
}
