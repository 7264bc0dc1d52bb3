package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The library's public surface: immutable value types, and no Drools or KIE type anywhere in a signature. */
class PublicApiTest {
    private static List<Class<?>> publicTypes() throws Exception {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> sources = Files.list(Path.of("connection-advisor/src/main/java/org/connectionadvisor"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = source.getFileName().toString().replace(".java", "");
                Class<?> type = Class.forName("org.connectionadvisor." + name);
                if (Modifier.isPublic(type.getModifiers())) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    @Test
    void noPublicSignatureMentionsDroolsOrKie() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            for (Method method : type.getMethods()) {
                List<Class<?>> mentioned = new ArrayList<>(List.of(method.getParameterTypes()));
                mentioned.add(method.getReturnType());
                for (Class<?> each : mentioned) {
                    if (each.getName().startsWith("org.kie") || each.getName().startsWith("org.drools")) {
                        leaks.add(type.getSimpleName() + "." + method.getName() + " uses " + each.getName());
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(publicTypes()).extracting(Class::getSimpleName).contains("ConnectionAdvisor", "Facts", "Diagnosis",
                "Recommendation", "Question", "Answer", "Source", "Status", "InvalidFactsException");
    }

    @Test
    void theValueTypesAreRecordsWhoseListsCannotBeChanged() {
        Recommendation recommendation = ConnectionAdvisor.withDefaultRules()
                .diagnose(Facts.builder().product("tfs").scope("several-computers").symptoms("TF31002").build())
                .recommendations().get(0);
        for (Class<?> type : List.of(Recommendation.class, Question.class, Answer.class, Source.class, RuleProblem.class)) {
            assertThat(type.isRecord()).as(type.getSimpleName()).isTrue();
        }
        assertThat(List.of(recommendation.because(), recommendation.steps(), recommendation.sources(), recommendation.links()))
                .allSatisfy(list -> assertThatThrownBy(() -> list.add(null)).isInstanceOf(UnsupportedOperationException.class));
    }
}
