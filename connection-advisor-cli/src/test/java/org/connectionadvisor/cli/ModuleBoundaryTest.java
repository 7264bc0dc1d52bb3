package org.connectionadvisor.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The modules built on the library (the command line, the service, the outcome store; this module's class path holds
 * all three) use only what the library publishes: the API package {@code org.connectionadvisor} and the DRL fact
 * types of {@code org.connectionadvisor.rules} that Drools-native users see. The library's engine, input, admin and
 * compiled packages are its own, free to change; a new import of one of them fails here with the class that made it.
 * (The benchmarks measure internals on purpose and are not a module users build on.)
 */
class ModuleBoundaryTest {
    private static final String[] MODULES = {"org.connectionadvisor.cli..", "org.connectionadvisor.service..",
            "org.connectionadvisor.outcomes.."};

    @Test
    void modulesUseOnlyTheLibrarysPublishedPackages() {
        JavaClasses modules = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.connectionadvisor.cli", "org.connectionadvisor.service", "org.connectionadvisor.outcomes");
        classes().that().resideInAnyPackage(MODULES)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.connectionadvisor..")
                        .or(resideInAnyPackage("org.connectionadvisor", "org.connectionadvisor.rules.."))
                        .or(resideInAnyPackage(MODULES)))
                .because("the library's internal packages (engine, input, admin, compiled) are not its API")
                .check(modules);
    }
}
