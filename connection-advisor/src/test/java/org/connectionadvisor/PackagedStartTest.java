package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The jar is a KIE module too (META-INF/kmodule.xml), but the library's own start must not pay for that: a fresh
 * JVM that diagnoses once on the packaged rules loads neither Drools' KIE module machinery (nothing scans for
 * kmodule.xml) nor its DRL compiler (the rules were precompiled at build time).
 */
class PackagedStartTest {
    /** One diagnosis on the packaged rules, as an application's first call. */
    public static void main(String[] args) {
        System.out.println("first: " + ConnectionAdvisor.withDefaultRules()
                .diagnose(Facts.builder().product("tfs").scope("several-computers").symptoms("TF31002").build())
                .first().orElseThrow().id());
    }

    @Test
    void diagnosingOnThePackagedRulesReadsNoKieModuleAndCompilesNoRule() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), PackagedStartTest.class.getName())
                .redirectErrorStream(true).start();
        List<String> out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out).contains("first: service-account-password");
        assertThat(out).filteredOn(line -> line.contains("[class,load]")).hasSizeGreaterThan(1000)
                .noneMatch(line -> line.contains("org.drools.compiler.kie.builder.impl.ClasspathKieProject")
                        || line.contains("org.drools.compiler.kie.builder.impl.KieContainerImpl")
                        || line.contains("org.drools.compiler.kproject.models.KieModuleModelImpl")
                        || line.contains("org.drools.compiler.builder.impl.KnowledgeBuilderImpl "));
    }
}
