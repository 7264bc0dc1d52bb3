package org.connectionadvisor.outcomes;

/** How often trying one row fixed the problem: {@code fixRate} is fixed / (fixed + notFixed). */
public record RowSummary(String row, long fixed, long notFixed, double fixRate) {
    static RowSummary of(String row, long fixed, long notFixed) {
        return new RowSummary(row, fixed, notFixed, fixed + notFixed == 0 ? 0 : (double) fixed / (fixed + notFixed));
    }
}
