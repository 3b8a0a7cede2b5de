package ca.gardien;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

class GardienModulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ca.gardien");

    /**
     * A web class: a controller or controller advice (REST or not), a configuration, or a class named for the edge it
     * serves ({@code …Controller}, {@code …Advice}, {@code …Problems}, {@code …Errors}, {@code …Responses} for a
     * response writer, {@code …Page(s)}), or a class nested in one; plus the shared error contract itself.
     */
    static final DescribedPredicate<JavaClass> WEB_CLASS = DescribedPredicate.describe(
            "web classes (controllers, advice, web configuration)", GardienModulesTest::web);

    /** Paths the security configuration may name: its own module's (sign-in, tokens) and the generic ones. */
    private static final List<String> OWN_OR_GENERIC_PATHS = List.of(
            "/api/**", // the API root; each module's API is under it
            "/api/v1/tokens",
            "/login",
            "/error",
            "/css/",
            "/js/",
            "/webjars/",
            "/favicon.ico",
            "/.well-known/",
            "/actuator/",
            "/v3/api-docs",
            "/swagger-ui");

    private final ApplicationModules modules = ApplicationModules.of(GardienApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void onlyWebClassesSpeakHttpStatuses() {
        noClasses()
                .that(DescribedPredicate.not(WEB_CLASS))
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(HttpStatus.class, ResponseStatusException.class)
                .because("domain services throw domain exceptions; the module's advice maps them to problem details")
                .check(MAIN);
    }

    @Test
    void securityConfigurationNamesNoPathOfAnotherModule() throws IOException {
        var dir = Path.of("src/main/java/ca/gardien/organization");
        for (var file : List.of("SecurityConfiguration.java", "WebEdges.java")) {
            var literals = Pattern.compile("\"(/[^\"]*)\"")
                    .matcher(Files.readString(dir.resolve(file)))
                    .results()
                    .map(m -> m.group(1))
                    .toList();
            assertThat(literals)
                    .as("paths in %s: other modules contribute theirs as a WebEdge bean", file)
                    .noneMatch(path -> path.matches(
                            "/(consent|requests|privacy|portal|opencompliance|opengdpr|connectors|inventory|ledger"
                                    + "|console|locale|mail)(/.*)?"))
                    .allMatch(path -> path.equals("/") // the site's root, where a sign-in lands without a console
                            || OWN_OR_GENERIC_PATHS.stream().anyMatch(path::startsWith));
        }
    }

    private static boolean web(JavaClass type) {
        if (type.isMetaAnnotatedWith(Controller.class)
                || type.isMetaAnnotatedWith(ControllerAdvice.class)
                || type.isMetaAnnotatedWith(Configuration.class)
                || type.getSimpleName().matches(".*(Controller|Advice|Problems|Errors|Responses|Page|Pages)")
                || type.getFullName().equals("ca.gardien.shared.ErrorContract")) {
            return true;
        }
        return type.getEnclosingClass().map(GardienModulesTest::web).orElse(false);
    }
}
