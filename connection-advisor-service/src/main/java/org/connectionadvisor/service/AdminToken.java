package org.connectionadvisor.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;

/** The admin routes' bearer token, read once from its file; compared in constant time. */
final class AdminToken {
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    private AdminToken(byte[] token) {
        this.token = token;
    }

    /** The token in a file (surrounding white space, such as the final newline, ignored). */
    static AdminToken read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--admin-token-file: '" + file + "' does not exist.");
        }
        if (text.length() < 16) {
            throw new IllegalArgumentException("--admin-token-file: '" + file + "' holds " + text.length()
                    + " characters; a token of at least 16 is accepted (for example: openssl rand -hex 32).");
        }
        return new AdminToken(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether an Authorization header carries this token. */
    boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, given);
    }
}
