package dev.wattiq.meter.io;

import dev.wattiq.meter.UserInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WattIQ's one CSV reader, for its shipped data files and for the files users give it. One dialect for all:
 * <ul>
 *   <li>UTF-8; a leading byte-order mark is dropped;</li>
 *   <li>the first record is the header; its column names must be distinct (an unnamed column is allowed and ignored);</li>
 *   <li>RFC 4180 fields: commas between them, double quotes around a field that holds commas, quotes ({@code ""}) or
 *   line breaks; an unquoted field is stripped of surrounding blanks, a quoted one is kept as written;</li>
 *   <li>lines that are blank, or whose first non-blank character is {@code #}, are skipped (outside quotes);</li>
 *   <li>every record has as many fields as the header;</li>
 *   <li>numbers are plain decimals ({@link Decimal}): no {@code 1.0d}, {@code 2f}, hex, {@code NaN} or {@code Infinity}.</li>
 * </ul>
 * Every error is a {@link UserInputException} whose one-line message starts {@code file:line:} (the line a record
 * starts on, counting line breaks inside quoted fields) and names the column, the value and the fix.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * A parsed file.
     *
     * @param file       the name used in messages
     * @param headerLine the line the header is on
     * @param header     column names, in file order
     * @param rows       the data records, in file order
     */
    public record Table(String file, int headerLine, List<String> header, List<Row> rows) {
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }

        /** Whether the header names {@code column}. */
        public boolean has(String column) {
            return header.contains(column);
        }

        /** The 0-based index of {@code column}; throws naming the header when it has no such column. */
        public int column(String column) {
            int c = header.indexOf(column);
            if (c < 0) {
                throw new UserInputException(file + ":" + headerLine + ": no column '" + column + "' in the header "
                        + header + ": add it, or name one of those");
            }
            return c;
        }

        /** This table, after checking that the header names every one of {@code columns}. */
        public Table require(List<String> columns) {
            for (String c : columns) {
                if (!has(c)) {
                    throw new UserInputException(file + ":" + headerLine + ": no column '" + c + "' in the header "
                            + header + ": the header must name " + String.join(",", columns));
                }
            }
            return this;
        }

        /** Number of data rows. */
        public int size() {
            return rows.size();
        }

        /** Data row {@code i} (0-based). */
        public Row row(int i) {
            return rows.get(i);
        }
    }

    /** Reads a file from disk; a missing, unreadable or non-UTF-8 file is the user's to fix. */
    public static Table read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new UserInputException("no such file: " + file + ": check the path");
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + " is not UTF-8 text: save it as UTF-8 CSV", e);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage() + ": check the path and permissions", e);
        }
    }

    /** Reads a data file shipped on the class path next to {@code anchor}; its absence is a packaging bug. */
    public static Table resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("shipped data file " + name + " is missing from the class path: rebuild");
            return parse(name.substring(name.lastIndexOf('/') + 1), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped data file " + name, e);
        }
    }

    /**
     * Parses CSV text.
     *
     * @param file only names the text in messages
     * @throws UserInputException for an empty text, a malformed header or record, naming line and column
     */
    public static Table parse(String file, String text) {
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int line = 1;
        List<String> header = null;
        int headerLine = 0;
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder quoted = new StringBuilder();
        while (i < n) {
            int next = skipIfBlankOrComment(text, i);
            if (next >= 0) {
                i = next;
                line++;
                continue;
            }
            int start = line;
            cells.clear();
            while (true) {
                while (i < n && isBlank(text.charAt(i))) i++;
                if (i < n && text.charAt(i) == '"') {
                    int opened = line;
                    quoted.setLength(0);
                    int seg = ++i;
                    while (true) {
                        if (i >= n) {
                            throw new UserInputException(file + ":" + opened + ": column " + (cells.size() + 1)
                                    + " opens a quote that is never closed: close it with \" or remove it");
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            quoted.append(text, seg, i);
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                quoted.append('"');
                                i += 2;
                                seg = i;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n' || c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')) line++;
                        i++;
                    }
                    while (i < n && isBlank(text.charAt(i))) i++;
                    if (i < n && !isFieldEnd(text.charAt(i))) {
                        throw new UserInputException(file + ":" + line + ": column " + (cells.size() + 1)
                                + " has text after its closing quote: quote the whole field, and double quotes inside it");
                    }
                    cells.add(quoted.toString());
                } else {
                    int s = i;
                    while (i < n && !isFieldEnd(text.charAt(i))) {
                        if (text.charAt(i) == '"') {
                            throw new UserInputException(file + ":" + line + ": column " + (cells.size() + 1)
                                    + " has a stray quote: quote the whole field (\"a,b\") and double quotes inside it");
                        }
                        i++;
                    }
                    cells.add(text.substring(s, i).strip());
                }
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i < n) i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                break;
            }
            if (header == null) {
                header = header(file, start, cells);
                headerLine = start;
                continue;
            }
            if (cells.size() != header.size()) throw fieldCount(file, start, cells, header);
            rows.add(new Row(file, start, header, List.copyOf(cells)));
        }
        if (header == null) throw new UserInputException(file + " is empty: it needs a header line naming the columns, then rows");
        return new Table(file, headerLine, header, rows);
    }

    /** The index after the line starting at {@code i} when that line is blank or a comment, else -1. */
    private static int skipIfBlankOrComment(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n && isBlank(text.charAt(j))) j++;
        boolean comment = j < n && text.charAt(j) == '#';
        if (!comment && j < n && text.charAt(j) != '\n' && text.charAt(j) != '\r') return -1;
        while (j < n && text.charAt(j) != '\n' && text.charAt(j) != '\r') j++;
        if (j < n) j += text.charAt(j) == '\r' && j + 1 < n && text.charAt(j + 1) == '\n' ? 2 : 1;
        return j;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isFieldEnd(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    private static UserInputException fieldCount(String file, int line, List<String> cells, List<String> header) {
        String which = cells.size() > header.size()
                ? "field " + (header.size() + 1) + " ('" + Row.abbreviate(cells.get(header.size())) + "') has no column"
                : "no field for column " + (cells.size() + 1) + " (" + header.get(cells.size()) + ")";
        return new UserInputException(file + ":" + line + ": has " + cells.size() + " fields, the header has " + header.size()
                + " (" + which + "): give every row one value per column, and quote values that contain commas");
    }

    /**
     * One data record: its cells by column, and where it stands in the file, so each value's error can name the file,
     * line, column and value.
     *
     * @param file   the file name used in messages
     * @param line   the line this record starts on (1-based)
     * @param header the header's column names
     * @param cells  the cells, one per column
     */
    public record Row(String file, int line, List<String> header, List<String> cells) {
        public Row {
            if (cells.size() != header.size()) throw new IllegalArgumentException(cells.size() + " cells for " + header.size() + " columns");
        }

        /** The text in {@code column}; empty when the cell is, or when the header has no such column (an optional one). */
        public String text(String column) {
            int c = header.indexOf(column);
            return c < 0 ? "" : cells.get(c);
        }

        /** The text in column {@code c} (0-based). */
        public String text(int c) {
            return cells.get(c);
        }

        /** The text in {@code column}, which must be there and not empty. */
        public String required(String column) {
            String s = text(column);
            if (s.isEmpty()) throw error(column, header.indexOf(column) < 0 ? "is missing: add the column" : "is empty: give a value");
            return s;
        }

        /** The finite plain decimal in {@code column} (see {@link Decimal}); it must not be empty. */
        public double number(String column) {
            required(column);
            return number(header.indexOf(column));
        }

        /** The finite plain decimal in {@code column}, or {@code ifBlank} when the cell is empty or the column absent. */
        public double number(String column, double ifBlank) {
            int c = header.indexOf(column);
            return c < 0 || cells.get(c).isEmpty() ? ifBlank : number(c);
        }

        /** The finite plain decimal in column {@code c} (0-based). */
        public double number(int c) {
            String s = cells.get(c);
            try {
                return Decimal.parse(s, false);
            } catch (NumberFormatException e) {
                String what = s.isEmpty() ? "is empty, not a number"
                        : "is '" + abbreviate(s) + "', not a " + (isNonFinite(s) || Decimal.isPlain(s) ? "finite " : "") + "number";
                throw error(c, what + ": write a plain decimal such as 12.5 or 1e-3");
            }
        }

        /** The whole number in {@code column}: optional sign and digits only. */
        public int integer(String column) {
            String s = required(column);
            int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
            boolean digits = s.length() > start && s.chars().skip(start).allMatch(ch -> ch >= '0' && ch <= '9');
            try {
                if (digits) return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                // too large: reported below
            }
            throw error(column, "is '" + abbreviate(s) + "', not a whole number: write digits only, such as 2024");
        }

        /** Where {@code column} of this row is: {@code file:line: column 3 (name)}. */
        public String where(String column) {
            int c = header.indexOf(column);
            return c < 0 ? file + ":" + line + ": column '" + column + "'" : where(c);
        }

        /** Where column {@code c} (0-based) of this row is. */
        public String where(int c) {
            String name = header.get(c);
            return file + ":" + line + ": column " + (c + 1) + (name.isEmpty() ? "" : " (" + name + ")");
        }

        /** An error about {@code column} of this row: {@code file:line: column 3 (name) <problem>}. */
        public UserInputException error(String column, String problem) {
            return new UserInputException(where(column) + " " + problem);
        }

        /** An error about column {@code c} (0-based) of this row. */
        public UserInputException error(int c, String problem) {
            return new UserInputException(where(c) + " " + problem);
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + String.join(",", cells);
        }

        private static boolean isNonFinite(String s) {
            String t = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
            return t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("inf");
        }

        static String abbreviate(String s) {
            String one = s.replace("\n", " ").replace("\r", " ");
            return one.length() <= 40 ? one : one.substring(0, 37) + "...";
        }
    }

    /** The header's names, stripped, after checking that no name repeats (unnamed columns may). */
    private static List<String> header(String file, int line, List<String> cells) {
        List<String> names = cells.stream().map(String::strip).toList();
        Map<String, Integer> first = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            Integer before = name.isEmpty() ? null : first.putIfAbsent(name, c);
            if (before != null) {
                throw new UserInputException(file + ":" + line + ": column " + (c + 1) + " (" + name + ") repeats the name of column "
                        + (before + 1) + ": give each column its own name");
            }
        }
        return names;
    }
}
