package dev.wattiq.planner.published;

import java.util.List;
import java.util.Map;

/** One CSV row as the validation reads it: its cells by column name, and the line it starts on. */
public interface Cells {
    /** The cell's text, trimmed; "" when blank or when the file has no such column. */
    String text(String column);

    /** The line the row starts on. */
    int line();

    /** Rows from maps (header on line 1, one line per row). */
    static List<Cells> of(List<Map<String, String>> rows) {
        return java.util.stream.IntStream.range(0, rows.size()).mapToObj(i -> (Cells) new Cells() {
            @Override
            public String text(String column) {
                String s = rows.get(i).get(column);
                return s == null ? "" : s.trim();
            }

            @Override
            public int line() {
                return i + 2;
            }
        }).toList();
    }
}
