package dev.wattiq.planner.data;

import dev.wattiq.planner.PlannerException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTest {
    @Test
    void readsQuotedFieldsWithCommasQuotesAndNewlines() {
        List<Map<String, String>> rows = Csv.parse("id,source\nA,\"x, y \"\"z\"\"\nnext line\"\r\nB,plain\n", "t.csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("source")).isEqualTo("x, y \"z\"\nnext line");
        assertThat(rows.get(1)).containsEntry("id", "B").containsEntry("source", "plain");
    }

    @Test
    void skipsBlankLinesAndAByteOrderMark() {
        assertThat(Csv.parse("\uFEFFa,b\n1,2\n\n", "t.csv")).containsExactly(Map.of("a", "1", "b", "2"));
    }

    @Test
    void malformedInputNamesTheProblem() {
        assertThatThrownBy(() -> Csv.parse("a,b\n\"open,2\n", "t.csv")).isInstanceOf(PlannerException.class)
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,2,3\n", "t.csv")).hasMessageContaining("record 2 has 3 fields");
        assertThatThrownBy(() -> Csv.parse("a,b\n\"x\"y,2\n", "t.csv")).hasMessageContaining("after a closing quote");
        assertThatThrownBy(() -> Csv.parse("a,b\nx\"y,2\n", "t.csv")).hasMessageContaining("quote inside an unquoted field");
        assertThatThrownBy(() -> Csv.parse("", "t.csv")).hasMessageContaining("empty");
    }

    @Test
    void numberCellsAreNumbersOrNaN() {
        Map<String, String> row = Map.of("x", "1.5", "y", "", "z", "abc");
        assertThat(Csv.number(row, "x", "t")).isEqualTo(1.5);
        assertThat(Csv.number(row, "y", "t")).isNaN();
        assertThatThrownBy(() -> Csv.number(row, "z", "t")).hasMessageContaining("not a number");
    }

    @Property
    void anyFieldsSurviveQuoting(@ForAll @Size(min = 1, max = 6) List<@StringLength(max = 12) String> fields) {
        List<String> trimmed = fields.stream().map(String::trim).toList();
        String header = java.util.stream.IntStream.range(0, fields.size()).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        String line = fields.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","));
        List<Map<String, String>> rows = Csv.parse(header + "\n" + line + "\n", "p.csv");
        if (trimmed.size() == 1 && trimmed.getFirst().isEmpty()) return; // a lone empty field is a blank line
        assertThat(rows).hasSize(1);
        for (int i = 0; i < fields.size(); i++) assertThat(rows.getFirst().get("c" + i)).isEqualTo(trimmed.get(i));
    }
}
