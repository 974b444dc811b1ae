package dev.wattiq.app.serve;

import java.io.IOException;
import java.nio.file.Path;

/** The fake powercap tree of {@link ServeProcess}, for tests in other packages. */
public final class ServeProcessAccess {
    private ServeProcessAccess() {
    }

    public static Path fakeRapl(Path dir, long microJoules) throws IOException {
        return ServeProcess.fakeRapl(dir, microJoules);
    }
}
