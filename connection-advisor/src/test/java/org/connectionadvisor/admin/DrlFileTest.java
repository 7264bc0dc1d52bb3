package org.connectionadvisor.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The packaged rules are read from their package folder but named as admins know them: rules-drl/NAME.drl. */
class DrlFileTest {
    @Test
    void packagedFilesAreTheFilesOfRulesDrlUnderTheirAdminPaths() throws IOException {
        List<DrlFile> expected = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("rules-drl"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl") || p.endsWith(AdvicePolicy.FILE)).sorted().toList()) {
                expected.add(new DrlFile("rules-drl/" + file.getFileName(), Files.readString(file)));
            }
        }

        assertThat(expected).isNotEmpty();
        assertThat(DrlFile.packaged()).containsExactlyElementsOf(expected);
    }

    @Test
    void theClassPathHoldsThemInTheFolderOfTheirDrlPackage() {
        assertThat(DrlFile.class.getClassLoader().getResource("org/connectionadvisor/drl/services.drl")).isNotNull();
        assertThat(DrlFile.class.getClassLoader().getResource("rules-drl")).isNull();
    }
}
