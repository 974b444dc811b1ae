package dev.wattiq.meter.redfish;

import dev.wattiq.meter.UserInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The BMC to read the wall from, as the user named it ({@code --redfish URL}, {@code --redfish-user},
 * {@code --redfish-password-file}, {@code --redfish-ca}, {@code --redfish-insecure}). Holds the password file's
 * path, never the password: the sensor reads it when it opens, and nothing here can print it.
 *
 * @param url          the BMC (its root, the service root {@code /redfish/v1}, or one chassis), without credentials
 * @param user         the account; empty for a BMC that answers without one
 * @param passwordFile the file whose first line is the account's password; empty with no user
 * @param caFile       PEM certificate(s) to trust for https; empty: the system trust store
 * @param insecure     trust any certificate and host name (a warning is printed)
 */
public record RedfishTarget(URI url, Optional<String> user, Optional<Path> passwordFile, Optional<Path> caFile, boolean insecure) {
    public RedfishTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(caFile, "caFile");
    }

    /**
     * Checks what the user gave and builds the target.
     *
     * @throws UserInputException naming the problem and the fix: not an http(s) URL, credentials inside the URL,
     *                            plain http to anything but loopback, a user without a password file or the reverse,
     *                            an unreadable file, both {@code --redfish-ca} and {@code --redfish-insecure}
     */
    public static RedfishTarget parse(String url, String user, Path passwordFile, Path caFile, boolean insecure) {
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new UserInputException("--redfish: not a URL (" + e.getReason() + "): give the BMC's address, e.g. https://bmc.example or https://10.0.0.5");
        }
        if (u.getRawUserInfo() != null) {
            throw new UserInputException("--redfish: the URL carries credentials, which would show in process lists and logs:"
                    + " give the BMC's address alone, with --redfish-user NAME and --redfish-password-file FILE");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || u.getHost() == null) {
            throw new UserInputException("--redfish: '" + UserInputException.shown(url) + "' is not an http(s) URL with a host: give the BMC's address,"
                    + " e.g. https://bmc.example or https://10.0.0.5");
        }
        if (scheme.equals("http") && !isLoopback(u.getHost())) {
            throw new UserInputException("--redfish: plain http to " + u.getHost() + " is refused (the credentials and readings would cross"
                    + " the network unencrypted): use https://" + u.getHost() + " (with --redfish-ca FILE for the BMC's own certificate);"
                    + " http is allowed only to loopback");
        }
        if ((user == null || user.isBlank()) != (passwordFile == null)) {
            throw new UserInputException(user == null || user.isBlank()
                    ? "--redfish-password-file needs --redfish-user NAME (the account the password belongs to)"
                    : "--redfish-user needs --redfish-password-file FILE (a file holding the password, readable only by you)");
        }
        if (passwordFile != null && !Files.isReadable(passwordFile)) {
            throw new UserInputException("--redfish-password-file: cannot read " + passwordFile + ": give a readable file holding the password");
        }
        if (caFile != null && insecure) {
            throw new UserInputException("--redfish-ca and --redfish-insecure contradict each other: keep --redfish-ca to verify the BMC");
        }
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new UserInputException("--redfish-ca: cannot read " + caFile + ": give the BMC's CA certificate as a PEM file");
        }
        if (caFile != null && scheme.equals("http")) {
            throw new UserInputException("--redfish-ca applies to https only: use https://" + u.getHost());
        }
        return new RedfishTarget(u, Optional.ofNullable(user).filter(s -> !s.isBlank()), Optional.ofNullable(passwordFile),
                Optional.ofNullable(caFile), insecure);
    }

    /** Whether {@code host} is the loopback interface: {@code localhost} or a 127.0.0.0/8 or ::1 literal (names are not resolved). */
    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) return true;
        try {
            return InetAddress.ofLiteral(h).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The BMC's origin, e.g. {@code https://10.0.0.5:443}, for messages (never with credentials). */
    public String origin() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }

    @Override
    public String toString() {
        return "RedfishTarget[" + url + (user.isPresent() ? ", user " + user.get() : "") + "]";
    }
}
