package io.purseguard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PurseguardApplication.class);

    @Test
    void modules_only_use_each_others_published_api_and_have_no_cycles() {
        modules.verify();
    }

    @Test
    void writes_the_module_documentation_into_docs() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortRelations(Path.of("docs/modules"));
        sortCanvasLists(Path.of("docs/modules"));
    }

    /**
     * The documenter lists relations in hash order, which changes from run to run; sorted, the
     * diagrams change only when the modules do, so a build leaves the work tree clean.
     */
    private static void sortRelations(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (var file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                var lines = Files.readAllLines(file);
                var relations = lines.stream()
                        .filter(l -> l.startsWith("Rel("))
                        .sorted()
                        .iterator();
                var sorted = lines.stream()
                        .map(l -> l.startsWith("Rel(") ? relations.next() : l)
                        .toList();
                Files.write(file, sorted);
            }
        }
    }

    /**
     * The canvases list a module's beans, events and listeners in reflection order, which also
     * changes from run to run: each list (a table cell starting {@code |* }, then {@code * } lines)
     * is sorted.
     */
    private static void sortCanvasLists(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (var file : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                var lines = Files.readAllLines(file);
                var out = new java.util.ArrayList<String>(lines.size());
                for (int i = 0; i < lines.size(); ) {
                    if (!lines.get(i).startsWith("|* ")) {
                        out.add(lines.get(i++));
                        continue;
                    }
                    var items = new java.util.ArrayList<String>();
                    items.add(lines.get(i++).substring(1));
                    while (i < lines.size() && lines.get(i).startsWith("* ")) {
                        items.add(lines.get(i++));
                    }
                    java.util.Collections.sort(items);
                    out.add("|" + items.get(0));
                    out.addAll(items.subList(1, items.size()));
                }
                Files.write(file, out);
            }
        }
    }
}
