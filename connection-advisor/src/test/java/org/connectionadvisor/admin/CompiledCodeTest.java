package org.connectionadvisor.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;

import org.connectionadvisor.RuleProblem;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The check of the compiled classes, behind the subset: fed here with rules the subset would refuse, compiled by
 * Drools directly, it names each reference outside the allowlist; the packaged rules compile to nothing outside it.
 */
class CompiledCodeTest {
    private static Collection<KiePackage> compiledUnchecked(String drl) throws Exception {
        PackageDescr descr = new DrlParser().parse(false, drl);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newDescrResource(descr), ResourceType.DESCR);
        assertThat(builder.getErrors()).isEmpty();
        return builder.getKnowledgePackages();
    }

    private static List<String> problems(Collection<KiePackage> packages) {
        return CompiledCode.check(packages, (classFile, message) -> new RuleProblem(classFile.replaceAll("[0-9]+", "N"), 0, null, message))
                .stream().map(RuleProblem::format).toList();
    }

    @Test
    void aConsequenceThatReachesTheProcessTheDiskOrReflectionIsNamedReferenceByReference() throws Exception {
        Collection<KiePackage> packages = compiledUnchecked("""
                package org.connectionadvisor.drl;
                import org.connectionadvisor.rules.*;
                rule "escapes"
                when
                    Topic()
                then
                    new java.io.File( "marker" ).createNewFile();
                    Runtime.getRuntime().exec( "true" );
                    Class.forName( "java.lang.System" );
                    new Thread( () -> System.exit( 0 ) ).start();
                end
                """);
        String rule = "org/connectionadvisor/drl/Rule_escapesN.class:0: the compiled rule refers to ";
        String why = ", which rules may not reach: a rule only inserts results built from string literals";
        assertThat(problems(packages)).containsExactly(
                rule + "java.io.File" + why,
                rule + "java.io.File.<init>" + why,
                rule + "java.io.File.createNewFile" + why,
                rule + "java.lang.Class.forName" + why,
                rule + "java.lang.Runtime.exec" + why,
                rule + "java.lang.Runtime.getRuntime" + why,
                rule + "java.lang.System.exit" + why,
                rule + "java.lang.Thread" + why,
                rule + "java.lang.Thread.<init>" + why,
                rule + "java.lang.Thread.start" + why,
                rule + "java.lang.invoke.LambdaMetafactory.metafactory (invokedynamic)" + why);
    }

    @Test
    void thePackagedRulesReferToNothingOutsideTheAllowlist() {
        Collection<KiePackage> packages = RuleCompiler.compile(DrlFile.packaged()).kieBase().getKiePackages();

        long classes = packages.stream().map(p -> (JavaDialectRuntimeData) ((InternalKnowledgePackage) p).getDialectRuntimeRegistry()
                .getDialectData("java")).filter(java.util.Objects::nonNull).mapToLong(data -> data.getStore().size()).sum();
        assertThat(classes).as("classes compiled from the rules, each checked").isGreaterThan(80);
        assertThat(problems(packages)).isEmpty();
    }
}
