package dev.wattiq.app.tune;

import dev.wattiq.app.cli.Errors;
import dev.wattiq.app.output.OutputFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a frontier chart as .svg or .html, chosen by the file's extension. */
final class ChartFile {
    private static final String OPTION = "--chart";

    private ChartFile() {
    }

    /** Fails with a one-line user error when {@code file} is not an .svg or .html file that can be written. */
    static void check(Path file) {
        html(file);
        OutputFile.checkWritable(OPTION, file);
    }

    static void write(Path file, String title, List<String> names, double[][] values, boolean[] on, List<String> labels,
                      int chosen, List<String> tableLines) {
        String svg = FrontierChart.svg(title, names, values, on, labels, chosen);
        OutputFile.write(OPTION, file, html(file) ? FrontierChart.html(title, svg, tableLines) : svg);
    }

    private static boolean html(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm");
        if (!html && !name.endsWith(".svg")) throw new Errors.UserError(OPTION + " " + file + ": give a file name ending in .svg or .html");
        return html;
    }
}
