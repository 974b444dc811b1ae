package dev.wattiq.planner.data;

import dev.wattiq.planner.PlannerException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 reader for the planner's data files: a header row, comma separators, double-quoted fields that may
 * hold commas, quotes ({@code ""}) and newlines. Rows become maps from header to (unquoted) text.
 */
public final class Csv {
    private Csv() {
    }

    /** Parses CSV text; throws {@link PlannerException} naming the line of a malformed row. */
    public static List<Map<String, String>> parse(String text, String origin) {
        List<List<String>> records = records(text, origin);
        if (records.isEmpty()) throw new PlannerException(origin + " is empty: it needs a header row");
        List<String> header = records.getFirst();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> rec = records.get(i);
            if (rec.size() == 1 && rec.getFirst().isBlank()) continue;
            if (rec.size() != header.size()) {
                throw new PlannerException(origin + " record " + (i + 1) + " has " + rec.size() + " fields, the header has "
                        + header.size() + ": quote fields that contain commas");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) row.put(header.get(c).trim(), rec.get(c).trim());
            rows.add(row);
        }
        return rows;
    }

    /** Reads a class-path resource next to {@code anchor}. */
    public static List<Map<String, String>> resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) throw new PlannerException("resource " + name + " is missing from the planner jar: rebuild it");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads all of a reader. */
    public static List<Map<String, String>> read(Reader reader, String origin) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = reader.read(buf)) > 0; ) sb.append(buf, 0, n);
        return parse(sb.toString(), origin);
    }

    static List<List<String>> records(String text, String origin) {
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') line++;
                    field.append(ch);
                }
            } else if (ch == '"') {
                if (!field.toString().isBlank() || wasQuoted) {
                    throw new PlannerException(origin + " line " + line + ": a quote inside an unquoted field;"
                            + " quote the whole field and double inner quotes");
                }
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (ch == ',') {
                rec.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                rec.add(field.toString());
                out.add(rec);
                rec = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
                line++;
            } else {
                if (wasQuoted && !Character.isWhitespace(ch)) {
                    throw new PlannerException(origin + " line " + line + ": text after a closing quote;"
                            + " quote the whole field");
                }
                field.append(ch);
            }
        }
        if (quoted) throw new PlannerException(origin + ": a quoted field is never closed (line " + line + ")");
        if (field.length() > 0 || !rec.isEmpty()) {
            rec.add(field.toString());
            out.add(rec);
        }
        return out;
    }

    /** Parses a number cell; blank means {@code NaN} (absent). */
    public static double number(Map<String, String> row, String column, String origin) {
        String s = row.getOrDefault(column, "");
        if (s.isBlank()) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new PlannerException(origin + ": column " + column + " holds '" + s + "', not a number: fix the data file");
        }
    }
}
