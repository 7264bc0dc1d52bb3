package org.connectionadvisor.rules;

import java.util.ArrayList;
import java.util.List;

/** Release years of the Visual Studio client and of the server; 0 where not known. */
public record Versions(int visualStudioYear, int serverYear) implements Explained {
    @Override
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>(2);
        if (visualStudioYear > 0) {
            reasons.add("Visual Studio is the " + visualStudioYear + " release");
        }
        if (serverYear > 0) {
            reasons.add("the server is the " + serverYear + " release");
        }
        return reasons;
    }
}
