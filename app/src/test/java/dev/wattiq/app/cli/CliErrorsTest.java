package dev.wattiq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.ledger.LedgerException;
import dev.wattiq.meter.UserInputException;
import dev.wattiq.planner.PlannerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Every user mistake on run, runs and show: one line naming the problem (and fix), a non-zero exit, no stack trace. */
class CliErrorsTest {
    @TempDir
    Path tmp;

    private Cli.Result run(String... args) {
        return Cli.run(tmp.resolve("home"), args);
    }

    private static void assertOneLine(Cli.Result r, int code, String expectedFirstLine) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err().lines().findFirst().orElse("")).isEqualTo(expectedFirstLine);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(2); // the line, and at most picocli's "Try --help" hint
    }

    @Test
    void unknownOption() {
        assertOneLine(run("run", "--bogus", "--", "true"), 2, "wattiq: Unknown option: '--bogus'");
        assertThat(run("run", "--bogus", "--", "true").err()).contains("Try 'wattiq run --help' for usage.");
    }

    @Test
    void noCommandAfterDoubleDash() {
        assertOneLine(run("run", "--"), 2, "wattiq: no command to run: put it after '--', e.g. wattiq run -- python train.py");
        assertOneLine(run("run"), 2, "wattiq: no command to run: put it after '--', e.g. wattiq run -- python train.py");
    }

    @ParameterizedTest(name = "--interval {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            0.5ms | interval '0.5ms' is too short: the sampler needs at least 1ms
            fast  | bad interval 'fast': give a number and a unit, e.g. 100ms, 1ms, 2s or 0.5s (at least 1ms)
            100   | bad interval '100': give a number and a unit, e.g. 100ms, 1ms, 2s or 0.5s (at least 1ms)
            -5ms  | bad interval '-5ms': give a number and a unit, e.g. 100ms, 1ms, 2s or 0.5s (at least 1ms)
            2h    | bad interval '2h': give a number and a unit, e.g. 100ms, 1ms, 2s or 0.5s (at least 1ms)
            61m   | interval '61m' is too long: use at most 1h (60m)
            """)
    void badIntervals(String interval, String problem) {
        assertOneLine(run("run", "--interval", interval, "--", "true"), 2, "wattiq: Invalid value for option '--interval': " + problem);
    }

    @Test
    void badScopeAndLabelAndEstimationFlags() {
        assertOneLine(run("run", "--scope", "galaxy", "--", "true"), 2, "wattiq: --scope: unknown scope 'galaxy': expected process or machine");
        assertOneLine(run("run", "--label", "novalue", "--", "true"), 2,
                "wattiq: --label needs KEY=VALUE with a non-empty key, got 'novalue' (e.g. --label model=resnet50)");
        assertOneLine(run("run", "--label", "=x", "--", "true"), 2,
                "wattiq: --label needs KEY=VALUE with a non-empty key, got '=x' (e.g. --label model=resnet50)");
        assertOneLine(run("run", "--cpu-watts", "-3", "--", "true"), 2, "wattiq: --cpu-watts must be a positive number of watts, got -3.0");
        assertOneLine(run("run", "--cpu-watts", "Infinity", "--", "true"), 2, "wattiq: --cpu-watts must be a positive number of watts, got Infinity");
    }

    @Test
    void valuesWithNewlinesStayOnTheErrorsOneLine() {
        // a value pasted with its line break: shown escaped (and clipped), never splitting the message
        assertOneLine(run("run", "--label", "=x\nrm -rf", "--", "true"), 2,
                "wattiq: --label needs KEY=VALUE with a non-empty key, got '=x\\u000arm -rf' (e.g. --label model=resnet50)");
        assertOneLine(run("run", "--interval", "fast\nx", "--", "true"), 2,
                "wattiq: Invalid value for option '--interval': bad interval 'fast\\u000ax': give a number and a unit, e.g. 100ms, 1ms, 2s or 0.5s (at least 1ms)");
        assertOneLine(run("compare", "=a\nb", "x=y"), 2,
                "wattiq: A: '=a\\u000ab' is not KEY=VALUE (e.g. model=tiny), a run id or a repeat group");
        assertThat(run("report", "--job", "a\nb").err()).contains("no runs of job 'a\\u000ab'").contains("--job a\\u000ab -- CMD")
                .hasLineCount(1);
        assertThat(run("plan", "train", "--params", "x7\nB", "--tokens", "1T", "--hardware", "H100").err()).contains("'x7\\u000aB'")
                .hasLineCount(2); // the line and picocli's "Try --help" hint
    }

    @Test
    void badSiteFlagsStopTheRunBeforeTheCommandStarts() {
        Path marker = tmp.resolve("ran");
        Cli.Result r = run("run", "--pue", "0.5", "--", "touch", marker.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("wattiq: ").contains("pue").doesNotContain("Exception");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(marker).doesNotExist();
    }

    @Test
    void commandThatCannotStartExits127() {
        Cli.Result r = run("run", "--no-store", "--", "/nonexistent/wattiq-test-cmd", "x");
        assertOneLine(r, 127, "wattiq: cannot run '/nonexistent/wattiq-test-cmd': No such file or directory (check the name, or give its path; PATH is searched)");
    }

    @Test
    void commandThatIsNotExecutableExits127() throws IOException {
        Path f = Files.writeString(tmp.resolve("not-exec.sh"), "echo hi\n");
        Cli.Result r = run("run", "--no-store", "--", f.toString());
        assertOneLine(r, 127, "wattiq: cannot run '" + f + "': Permission denied (is it executable? chmod +x it)");
    }

    @Test
    void unwritableJsonOut() throws IOException {
        Path missing = tmp.resolve("no-such-dir").resolve("run.json");
        assertOneLine(run("run", "--json-out", missing.toString(), "--", "true"), 2,
                "wattiq: cannot write --json-out " + missing + ": directory " + missing.getParent() + " does not exist (create it or choose another path)");
        Path dir = Files.createDirectory(tmp.resolve("a-dir"));
        assertOneLine(run("run", "--json-out", dir.toString(), "--", "true"), 2, "wattiq: --json-out " + dir + " is a directory: give a file name");
        assertThat(tmp.resolve("home")).doesNotExist(); // checked before the store is even created
    }

    @Test
    void unwritableWattiqHome() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Path home = file.resolve("home");
        Cli.Result r = Cli.run(home, "run", "--", "true");
        assertOneLine(r, 2, "wattiq: cannot create WATTIQ_HOME " + home + " (Not a directory): set WATTIQ_HOME to a writable directory (or fix this one's permissions)");
        assertOneLine(Cli.run(file, "runs"), 2,
                "wattiq: WATTIQ_HOME " + file + " is not a directory: set WATTIQ_HOME to a writable directory (or fix this one's permissions)");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void corruptDatabaseIsNamedAndLeftAlone() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path db = home.resolve("wattiq.db");
        byte[] junk = new byte[8192];
        new java.util.Random(7).nextBytes(junk);
        Files.write(db, junk);
        String expected = "wattiq: cannot use the run store " + db + " (file is not a database): if it is damaged, move it aside (e.g. mv "
                + db + " " + db + ".bad) and run again to start a new store";
        assertOneLine(run("runs"), 2, expected);
        assertOneLine(run("show", "abc"), 2, expected);
        assertOneLine(run("run", "--", "true"), 2, expected);
        assertThat(Files.readAllBytes(db)).isEqualTo(junk);
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("wattiq.db");
        }
    }

    @Test
    void unknownRunId() {
        Cli.Result r = run("show", "20990101-000000-ffffff");
        assertOneLine(r, 2, "wattiq: no run '20990101-000000-ffffff' in " + tmp.resolve("home").resolve("wattiq.db")
                + ": list the runs with 'wattiq runs'");
    }

    @Test
    void showNeedsARunIdAndRunsRejectsNegativeLimit() {
        assertOneLine(run("show"), 2, "wattiq: Missing required parameter: 'RUN_ID'");
        assertOneLine(run("runs", "--limit", "-1"), 2, "wattiq: --limit must be 0 (all) or more, got -1");
        assertOneLine(run("runs", "--limit", "many"), 2, "wattiq: Invalid value for option '--limit': 'many' is not an int");
    }

    @Test
    void samplesCsvIntoMissingDirectory() {
        Path csv = tmp.resolve("nope").resolve("s.csv");
        assertOneLine(run("show", "x", "--samples-csv", csv.toString()), 2,
                "wattiq: cannot write --samples-csv " + csv + ": directory " + csv.getParent() + " does not exist (create it or choose another path)");
    }

    @Test
    void anUnexpectedIllegalArgumentExceptionIsABugExit70WithItsTraceInAFile() throws IOException {
        StringWriter err = new StringWriter();
        CommandLine cl = Errors.configure(new CommandLine(new Failing(new IllegalArgumentException("index -1 out of range"))));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute()).isEqualTo(Errors.INTERNAL).isEqualTo(70);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(1);
        Matcher m = Pattern.compile("wattiq: internal error: java.lang.IllegalArgumentException: index -1 out of range \\(trace written to (.+)\\)")
                .matcher(lines.getFirst());
        assertThat(m.matches()).as(lines.getFirst()).isTrue();
        Path trace = Path.of(m.group(1));
        try {
            assertThat(Files.readString(trace)).contains("index -1 out of range").contains("\tat ").contains("CliErrorsTest");
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    @Test
    void aModulesUserInputExceptionIsTheUsersMistakeExit2() {
        for (RuntimeException e : List.of(new PlannerException("unknown hardware 'x': see --list-hardware"),
                new LedgerException("unknown region 'x': see docs/ledger.md"), new UserInputException("bad value 'x': give y"))) {
            StringWriter err = new StringWriter();
            CommandLine cl = Errors.configure(new CommandLine(new Failing(e)));
            cl.setErr(new PrintWriter(err, true));
            assertThat(cl.execute()).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("wattiq: " + e.getMessage() + System.lineSeparator());
        }
    }

    @Command(name = "failing")
    record Failing(RuntimeException thrown) implements Callable<Integer> {
        @Override
        public Integer call() {
            throw thrown;
        }
    }
}
