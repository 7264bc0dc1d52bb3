package org.connectionadvisor.rules;

import java.util.List;

/** A fact that can say, in words, why it is there; recommendations quote these as their "because". */
public interface Explained {
    List<String> reasons();
}
