package org.connectionadvisor.admin;

import org.drools.drl.ast.descr.RuleDescr;

/** What the checks across files need of each rule. */
record CheckedRule(RuleDescr descr, DrlFile file, String row, int rowLine, Consequence consequence, int consequenceLine,
        long subrules) {
}
