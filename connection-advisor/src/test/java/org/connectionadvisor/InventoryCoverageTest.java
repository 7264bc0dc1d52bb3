package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Every row of the shared knowledge inventory is a rule, and the first recommendation of some sample. */
class InventoryCoverageTest {
    private static final Path INVENTORY = Path.of("..", "shared", "knowledge-inventory.md");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|");

    private static Set<String> inventoryIds() throws IOException {
        assumeTrue(Files.exists(INVENTORY), "the shared knowledge inventory sits beside the repository in CI");
        String rows = Files.readString(INVENTORY).split("## Rows", 2)[1];
        Set<String> ids = new LinkedHashSet<>();
        Matcher row = ROW.matcher(rows);
        while (row.find()) {
            ids.add(row.group(1));
        }
        return ids;
    }

    @Test
    void everyInventoryRowIsARuleAndNoRuleIsOutsideIt() throws IOException {
        assertThat(ConnectionAdvisor.withDefaultRules().rowIds()).containsExactlyInAnyOrderElementsOf(inventoryIds());
    }

    @Test
    void everyInventoryRowLeadsSomeSample() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> leading = new LinkedHashSet<>();
        try (var files = Files.list(Path.of("facts-samples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode ids = json.readTree(file.toFile()).path("expected").path("ids");
                if (ids.size() > 0) {
                    leading.add(ids.get(0).asText());
                }
            }
        }
        assertThat(leading).containsAll(inventoryIds());
    }
}
