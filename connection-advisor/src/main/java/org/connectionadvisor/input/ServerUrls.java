package org.connectionadvisor.input;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.connectionadvisor.InvalidFactsException;

/** How a server URL tells the product: Azure DevOps Services lives at dev.azure.com and *.visualstudio.com. */
public final class ServerUrls {
    /**
     * The last address read: a diagnosis and its what-ifs read the same address again for every situation they
     * build. Immutable and replaced whole, so threads reading different addresses only miss, never mix.
     */
    private static volatile Read last;

    private record Read(String url, URI uri, String host) {
    }

    private ServerUrls() {
    }

    /** The URL's host, lower case; an {@link InvalidFactsException} on {@code serverUrl} when it has none. */
    public static String host(String url) {
        return read(url).host();
    }

    /**
     * The URL without credentials: its user information becomes {@code ***} ({@code https://user:secret@host/x} gives
     * {@code https://***@host/x}), and so do those of any URL in its path or query. The advisor needs only the host and
     * the scheme, and facts are echoed and logged, so they never keep a password.
     */
    public static String withoutCredentials(String url) {
        URI uri = read(url).uri();
        String trimmed = url.trim();
        int start = trimmed.contains("://") ? trimmed.indexOf("://") + 3 : 0;
        String authority = uri.getRawAuthority();
        String userInfo = uri.getRawUserInfo();
        return trimmed.substring(0, start)
                + (userInfo == null ? authority : "***" + authority.substring(userInfo.length()))
                + Echo.redact(trimmed.substring(start + authority.length()));
    }

    private static Read read(String url) {
        Read read = last;
        if (read == null || !read.url().equals(url)) {
            URI uri = uri(url);
            read = new Read(url, uri, uri.getHost().toLowerCase(Locale.ROOT));
            last = read;
        }
        return read;
    }

    private static URI uri(String url) {
        String trimmed = url == null ? "" : url.trim();
        try {
            URI uri = new URI(trimmed.contains("://") ? trimmed : "https://" + trimmed);
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new URISyntaxException(trimmed, "no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidFactsException(Vocabulary.SERVER_URL, url, "serverUrl: '" + Echo.value(url)
                    + "' is not a URL. Accepted: an address such as https://dev.azure.com/fabrikam or http://tfs.contoso.com:8080/tfs.");
        }
    }

    /** "services" for an Azure DevOps Services address, "server" for any other. */
    public static String product(String url) {
        String host = host(url);
        return host.equals("dev.azure.com") || host.endsWith(".visualstudio.com") ? "services" : "server";
    }

    /** Whether the address names the https scheme. */
    public static boolean https(String url) {
        return url.trim().regionMatches(true, 0, "https://", 0, "https://".length());
    }
}
