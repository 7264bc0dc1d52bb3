package org.connectionadvisor.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.connectionadvisor.Facts;
import org.connectionadvisor.Echo;
import org.connectionadvisor.PastedMessage;
import org.connectionadvisor.input.ServerUrls;
import org.connectionadvisor.input.UsersWords;
import org.connectionadvisor.Vocabulary;
import org.connectionadvisor.rules.Client;
import org.connectionadvisor.rules.Confirmed;
import org.connectionadvisor.rules.Context;
import org.connectionadvisor.rules.Input;
import org.connectionadvisor.rules.Os;
import org.connectionadvisor.rules.Product;
import org.connectionadvisor.rules.Release;
import org.connectionadvisor.rules.Role;
import org.connectionadvisor.rules.Scope;
import org.connectionadvisor.rules.Setting;
import org.connectionadvisor.rules.Symptom;

/**
 * The inputs of one diagnosis: every fact the user gave, and every fact inferred from them (the inventory's inference
 * rules v2), each saying in words where it came from. A given fact always wins over an inference. The pasted message
 * is read once; the what-ifs of questions and of the "what did each fact do" report derive new situations from this
 * one without reading it again. Labels quote what the user gave only through {@link Echo#safe}.
 */
public final class Situation {
    private static final Set<String> VISUAL_STUDIO_CODES = Set.of("TF31002", "TF31003");

    private final Facts facts;
    private final PastedMessage message;
    /** The context flags the pasted message says in the user's words, each with how; read once with the message. */
    private final Map<String, String> clues;
    /** A row's title by its id, to name confirmed rows in words. */
    private final Function<String, String> titles;
    /** Input keys left out, to see what the diagnosis would be without them. */
    private final Set<String> without;
    private final List<Input> inputs;
    private final Setting setting;

    /** @param sameProductAs a situation whose product input this one shares, or null to work it out */
    private Situation(Facts facts, PastedMessage message, Map<String, String> clues, Function<String, String> titles,
            Set<String> without, Situation sameProductAs) {
        this.facts = facts;
        this.message = message;
        this.clues = clues;
        this.titles = titles;
        this.without = without;
        this.setting = new Setting(sameProductAs != null ? sameProductAs.setting.product() : product(facts, message),
                scope(), client());
        this.inputs = List.copyOf(build());
    }

    public static Situation of(Facts facts) {
        return of(facts, Function.identity());
    }

    /** @param titles a row's title by its id, which names a confirmed row to the user */
    public static Situation of(Facts facts, Function<String, String> titles) {
        String pasted = facts.errorMessage().orElse(null);
        return new Situation(facts, PastedMessage.of(pasted), UsersWords.clues(pasted), titles, Set.of(), null);
    }

    /**
     * The situation of other facts with the same pasted message, which is not read again; where the product and the
     * address are the same too (most what-ifs answer something else), the product is not worked out again either.
     */
    public Situation with(Facts other) {
        if (!Objects.equals(other.errorMessage(), facts.errorMessage())) {
            return of(other, titles);
        }
        boolean sameProduct = other.product().equals(facts.product()) && other.serverUrl().equals(facts.serverUrl());
        return new Situation(other, message, clues, titles, without, sameProduct ? this : null);
    }

    /** This situation without one input (its key, as {@link Input#key()}), and without what was inferred from it. */
    public Situation without(String key) {
        Set<String> more = new HashSet<>(without);
        more.add(key);
        return new Situation(facts, message, clues, titles, Set.copyOf(more), null);
    }

    public Facts facts() {
        return facts;
    }

    /** The facts inserted into a rule session, in a stable order. */
    public List<Input> inputs() {
        return inputs;
    }

    /** The product as the rules see it: "services", "server" or "unknown". */
    public String product() {
        return setting.productName();
    }

    /** Whether an input with this key is present, given or inferred. */
    public boolean knows(String key) {
        return inputs.stream().anyMatch(input -> input.key().equals(key));
    }

    private List<Input> build() {
        List<Input> built = new ArrayList<>();
        add(built, setting.product());
        add(built, setting.scope());
        add(built, setting.client());
        // The documents list no cache folder for Windows 11: the rules see it as an unknown version (every folder).
        facts.os().filter(os -> !Vocabulary.WINDOWS_11.equals(os))
                .ifPresent(os -> add(built, new Os(os, "the client runs " + Vocabulary.OPERATING_SYSTEMS.label(os), false)));
        facts.visualStudioVersion().ifPresent(version -> add(built, release(Release.VISUAL_STUDIO,
                Vocabulary.release(Vocabulary.VISUAL_STUDIO_VERSION, version), "Visual Studio is the ")));
        facts.serverVersion().ifPresent(version -> add(built, release(Release.SERVER,
                Vocabulary.release(Vocabulary.SERVER_VERSION, version), "the server is the ")));
        List<Symptom> symptoms = symptoms();
        built.addAll(symptoms);
        facts.contextAnswers().forEach((flag, yes) -> add(built, Context.of(flag, yes, setting,
                "you said " + (yes ? Vocabulary.CONTEXT_FLAGS.label(flag) : Vocabulary.CONTEXT_FLAGS_NO.get(flag)), false)));
        sslFromAddress().ifPresent(ssl -> add(built, ssl));
        clues.forEach((flag, clue) -> {
            if (!facts.contextAnswers().containsKey(flag)) {
                add(built, Context.of(flag, true, setting, clue, true));
            }
        });
        for (String row : facts.confirmed()) {
            add(built, new Confirmed(row, "you confirmed \"" + Echo.safe(titles.apply(row)) + "\""));
        }
        facts.role().ifPresent(role -> add(built, Role.of(role)));
        return built;
    }

    /** Labelled by concatenation: the what-ifs of questions build thousands of these, and a format string cost a tenth of planning. */
    private static Release release(String of, double version, String labelStart) {
        Release unlabelled = new Release(of, version, "", false);
        return new Release(of, version, labelStart + unlabelled.value() + " release", false);
    }

    private void add(List<Input> built, Input input) {
        if (input != null && !without.contains(input.key())) {
            built.add(input);
        }
    }

    private Product product(Facts given, PastedMessage pasted) {
        if (without.contains("product")) {
            return null;
        }
        if (given.product().isPresent()) {
            String name = given.product().get();
            return new Product(name, "you said the product is " + productName(name), false);
        }
        String url = given.serverUrl().orElse(null);
        String where = "the server URL's host ";
        if (url == null && pasted.url() != null && !without.contains("serverUrl")) {
            url = pasted.url();
            where = "the error message names a server whose host ";
        }
        if (url == null) {
            return null;
        }
        String name = ServerUrls.product(url);
        return new Product(name, where + Echo.safe(ServerUrls.host(url)) + ("services".equals(name)
                ? " is an Azure DevOps Services address" : " is not an Azure DevOps Services address, so it is an Azure DevOps Server"), true);
    }

    private Scope scope() {
        return facts.scope().filter(scope -> !without.contains("scope"))
                .map(scope -> new Scope(scope, scopeLabel(scope), false)).orElse(null);
    }

    private static String scopeLabel(String scope) {
        return "one-computer".equals(scope) ? "only one computer fails to connect" : "several computers or users fail to connect";
    }

    /** Given, or Visual Studio where the user reports a code only Visual Studio (Team Explorer) shows. */
    private Client client() {
        if (without.contains("client")) {
            return null;
        }
        if (facts.client().isPresent()) {
            String client = facts.client().get();
            return new Client(client, "you connect from " + Vocabulary.CLIENTS.label(client), false);
        }
        for (String code : VISUAL_STUDIO_CODES) {
            if (reports(code)) {
                return new Client("visual-studio", code + " is shown by Visual Studio (Team Explorer), so you connect from Visual Studio", true);
            }
        }
        return null;
    }

    private boolean reports(String code) {
        return !without.contains("symptoms:" + code) && (facts.symptoms().contains(code)
                || message.symptoms().stream().anyMatch(clue -> clue.code().equals(code)));
    }

    private List<Symptom> symptoms() {
        Map<String, Symptom> symptoms = new LinkedHashMap<>();
        for (String code : facts.symptoms()) {
            symptoms.put(code, Symptom.of(code, setting, "you reported " + Vocabulary.SYMPTOM_CODES.label(code), false));
        }
        for (PastedMessage.Clue clue : message.symptoms()) {
            symptoms.putIfAbsent(clue.code(), Symptom.of(clue.code(), setting, clue.label(), true));
        }
        symptoms.keySet().removeIf(code -> without.contains("symptoms:" + code));
        if (symptoms.isEmpty()) {
            return List.of(Symptom.of(Symptom.UNSPECIFIED, setting,
                    "no symptom given, so every table that fits the product and scope applies", true));
        }
        return List.copyOf(symptoms.values());
    }

    /** An https:// address of an Azure DevOps Server means SSL is configured, unless the user answered otherwise. */
    private Optional<Context> sslFromAddress() {
        if (facts.contextAnswers().containsKey("ssl-configured") || !"server".equals(setting.productName())) {
            return Optional.empty();
        }
        String url = facts.serverUrl().orElse(without.contains("serverUrl") ? null : message.url());
        if (url == null || !ServerUrls.https(url)) {
            return Optional.empty();
        }
        return Optional.of(Context.of("ssl-configured", true, setting,
                "the server address " + Echo.safe(ServerUrls.host(url)) + " is reached over https://, so the server has SSL configured", true));
    }

    private static String productName(String product) {
        return "services".equals(product) ? "Azure DevOps Services" : "Azure DevOps Server";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Situation situation && inputs.equals(situation.inputs);
    }

    @Override
    public int hashCode() {
        return inputs.hashCode();
    }
}
