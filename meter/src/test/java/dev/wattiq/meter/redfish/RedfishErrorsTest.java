package dev.wattiq.meter.redfish;

import dev.wattiq.meter.ManualClock;
import dev.wattiq.meter.Sensor;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Sensors;
import dev.wattiq.meter.UserInputException;
import dev.wattiq.meter.testing.FakeBmc;
import dev.wattiq.meter.testing.FakePowercap;
import dev.wattiq.meter.testing.FakeProcfs;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What goes wrong with a BMC, each one line naming the problem and the fix, and the run going on with the other
 * sensors (here RAPL on a fake tree): unreachable, wrong credentials, a self-signed certificate without --redfish-ca;
 * and the flags' checks.
 */
class RedfishErrorsTest {
    static final String PASSWORD = "hunter2-very-secret";
    @TempDir
    static Path shared;
    static FakeBmc.SelfSigned cert;
    @TempDir
    Path dir;

    @BeforeAll
    static void certificate() throws Exception {
        cert = FakeBmc.SelfSigned.create(shared);
    }

    SensorEnvironment env(String url, String user, String password, Path ca, boolean insecure) throws Exception {
        Path sys = dir.resolve("sys");
        new FakePowercap(sys, true).zone("intel-rapl:0", "package-0", 0);
        FakeProcfs procfs = new FakeProcfs(dir.resolve("proc"), "AMD EPYC 9654 96-Core Processor", 2, 1 << 20);
        Path pw = dir.resolve("pw");
        Files.writeString(pw, password + "\n");
        return SensorEnvironment.system().withSysfsRoot(sys).withProcfsRoot(procfs.root()).withClock(new ManualClock())
                .withRedfish(Optional.of(RedfishTarget.parse(url, user, pw, ca, insecure)));
    }

    static String onlySkip(Sensors.Selection sel) {
        assertThat(sel.sensors()).extracting(Sensor::name).containsExactly("rapl");
        assertThat(sel.skipped()).hasSize(1);
        String s = sel.skipped().getFirst();
        assertThat(s).startsWith("redfish: ").doesNotContain("\n").doesNotContain(PASSWORD);
        assertThat(s.indexOf("redfish: ")).isEqualTo(s.lastIndexOf("redfish: "));
        return s;
    }

    @Test
    void anUnreachableBmcIsOneLineAndTheRunGoesOn() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String skip = onlySkip(Sensors.select(env("http://127.0.0.1:" + port, "admin", PASSWORD, null, false)));
        assertThat(skip).isEqualTo("redfish: cannot reach the BMC at http://127.0.0.1:" + port + " (connection refused): check the --redfish"
                + " address and port and that the BMC's web service is on");
    }

    @Test
    void wrongCredentialsAreOneLineNamingTheUserNeverThePassword() throws Exception {
        try (FakeBmc bmc = FakeBmc.http(FakeBmc.Schema.POWER, "admin", "the-right-one")) {
            String skip = onlySkip(Sensors.select(env(bmc.url(), "admin", PASSWORD, null, false)));
            assertThat(skip).isEqualTo("redfish: the BMC at " + bmc.url() + " refused the credentials of user 'admin' (HTTP 401 for"
                    + " /redfish/v1/): check --redfish-user and the password in --redfish-password-file");
        }
    }

    @Test
    void aSelfSignedCertificateWithoutItsCaIsOneLineNamingTheFix() throws Exception {
        try (FakeBmc bmc = FakeBmc.https(FakeBmc.Schema.ENVIRONMENT_METRICS, "admin", PASSWORD, cert)) {
            String skip = onlySkip(Sensors.select(env(bmc.url(), "admin", PASSWORD, null, false)));
            assertThat(skip).startsWith("redfish: the BMC's certificate at " + bmc.url() + " is not trusted (")
                    .endsWith("self-signed?): pass the BMC's CA certificate with --redfish-ca FILE (PEM), or --redfish-insecure to skip the"
                            + " check (not recommended)");
        }
    }

    @Test
    void withItsCaOrInsecureTheSameBmcIsRead() throws Exception {
        try (FakeBmc bmc = FakeBmc.https(FakeBmc.Schema.ENVIRONMENT_METRICS, "admin", PASSWORD, cert)) {
            bmc.power(321);
            Sensors.Selection verified = Sensors.select(env(bmc.url(), "admin", PASSWORD, cert.pem(), false));
            assertThat(verified.sensors()).extracting(Sensor::name).containsExactlyInAnyOrder("rapl", "redfish");
            Sensor r = verified.sensors().stream().filter(s -> s.name().equals("redfish")).findFirst().orElseThrow();
            assertThat(r.assumptions().get("redfish_tls")).isEqualTo("verified against --redfish-ca " + cert.pem());
            assertThat(r.devices()).singleElement().satisfies(d -> assertThat(d.powerWatts()).isEqualTo(321.0));
            verified.sensors().forEach(Sensor::close);
            Sensors.Selection insecure = Sensors.select(env(bmc.url(), "admin", PASSWORD, null, true));
            Sensor i = insecure.sensors().stream().filter(s -> s.name().equals("redfish")).findFirst().orElseThrow();
            assertThat(i.assumptions().get("redfish_tls")).startsWith("NOT verified (--redfish-insecure)");
            insecure.sensors().forEach(Sensor::close);
        }
    }

    @Test
    void theFlagsAreCheckedBeforeAnythingIsAsked() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, PASSWORD);
        assertThatThrownBy(() -> RedfishTarget.parse("http://10.0.0.5", "admin", pw, null, false)).isInstanceOf(UserInputException.class)
                .hasMessage("--redfish: plain http to 10.0.0.5 is refused (the credentials and readings would cross the network unencrypted):"
                        + " use https://10.0.0.5 (with --redfish-ca FILE for the BMC's own certificate); http is allowed only to loopback");
        assertThatThrownBy(() -> RedfishTarget.parse("https://admin:" + PASSWORD + "@bmc", null, null, null, false))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("--redfish: the URL carries credentials")
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> RedfishTarget.parse("https://bmc", "admin", null, null, false))
                .hasMessage("--redfish-user needs --redfish-password-file FILE (a file holding the password, readable only by you)");
        assertThatThrownBy(() -> RedfishTarget.parse("https://bmc", null, pw, null, false))
                .hasMessage("--redfish-password-file needs --redfish-user NAME (the account the password belongs to)");
        assertThatThrownBy(() -> RedfishTarget.parse("https://bmc", "admin", dir.resolve("nope"), null, false))
                .hasMessageStartingWith("--redfish-password-file: cannot read ");
        assertThatThrownBy(() -> RedfishTarget.parse("https://bmc", "admin", pw, pw, true))
                .hasMessage("--redfish-ca and --redfish-insecure contradict each other: keep --redfish-ca to verify the BMC");
        assertThatThrownBy(() -> RedfishTarget.parse("ftp://bmc", null, null, null, false)).hasMessageStartingWith("--redfish: 'ftp://bmc' is not an http(s) URL");
        assertThatThrownBy(() -> RedfishTarget.parse("https://bm c", null, null, null, false)).hasMessageStartingWith("--redfish: not a URL");
        assertThat(RedfishTarget.parse("http://127.0.0.1:8000", null, null, null, false).origin()).isEqualTo("http://127.0.0.1:8000");
        assertThat(RedfishTarget.parse("http://[::1]:8000/redfish/v1/Chassis/7", null, null, null, false).url().getPath()).isEqualTo("/redfish/v1/Chassis/7");
        assertThat(RedfishTarget.parse("http://localhost", null, null, null, false).insecure()).isFalse();
        assertThat(RedfishTarget.isLoopback("127.1.2.3")).isTrue();
        assertThat(RedfishTarget.isLoopback("127.example.com")).isFalse();
    }

    @Test
    void aUrlWithANewlineIsShownEscapedOnOneLine() {
        // jqwik found it: the URL is parsed stripped, and was shown as given, newline and all
        assertThatThrownBy(() -> RedfishTarget.parse("\nbmc.example", null, null, null, false))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--redfish: '\\u000abmc.example' is not an http(s) URL with a host: give the BMC's address,"
                        + " e.g. https://bmc.example or https://10.0.0.5");
    }

    @Property(tries = 300)
    void anyUrlIsATargetOrOneLineNeverACrash(@ForAll String url, @ForAll boolean insecure) {
        try {
            RedfishTarget t = RedfishTarget.parse(url, null, null, null, insecure);
            assertThat(t.url().getScheme()).isIn("http", "https", "HTTP", "HTTPS", "Http", "Https", "hTTP", "hTTPS");
        } catch (UserInputException e) {
            assertThat(e.getMessage()).startsWith("--redfish").doesNotContain("\n");
        }
    }
}
