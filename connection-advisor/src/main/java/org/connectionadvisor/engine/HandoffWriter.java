package org.connectionadvisor.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.connectionadvisor.Actor;
import org.connectionadvisor.Handoff;
import org.connectionadvisor.Recommendation;
import org.connectionadvisor.rules.Context;
import org.connectionadvisor.rules.Input;
import org.connectionadvisor.rules.Role;
import org.connectionadvisor.rules.Symptom;

/**
 * The hand-off of the audience policy (v3): for a user who is not the administrator, on several computers, the rows
 * only an administrator can act on become a message to the administrator, in the documents' order (their salience),
 * whatever the ranking shows first. What was reported and ruled out is said as the administrator reads it ("the user
 * reported TF31002"), not as the advisor says it to the user.
 */
public final class HandoffWriter {
    /** The section of CONNECT the administrator's table is in, for a check whose text has no link of its own. */
    private static final String SECTION_LINK =
            "https://learn.microsoft.com/azure/devops/user-guide/troubleshoot-connection#several-users-cant-connect-to-azure-devops-server";
    private static final String EVENT_LOGS = "Also read the event logs of the application-tier server to pinpoint the problem"
            + " (CONNECT: \"As an administrator, check the event logs for the application-tier server\").";

    private HandoffWriter() {
    }

    public static Optional<Handoff> of(Situation situation, List<Recommendation> ranked, Map<String, Row> rows) {
        boolean user = situation.facts().role().filter(Role.USER::equals).isPresent();
        boolean several = situation.facts().scope().filter("several-computers"::equals).isPresent();
        if (!user || !several) {
            return Optional.empty();
        }
        List<Recommendation> checks = ranked.stream().filter(r -> r.actor() == Actor.ADMINISTRATOR)
                .sorted(Comparator.comparingInt((Recommendation r) -> -rows.get(r.id()).salience())).toList();
        if (checks.isEmpty()) {
            return Optional.empty();
        }
        List<String> reported = new ArrayList<>();
        List<String> ruledOut = new ArrayList<>();
        for (Input input : situation.inputs()) {
            if (input instanceof Context context && Context.NO.equals(context.answer())) {
                ruledOut.add(ThirdPerson.of(input.label()));
            } else if (!(input instanceof Role) && !(input instanceof Symptom symptom && Symptom.UNSPECIFIED.equals(symptom.code()))) {
                reported.add(ThirdPerson.of(input.label()) + (input.inferred() ? " (inferred)" : ""));
            }
        }
        for (String row : situation.facts().ruledOut()) {
            Row known = rows.get(row);
            ruledOut.add((known == null ? row : known.title()) + " [" + row + "]: checked, not the cause");
        }
        List<Handoff.Check> list = new ArrayList<>();
        StringBuilder text = new StringBuilder("To the administrator of the server: several computers cannot connect.\n");
        text.append("Reported: ").append(reported.isEmpty() ? "nothing more" : String.join("; ", reported)).append(".\n");
        text.append("Ruled out: ").append(ruledOut.isEmpty() ? "nothing yet" : String.join("; ", ruledOut)).append(".\n");
        text.append("Please confirm that the server is operational and available on the network. The documents list these checks"
                + " for an administrator, most likely first:\n");
        for (Recommendation r : checks) {
            String link = r.links().isEmpty() ? SECTION_LINK : r.links().get(0);
            list.add(new Handoff.Check(r.id(), r.title(), r.resolution(), r.steps(), link));
            text.append(list.size()).append(". ").append(r.title()).append(" [").append(r.id()).append("]: ")
                    .append(Links.plain(r.resolution(), false)).append(" <").append(link).append(">\n");
        }
        text.append(EVENT_LOGS).append('\n');
        return Optional.of(new Handoff(reported, ruledOut, list, text.toString()));
    }
}
