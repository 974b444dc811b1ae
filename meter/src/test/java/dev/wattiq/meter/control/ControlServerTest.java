package dev.wattiq.meter.control;

import dev.wattiq.meter.Meter;
import dev.wattiq.meter.SensorEnvironment;
import dev.wattiq.meter.Window;
import dev.wattiq.meter.testing.ScriptedSensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The control channel over a real Unix domain socket: a private directory, garbage, floods, disconnects, clean-up. */
class ControlServerTest {
    @TempDir
    Path runtime;
    final ScriptedSensor pkg = new ScriptedSensor("cpu_package", Duration.ofMillis(1));
    final Meter meter = Meter.manual(List.of(pkg), SensorEnvironment.system());
    final Window run = meter.window("run");
    final List<WindowRecord> stored = new CopyOnWriteArrayList<>();
    final ControlState state = new ControlState(meter, run, "run-7", ControlLimits.DEFAULT, stored::add);
    ControlServer server;

    @AfterEach
    void close() {
        if (server != null) server.close();
        meter.close();
    }

    ControlServer start() throws IOException {
        server = ControlServer.bind(Map.of("XDG_RUNTIME_DIR", runtime.toString()), ControlLimits.DEFAULT, "run-7");
        server.serve(state);
        return server;
    }

    /** A client speaking the protocol (or not) over the socket. */
    final class Client implements AutoCloseable {
        final SocketChannel ch;
        final BufferedReader in;

        Client() throws IOException {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(server.socketPath()));
            in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
        }

        void write(byte[] bytes) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) ch.write(b);
        }

        void send(String line) throws IOException {
            write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }

        String reply() throws IOException {
            return in.readLine();
        }

        String ask(String line) throws IOException {
            send(line);
            return reply();
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    @Test
    void theSocketLivesInAPrivateDirectoryThatIsRemovedAtTheEnd() throws IOException {
        start();
        Path sock = server.socketPath();
        assertThat(sock.getParent().getParent()).isEqualTo(runtime);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sock.getParent()))).isEqualTo("rwx------");
        assertThat(Files.exists(sock)).isTrue();
        server.close();
        assertThat(Files.exists(sock)).isFalse();
        assertThat(Files.exists(sock.getParent())).isFalse();
    }

    @Test
    void withoutAUsableRuntimeDirectoryTheTempDirectoryIsUsed() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        assertThat(ControlServer.baseDirectory(Map.of())).isEqualTo(tmp);
        assertThat(ControlServer.baseDirectory(Map.of("XDG_RUNTIME_DIR", "relative/dir"))).isEqualTo(tmp);
        assertThat(ControlServer.baseDirectory(Map.of("XDG_RUNTIME_DIR", "/no/such/dir"))).isEqualTo(tmp);
        assertThat(ControlServer.baseDirectory(Map.of("XDG_RUNTIME_DIR", "/" + "d".repeat(90)))).isEqualTo(tmp);
    }

    @Test
    void requestsAreAnsweredInOrderAndWindowsRecorded() throws IOException {
        start();
        try (Client c = new Client()) {
            assertThat(c.ask("{\"op\":\"hello\",\"client\":\"test\",\"id\":1}")).isEqualTo("{\"id\":1,\"ok\":true,\"protocol\":2,\"run_id\":\"run-7\"}");
            // the counter holds still around each boundary (a reading before, one after): its value there is exact
            pkg.set(10);
            meter.sampleNow();
            assertThat(c.ask("{\"op\":\"open\",\"name\":\"epoch-1\",\"id\":2}")).startsWith("{\"id\":2,\"ok\":true,\"name\":\"epoch-1\",\"start_s\":");
            meter.sampleNow();
            c.send("{\"op\":\"work\",\"steps\":5,\"id\":3}");
            pkg.set(35);
            meter.sampleNow();
            c.send("{\"op\":\"close\",\"name\":\"epoch-1\",\"id\":4}");
            assertThat(c.reply()).isEqualTo("{\"id\":3,\"ok\":true}");
            assertThat(c.reply()).startsWith("{\"id\":4,\"ok\":true,\"window\":{\"name\":\"epoch-1\",\"start_s\":").doesNotContain("energy_j")
                    .endsWith(",\"work\":{\"steps\":5,\"samples\":0,\"tokens\":0},\"ref\":0}}");
            meter.sampleNow();
            assertThat(c.ask("{\"op\":\"window\",\"ref\":0,\"id\":5}")).startsWith("{\"id\":5,\"ok\":true,\"window\":{\"name\":\"epoch-1\"")
                    .contains("\"total\":25.0").contains(",\"work\":{\"steps\":5,\"samples\":0,\"tokens\":0}").endsWith(",\"ref\":0}}");
        }
        assertThat(stored).singleElement().satisfies(r -> assertThat(r.measurement().totalJoules()).isEqualTo(25.0));
    }

    @Test
    void garbageGetsAnErrorPerLineThenTheConnectionIsClosedAndTheRunGoesOn() throws IOException {
        start();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (Client c = new Client()) {
                c.write(new byte[]{(byte) 0xff, (byte) 0xfe, 'x', '\n'});
                assertThat(c.reply()).isEqualTo("{\"id\":null,\"ok\":false,\"error\":\"bad request: not UTF-8 text; send one JSON object per line\"}");
                c.send("GET / HTTP/1.1");
                assertThat(c.reply()).startsWith("{\"id\":null,\"ok\":false,\"error\":\"bad request: not valid JSON (expected a JSON object");
                c.write("x".repeat(40_000).getBytes(StandardCharsets.US_ASCII)); // no newline: one error, the rest skipped
                c.send("still the same line");
                assertThat(c.reply()).contains("longer than 16384 bytes without a newline");
                assertThat(c.ask("{\"op\":\"work\",\"steps\":1,\"id\":8}")).isEqualTo("{\"id\":8,\"ok\":true}"); // recovered
                byte[] noise = new byte[64 * 1024];
                new Random(42).nextBytes(noise);
                for (int i = 0; i < noise.length; i += 97) noise[i] = '\n';
                c.write(noise);
                List<String> replies = new ArrayList<>();
                try {
                    for (String line; (line = c.reply()) != null; ) replies.add(line);
                } catch (java.net.SocketException reset) {
                    // the server hung up with our unread noise in its queue: after its replies, a reset rather than EOF
                }
                assertThat(replies).hasSize(ControlLimits.DEFAULT.maxBadInARow() + 1).allSatisfy(r -> assertThat(r).contains("\"ok\":false"));
                assertThat(replies.getLast()).contains("closing this connection: 32 bad requests in a row");
            }
            try (Client other = new Client()) {
                assertThat(other.ask("{\"op\":\"energy\",\"id\":1}")).contains("\"ok\":true").contains("\"steps\":1,");
            }
        });
        assertThat(state.work()).isEqualTo(new Work(1, 0, 0));
    }

    @Test
    void aFloodOfPipelinedWorkIsCountedExactly() throws IOException {
        start();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (Client c = new Client()) {
                int n = 100_000;
                Thread writer = Thread.ofPlatform().start(() -> {
                    StringBuilder b = new StringBuilder();
                    try {
                        for (int i = 0; i < n; i++) {
                            b.append("{\"op\":\"work\",\"steps\":1,\"samples\":32,\"tokens\":").append(i % 7).append("}\n");
                            if (b.length() > 32_000) {
                                c.write(b.toString().getBytes(StandardCharsets.US_ASCII));
                                b.setLength(0);
                            }
                        }
                        c.write(b.append("{\"op\":\"energy\",\"id\":1}\n").toString().getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                for (int i = 0; i < n; i++) assertThat(c.reply()).isEqualTo("{\"id\":null,\"ok\":true}");
                long tokens = 0;
                for (int i = 0; i < n; i++) tokens += i % 7;
                assertThat(c.reply()).contains("\"work\":{\"steps\":" + n + ",\"samples\":" + 32L * n + ",\"tokens\":" + tokens + "}");
                writer.join();
            }
        });
    }

    @Test
    void windowsLeftOpenAreClosedWithANoteWhenTheClientGoesOrTheRunEnds() throws Exception {
        start();
        try (Client c = new Client()) {
            c.ask("{\"op\":\"open\",\"name\":\"left-open\"}");
        }
        Client stays = new Client();
        stays.ask("{\"op\":\"open\",\"name\":\"still-open\"}");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (stored.isEmpty()) Thread.sleep(5); // the server notices the disconnect on its own thread
        });
        server.close();
        assertThat(state.windows()).hasSize(2); // waits for the meter to settle the last one
        assertThat(stored).extracting(WindowRecord::name).containsExactly("left-open", "still-open");
        assertThat(stored.get(0).notes()).contains("closed by wattiq: the client disconnected with this window open");
        assertThat(stored.get(1).notes()).contains("closed by wattiq: the command ended with this window open");
        assertThat(stays.reply()).isNull(); // the server hung up
        stays.close();
    }

    @Test
    void requestsBeforeTheMeterRunsWaitForIt() throws Exception {
        server = ControlServer.bind(Map.of("XDG_RUNTIME_DIR", runtime.toString()), ControlLimits.DEFAULT, "run-7");
        try (Client c = new Client()) {
            assertThat(c.ask("{\"op\":\"hello\",\"id\":1}")).contains("\"ok\":true"); // hello needs no meter
            c.send("{\"op\":\"open\",\"name\":\"early\",\"id\":2}");
            Thread.sleep(50);
            server.serve(state);
            assertThat(c.reply()).startsWith("{\"id\":2,\"ok\":true,\"name\":\"early\"");
        }
    }

    @Test
    void connectionsPastTheLimitAreRefusedWithAReason() throws IOException {
        server = ControlServer.bind(Map.of("XDG_RUNTIME_DIR", runtime.toString()), new ControlLimits(1024, 16, 4, 10, 2, 4), "run-7");
        server.serve(state);
        try (Client a = new Client(); Client b = new Client()) {
            a.ask("{\"op\":\"hello\"}");
            b.ask("{\"op\":\"hello\"}");
            try (Client c = new Client()) {
                assertThat(c.reply()).contains("too many connections to wattiq (2)");
                assertThat(c.reply()).isNull();
            }
        }
    }
}
