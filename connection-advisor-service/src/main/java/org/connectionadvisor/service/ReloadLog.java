package org.connectionadvisor.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.connectionadvisor.ReloadResult;
import org.connectionadvisor.RuleProblem;

/** The last reload of the rule directory (on demand or after an edit) and when it ran; the advisor's listener feeds it. */
final class ReloadLog {
    private record Entry(Instant at, ReloadResult result) {
    }

    private final AtomicReference<Entry> last = new AtomicReference<>();

    void record(ReloadResult result) {
        last.set(new Entry(Instant.now().truncatedTo(ChronoUnit.MILLIS), result));
    }

    /** For /health: when, whether applied, how many problems; null before the first reload. */
    Map<String, Object> summary() {
        Entry entry = last.get();
        if (entry == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", entry.at().toString());
        json.put("applied", entry.result().applied());
        json.put("problems", entry.result().problems().size());
        return json;
    }

    /** For the admin routes: the same with every problem. */
    Map<String, Object> detail() {
        Entry entry = last.get();
        if (entry == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", entry.at().toString());
        json.putAll(result(entry.result()));
        return json;
    }

    static Map<String, Object> result(ReloadResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("applied", result.applied());
        json.put("problems", result.problems().stream().map(ReloadLog::problem).toList());
        return json;
    }

    private static Map<String, Object> problem(RuleProblem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", problem.file());
        json.put("line", problem.line());
        json.put("rule", problem.rule());
        json.put("message", problem.message());
        json.put("text", problem.format());
        return json;
    }
}
