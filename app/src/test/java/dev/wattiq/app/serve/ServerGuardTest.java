package dev.wattiq.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The Host and Content-Type parsers of the server's guard, with malformed input. */
class ServerGuardTest {
    @Test
    void loopbackNamesWithAndWithoutPorts() {
        for (String ok : new String[] {"localhost", "LocalHost", "localhost.", "localhost:9464", "a.localhost", "b.a.localhost:1",
                "127.0.0.1", "127.0.0.1:9464", "127.255.255.254", "[::1]", "[::1]:9464", "[0:0:0:0:0:0:0:1]:80"}) {
            assertThat(ServerGuard.isLoopbackName(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {"", "attacker.example", "localhost.attacker.example", "localhostx", "127.0.0.1.nip.io", "128.0.0.1",
                "127.0.0", "127.0.0.256", "127.0.0.1:", "127.0.0.1:abc", "127.0.0.1:9464:1", "127.0.0.01x", "[::1", "[::1]x", "[::2]",
                "::1", "0x7f.0.0.1", "2130706433", "127.0.0.1 ", "local host", "localhost:1234567"}) {
            assertThat(ServerGuard.isLoopbackName(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> ServerGuard.checkHost(null)).isInstanceOf(HttpError.class).hasMessageContaining("missing Host");
        assertThatThrownBy(() -> ServerGuard.checkHost("attacker.example")).isInstanceOfSatisfying(HttpError.class,
                e -> assertThat(e.status()).isEqualTo(421));
    }

    @Property
    void noNameOutsideLocalhostAnd127Passes(@ForAll @StringLength(max = 40) String name, @ForAll @IntRange(min = 0, max = 70000) int port) {
        boolean ok = ServerGuard.isLoopbackName(name) || ServerGuard.isLoopbackName(name + ":" + port);
        if (ok) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            assertThat(n.equals("localhost") || n.endsWith(".localhost") || n.endsWith("localhost.") || n.startsWith("127.")
                    || n.startsWith("[::1]") || n.startsWith("[0:0:0:0:0:0:0:1]") || n.startsWith("localhost:")).as(name).isTrue();
        }
    }

    @Test
    void onlyJsonIsJson() {
        ServerGuard.requireJson("application/json");
        ServerGuard.requireJson("application/json; charset=utf-8");
        ServerGuard.requireJson(" APPLICATION/JSON ;charset=UTF-8");
        for (String bad : new String[] {null, "", "text/plain", "application/jsonp", "application/json-seq", "application/x-www-form-urlencoded",
                "multipart/form-data", "text/json", "application/json+x"}) {
            assertThatThrownBy(() -> ServerGuard.requireJson(bad)).as(String.valueOf(bad)).isInstanceOfSatisfying(HttpError.class,
                    e -> assertThat(e.status()).isEqualTo(415));
        }
    }

    @Test
    void serverPathsAreScrubbedFromMessagesButNotTheRestOfThem() {
        String tmp = System.getProperty("java.io.tmpdir");
        assertThat(Exchanges.scrub("cannot read " + tmp + "/wattiq-api-1/series.csv line 2: bad")).isEqualTo("cannot read <server path>/wattiq-api-1/series.csv line 2: bad");
        assertThat(Exchanges.scrub("no such path: /api/nothing")).isEqualTo("no such path: /api/nothing");
        assertThat(Exchanges.scrub(tmp + "x/y")).as("only whole path components").isEqualTo(tmp + "x/y");
        assertThat(Exchanges.scrub(null)).isNull();
    }
}
