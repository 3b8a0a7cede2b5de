package ca.gardien;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the module graph and canvases to {@code target/spring-modulith-docs} and checks that every module has its
 * reference page, linked from the README and the architecture page, so that a new module cannot arrive undocumented.
 */
class ModuleDocumentationTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(GardienApplication.class);
    private static final String[] SECTIONS = {"## API", "## Settings", "## Ledger facts", "## Tests"};

    @Test
    void writesTheModuleGraphAndOneCanvasPerModule() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeModuleCanvases();

        Path output = Path.of("target", "spring-modulith-docs");
        assertThat(output.resolve("components.puml")).isNotEmptyFile();
        MODULES.forEach(module ->
                assertThat(output.resolve("module-" + name(module) + ".adoc")).isNotEmptyFile());
    }

    @Test
    void everyModuleHasAReferencePageWithItsApiSettingsLedgerFactsAndTests() throws IOException {
        for (ApplicationModule module : MODULES) {
            Path page = Path.of("docs", "modules", name(module) + ".md");
            assertThat(page).as("reference page of module %s", name(module)).isRegularFile();
            assertThat(Files.readString(page)).as(page.toString()).contains(SECTIONS);
        }
    }

    @Test
    void readmeArchitectureAndCommittedGraphNameEveryModule() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String architecture = Files.readString(Path.of("docs", "architecture.md"));
        String graph = Files.readString(Path.of("docs", "architecture", "modules.puml"));
        for (ApplicationModule module : MODULES) {
            assertThat(readme).contains("docs/modules/" + name(module) + ".md");
            assertThat(architecture).contains("modules/" + name(module) + ".md");
            assertThat(graph).as("committed module graph").contains(module.getDisplayName());
        }
        assertThat(readme.lines()).as("README lines").hasSizeLessThanOrEqualTo(200);
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
