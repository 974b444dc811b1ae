package dev.wattiq.app.serve;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Lets tests in other packages read a token file as {@code wattiq serve} does. */
public final class ServeCommandAccess {
    private ServeCommandAccess() {
    }

    public static String readToken(Path file, PrintWriter err) {
        return ServeCommand.readToken(file, err);
    }
}
