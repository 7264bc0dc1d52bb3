package org.connectionadvisor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.connectionadvisor.Actor;
import org.connectionadvisor.Answer;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Diagnosis;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Question;
import org.connectionadvisor.Recommendation;
import org.connectionadvisor.Echo;
import org.connectionadvisor.Vocabulary;
import org.connectionadvisor.outcomes.Outcome;
import org.connectionadvisor.outcomes.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A triage session: asks the question that would change the ranking most, one at a time, then whether the first
 * recommendation fixed it. Everything it knows lives in the library (questions, answers, ruling a row out), so a
 * chat bot can run the same loop; this class only talks.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Asks, one at a time, the questions whose answers would change the ranking most, starting from the facts in FILE (or none).",
                "With no FILE it first asks what you see: symptoms by number, or a pasted error message.",
                "Answer with a number or a value (2019, TFS 2018, ...); d or \"I don't know\" is remembered and not asked again;",
                "s skips a question, ? says why the first recommendation ranks first, q quits.",
                "When no question is left it asks whether the first recommendation fixed it: n rules it out and goes on, y keeps it as confirmed and ends.",
                "Each y or n is recorded in the outcome store (see --data, --database; --no-record leaves it out).",
                "When standard input is not a terminal it reads one answer per line. At the end it prints the ranking as diagnose does."})
final class AskCommand implements Callable<Integer> {
    private static final int TOP = 3;
    /** An answer is a value of at most 200 characters; a longer line is read (and refused) up to this, then the session ends. */
    private static final int LINE_CHARS = 4096;
    /** A session needs a few dozen answers; standard input that keeps going (yes, /dev/zero) ends it here. */
    private static final int MAX_LINES = 1000;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RulesOption rules;

    @Mixin
    private StoreOption store;

    @Option(names = "--no-record", description = "Do not record whether the recommendations fixed it (scripted runs).")
    private boolean noRecord;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "JSON facts to start from (a facts object or a sample file).")
    private String file;

    private ConnectionAdvisor advisor;
    private Facts facts;
    private Diagnosis diagnosis;
    /**
     * Skipped questions are not asked again, but stay in the final list since their answer would still help. An answer,
     * a "no" included, is kept in the facts, so an answered question is never asked again.
     */
    private final Set<String> skipped = new HashSet<>();
    private BufferedReader in;
    private int lines;
    private PrintWriter out;
    private boolean echo;
    private OutcomeRecorder recorder;

    @Override
    public Integer call() throws IOException {
        if ("-".equals(file)) {
            throw new InvalidFactsException("FILE", file,
                    "FILE: ask reads its answers from standard input, so the facts must come from a file, not '-'.");
        }
        if (!noRecord) {
            store.check();
        }
        facts = file == null ? Facts.empty() : Facts.fromJson(DiagnoseCommand.read(file));
        advisor = rules.advisor();
        diagnosis = advisor.diagnose(facts);
        out = spec.commandLine().getOut();
        in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // Not a terminal: answers come from a script, so echo them to keep the transcript readable.
        echo = System.console() == null;

        out.println("Starting from " + (facts.toMap().isEmpty() ? "no facts" : Echo.json(facts.toMap())) + ".");
        out.println("Answer with a number or a value; d: I don't know; s skips a question, ? says why the first recommendation ranks first, q quits.");
        boolean goOn = file != null || whatYouSee();
        printTop();
        if (goOn) {
            try (OutcomeRecorder opened = noRecord ? null : new OutcomeRecorder(store, out)) {
                recorder = opened;
                converse();
            }
        }
        out.println();
        out.println("Facts now: " + Echo.json(facts.toMap()));
        out.println("Final ranking:");
        out.println();
        TextReport.print(diagnosis, out);
        return Main.OK;
    }

    private void converse() throws IOException {
        boolean goOn = true;
        while (goOn) {
            Optional<Question> next = diagnosis.nextQuestion(skipped);
            Optional<Recommendation> first = diagnosis.first();
            if (next.isPresent()) {
                goOn = ask(next.get());
            } else if (first.isPresent()) {
                goOn = followUp(first.get());
            } else {
                out.println("No recommendation is left, and no question would change that.");
                goOn = false;
            }
        }
    }

    /**
     * From nothing, what the person sees comes first: symptoms by their numbers (or values), or a pasted error message,
     * which the advisor reads for codes, message texts and the server's address. False when the session ends.
     */
    private boolean whatYouSee() throws IOException {
        List<Answer> symptoms = Vocabulary.SYMPTOM_CODES.labels().entrySet().stream()
                .map(e -> new Answer(e.getKey(), e.getValue())).toList();
        while (true) {
            out.println();
            out.println("What do you see? Give the numbers of what fits (such as 1 3), or paste the error message.");
            for (int i = 0; i < symptoms.size(); i++) {
                out.printf("  %d) %s: %s%n", i + 1, symptoms.get(i).value(), symptoms.get(i).label());
            }
            String line = readLine();
            if (line == null || "q".equalsIgnoreCase(line)) {
                return false;
            }
            if (line.isEmpty() || "s".equalsIgnoreCase(line) || Vocabulary.dontKnow(line)) {
                return true;
            }
            try {
                facts = Facts.builder().errorMessage(line).build();
                if (line.matches("[\\d\\s,]+")) {
                    String[] numbers = line.trim().split("[\\s,]+");
                    String[] codes = new String[numbers.length];
                    for (int i = 0; i < numbers.length; i++) {
                        codes[i] = numbered(Vocabulary.SYMPTOMS, symptoms, numbers[i]).orElseThrow(() -> new InvalidFactsException(
                                Vocabulary.SYMPTOMS, line, Vocabulary.SYMPTOMS + ": '" + Echo.value(line)
                                        + "' is not a list of the numbers above. Accepted: 1 to " + symptoms.size() + "."));
                    }
                    facts = Facts.builder().symptoms(codes).build();
                } else if (symptoms.stream().anyMatch(s -> s.value().equalsIgnoreCase(line))) {
                    facts = Facts.builder().symptoms(line).build();
                }
                diagnosis = advisor.diagnose(facts);
                out.println("Heard: " + Echo.json(facts.toMap()));
                return true;
            } catch (InvalidFactsException bad) {
                out.println(bad.getMessage());
            }
        }
    }

    /** The value of an answer given by its number, if the line is one of the numbers offered. */
    private static Optional<String> numbered(String field, List<Answer> answers, String line) {
        if (!line.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int number = Integer.parseInt(line);
        return number < 1 || number > answers.size() ? Optional.empty() : Optional.of(answers.get(number - 1).value());
    }

    /** Asks until the answer is usable; false when the session ends (q or the end of input). */
    private boolean ask(Question question) throws IOException {
        while (true) {
            out.println();
            out.println(question.text() + (question.answeredBy() == Actor.ADMINISTRATOR
                    ? " (an administrator usually knows; say d if you do not)" : ""));
            List<Answer> answers = question.answers();
            for (int i = 0; i < answers.size(); i++) {
                Answer answer = answers.get(i);
                out.printf("  %d) %s%s%n", i + 1, answer.value(), answer.label().equals(answer.value()) ? "" : ": " + answer.label());
            }
            String line = readLine();
            if (line == null || "q".equalsIgnoreCase(line)) {
                return false;
            }
            if ("?".equals(line)) {
                explainFirst();
            } else if ("s".equalsIgnoreCase(line)) {
                skipped.add(question.id());
                out.println("Skipped; it will not be asked again.");
                return true;
            } else {
                try {
                    String value = "d".equalsIgnoreCase(line) ? Question.DONT_KNOW.value()
                            : numbered(question.id(), answers, line).orElse(line);
                    update(facts.with(question.id(), value));
                    return true;
                } catch (InvalidFactsException bad) {
                    out.println(bad.getMessage());
                }
            }
        }
    }

    /** "Did this fix it?" about the first recommendation; false when the session ends. */
    private boolean followUp(Recommendation first) throws IOException {
        out.println();
        out.println("No question left that would change the ranking. Try the first recommendation:");
        TextReport.printRecommendation(first, out);
        while (true) {
            out.println("Did this fix it? (y/n)");
            String line = readLine();
            if (line == null || "q".equalsIgnoreCase(line)) {
                return false;
            }
            switch (line.toLowerCase(Locale.ROOT)) {
                case "y", "yes" -> {
                    out.println("Good: " + first.id() + " fixed it; it is kept in the facts as confirmed.");
                    record(first, Result.FIXED);
                    update(facts.with(Vocabulary.CONFIRMED, first.id()));
                    return false;
                }
                case "n", "no" -> {
                    out.println("Ruled out " + first.id() + ".");
                    record(first, Result.NOT_FIXED);
                    update(facts.ruleOut(first.id()));
                    return true;
                }
                case "?" -> explainFirst();
                default -> out.println("'" + Echo.value(line) + "' is not an answer here. Accepted: y (it fixed it), n (it did not), ?, q.");
            }
        }
    }

    private void record(Recommendation tried, Result result) {
        if (recorder != null) {
            recorder.record(Outcome.of(advisor, facts, tried.id(), result, Instant.now()));
        }
    }

    private void update(Facts answered) {
        facts = answered;
        diagnosis = advisor.diagnose(facts);
        printTop();
    }

    private void printTop() {
        List<Recommendation> recommendations = diagnosis.recommendations();
        if (recommendations.isEmpty()) {
            out.println("No recommendation fits these facts.");
            return;
        }
        out.println("Top " + TOP + " now:");
        recommendations.stream().limit(TOP).forEach(r -> out.printf("  %d. %s [%s, %s]%n", r.rank(), r.title(), r.id(), r.status().word()));
    }

    /** Why the first recommendation ranks first: its band, then the documents' order within it. */
    private void explainFirst() {
        Optional<Recommendation> first = diagnosis.first();
        if (first.isEmpty()) {
            out.println("No recommendation to explain: none fits these facts.");
            return;
        }
        Recommendation r = first.get();
        out.printf("1. %s [%s] ranks first.%n", r.title(), r.id());
        out.println("   Status: " + r.status().word() + ". Band: " + switch (r.band()) {
            case CONFIRMED -> "you confirmed it, and confirmed rows rank first.";
            case SUPPORTED -> "facts you gave support it (" + r.supportedBy().size()
                    + "); supported rows come first, those with more supporting facts before the others.";
            case FIRST_STEP -> "the documents give it as a first step; first steps come before the rows no fact supports.";
            case DOCUMENTS_ORDER -> "no fact supports it in particular; such rows follow the documents' own order.";
        });
        out.println("   Within its band the documents' order (rule salience) puts it first.");
        out.println("   Because: " + String.join("; ", r.because()) + ".");
    }

    /** One answer line, trimmed; null at the end of input. Lines and their number are bounded: see LINE_CHARS, MAX_LINES. */
    private String readLine() throws IOException {
        if (!echo) {
            out.print("> ");
            out.flush();
        }
        if (++lines > MAX_LINES) {
            throw new InvalidFactsException(null, null, "standard input: more than " + MAX_LINES
                    + " answers; a session needs a few dozen at most.");
        }
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (line.length() == LINE_CHARS) {
                throw new InvalidFactsException(null, null, "standard input: an answer is longer than " + LINE_CHARS
                        + " characters. Accepted: a number or a value, one per line.");
            }
            line.append((char) c);
        }
        if (c < 0 && line.length() == 0) {
            out.println(echo ? "(end of input)" : "");
            return null;
        }
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        if (echo) {
            out.println("> " + Echo.safe(line.toString()));
        }
        return line.toString().trim();
    }
}
