package dev.wattiq.meter.control;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The control channel's JSON reader and writer: strict, flat, exact for doubles and strings. */
class ControlJsonTest {
    @Test
    void readsAFlatObject() {
        Map<String, Object> m = ControlJson.parseObject(" {\"op\":\"work\", \"steps\":3,\"x\":-1.5e2,\"t\":true,\"f\":false,\"n\":null,\"s\":\"a\\\"\\u00e9\\n\"} ");
        assertThat(m).containsEntry("op", "work").containsEntry("steps", 3L).containsEntry("x", -150.0)
                .containsEntry("t", true).containsEntry("f", false).containsEntry("n", null).containsEntry("s", "a\"é\n");
        assertThat(ControlJson.parseObject("{}")).isEmpty();
        assertThat(ControlJson.parseObject("{\"big\":123456789012345678901}").get("big")).isEqualTo(1.2345678901234568E20);
    }

    @Test
    void refusesWhatIsNotOneFlatObject() {
        for (String bad : new String[]{"", "[]", "\"x\"", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} x", "{\"a\":01}",
                "{\"a\":1.}", "{\"a\":tru}", "{a:1}", "{\"a\":\"\u0001\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":-}",
                "{\"a\":1e}", "{\"a\":\"open", "\u0000\u00ff garbage"}) {
            assertThatThrownBy(() -> ControlJson.parseObject(bad)).as(bad).isInstanceOf(ControlException.class)
                    .hasMessageStartingWith("bad request: not valid JSON (").hasMessageContaining("one JSON object per line");
        }
        assertThatThrownBy(() -> ControlJson.parseObject("{\"a\":{\"b\":1}}")).hasMessageContaining("field 'a' holds an object or array");
        assertThatThrownBy(() -> ControlJson.parseObject("{\"a\":[1]}")).hasMessageContaining("field 'a' holds an object or array");
        assertThatThrownBy(() -> ControlJson.parseObject("{\"a\":1,\"a\":2}")).hasMessage("bad request: field 'a' appears twice");
    }

    @Property
    void stringsRoundTrip(@ForAll String s) {
        StringBuilder b = new StringBuilder("{\"k\":");
        ControlJson.quote(b, s).append('}');
        assertThat(ControlJson.parseObject(b.toString())).containsEntry("k", s);
    }

    @Property
    void finiteDoublesRoundTripExactly(@ForAll double v) {
        StringBuilder b = new StringBuilder("{\"k\":");
        ControlJson.number(b, v).append('}');
        Object back = ControlJson.parseObject(b.toString()).get("k");
        if (!Double.isFinite(v)) {
            assertThat(back).isNull();
        } else {
            assertThat(((Number) back).doubleValue()).isEqualTo(v);
        }
    }

    @Property
    void anyTextIsEitherAnObjectOrAOneLineControlException(@ForAll("texty") String s) {
        Throwable t = catchThrowable(() -> ControlJson.parseObject(s));
        if (t != null) {
            assertThat(t).isInstanceOf(ControlException.class);
            assertThat(t.getMessage()).doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> texty() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+tfnrulase\\ ").ofMaxLength(40).map(x -> "{" + x));
    }
}
