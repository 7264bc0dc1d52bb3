package org.connectionadvisor.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.connectionadvisor.Answer;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Diagnosis;
import org.connectionadvisor.Facts;
import org.connectionadvisor.Heard;
import org.connectionadvisor.Inputs;
import org.connectionadvisor.Question;
import org.connectionadvisor.Recommendation;
import org.connectionadvisor.rules.Advice;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * The library embedded as an application embeds it: every call the README shows ("Library", "The same loop in a
 * chat bot or a form"), then the library jar used as a Drools KIE module. Prints only its own lines, each starting
 * with {@code example: }; the last one is the time main returns. Run it from the repository root, or give the
 * directory of DRL files for {@code fromDirectory} as the argument (default {@code rules-drl}).
 */
public final class EmbeddingExample {
    private static final String PREFIX = "example: ";

    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        Path rules = Path.of(args.length > 0 ? args[0] : "rules-drl");
        library();
        chatBotLoop();
        fromDirectory(rules);
        kieModule();
        print("main returns at " + System.currentTimeMillis());
    }

    /** README, "Library". */
    private static void library() {
        ConnectionAdvisor advisor = ConnectionAdvisor.withDefaultRules();
        Facts facts = Facts.builder()
                .product("tfs")
                .scope("several-computers")
                .symptoms("TF31002")
                .build();
        Diagnosis diagnosis = advisor.diagnose(facts);
        diagnosis.first().ifPresent(r -> print("first: " + r.id() + ", " + r.title() + " because " + r.because()));
        print("questions: " + diagnosis.questions().stream().map(Question::id).toList());
        print("heard: " + diagnosis.heard().stream().map(Heard::summary).toList());
        Facts next = facts.with("multiple-server-versions", "yes")
                .with("remote-worker", "no")
                .ruleOut("service-account-password");
        print("next: " + next.toMap() + " ranks " + first(advisor.diagnose(next)) + " first");
    }

    /** README, "The same loop in a chat bot or a form": one answer, then one "did not fix it". */
    private static void chatBotLoop() {
        ConnectionAdvisor advisor = ConnectionAdvisor.withDefaultRules();
        Facts facts = Facts.fromJson("{\"symptoms\": [\"TF31002\"]}");
        Set<String> skipped = new HashSet<>();
        Diagnosis diagnosis = advisor.diagnose(facts);
        Optional<Question> next = diagnosis.nextQuestion(skipped);
        print("asked: " + next.get().id() + ", " + next.get().text() + " "
                + next.get().answers().stream().map(Answer::value).toList());
        facts = facts.with(next.get().id(), "server");
        diagnosis = advisor.diagnose(facts);
        print("answered server: " + first(diagnosis) + " first, next question " + diagnosis.nextQuestion(skipped).get().id());
        String notFixed = diagnosis.first().get().id();
        facts = facts.ruleOut(notFixed);
        print("ruled out " + notFixed + ": " + first(advisor.diagnose(facts)) + " first");
    }

    /** README, "Library": an administrator's DRL directory, compiled now; close() stops what the advisor runs. */
    private static void fromDirectory(Path rules) {
        try (ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(rules)) {
            print("fromDirectory " + rules + ": " + advisor.rowIds().size() + " rows, " + first(advisor.diagnose(
                    Facts.builder().product("tfs").scope("several-computers").symptoms("TF31002").build())) + " first");
        }
    }

    /**
     * README, "Using the library": the jar's KIE module by its Maven coordinates (Drools finds the jar by its
     * pom.properties), then through the classpath container, given the input facts of a diagnosis.
     */
    private static void kieModule() {
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId("org.connectionadvisor", "connection-advisor", libraryVersion());
        KieContainer container = kie.newKieContainer(releaseId);
        try {
            print("newKieContainer " + releaseId + ": KieBases " + container.getKieBaseNames());
        } finally {
            container.dispose();
        }
        KieBase kieBase = kie.getKieClasspathContainer().getKieBase("connection-advisor");
        KieSession session = kieBase.newKieSession();
        try {
            Inputs.of(Facts.builder().product("tfs").scope("several-computers").symptoms("TF31002").build())
                    .forEach(session::insert);
            session.fireAllRules();
            List<String> rows = session.getObjects(o -> o instanceof Advice).stream()
                    .map(o -> ((Advice) o).row()).distinct().sorted().toList();
            print("KieBase connection-advisor: advice " + rows);
        } finally {
            session.dispose();
        }
    }

    /** The library version on the class path, from the pom.properties Drools names the module by. */
    private static String libraryVersion() {
        Properties pom = new Properties();
        try (InputStream in = ConnectionAdvisor.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.connectionadvisor/connection-advisor/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String first(Diagnosis diagnosis) {
        return diagnosis.first().map(Recommendation::id).orElse("nothing");
    }

    private static void print(String line) {
        System.out.println(PREFIX + line);
    }
}
