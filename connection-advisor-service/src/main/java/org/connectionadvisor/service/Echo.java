package org.connectionadvisor.service;

import java.util.regex.Pattern;

/**
 * Text from a request that goes back in a response or the log: control characters escaped (an error stays one line
 * and cannot forge log lines) and the credentials of URLs ({@code https://user:secret@host}) replaced by {@code ***}.
 */
final class Echo {
    private static final Pattern URL_CREDENTIALS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@\\s'\"]+@");

    private Echo() {
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String redacted = URL_CREDENTIALS.matcher(text).replaceAll("$1***@");
        StringBuilder out = new StringBuilder(redacted.length());
        for (int i = 0; i < redacted.length(); i++) {
            char c = redacted.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
