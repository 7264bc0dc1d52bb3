package org.connectionadvisor.outcomes;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Facts;

/**
 * A recorded case as a facts sample (the facts-samples/ format), so a real case becomes a regression test: its
 * facts, and as expected ids the ranking the given rules make now, which the admin reviews before keeping it.
 */
public final class CaseSample {
    private CaseSample() {
    }

    /** The sample file's text for a case, expecting the ranking {@code advisor} gives it now. */
    public static String of(RecordedCase recorded, ConnectionAdvisor advisor) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode sample = nodes.objectNode();
        String told = recorded.resolved() ? "fixed by " + String.join(", ", recorded.fixedBy())
                : "nothing fixed it";
        sample.put("description", "Recorded case " + recorded.key().substring(0, 12) + ": " + told
                + (recorded.notFixedBy().isEmpty() ? "" : "; did not help: " + String.join(", ", recorded.notFixedBy())));
        try {
            sample.set("facts", SampleFormat.read(recorded.facts()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode expected = sample.putObject("expected");
        advisor.diagnose(Facts.fromJson(recorded.facts())).ids().forEach(expected.putArray("ids")::add);
        sample.put("why", "Exported from the outcome store with the rules " + advisor.rulesVersion()
                + "; review the expected order against the documents before keeping it.");
        return SampleFormat.write(sample);
    }
}
