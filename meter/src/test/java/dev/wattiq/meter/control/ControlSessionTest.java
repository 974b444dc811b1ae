package dev.wattiq.meter.control;

import dev.wattiq.meter.ManualClock;
import dev.wattiq.meter.Meter;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.testing.ScriptedSensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests and replies of one client over a manual meter with a scripted counter: exact energies, work, bad input. */
class ControlSessionTest {
    final ManualClock clock = new ManualClock();
    final ScriptedSensor pkg = new ScriptedSensor("cpu_package", Duration.ofMillis(1));
    final Meter meter = Meter.manual(List.of(pkg), SensorEnvironment.system().withClock(clock));
    final Window run = meter.window("run");
    final List<WindowRecord> stored = new ArrayList<>();
    final ControlState state = new ControlState(meter, run, "run-1", new ControlLimits(1024, 16, 3, 5, 4, 3), stored::add);
    final ControlSession client = new ControlSession(() -> state, state.limits(), "run-1");

    @AfterEach
    void close() {
        meter.close();
    }

    void at(long millis, double joules) {
        clock.advance(Duration.ofMillis(millis));
        pkg.set(joules);
    }

    /**
     * One request; then a reading at the same (manual) instant, so that a boundary it stamped is settled before the
     * test moves the clock (the meter's boundary thread would settle it too, at a moment of its own).
     */
    String handle(String line) {
        String reply = client.handle(line);
        meter.sampleNow();
        return reply;
    }

    Map<String, Object> send(String line) {
        return ControlJson.parseObject(handle(line));
    }

    /** Closes a window and fetches its energy by the ref the close answered with. */
    String closeAndFetch(String name) {
        String closed = handle("{\"op\":\"close\",\"name\":\"" + name + "\"}");
        long ref = (long) number(closed, "ref");
        return handle("{\"op\":\"window\",\"ref\":" + ref + "}");
    }

    /** The nested "window" object of a close reply, read back with the same parser (flattened by hand). */
    static double number(String reply, String key) {
        int at = reply.indexOf("\"" + key + "\":");
        String rest = reply.substring(at + key.length() + 3);
        return Double.parseDouble(rest.split("[,}]")[0]);
    }

    @Test
    void tagsAreKeptForTheRunAndBadOnesAreClearErrors() {
        assertThat(handle("{\"op\":\"tag\",\"key\":\"accuracy\",\"value\":\"0.91\",\"id\":1}")).isEqualTo("{\"id\":1,\"ok\":true}");
        handle("{\"op\":\"tag\",\"key\":\"epochs\",\"value\":3}");
        handle("{\"op\":\"tag\",\"key\":\"accuracy\",\"value\":\"0.93\"}"); // the same key again replaces it
        assertThat(state.tags()).containsExactly(Map.entry("accuracy", "0.93"), Map.entry("epochs", "3"));
        for (String[] bad : new String[][] {
                {"{\"op\":\"tag\",\"value\":\"1\"}", "'tag' needs 'key'"},
                {"{\"op\":\"tag\",\"key\":\"9lives\",\"value\":\"1\"}", "got '9lives'"},
                {"{\"op\":\"tag\",\"key\":\"a b\",\"value\":\"1\"}", "got 'a b'"},
                {"{\"op\":\"tag\",\"key\":\"k\"}", "'tag' needs 'value', a string or a number, got none"},
                {"{\"op\":\"tag\",\"key\":\"k\",\"value\":true}", "got a boolean"},
                {"{\"op\":\"tag\",\"key\":\"k\",\"value\":\"\"}", "tag value is 0 characters long"},
                {"{\"op\":\"tag\",\"key\":\"k\",\"value\":\"x" + "y".repeat(1024) + "\"}", "tag value is 1025 characters long"},
                {"{\"op\":\"tag\",\"key\":\"k\",\"value\":\"a\\nb\"}", "control character at position 2"},
                {"{\"op\":\"tag\",\"key\":\"k\",\"value\":\"1\",\"note\":\"x\"}", "unknown field 'note' for op 'tag'"}}) {
            assertThat(handle(bad[0])).as(bad[0]).contains("\"ok\":false").contains(bad[1]);
        }
        for (int i = state.tags().size(); i < ControlState.MAX_TAGS; i++) handle("{\"op\":\"tag\",\"key\":\"k" + i + "\",\"value\":\"1\"}");
        assertThat(handle("{\"op\":\"tag\",\"key\":\"one_more\",\"value\":\"1\"}")).contains("not kept: this run has 64 tags already");
        assertThat(handle("{\"op\":\"tag\",\"key\":\"accuracy\",\"value\":\"0.95\"}")).contains("\"ok\":true"); // replacing still works
        assertThat(state.tags()).hasSize(ControlState.MAX_TAGS).containsEntry("accuracy", "0.95");
    }

    @Test
    void aFailingWindowListenerIsCountedAndItsWindowsAreStillReported() {
        ControlState failing = new ControlState(meter, run, "run-1", state.limits(), r -> {
            throw new IllegalStateException("store gone");
        });
        ControlSession other = new ControlSession(() -> failing, failing.limits(), "run-1");
        at(1000, 100);
        other.handle("{\"op\":\"open\",\"name\":\"e1\"}");
        meter.sampleNow();
        at(500, 130);
        other.handle("{\"op\":\"close\",\"name\":\"e1\"}");
        meter.sampleNow();
        assertThat(failing.windows()).extracting(WindowRecord::name).containsExactly("e1");
        assertThat(failing.windows().getFirst().measurement().totalJoules()).isEqualTo(30.0);
        assertThat(failing.listenerFailures()).isEqualTo(1);
        assertThat(state.listenerFailures()).isZero();
    }

    @Test
    void nestedAndOverlappingWindowsAreExactCounterDeltasWithTheWorkInside() {
        at(1000, 100);
        assertThat(send("{\"op\":\"open\",\"name\":\"epoch-1\",\"id\":1}")).containsEntry("ok", true).containsEntry("id", 1L)
                .containsEntry("start_s", 1.0);
        at(500, 150);
        send("{\"op\":\"open\",\"name\":\"inner\"}");
        send("{\"op\":\"work\",\"steps\":2,\"samples\":64,\"tokens\":1000}");
        at(500, 210);
        String inner = handle("{\"op\":\"close\",\"name\":\"inner\",\"id\":7}");
        assertThat(inner).isEqualTo("{\"id\":7,\"ok\":true,\"window\":{\"name\":\"inner\",\"start_s\":1.5,\"duration_s\":0.5,"
                + "\"work\":{\"steps\":2,\"samples\":64,\"tokens\":1000},\"ref\":0}}"); // at once: no energy yet
        assertThat(handle("{\"op\":\"window\",\"ref\":0,\"id\":8}")).isEqualTo("{\"id\":8,\"ok\":true,\"window\":{\"name\":\"inner\","
                + "\"start_s\":1.5,\"duration_s\":0.5,\"energy_j\":{\"total\":60.0,\"by_component\":{\"cpu_package\":60.0}},"
                + "\"method\":\"measured\",\"work\":{\"steps\":2,\"samples\":64,\"tokens\":1000},\"ref\":0}}");
        send("{\"op\":\"open\",\"name\":\"overlap\"}");
        send("{\"op\":\"work\",\"steps\":1}");
        at(250, 260);
        String outer = closeAndFetch("epoch-1");
        assertThat(number(outer, "total")).isEqualTo(160.0);
        assertThat(outer).contains("\"work\":{\"steps\":3,\"samples\":64,\"tokens\":1000}");
        at(250, 300);
        assertThat(number(closeAndFetch("overlap"), "total")).isEqualTo(90.0);
        String energy = handle("{\"op\":\"energy\",\"id\":9}");
        assertThat(number(energy, "total")).isEqualTo(300.0);
        assertThat(number(energy, "duration_s")).isEqualTo(2.5);
        assertThat(energy).contains("\"work\":{\"steps\":3,\"samples\":64,\"tokens\":1000}");
        assertThat(state.windows()).extracting(WindowRecord::name).containsExactly("epoch-1", "inner", "overlap");
        assertThat(stored).extracting(WindowRecord::name).containsExactly("inner", "epoch-1", "overlap");
        assertThat(state.work()).isEqualTo(new Work(3, 64, 1000));
    }

    @Test
    void aWindowClosedTwiceOrNeverOpenedIsAClearErrorAndChangesNothing() {
        send("{\"op\":\"open\",\"name\":\"a\"}");
        handle("{\"op\":\"close\",\"name\":\"a\"}");
        assertThat(send("{\"op\":\"close\",\"name\":\"a\",\"id\":4}")).containsEntry("ok", false).containsEntry("id", 4L)
                .containsEntry("error", "window 'a' is closed already: close each window once (a with-block or @measure closes it for you)");
        assertThat(send("{\"op\":\"close\",\"name\":\"b\"}")).containsEntry("error",
                "window 'b' was never opened: open it first (begin_window(\"b\") or {\"op\":\"open\"})");
        send("{\"op\":\"open\",\"name\":\"c\"}");
        assertThat(send("{\"op\":\"open\",\"name\":\"c\"}").get("error")).isEqualTo(
                "window 'c' is already open: close it first, or give the inner window another name");
        assertThat(state.windows()).hasSize(1);
    }

    @Test
    void badNamesAndCountsAreRefusedWithTheFix() {
        assertThat(send("{\"op\":\"open\",\"name\":\"\"}").get("error")).isEqualTo("window name is empty: give it a name, e.g. \"epoch-3\"");
        assertThat(send("{\"op\":\"open\",\"name\":\"   \"}").get("error")).isEqualTo("window name is empty: give it a name, e.g. \"epoch-3\"");
        assertThat(send("{\"op\":\"open\",\"name\":\"" + "x".repeat(17) + "\"}").get("error"))
                .isEqualTo("window name is 17 characters long: at most 16 allowed (it is stored and shown with the run)");
        assertThat(send("{\"op\":\"open\",\"name\":\"a\\nb\"}").get("error")).asString().contains("control character at position 2");
        assertThat(send("{\"op\":\"open\"}").get("error")).asString().contains("'name' is missing");
        assertThat(send("{\"op\":\"open\",\"name\":3}").get("error")).asString().contains("'name' must be a string");
        assertThat(send("{\"op\":\"work\",\"steps\":-1}").get("error"))
                .isEqualTo("steps must be a count >= 0, got -1: report the work done, never a correction");
        assertThat(send("{\"op\":\"work\",\"tokens\":1.5}").get("error")).isEqualTo("tokens must be a whole number, got 1.5");
        assertThat(send("{\"op\":\"work\",\"samples\":\"3\"}").get("error")).isEqualTo("samples must be a whole number >= 0, got a string");
        assertThat(send("{\"op\":\"work\",\"samples\":true}").get("error")).isEqualTo("samples must be a whole number >= 0, got true");
        assertThat(send("{\"op\":\"work\"}").get("error")).asString().contains("needs at least one of steps, samples, tokens");
        assertThat(send("{\"op\":\"work\",\"steps\":1,\"epochs\":2,\"zz\":1}").get("error"))
                .isEqualTo("bad request: unknown fields 'epochs', 'zz' for op 'work' (allowed: op, id, steps, samples, tokens)");
        assertThat(state.work()).isEqualTo(Work.NONE);
        assertThat(state.windows()).isEmpty();
    }

    @Test
    void aWindowsEnergyIsAskedForByTheRefItsCloseGaveOnThisConnectionOnly() {
        send("{\"op\":\"open\",\"name\":\"a\"}");
        at(100, 5);
        assertThat(send("{\"op\":\"window\",\"ref\":0,\"id\":2}")).containsEntry("id", 2L).containsEntry("error",
                "no window with ref 0 was closed on this connection: use the ref its close answered with (none closed yet)");
        handle("{\"op\":\"close\",\"name\":\"a\"}");
        assertThat(send("{\"op\":\"window\",\"ref\":1}").get("error")).isEqualTo(
                "no window with ref 1 was closed on this connection: use the ref its close answered with (0 to 0)");
        for (String bad : List.of("{\"op\":\"window\"}", "{\"op\":\"window\",\"ref\":-1}", "{\"op\":\"window\",\"ref\":\"0\"}",
                "{\"op\":\"window\",\"ref\":0.5}", "{\"op\":\"window\",\"ref\":null}")) {
            assertThat(send(bad).get("error")).as(bad).isEqualTo(
                    "bad request: 'window' needs 'ref', the whole number a close answered with, e.g. {\"op\":\"window\",\"ref\":0}");
        }
        assertThat(send("{\"op\":\"window\",\"ref\":0,\"name\":\"a\"}").get("error"))
                .isEqualTo("bad request: unknown field 'name' for op 'window' (allowed: op, id, ref)");
        assertThat(send("{\"op\":\"close\",\"name\":\"a\",\"wait\":1}").get("error")).isEqualTo("bad request: 'wait' must be true or false");
        ControlSession other = new ControlSession(() -> state, state.limits(), "run-1");
        assertThat(other.handle("{\"op\":\"window\",\"ref\":0}")).contains("none closed yet"); // refs are per connection
        assertThat(number(handle("{\"op\":\"window\",\"ref\":0}"), "total")).isEqualTo(5.0);
        send("{\"op\":\"open\",\"name\":\"b\"}");
        at(100, 12);
        String waited = handle("{\"op\":\"close\",\"name\":\"b\",\"wait\":true,\"id\":3}"); // one request, energy included
        assertThat(waited).startsWith("{\"id\":3,\"ok\":true,\"window\":{\"name\":\"b\",\"start_s\":0.1,\"duration_s\":0.1,\"energy_j\":{\"total\":7.0,")
                .endsWith(",\"ref\":1}}");
    }

    @Test
    void garbageIsABadRequestWithTheIdWhenItHasOne() {
        assertThatThrownBy(() -> client.handle("hello?")).isInstanceOf(ControlSession.BadRequest.class)
                .satisfies(e -> assertThat(((ControlSession.BadRequest) e).reply).startsWith("{\"id\":null,\"ok\":false,\"error\":\"bad request: not valid JSON"));
        assertThatThrownBy(() -> client.handle("{\"op\":\"fly\",\"id\":5}"))
                .satisfies(e -> assertThat(((ControlSession.BadRequest) e).reply)
                        .isEqualTo("{\"id\":5,\"ok\":false,\"error\":\"bad request: unknown op 'fly'; use one of hello, open, close, window, work, energy, tag\"}"));
        assertThatThrownBy(() -> client.handle("{\"id\":5}"))
                .satisfies(e -> assertThat(((ControlSession.BadRequest) e).reply).contains("field 'op' is missing"));
    }

    @Test
    void limitsPerClientAndPerRunHold() {
        for (String n : List.of("a", "b", "c")) send("{\"op\":\"open\",\"name\":\"" + n + "\"}");
        assertThat(send("{\"op\":\"open\",\"name\":\"d\"}").get("error")).asString().contains("3 windows are open on this connection already");
        handle("{\"op\":\"close\",\"name\":\"a\"}");
        handle("{\"op\":\"close\",\"name\":\"b\"}");
        send("{\"op\":\"open\",\"name\":\"e\"}");
        handle("{\"op\":\"close\",\"name\":\"c\"}");
        send("{\"op\":\"open\",\"name\":\"f\"}");
        assertThat(send("{\"op\":\"open\",\"name\":\"g\"}").get("error")).asString().contains("reached its limit of 5 windows");
        assertThat(client.closeAll("closed by wattiq: test")).extracting(ControlState.Closing::name).containsExactly("e", "f");
        assertThat(state.windows()).hasSize(5).last().satisfies(r -> assertThat(r.notes()).contains("closed by wattiq: test"));
    }

    @Test
    void workSumsAreExactAndRefusedPastTheLargestExactCount() {
        send("{\"op\":\"work\",\"tokens\":" + Work.MAX_COUNT + "}");
        assertThat(send("{\"op\":\"work\",\"tokens\":1,\"steps\":1}").get("error")).asString().contains("the run's tokens would pass");
        assertThat(state.work()).isEqualTo(new Work(0, 0, Work.MAX_COUNT)); // the failed request added nothing, steps included
        assertThat(send("{\"op\":\"work\",\"steps\":9007199254740992}").get("error")).asString().contains("too large");
    }

    @Test
    void helloTellsTheProtocolAndRun() {
        assertThat(send("{\"op\":\"hello\",\"client\":\"python\",\"pid\":12,\"id\":0}")).containsEntry("ok", true)
                .containsEntry("protocol", 2L).containsEntry("run_id", "run-1").containsEntry("id", 0L);
    }
}
