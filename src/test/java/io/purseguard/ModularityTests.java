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
}
