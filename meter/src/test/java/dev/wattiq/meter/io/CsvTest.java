package dev.wattiq.meter.io;

import dev.wattiq.meter.UserInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one CSV reader: a property for what it must keep, and a test for each trap. */
class CsvTest {
    private static Csv.Table parse(String text) {
        return Csv.parse("t.csv", text);
    }

    private static String quote(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> field = Arbitraries.strings().withChars("ab ,\"\n\r#\t;é€").ofMaxLength(8)
                .injectDuplicates(0.1);
        return Arbitraries.integers().between(1, 5).flatMap(cols ->
                field.list().ofSize(cols).list().ofMinSize(0).ofMaxSize(6));
    }

    @Property
    void anyQuotedFieldsRoundTripExactly(@ForAll("tables") List<List<String>> records) {
        int cols = records.isEmpty() ? 1 : records.getFirst().size();
        List<String> header = IntStream.range(0, cols).mapToObj(i -> "c" + i).toList();
        StringBuilder text = new StringBuilder(String.join(",", header)).append("\r\n");
        for (List<String> r : records) text.append(r.stream().map(CsvTest::quote).collect(Collectors.joining(","))).append('\n');
        Csv.Table t = parse(text.toString());
        assertThat(t.header()).isEqualTo(header);
        assertThat(t.rows()).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) assertThat(t.row(i).cells()).isEqualTo(records.get(i));
    }

    @Property
    void lineNumbersCountLineBreaksInsideQuotes(@ForAll @net.jqwik.api.constraints.Size(max = 8) List<@IntRange(max = 3) Integer> breaks,
                                                @ForAll boolean crlf) {
        String nl = crlf ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder("# a comment" + nl + "id,note" + nl);
        List<Integer> expected = new ArrayList<>();
        int line = 3;
        for (int i = 0; i < breaks.size(); i++) {
            expected.add(line);
            text.append(i).append(",\"x").append(nl.repeat(breaks.get(i))).append("y\"").append(nl);
            line += 1 + breaks.get(i);
            if (i % 3 == 2) {
                text.append(nl).append("  # between rows").append(nl);
                line += 2;
            }
        }
        Csv.Table t = parse(text.toString());
        assertThat(t.rows().stream().map(Csv.Row::line).toList()).isEqualTo(expected);
        for (int i = 0; i < breaks.size(); i++) assertThat(t.row(i).text("note")).isEqualTo("x" + nl.repeat(breaks.get(i)) + "y");
    }

    @Property
    void everyFiniteDoubleReadsBackAndJavaSuffixesDoNot(@ForAll double v) {
        net.jqwik.api.Assume.that(Double.isFinite(v));
        String s = Double.toString(v);
        assertThat(Decimal.parse(s, false)).isEqualTo(v);
        assertThat(parse("x\n" + s + "\n").row(0).number("x")).isEqualTo(v);
        for (String suffix : List.of("d", "D", "f", "F")) {
            assertThatThrownBy(() -> Decimal.parse(s + suffix, false)).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void byteOrderMarkIsDropped() {
        Csv.Table t = parse("\uFEFFa,b\n1,2\n");
        assertThat(t.header()).containsExactly("a", "b");
        assertThat(t.row(0).text("a")).isEqualTo("1");
    }

    @Test
    void commentAndBlankLinesAreSkippedButAHashInsideQuotesIsData() {
        Csv.Table t = parse("# source: x\n\n  # indented\na,b\n \t\n\"#1\",\"line\n# not a comment\"\n# end\n");
        assertThat(t.headerLine()).isEqualTo(4);
        assertThat(t.rows()).singleElement().satisfies(r -> {
            assertThat(r.text("a")).isEqualTo("#1");
            assertThat(r.text("b")).isEqualTo("line\n# not a comment");
            assertThat(r.line()).isEqualTo(6);
        });
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        Csv.Table t = parse("id,source\r\nA,\"x, y \"\"z\"\"\r\nnext line\"\r\nB, plain \r\nC,\"  kept  \"  \n");
        assertThat(t.row(0).text("source")).isEqualTo("x, y \"z\"\r\nnext line");
        assertThat(t.row(1).text("source")).isEqualTo("plain");
        assertThat(t.row(2).text("source")).isEqualTo("  kept  ");
        assertThat(t.rows().stream().map(Csv.Row::line)).containsExactly(2, 4, 5);
    }

    @Test
    void aFileNeedsAHeader() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(UserInputException.class)
                .hasMessage("t.csv is empty: it needs a header line naming the columns, then rows");
        assertThatThrownBy(() -> parse("# only a comment\n\n")).hasMessageContaining("is empty");
        assertThat(parse("a,b\n").rows()).isEmpty();
    }

    @Test
    void duplicateColumnNamesAreRefusedButUnnamedColumnsAreAllowed() {
        assertThatThrownBy(() -> parse("name,energy_j,name\nx,1,y\n")).isInstanceOf(UserInputException.class)
                .hasMessage("t.csv:1: column 3 (name) repeats the name of column 1: give each column its own name");
        assertThatThrownBy(() -> parse("a, b ,b\n")).hasMessageStartingWith("t.csv:1: column 3 (b) repeats");
        Csv.Table pandas = parse(",energy_j,\n0,5,x\n"); // an index column without a name, as pandas writes it
        assertThat(pandas.row(0).number("energy_j")).isEqualTo(5);
        assertThat(pandas.row(0).where(0)).isEqualTo("t.csv:2: column 1");
    }

    @Test
    void wrongFieldCountsNameFileLineAndField() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n1,2,3\n")).isInstanceOf(UserInputException.class)
                .hasMessage("t.csv:3: has 3 fields, the header has 2 (field 3 ('3') has no column): give every row one value"
                        + " per column, and quote values that contain commas");
        assertThatThrownBy(() -> parse("a,b,year\n\"x\ny\",2\n"))
                .hasMessageStartingWith("t.csv:2: has 2 fields, the header has 3 (no field for column 3 (year))");
        assertThatThrownBy(() -> parse("a,b\n\"1\n\n\",2\n3\n")).hasMessageStartingWith("t.csv:5: has 1 fields");
    }

    @Test
    void malformedQuotesNameLineAndColumn() {
        assertThatThrownBy(() -> parse("a,b\n1,\"open\n2,3\n")).isInstanceOf(UserInputException.class)
                .hasMessage("t.csv:2: column 2 opens a quote that is never closed: close it with \" or remove it");
        assertThatThrownBy(() -> parse("a,b\n1,x\"y\"\n")).hasMessageStartingWith("t.csv:2: column 2 has a stray quote");
        assertThatThrownBy(() -> parse("a,b\n1,\"x\"y\n")).hasMessageStartingWith("t.csv:2: column 2 has text after its closing quote");
        assertThatThrownBy(() -> parse("a,b\n\"x\n\"y,2\n")).hasMessageStartingWith("t.csv:3: column 1 has text after");
    }

    @Test
    void numbersAreStrict() {
        Csv.Row r = parse("x,y\n0,\n").row(0);
        assertThat(r.number("y", Double.NaN)).isNaN();
        assertThat(r.number("absent", -1)).isEqualTo(-1);
        for (String ok : List.of("12", "-0.5", "+3", ".25", "3.", "1e-3", "6.02E23", "007")) {
            assertThat(parse("x\n" + ok + "\n").row(0).number("x")).as(ok).isEqualTo(Double.parseDouble(ok));
        }
        for (String bad : List.of("abc", "1.0d", "2f", "2F", "1D", "0x10", "0x1p3", "NaN", "Infinity", "-Infinity", "1,5", "1 000",
                "e5", ".", "-", "1e", "1e+", "١٢", "1_000")) {
            assertThatThrownBy(() -> parse("x\n\"" + bad + "\"\n").row(0).number("x")).as(bad)
                    .isInstanceOf(UserInputException.class)
                    .hasMessageStartingWith("t.csv:2: column 1 (x) is '" + bad + "', not a ")
                    .hasMessageEndingWith("number: write a plain decimal such as 12.5 or 1e-3");
        }
        assertThatThrownBy(() -> parse("x\nNaN\n").row(0).number("x")).hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> parse("x\n1e999\n").row(0).number("x")).hasMessageContaining("'1e999', not a finite number");
        assertThatThrownBy(() -> r.number("y")).hasMessage("t.csv:2: column 2 (y) is empty: give a value");
        assertThat(Decimal.parse("NaN", true)).isNaN();
        assertThat(Decimal.parse("-Infinity", true)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Decimal.parse("inf", true)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void wholeNumbersAreDigitsOnly() {
        Csv.Row r = parse("year,bad,big\n2024,2024.0,99999999999\n").row(0);
        assertThat(r.integer("year")).isEqualTo(2024);
        assertThatThrownBy(() -> r.integer("bad")).hasMessage("t.csv:2: column 2 (bad) is '2024.0', not a whole number: write digits only, such as 2024");
        assertThatThrownBy(() -> r.integer("big")).hasMessageContaining("not a whole number");
    }

    @Test
    void columnsAreNamedInErrors() {
        Csv.Table t = parse("# c\ntime,g\n1,2\n");
        assertThatThrownBy(() -> t.column("timestamp")).isInstanceOf(UserInputException.class)
                .hasMessage("t.csv:2: no column 'timestamp' in the header [time, g]: add it, or name one of those");
        assertThatThrownBy(() -> t.require(List.of("time", "gco2e_per_kwh")))
                .hasMessage("t.csv:2: no column 'gco2e_per_kwh' in the header [time, g]: the header must name time,gco2e_per_kwh");
        assertThat(t.require(List.of("g")).column("g")).isEqualTo(1);
        assertThatThrownBy(() -> t.row(0).required("source")).hasMessage("t.csv:3: column 'source' is missing: add the column");
        assertThat(t.row(0).text("source")).isEmpty();
        assertThat(t.row(0).error("g", "is negative: give >= 0")).hasMessage("t.csv:3: column 2 (g) is negative: give >= 0");
    }

    @Test
    void filesAreReadAsUtf8WithNamedFailures(@TempDir Path dir) throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.csv"), "name\nCafé\n");
        assertThat(Csv.read(ok).row(0).text("name")).isEqualTo("Café");
        assertThat(Csv.read(ok).file()).isEqualTo(ok.toString());
        assertThatThrownBy(() -> Csv.read(dir.resolve("none.csv"))).isInstanceOf(UserInputException.class)
                .hasMessage("no such file: " + dir.resolve("none.csv") + ": check the path");
        Path latin1 = Files.write(dir.resolve("l.csv"), new byte[]{'n', '\n', 'C', 'a', 'f', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> Csv.read(latin1)).isInstanceOf(UserInputException.class).hasMessageContaining("is not UTF-8 text");
        assertThatThrownBy(() -> Csv.resource(CsvTest.class, "/no/such.csv")).isInstanceOf(IllegalStateException.class);
        assertThat(Csv.resource(CsvTest.class, "/dev/wattiq/meter/cpu-power.csv").file()).isEqualTo("cpu-power.csv");
    }
}
