package org.connectionadvisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.connectionadvisor.input.Answers;
import org.connectionadvisor.input.FactsChecks;
import org.connectionadvisor.input.FactsFields;
import org.connectionadvisor.input.FactsJson;
import org.connectionadvisor.input.ServerUrls;

/**
 * What the user knows about the problem, in the inventory's vocabulary. Immutable; every value is checked
 * when it is set, so an instance always holds canonical values (aliases resolved, case normalised).
 * Row ids in {@code confirmed} and {@code ruledOut} are checked against the rules when diagnosing.
 * Sizes and characters are bounded ({@link Limits}), and the strings kept as given (serverUrl, errorMessage, versions,
 * row ids) are kept without the credentials of URLs ({@code https://***@host}): facts get echoed and logged, and the
 * advisor never needs them.
 */
public final class Facts {
    /** The question id that sets which of the two accounts the user signed in with. */
    public static final String SIGNED_IN_WITH = Vocabulary.SIGNED_IN_WITH;

    private static final Facts EMPTY = new Builder().build();

    private final String product;
    private final String scope;
    private final String client;
    private final String os;
    private final String visualStudioVersion;
    private final String serverVersion;
    private final Set<String> symptoms;
    /** Context flags answered, in the order given: true for yes, false for no; a flag not in it is unknown. */
    private final Map<String, Boolean> context;
    private final String errorMessage;
    private final String serverUrl;
    private final Set<String> confirmed;
    private final Set<String> ruledOut;
    private final String role;
    private final Set<String> dontKnow;

    /** @param owned whether the builder is thrown away after this, so its collections need no copy */
    private Facts(Builder builder, boolean owned) {
        product = builder.product;
        scope = builder.scope;
        client = builder.client;
        os = builder.os;
        visualStudioVersion = builder.visualStudioVersion;
        serverVersion = builder.serverVersion;
        symptoms = frozen(builder.symptoms, owned);
        context = Collections.unmodifiableMap(owned ? builder.context : new LinkedHashMap<>(builder.context));
        errorMessage = builder.errorMessage;
        serverUrl = builder.serverUrl;
        confirmed = frozen(builder.confirmed, owned);
        ruledOut = frozen(builder.ruledOut, owned);
        role = builder.role;
        dontKnow = frozen(builder.dontKnow, owned);
    }

    private static Set<String> frozen(Set<String> values, boolean owned) {
        return Collections.unmodifiableSet(owned ? values : new LinkedHashSet<>(values));
    }

    public static Facts empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads facts from JSON such as {@code {"product": "tfs", "symptoms": ["TF31002"]}}, or a sample file's facts. */
    public static Facts fromJson(String json) {
        Builder builder = new Builder();
        FactsJson.read(json, builder);
        return builder.build();
    }

    /** Reads at most {@link Limits#INPUT_BYTES} of UTF-8 JSON from the stream, up to its end. */
    public static Facts fromJson(InputStream json) {
        try {
            return fromJson(FactsText.read(json, "the input"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a regular file of at most {@link Limits#INPUT_BYTES} of UTF-8 JSON. */
    public static Facts fromJson(Path file) throws IOException {
        return fromJson(FactsText.read(file, "'" + Echo.value(file.toString()) + "'"));
    }

    public Optional<String> product() {
        return Optional.ofNullable(product);
    }

    public Optional<String> scope() {
        return Optional.ofNullable(scope);
    }

    public Optional<String> client() {
        return Optional.ofNullable(client);
    }

    public Optional<String> os() {
        return Optional.ofNullable(os);
    }

    public Optional<String> visualStudioVersion() {
        return Optional.ofNullable(visualStudioVersion);
    }

    public Optional<String> serverVersion() {
        return Optional.ofNullable(serverVersion);
    }

    public Set<String> symptoms() {
        return symptoms;
    }

    /** The context flags answered yes (the list form of {@code "context"}). */
    public Set<String> context() {
        Set<String> yes = new LinkedHashSet<>();
        context.forEach((flag, answer) -> {
            if (answer) {
                yes.add(flag);
            }
        });
        return Collections.unmodifiableSet(yes);
    }

    /** Every context flag answered, yes (true) or no (false), in the order given; flags not in it are unknown. */
    public Map<String, Boolean> contextAnswers() {
        return context;
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    public Optional<String> serverUrl() {
        return Optional.ofNullable(serverUrl);
    }

    public Set<String> confirmed() {
        return confirmed;
    }

    public Set<String> ruledOut() {
        return ruledOut;
    }

    /** Who is asking: "user" (not the administrator) or "administrator"; empty when not known. */
    public Optional<String> role() {
        return Optional.ofNullable(role);
    }

    /** The question ids answered "I don't know": remembered so that they are not asked again. */
    public Set<String> dontKnow() {
        return dontKnow;
    }

    /**
     * These facts plus one answer: {@code questionId} is an input field ({@code product}, {@code scope}, ...; for
     * the list fields the value is added), a context flag with {@code yes} or {@code no} (a no is kept: the rows that
     * need a yes drop out), or {@link #SIGNED_IN_WITH} with {@code work} or {@code personal}. Any question takes
     * {@link Vocabulary#DONT_KNOW_ANSWER} ("I don't know"): it is kept in {@link #dontKnow()} and not asked again.
     */
    public Facts with(String questionId, String value) {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(value, "value");
        Builder next = toBuilder();
        Answers.apply(next, questionId, value);
        // Answering a question builds facts many times over while questions are planned: the builder is not seen
        // again, so its collections become the new facts' own.
        return next.build(true);
    }

    /** The user tried this row's resolution and it did not help: it will not be recommended again. */
    public Facts ruleOut(String rowId) {
        return with(Vocabulary.RULED_OUT, rowId);
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.product = product;
        builder.scope = scope;
        builder.client = client;
        builder.os = os;
        builder.visualStudioVersion = visualStudioVersion;
        builder.serverVersion = serverVersion;
        builder.symptoms.addAll(symptoms);
        builder.context.putAll(context);
        builder.errorMessage = errorMessage;
        builder.serverUrl = serverUrl;
        builder.confirmed.addAll(confirmed);
        builder.ruledOut.addAll(ruledOut);
        builder.role = role;
        builder.dontKnow.addAll(dontKnow);
        return builder;
    }

    /**
     * The facts as the JSON object {@link #fromJson(String)} reads, with only the fields that are set; {@code context}
     * is a list while every answer is yes, and an object of yes (true) and no (false) answers otherwise.
     */
    public Map<String, Object> toMap() {
        Object answers = context.isEmpty() || context.containsValue(false) ? context : List.copyOf(context.keySet());
        // In the order of Vocabulary.FIELDS; a field not set (null, or an empty list) is left out.
        Object[] values = {product, scope, client, visualStudioVersion, serverVersion, os, symptoms, answers, errorMessage,
                serverUrl, confirmed, ruledOut, role, dontKnow};
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof Set<?> set ? List.copyOf(set) : values[i];
            if (value != null && !(value instanceof Collection<?> list && list.isEmpty()) && !(value instanceof Map<?, ?> m && m.isEmpty())) {
                map.put(Vocabulary.FIELDS.get(i), value);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Facts facts && toMap().equals(facts.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "Facts" + toMap();
    }

    /** Collects facts; each setter checks its value at once and throws {@link InvalidFactsException}. */
    public static final class Builder implements FactsFields {
        private String product;
        private String scope;
        private String client;
        private String os;
        private String visualStudioVersion;
        private String serverVersion;
        private final Set<String> symptoms = new LinkedHashSet<>();
        private final Map<String, Boolean> context = new LinkedHashMap<>();
        private String errorMessage;
        private String serverUrl;
        private final Set<String> confirmed = new LinkedHashSet<>();
        private final Set<String> ruledOut = new LinkedHashSet<>();
        private String role;
        private final Set<String> dontKnow = new LinkedHashSet<>();

        private Builder() {
        }

        /** "user" (also: not-the-administrator) or "administrator" (also: admin). */
        @Override
        public Builder role(String value) {
            role = Vocabulary.ROLES.canonical(value);
            return this;
        }

        /** Question ids the user answered "I don't know"; each must be a question the advisor can ask. */
        @Override
        public Builder dontKnow(String... questionIds) {
            Limits.entries(Vocabulary.DONT_KNOW, questionIds.length);
            for (String id : questionIds) {
                dontKnow.add(QuestionCatalogue.canonicalId(Vocabulary.DONT_KNOW, id));
            }
            return this;
        }

        @Override
        public Builder product(String value) {
            product = Vocabulary.PRODUCTS.canonical(value);
            return this;
        }

        @Override
        public Builder scope(String value) {
            scope = Vocabulary.SCOPES.canonical(value);
            return this;
        }

        @Override
        public Builder client(String value) {
            client = Vocabulary.CLIENTS.canonical(value);
            return this;
        }

        @Override
        public Builder os(String value) {
            os = Vocabulary.OPERATING_SYSTEMS.canonical(value);
            return this;
        }

        @Override
        public Builder visualStudioVersion(String value) {
            Vocabulary.releaseYear(Vocabulary.VISUAL_STUDIO_VERSION, Limits.value(Vocabulary.VISUAL_STUDIO_VERSION, value));
            visualStudioVersion = Echo.redact(value.trim());
            return this;
        }

        @Override
        public Builder serverVersion(String value) {
            Vocabulary.releaseYear(Vocabulary.SERVER_VERSION, Limits.value(Vocabulary.SERVER_VERSION, value));
            serverVersion = Echo.redact(value.trim());
            return this;
        }

        @Override
        public Builder symptoms(String... values) {
            Limits.entries(Vocabulary.SYMPTOMS, values.length);
            for (String value : values) {
                symptoms.add(Vocabulary.SYMPTOM_CODES.canonical(value));
            }
            return this;
        }

        /** Context flags answered yes. */
        @Override
        public Builder context(String... values) {
            Limits.entries(Vocabulary.CONTEXT, values.length);
            for (String value : values) {
                context.put(Vocabulary.CONTEXT_FLAGS.canonical(value), true);
            }
            return this;
        }

        /** A context flag answered yes or no. */
        @Override
        public Builder answer(String flag, boolean yes) {
            context.put(Vocabulary.CONTEXT_FLAGS.canonical(flag), yes);
            return this;
        }

        /** Pasted text; URLs in it lose their credentials. */
        @Override
        public Builder errorMessage(String value) {
            errorMessage = Echo.redact(Limits.text(Vocabulary.ERROR_MESSAGE, value));
            return this;
        }

        /** An address with a host; its credentials, if any, are dropped for ***. */
        @Override
        public Builder serverUrl(String value) {
            serverUrl = ServerUrls.withoutCredentials(Limits.url(Vocabulary.SERVER_URL, value));
            return this;
        }

        /** Row ids the user verified; checked against the loaded rules when diagnosing. */
        @Override
        public Builder confirmed(String... rowIds) {
            FactsChecks.addRowIds(Vocabulary.CONFIRMED, confirmed, rowIds);
            return this;
        }

        /** Row ids the user checked and found not to be the cause; checked against the loaded rules. */
        @Override
        public Builder ruledOut(String... rowIds) {
            FactsChecks.addRowIds(Vocabulary.RULED_OUT, ruledOut, rowIds);
            return this;
        }

        /** Forgets a context answer, so that another can take its place. */
        @Override
        public Builder forget(String flag) {
            context.remove(flag);
            return this;
        }

        /** Checks what no single field can: exclusive flags, rows both confirmed and ruled out, product against URL. */
        public Facts build() {
            return build(false);
        }

        /** @param owned whether the builder is thrown away after this, so its collections need no copy */
        Facts build(boolean owned) {
            FactsChecks.across(context, confirmed, ruledOut, product, serverUrl);
            return new Facts(this, owned);
        }
    }
}
