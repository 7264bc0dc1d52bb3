package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Every row of the knowledge inventory is a rule, and the first recommendation of some sample. The inventory lives
 * beside the repository (../shared/); its row ids are copied into {@code inventory-rows.txt} so that these checks
 * run on any clone, and where the inventory is present the copy must equal it.
 */
class InventoryCoverageTest {
    private static final Path INVENTORY = Path.of("..", "shared", "knowledge-inventory.md");
    private static final Path COPY = Path.of("connection-advisor", "src", "test", "resources", "inventory-rows.txt");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|");

    private static List<String> inventoryIds() throws IOException {
        return Files.readAllLines(COPY).stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    @Test
    void theCopyOfTheRowIdsIsTheInventorysWhereTheInventoryIsPresent() throws IOException {
        if (!Files.exists(INVENTORY)) {
            return; // a clone on its own: the copy is what there is to check against
        }
        String rows = Files.readString(INVENTORY).split("## Rows", 2)[1];
        List<String> ids = new ArrayList<>();
        Matcher row = ROW.matcher(rows);
        while (row.find()) {
            ids.add(row.group(1));
        }
        assertThat(inventoryIds()).as("inventory-rows.txt against " + INVENTORY).isEqualTo(ids);
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
