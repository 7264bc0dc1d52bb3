package org.connectionadvisor;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/** No import cycle in the library: neither between its top-level classes nor between its packages. */
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

    /** The API package is a slice of its own; each subpackage (with what lies below it) is one. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String pkg = type.getPackageName();
            if (pkg.equals(ROOT)) {
                return SliceIdentifier.of(ROOT);
            }
            if (!pkg.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String rest = pkg.substring(ROOT.length() + 1);
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(ROOT + "." + (dot < 0 ? rest : rest.substring(0, dot)));
        }

        @Override
        public String getDescription() {
            return "the library's packages";
        }
    };

    @Test
    void noCycleBetweenTopLevelClasses() {
        slices().assignedFrom(BY_CLASS).should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(LIBRARY);
    }
}
