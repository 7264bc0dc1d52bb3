package org.connectionadvisor;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * No import cycle in the library: not between its top-level classes (a nested class belongs to its top-level class),
 * and not between its internal packages (admin, engine, input, rules). The API package itself is left out of the
 * package rule: it holds both the facade, which wires the internals, and the value types the internals produce and
 * throw (Facts, Recommendation, RuleProblem, InvalidFactsException, ...), which stay there for callers; the class
 * rule still holds for every one of its classes, so an internal class never calls back into the facade.
 */
class ArchitectureTest {
    private static final String ROOT = "org.connectionadvisor";
    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /** Each top-level class with its nested classes is one slice. */
    private static final SliceAssignment BY_CLASS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            JavaClass top = type;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return SliceIdentifier.of(top.getName());
        }

        @Override
        public String getDescription() {
            return "top-level classes";
        }
    };

    /** Each internal package (with what lies below it) is one slice; the API package is left out (see above). */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String pkg = type.getPackageName();
            if (!pkg.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String rest = pkg.substring(ROOT.length() + 1);
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(ROOT + "." + (dot < 0 ? rest : rest.substring(0, dot)));
        }

        @Override
        public String getDescription() {
            return "the library's internal packages";
        }
    };

    @Test
    void noCycleBetweenTopLevelClasses() {
        // The one pair the API itself ties: fromDirectory takes ReloadOptions, whose Check is handed a ConnectionAdvisor.
        slices().assignedFrom(BY_CLASS).should().beFreeOfCycles()
                .ignoreDependency(ReloadOptions.Check.class, ConnectionAdvisor.class)
                .check(LIBRARY);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(LIBRARY);
    }
}
