package org.connectionadvisor.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.connectionadvisor.engine.RuleBase;
import org.junit.jupiter.api.Test;

/** The build's precompiled packaged rules are the rules of rules-drl/ as they are now, not an older build's. */
class PrecompiledRulesTest {
    @Test
    void theBuildPrecompiledThePackagedRules() {
        assertThat(PrecompiledRules.class.getClassLoader().getResource(PrecompiledRules.RESOURCE)).isNotNull();
    }

    @Test
    void precompiledRulesHaveTheCatalogOfTheDrlCompiledNow() {
        RuleBase precompiled = PrecompiledRules.packaged();
        RuleBase compiled = RuleCompiler.compile(DrlFile.packaged());

        assertThat(precompiled.rows()).isNotEmpty().containsExactlyEntriesOf(compiled.rows());
    }
}
