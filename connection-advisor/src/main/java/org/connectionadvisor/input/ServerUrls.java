package org.connectionadvisor.input;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.connectionadvisor.Echo;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Limits;
import org.connectionadvisor.Vocabulary;

/** How a server URL tells the product: Azure DevOps Services lives at dev.azure.com and *.visualstudio.com. */
public final class ServerUrls {
    /**
     * The addresses read so far: a diagnosis and its what-ifs read the same address again for every situation they
     * build. Written only until it holds {@link #REMEMBERED} addresses, so threads diagnosing at the same time share
     * it by reading; a busy service's later addresses are read each time, as without it. At most 256 addresses of at most
     * 2 KiB each, a few megabytes at worst.
     */
    private static final Map<String, Read> READ = new ConcurrentHashMap<>();
    private static final int REMEMBERED = 256;

    private record Read(URI uri, String host) {
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
        Read read = url == null ? null : READ.get(url);
        if (read == null) {
            URI uri = uri(url);
            read = new Read(uri, uri.getHost().toLowerCase(Locale.ROOT));
            if (READ.size() < REMEMBERED && url.length() <= Limits.URL_CHARS) {
                READ.putIfAbsent(url, read);
            }
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
