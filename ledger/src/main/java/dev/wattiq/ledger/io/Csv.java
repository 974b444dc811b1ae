package dev.wattiq.ledger.io;

import dev.wattiq.ledger.LedgerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF) whose errors name the file, line and column.
 * The first non-empty line is the header; lines starting with {@code #} and blank lines are skipped.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * One data row.
     *
     * @param file   file name, for messages
     * @param line   1-based line number in the file
     * @param header column names
     * @param cells  cell values, as many as the header
     */
    public record Row(String file, int line, List<String> header, List<String> cells) {
        /** The text in column {@code name} (trimmed). */
        public String text(String name) {
            return cells.get(index(name)).strip();
        }

        /** The text in column {@code name}, which must not be empty. */
        public String required(String name) {
            String s = text(name);
            if (s.isEmpty()) throw error(name, "is empty: give a value");
            return s;
        }

        /** The number in column {@code name}. */
        public double number(String name) {
            String s = required(name);
            try {
                double v = Double.parseDouble(s);
                if (!Double.isFinite(v)) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw error(name, "is '" + s + "', not a number: write a plain decimal such as 0.12");
            }
        }

        /** An exception naming this row's file, line and column {@code name}. */
        public LedgerException error(String name, String problem) {
            return new LedgerException(file + ":" + line + ": column " + (index(name) + 1) + " (" + name + ") " + problem);
        }

        private int index(String name) {
            int i = header.indexOf(name);
            if (i < 0) throw new IllegalStateException("no column " + name + " in " + file);
            return i;
        }
    }

    /** Reads a file from disk. */
    public static List<Row> read(Path file, List<String> requiredColumns) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), requiredColumns);
        } catch (NoSuchFileException e) {
            throw new LedgerException("file " + file + " does not exist: check the path");
        } catch (IOException e) {
            throw new LedgerException("cannot read " + file + ": " + e.getMessage() + ": check the path and permissions", e);
        } catch (java.io.UncheckedIOException e) {
            throw new LedgerException(file + " is not UTF-8 text: save it as UTF-8 CSV", e);
        }
    }

    /** Reads a classpath resource shipped with the ledger. */
    public static List<Row> resource(Class<?> anchor, String name, List<String> requiredColumns) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("shipped data file " + name + " missing from the class path");
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), requiredColumns);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped data file " + name, e);
        }
    }

    /** Parses CSV text; {@code file} only names it in messages. */
    public static List<Row> parse(String file, String text, List<String> requiredColumns) {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        int line = 1;
        int i = 0, n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') i = 1;
        while (i < n) {
            int startLine = line;
            if (text.charAt(i) == '#' || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                while (i < n && text.charAt(i) != '\n') i++;
                i++;
                line++;
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false, wasQuoted = false;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') line++;
                        cell.append(c);
                    }
                } else if (c == '"') {
                    if (!cell.toString().isBlank() || wasQuoted) {
                        throw new LedgerException(file + ":" + line + ": column " + (cells.size() + 1) + " has a stray quote: quote the whole field (\"a,b\") and double quotes inside it");
                    }
                    quoted = wasQuoted = true;
                    cell.setLength(0);
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n') {
                    break;
                } else if (c != '\r') {
                    if (wasQuoted && !Character.isWhitespace(c)) {
                        throw new LedgerException(file + ":" + line + ": column " + (cells.size() + 1) + " has text after its closing quote: quote the whole field");
                    }
                    cell.append(c);
                }
            }
            if (quoted) throw new LedgerException(file + ":" + startLine + ": column " + (cells.size() + 1) + " opens a quote that never closes: close it or remove it");
            cells.add(cell.toString());
            i++;
            line++;
            if (header == null) {
                header = cells.stream().map(String::strip).toList();
                for (String col : requiredColumns) {
                    if (!header.contains(col)) {
                        throw new LedgerException(file + ":" + startLine + ": header lacks column '" + col + "': the header must name " + String.join(",", requiredColumns));
                    }
                }
                continue;
            }
            if (cells.size() != header.size()) {
                throw new LedgerException(file + ":" + startLine + ": has " + cells.size() + " columns, the header has " + header.size() + ": fix the row (quote fields that contain commas)");
            }
            rows.add(new Row(file, startLine, header, cells));
        }
        if (header == null) throw new LedgerException(file + " is empty: it needs a header line (" + String.join(",", requiredColumns) + ") and rows");
        return rows;
    }

}
