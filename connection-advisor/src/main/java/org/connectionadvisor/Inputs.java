package org.connectionadvisor;

import java.util.List;

import org.connectionadvisor.engine.Situation;
import org.connectionadvisor.rules.Input;

/**
 * The bridge for applications that run the rules with Drools directly, through the library jar's KIE module (the
 * KieBase {@code connection-advisor}): the input facts a diagnosis inserts into its rule session.
 *
 * <pre>{@code
 * KieSession session = KieServices.get().getKieClasspathContainer().newKieSession();
 * Inputs.of(facts).forEach(session::insert);
 * session.fireAllRules();
 * session.getObjects(o -> o instanceof Advice);   // one Advice per row that applies
 * session.dispose();
 * }</pre>
 */
public final class Inputs {
    private Inputs() {
    }

    /**
     * The facts {@link org.connectionadvisor.ConnectionAdvisor#diagnose} inserts for {@code facts}: the product,
     * scope, client, OS, releases, symptoms, context answers and confirmed rows, given and inferred, as the rules'
     * fact types. An unmodifiable list.
     */
    public static List<Input> of(Facts facts) {
        return Situation.of(facts).inputs();
    }
}
