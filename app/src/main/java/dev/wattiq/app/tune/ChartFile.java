package dev.wattiq.app.tune;

import dev.wattiq.app.cli.Errors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a frontier chart as .svg or .html, chosen by the file's extension. */
final class ChartFile {
    private ChartFile() {
    }

    static void write(Path file, String title, List<String> names, double[][] values, boolean[] on, List<String> labels,
                      int chosen, List<String> tableLines) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm");
        if (!html && !name.endsWith(".svg")) {
            throw new Errors.UserError("--chart " + file + ": give a file ending in .svg or .html");
        }
        String svg = FrontierChart.svg(title, names, values, on, labels, chosen);
        try {
            Files.writeString(file, html ? FrontierChart.html(title, svg, tableLines) : svg);
        } catch (IOException e) {
            throw new Errors.UserError("cannot write " + file + " (" + e.getMessage() + "): check the directory exists and is writable");
        }
    }
}
