package dev.wattiq.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wattiq.app.cli.Cli;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loopback by default; anything else needs a token; with a token, data endpoints need it and static files do not. */
class ServeSecurityTest {
    @TempDir
    Path dir;

    @Test
    void nonLoopbackBindWithoutTokenIsRefused() {
        Cli.Result r = Cli.run(dir, "serve", "--bind", "0.0.0.0", "--port", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("wattiq: --bind 0.0.0.0 would expose").contains("--token-file").doesNotContain("Exception");
    }

    @Test
    void badTokenFilesAreRefused() throws Exception {
        Path shortToken = Files.writeString(dir.resolve("short"), "abc\n");
        Cli.Result r = Cli.run(dir, "serve", "--bind", "0.0.0.0", "--port", "0", "--token-file", shortToken.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("at least 16 printable characters");
        Cli.Result missing = Cli.run(dir, "serve", "--port", "0", "--token-file", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("wattiq: cannot read --token-file");
        Cli.Result badBind = Cli.run(dir, "serve", "--bind", "no.such.host.invalid", "--port", "0");
        assertThat(badBind.exitCode()).isEqualTo(2);
        Cli.Result badPort = Cli.run(dir, "serve", "--port", "70000");
        assertThat(badPort.exitCode()).isEqualTo(2);
    }

    @Test
    void tokenIsRequiredOnDataEndpoints() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "s3cret-token-0123456789\n");
        try (ServeProcess s = ServeProcess.onFakeRapl(dir, 0, "--token-file", token.toString())) {
            for (String path : new String[] {"/metrics", "/api/health", "/api/runs"}) {
                HttpResponse<String> none = s.get(path);
                ServeHttpTest.assertError(none, 401);
                assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"wattiq\"");
                ServeHttpTest.assertError(s.get(path, "Authorization", "Bearer wrong-token-0123456789"), 401);
                ServeHttpTest.assertError(s.get(path, "Authorization", "Basic czNjcmV0"), 401);
                assertThat(s.get(path, "Authorization", "Bearer s3cret-token-0123456789").statusCode()).isEqualTo(200);
            }
            ServeHttpTest.assertError(s.post("/api/plan/train", "{}"), 401);
            assertThat(s.get("/").statusCode()).isEqualTo(200); // the page holds no data; it asks for the token
        }
    }
}
