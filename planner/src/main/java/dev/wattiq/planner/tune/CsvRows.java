package dev.wattiq.planner.tune;

import dev.wattiq.planner.PlannerException;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-aware CSV reader for user files ({@code tune points}, {@code schedule}): a header row, commas, optional
 * double quotes ({@code ""} inside); one record per line. Errors name the file, the line and the column.
 */
public final class CsvRows {
    private final String origin;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();

    private CsvRows(String origin, List<String> header) {
        this.origin = origin;
        this.header = header;
    }

    /**
     * Parses {@code text}. Blank lines are skipped; a record whose field count differs from the header's is an error.
     *
     * @throws PlannerException naming the line (and column for an unclosed quote)
     */
    public static CsvRows parse(String text, String origin) {
        String[] physical = text.split("\r?\n", -1);
        CsvRows out = null;
        for (int i = 0; i < physical.length; i++) {
            String line = i == 0 && physical[0].startsWith("\uFEFF") ? physical[0].substring(1) : physical[i];
            if (line.isBlank()) continue;
            List<String> fields = split(line, origin, i + 1);
            if (out == null) {
                out = new CsvRows(origin, fields.stream().map(String::strip).toList());
                continue;
            }
            if (fields.size() != out.header.size()) {
                throw new PlannerException(origin + ": line " + (i + 1) + " has " + fields.size() + " fields but the header has "
                        + out.header.size() + ": give every row one value per column (quote values that contain commas)");
            }
            out.rows.add(fields.toArray(String[]::new));
            out.lines.add(i + 1);
        }
        if (out == null) throw new PlannerException(origin + " is empty: it needs a header row and at least one data row");
        return out;
    }

    private static List<String> split(String line, String origin, int lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            sb.setLength(0);
            int start = i;
            while (i < n && line.charAt(i) == ' ') i++;
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new PlannerException(origin + ": line " + lineNo + ", column " + (fields.size() + 1)
                                + ": a quote opened at character " + (start + 1) + " is never closed: close it with \"");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(c);
                    }
                }
                while (i < n && line.charAt(i) != ',') i++;
            } else {
                i = start;
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                sb.append(line, i, end);
                i = end;
            }
            fields.add(sb.toString().strip());
            if (i >= n) return fields;
            i++; // the comma
        }
    }

    /** The header's column names. */
    public List<String> header() {
        return header;
    }

    /** Number of data rows. */
    public int size() {
        return rows.size();
    }

    /** The field of data row {@code row} in column {@code col}. */
    public String field(int row, int col) {
        return rows.get(row)[col];
    }

    /** The 1-based line number of data row {@code row}. */
    public int line(int row) {
        return lines.get(row);
    }

    /** The index of column {@code name}; throws naming the header when it is missing. */
    public int column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new PlannerException(origin + ": no column '" + name + "' in the header " + header
                    + ": add it or pick one of those");
        }
        return c;
    }

    /**
     * The field as a finite number.
     *
     * @throws PlannerException naming line and column when it is empty, not a number, NaN or infinite
     */
    public double number(int row, int col) {
        String s = field(row, col);
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(row, col, "'" + s + "' is not a number", "write a decimal number such as 12.5");
        }
        if (!Double.isFinite(v)) throw error(row, col, "'" + s + "' is not a finite number", "write a decimal number");
        return v;
    }

    /** An error naming the file, line and column (1-based, with its name) of a field. */
    public PlannerException error(int row, int col, String problem, String fix) {
        return new PlannerException(origin + ": line " + line(row) + ", column " + (col + 1) + " (" + header.get(col)
                + "): " + problem + ": " + fix);
    }
}
