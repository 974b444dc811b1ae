package dev.wattiq.meter.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wattiq.meter.SensorException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * GETs Redfish resources from one BMC with the JDK's {@link HttpClient}: basic authentication, TLS verified against
 * {@code --redfish-ca} or the system trust store (or not at all with {@code --redfish-insecure}), HTTP/1.1, timeouts.
 * Every failure becomes one line naming the problem and the fix; the password is kept in the authorisation header
 * only and appears in no message, log or {@link #toString()}.
 */
final class RedfishClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: the HTTP status, the {@code Retry-After} seconds if given, and the body as JSON (null unless 200). */
    record Reply(int status, OptionalLong retryAfterSeconds, JsonNode body) {
    }

    private final RedfishTarget target;
    private final HttpClient http;
    private final Optional<String> authorization;

    private RedfishClient(RedfishTarget target, HttpClient http, Optional<String> authorization) {
        this.target = target;
        this.http = http;
        this.authorization = authorization;
    }

    /** Reads the password file and builds the client; a bad file or CA is one line. */
    static RedfishClient open(RedfishTarget t) throws SensorException {
        Optional<String> auth = Optional.empty();
        if (t.user().isPresent()) {
            String password = password(t);
            auth = Optional.of("Basic " + Base64.getEncoder().encodeToString((t.user().get() + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (t.url().getScheme().equalsIgnoreCase("https")) b.sslContext(sslContext(t));
        return new RedfishClient(t, b.build(), auth);
    }

    private static String password(RedfishTarget t) throws SensorException {
        java.nio.file.Path f = t.passwordFile().orElseThrow();
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SensorException("redfish: cannot read the password file " + f + ": make it readable by this user (chmod 600 " + f + ")");
        }
        int nl = text.indexOf('\n');
        String p = (nl < 0 ? text : text.substring(0, nl)).replace("\r", "");
        if (p.isEmpty()) throw new SensorException("redfish: the password file " + f + " is empty: put the BMC account's password on its first line");
        return p;
    }

    private static SSLContext sslContext(RedfishTarget t) throws SensorException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            if (t.insecure()) {
                ctx.init(null, new TrustManager[] {new TrustEverything()}, null);
            } else if (t.caFile().isPresent()) {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                int i = 0;
                try (InputStream in = Files.newInputStream(t.caFile().get())) {
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) ks.setCertificateEntry("ca-" + i++, c);
                }
                if (i == 0) throw new GeneralSecurityException("no certificate in it");
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                ctx.init(null, tmf.getTrustManagers(), null);
            } else {
                return SSLContext.getDefault();
            }
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new SensorException("redfish: --redfish-ca " + t.caFile().map(Object::toString).orElse("") + " is not a PEM certificate ("
                    + e.getMessage() + "): give the BMC's CA certificate (-----BEGIN CERTIFICATE-----)");
        }
    }

    /** GETs {@code path} (absolute, e.g. {@code /redfish/v1/Chassis}); 200 gives the body, other statuses none. */
    Reply get(String path) throws SensorException {
        URI uri = target.url().resolve(path);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
                .header("OData-Version", "4.0").GET();
        authorization.ifPresent(a -> rb.header("Authorization", a));
        HttpResponse<InputStream> r;
        try {
            r = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new SensorException(unreachable(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SensorException("redfish: interrupted while asking the BMC at " + target.origin());
        }
        OptionalLong retry = r.headers().firstValue("Retry-After").flatMap(RedfishClient::seconds).map(OptionalLong::of).orElse(OptionalLong.empty());
        try (InputStream in = r.body()) {
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                throw new SensorException("redfish: the BMC at " + target.origin() + " refused "
                        + target.user().map(u -> "the credentials of user '" + u + "'").orElse("access without credentials")
                        + " (HTTP " + r.statusCode() + " for " + path + "): check --redfish-user and the password in --redfish-password-file");
            }
            if (r.statusCode() != 200) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                return new Reply(r.statusCode(), retry, null);
            }
            try {
                return new Reply(200, retry, JSON.readTree(in));
            } catch (IOException e) {
                throw new SensorException("redfish: the BMC's reply to " + path + " is not JSON (" + firstLine(e.getMessage())
                        + "): is " + target.origin() + " a Redfish service?");
            }
        } catch (IOException e) {
            throw new SensorException(unreachable(e), e);
        }
    }

    /** One line for a request that never got an answer. */
    String unreachable(IOException e) {
        String o = target.origin();
        Throwable root = e;
        StringBuilder chain = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            chain.append(' ').append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
            root = c;
        }
        String all = chain.toString();
        if (e instanceof SSLHandshakeException || all.contains("SSLHandshake") || all.contains("PKIX")) {
            if (all.contains("No subject alternative") || all.contains("No name matching")) {
                return "redfish: the BMC's certificate at " + o + " does not name " + target.url().getHost() + " ("
                        + firstLine(root.getMessage()) + "): reach the BMC by a name its certificate lists, or reissue the certificate"
                        + " with that subjectAltName (--redfish-insecure skips the check, not recommended)";
            }
            return "redfish: the BMC's certificate at " + o + " is not trusted (" + firstLine(root.getMessage()) + "; self-signed?):"
                    + " pass the BMC's CA certificate with --redfish-ca FILE (PEM), or --redfish-insecure to skip the check (not recommended)";
        }
        String why = e instanceof HttpConnectTimeoutException ? "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s"
                : e instanceof HttpTimeoutException ? "no reply within " + REQUEST_TIMEOUT.toSeconds() + " s"
                : e instanceof ConnectException || all.contains("Connection refused") ? "connection refused"
                : all.contains("UnresolvedAddress") || all.contains("UnknownHost") ? "unknown host"
                : firstLine(String.valueOf(root.getMessage()));
        return "redfish: cannot reach the BMC at " + o + " (" + why + "): check the --redfish address and port and that the BMC's"
                + " web service is on";
    }

    private static Optional<Long> seconds(String v) {
        try {
            return Optional.of(Math.max(0, Long.parseLong(v.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: the caller backs off on its own schedule
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    RedfishTarget target() {
        return target;
    }

    @Override
    public String toString() {
        return "RedfishClient[" + target.origin() + "]";
    }

    /** For {@code --redfish-insecure}: trusts every certificate and host name (an extended manager, so JSSE adds no check). */
    private static final class TrustEverything extends javax.net.ssl.X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType, java.net.Socket s) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType, java.net.Socket s) {
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine e) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine e) {
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }
}
