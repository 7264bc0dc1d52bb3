package org.connectionadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.connectionadvisor.Facts;
import org.connectionadvisor.Inputs;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The library on the class path is a KIE module: its KieBase runs the packaged rules on the facts of {@link Inputs}. */
class KieModuleTest {
    @Test
    void theClasspathContainerHasTheConnectionAdvisorKieBaseAndItsDefaultSession() {
        KieContainer container = KieServices.get().getKieClasspathContainer();

        assertThat(container.getKieBaseNames()).contains("connection-advisor");
        assertThat(container.getKieSessionNamesInKieBase("connection-advisor")).containsExactly("connection-advisor-session");
        assertThat(container.getKieBase()).isSameAs(container.getKieBase("connection-advisor"));
    }

    /**
     * Under the release id of its pom.properties, the jar's Maven coordinates. From target/classes (here) Drools
     * finds a module by release id once the classpath container has registered it; from the jar it finds it by the
     * pom.properties alone (EmbeddingExampleIT).
     */
    @Test
    void theClasspathModuleIsFoundByItsMavenCoordinates() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = Inputs.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.connectionadvisor/connection-advisor/pom.properties")) {
            pom.load(in);
        }
        KieServices kie = KieServices.get();
        kie.getKieClasspathContainer();
        ReleaseId releaseId = kie.newReleaseId("org.connectionadvisor", "connection-advisor", pom.getProperty("version"));

        KieContainer container = kie.newKieContainer(releaseId);
        try {
            assertThat(container.getReleaseId()).isEqualTo(releaseId);
            assertThat(container.getKieBaseNames()).containsExactly("connection-advisor");
        } finally {
            container.dispose();
        }
    }

    @Test
    void aSessionGivenTheInputsOfADiagnosisInsertsTheAdviceOfTheSamplesRows() throws IOException {
        JsonNode sample = new ObjectMapper().readTree(Path.of("facts-samples/row-service-account-password.json").toFile());
        Facts facts = Facts.fromJson(sample.get("facts").toString());
        List<String> expected = new ArrayList<>();
        sample.get("expected").get("ids").forEach(id -> expected.add(id.asText()));

        KieSession session = KieServices.get().getKieClasspathContainer().newKieSession("connection-advisor-session");
        try {
            Inputs.of(facts).forEach(session::insert);
            session.fireAllRules();
            List<String> rows = session.getObjects(o -> o instanceof Advice).stream()
                    .map(o -> ((Advice) o).row()).distinct().toList();

            assertThat(rows).contains("service-account-password").containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            session.dispose();
        }
    }
}
