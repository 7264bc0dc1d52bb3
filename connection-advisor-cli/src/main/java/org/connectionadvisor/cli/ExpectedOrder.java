package org.connectionadvisor.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A sample's expected ranked ids, as exact as the documents allow. Each element of the list is an id at its position,
 * or, where the documents give no order, a block: a JSON array whose members fill the next positions in any order.
 * A member of a block is an id, or a run (an array of ids) that stays together in its own order, for a table whose
 * order the documents do give:
 * <pre>
 * "ids": [[["user-password-expired", "wrong-server-url"], ["check-permissions", "check-client-network"]], "community-forums"]
 * </pre>
 * says the two tables come first, each in its order, either one before the other, and the forums last.
 */
record ExpectedOrder(List<Object> elements) {
    static ExpectedOrder of(JsonNode array, String file) throws IOException {
        List<Object> elements = new ArrayList<>();
        if (array != null) {
            for (JsonNode element : array) {
                if (!element.isArray()) {
                    elements.add(element.asText());
                    continue;
                }
                List<Object> block = new ArrayList<>();
                for (JsonNode member : element) {
                    if (!member.isArray()) {
                        block.add(member.asText());
                        continue;
                    }
                    List<String> run = new ArrayList<>();
                    for (JsonNode id : member) {
                        if (id.isArray()) {
                            throw new IOException(file + ": an expected order nests at most three deep: ids, a block of"
                                    + " any order, a run in order");
                        }
                        run.add(id.asText());
                    }
                    block.add(List.copyOf(run));
                }
                elements.add(List.copyOf(block));
            }
        }
        return new ExpectedOrder(List.copyOf(elements));
    }

    /** Whether some positions are a block of ids in any order. */
    boolean hasBlocks() {
        return elements.stream().anyMatch(List.class::isInstance);
    }

        /** How many ids the expectation names. */
    int size() {
        int size = 0;
        for (Object element : elements) {
            size += element instanceof List<?> block ? ids(block).size() : 1;
        }
        return size;
    }

    /** Whether the ranked ids match: all of them ({@code onlyTop} false), or their first {@link #size()}. */
    boolean matches(List<String> actual, boolean onlyTop) {
        if (onlyTop ? actual.size() < size() : actual.size() != size()) {
            return false;
        }
        int at = 0;
        for (Object element : elements) {
            if (element instanceof List<?> block) {
                List<String> ids = ids(block);
                List<String> slice = actual.subList(at, at + ids.size());
                if (!sorted(slice).equals(sorted(ids)) || !runsHold(block, slice)) {
                    return false;
                }
                at += ids.size();
            } else if (!element.equals(actual.get(at++))) {
                return false;
            }
        }
        return true;
    }

    private static boolean runsHold(List<?> block, List<String> slice) {
        for (Object member : block) {
            if (member instanceof List<?> run && !run.isEmpty()) {
                int start = slice.indexOf(run.get(0));
                if (start < 0 || start + run.size() > slice.size() || !slice.subList(start, start + run.size()).equals(run)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> ids(List<?> block) {
        List<String> ids = new ArrayList<>();
        for (Object member : block) {
            if (member instanceof List<?> run) {
                run.forEach(id -> ids.add((String) id));
            } else {
                ids.add((String) member);
            }
        }
        return ids;
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
