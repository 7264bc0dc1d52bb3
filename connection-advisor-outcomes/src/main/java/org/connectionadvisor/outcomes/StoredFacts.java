package org.connectionadvisor.outcomes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.connectionadvisor.Facts;
import org.connectionadvisor.Echo;
import org.connectionadvisor.PastedMessage;

/**
 * Facts as the store keeps them. {@link Facts} already holds no URL credentials (the echo's redaction); the store also
 * drops the one free text, the pasted {@code errorMessage}, which may name people, machines and paths, and keeps what
 * the advisor read from it instead: the symptoms it names and, when no {@code serverUrl} was given, the address it
 * quotes. So a recorded case still ranks as it did, and holds nothing a user did not choose from a list or type as an
 * address.
 */
public final class StoredFacts {
    /** The longest facts JSON the store keeps; facts the library accepts stay far below once the message is gone. */
    public static final int MAX_CHARS = 16 * 1024;

    private static final String ERROR_MESSAGE = "errorMessage";
    private static final String SYMPTOMS = "symptoms";
    private static final String SERVER_URL = "serverUrl";

    private StoredFacts() {
    }

    /** The redacted facts as a JSON object, in the library's field order. */
    public static String redacted(Facts facts) {
        Map<String, Object> map = new LinkedHashMap<>(facts.toMap());
        Object message = map.remove(ERROR_MESSAGE);
        if (message != null) {
            PastedMessage pasted = PastedMessage.of((String) message);
            Set<String> symptoms = new LinkedHashSet<>(facts.symptoms());
            pasted.symptoms().forEach(clue -> symptoms.add(clue.code()));
            if (!symptoms.isEmpty()) {
                map.put(SYMPTOMS, new ArrayList<>(symptoms));
            }
            if (pasted.url() != null) {
                map.putIfAbsent(SERVER_URL, pasted.url());
            }
        }
        String json = Echo.json(Facts.fromJson(Echo.json(map)).toMap()); // read back: canonical, and checked
        if (json.length() > MAX_CHARS) {
            throw new InvalidOutcomeException("facts", "facts: " + json.length() + " characters once redacted are too"
                    + " many to keep. Accepted: at most " + MAX_CHARS + ".");
        }
        return json;
    }

    /** What identifies a case: the SHA-256 of its redacted facts, in hex. */
    static String key(String facts) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(facts.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
