package dev.wattiq.meter.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small CSV dialect of WattIQ's data files: a header row, comma-separated fields, double quotes around fields
 * that hold commas ({@code ""} for a quote), {@code #} comment lines and blank lines ignored.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * Parses {@code text} into rows keyed by the header's column names.
     *
     * @throws IllegalArgumentException naming the source and line of a malformed row
     */
    public static List<Map<String, String>> parse(String text, String source) {
        List<String> header = null;
        List<Map<String, String>> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            List<String> fields = split(line, source, i + 1);
            if (header == null) {
                header = fields;
                continue;
            }
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + fields.size() + " fields, the header has "
                        + header.size() + "; quote fields that hold commas");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < header.size(); k++) row.put(header.get(k), fields.get(k));
            rows.add(row);
        }
        if (header == null) throw new IllegalArgumentException(source + ": no header row");
        return rows;
    }

    private static List<String> split(String line, String source, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException(source + " line " + lineNo + ": unterminated quote");
        out.add(cur.toString().strip());
        return out;
    }
}
