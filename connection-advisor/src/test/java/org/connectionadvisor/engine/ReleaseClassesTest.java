package org.connectionadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.connectionadvisor.Answer;
import org.connectionadvisor.Facts;
import org.connectionadvisor.QuestionCatalogue;
import org.connectionadvisor.Vocabulary;
import org.connectionadvisor.admin.DrlFile;
import org.connectionadvisor.admin.PrecompiledRules;
import org.connectionadvisor.admin.RuleCompiler;
import org.connectionadvisor.engine.Ranking.Placed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The claim the question planner rests on when it tries one pair of releases per class: every pair of a class ranks
 * exactly as every other, on a real session of the packaged rules; and a rule that tests a release in a way the
 * classes do not understand makes every pair its own class.
 */
class ReleaseClassesTest {
    private static final RuleBase PACKAGED = PrecompiledRules.packaged();

    private static List<String> answers(String question) {
        return QuestionCatalogue.find(question).orElseThrow().settling().stream().map(Answer::value).toList();
    }

    /** Each pair of a Visual Studio and a server release, ranked on a real session, grouped by its class. */
    private static Map<Object, List<List<Placed>>> rankedByClass(RuleBase rules, Facts facts) {
        Map<Object, List<List<Placed>>> byClass = new HashMap<>();
        try (Session session = rules.open()) {
            for (String visualStudio : answers(Vocabulary.VISUAL_STUDIO_VERSION)) {
                for (String server : answers(Vocabulary.SERVER_VERSION)) {
                    Situation situation = Situation.of(facts.with(Vocabulary.VISUAL_STUDIO_VERSION, visualStudio)
                            .with(Vocabulary.SERVER_VERSION, server));
                    session.apply(situation.inputs());
                    byClass.computeIfAbsent(rules.asRulesSeeThem(situation.inputs()), seen -> new ArrayList<>())
                            .add(Ranking.placement(session.state(), rules.rows(), situation.facts()));
                }
            }
        }
        return byClass;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"product\": \"server\", \"scope\": \"one-computer\", \"symptoms\": [\"TF31002\"]}",
            "{\"product\": \"services\", \"client\": \"visual-studio\", \"context\": [\"multiple-organizations\"]}"})
    void everyPairOfAClassRanksAlike(String facts) {
        Map<Object, List<List<Placed>>> byClass = rankedByClass(PACKAGED, Facts.fromJson(facts));

        // 10 x 11 pairs. The rules test Visual Studio against 2013.2 (before or after Update 2) and against the
        // server's release (older, the same, newer): 6 classes at most.
        assertThat(byClass.values().stream().mapToInt(List::size).sum()).isEqualTo(110);
        assertThat(byClass).hasSizeBetween(2, 6);
        byClass.values().forEach(rankings -> assertThat(rankings).allSatisfy(ranking -> assertThat(ranking).isEqualTo(rankings.get(0))));
    }

    @Test
    void aReleaseTestTheClassesDoNotReadMakesEveryPairItsOwnClass() {
        RuleBase rules = RuleCompiler.compile(List.of(new DrlFile("label.drl", """
                package org.connectionadvisor.drl;
                import java.util.List;
                import org.connectionadvisor.rules.*;
                rule "Finding: Visual Studio 2015 or 2017"
                    @layer("finding")
                    salience 1000
                when
                    Release( of == "visual-studio", version in ( 2015, 2017 ) )
                then
                    insertLogical( Finding.of( kcontext, "fifteen" ) );
                end
                """)));

        assertThat(rankedByClass(rules, Facts.empty())).hasSize(110);
    }

    @Test
    void aNumberTestedInARuleFileSplitsTheClassesThere() {
        RuleBase rules = RuleCompiler.compile(List.of(new DrlFile("number.drl", """
                package org.connectionadvisor.drl;
                import java.util.List;
                import org.connectionadvisor.rules.*;
                rule "Finding: a server of 2017 or later"
                    @layer("finding")
                    salience 1000
                when
                    Release( of == "server", version >= 2017 )
                then
                    insertLogical( Finding.of( kcontext, "recent" ) );
                end
                """)));
        Facts facts = Facts.empty();
        Situation tfs2015 = Situation.of(facts.with(Vocabulary.SERVER_VERSION, "2015"));
        Situation tfs2013 = Situation.of(facts.with(Vocabulary.SERVER_VERSION, "2013"));
        Situation tfs2018 = Situation.of(facts.with(Vocabulary.SERVER_VERSION, "2018"));

        assertThat(rules.asRulesSeeThem(tfs2015.inputs())).isEqualTo(rules.asRulesSeeThem(tfs2013.inputs()))
                .isNotEqualTo(rules.asRulesSeeThem(tfs2018.inputs()));
    }
}
