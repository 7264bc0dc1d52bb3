package org.connectionadvisor.input;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.connectionadvisor.Echo;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Limits;
import org.connectionadvisor.Vocabulary;

/** The checks of facts that no single field can make: each throws an {@link InvalidFactsException} naming the field. */
public final class FactsChecks {
    private FactsChecks() {
    }

    /** Adds row ids to {@code into}, trimmed, lower-cased and without URL credentials; none may be empty. */
    public static void addRowIds(String field, Set<String> into, String... rowIds) {
        Limits.entries(field, rowIds.length);
        for (String rowId : rowIds) {
            if (Limits.value(field, rowId).isBlank()) {
                throw new InvalidFactsException(field, rowId,
                        field + ": a row id must not be empty; use the ids that diagnose prints, such as 'wrong-server-url'.");
            }
            into.add(Echo.redact(rowId.trim().toLowerCase(Locale.ROOT)));
        }
        Limits.entries(field, into.size());
    }

    /** Exclusive flags, rows both confirmed and ruled out, product against URL. */
    public static void across(Map<String, Boolean> context, Set<String> confirmed, Set<String> ruledOut, String product,
            String serverUrl) {
        if (Boolean.TRUE.equals(context.get(Vocabulary.SIGNED_IN_WITH_WORK))
                && Boolean.TRUE.equals(context.get(Vocabulary.SIGNED_IN_WITH_PERSONAL))) {
            throw new InvalidFactsException(Vocabulary.CONTEXT, Vocabulary.SIGNED_IN_WITH_PERSONAL,
                    "context: 'signed-in-with-work' and 'signed-in-with-personal' exclude each other; give the one account you signed in with.");
        }
        for (String row : confirmed) {
            if (ruledOut.contains(row)) {
                throw new InvalidFactsException(Vocabulary.RULED_OUT, row,
                        "ruledOut: '" + Echo.value(row) + "' is also in confirmed; a row is either confirmed or ruled out.");
            }
        }
        if (product != null && serverUrl != null) {
            String urlProduct = ServerUrls.product(serverUrl);
            if (!urlProduct.equals(product)) {
                throw new InvalidFactsException(Vocabulary.PRODUCT, product,
                        "product: '" + product + "' contradicts serverUrl '" + Echo.value(serverUrl) + "', which is an address of "
                                + ("services".equals(urlProduct) ? "Azure DevOps Services" : "an Azure DevOps Server")
                                + ". Give the one that is right, or leave product out to infer it from the URL.");
            }
        }
    }
}
