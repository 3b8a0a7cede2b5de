package ca.gardien.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.GardienApplication;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The console is a thin layer over what the modules publish for it: it renders their read models (named interface
 * {@code views}) and calls their console-facing services (named interface {@code actions}); it never reaches into a
 * module's other types, reads a ledger payload or parses JSON.
 */
class ConsoleArchitectureTest {

    static final Set<String> PUBLISHED = Set.of("views", "actions");

    static final ApplicationModules MODULES = ApplicationModules.of(GardienApplication.class);

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ca.gardien");

    @Test
    void consoleDependsOnlyOnWhatModulesPublishForIt() {
        classes()
                .that()
                .resideInAPackage("ca.gardien.console..")
                .should(dependOnlyOnPublishedTypes())
                .check(CLASSES);
    }

    /**
     * The rule above means something only if a module's other types stay unpublished. Spring Modulith also publishes
     * the types a published type exposes in its signatures (a view's records, an action's results).
     */
    @Test
    void onlyWhatAModuleMarksIsPublished() {
        assertThat(published(CLASSES.get("ca.gardien.requests.RequestView$TimelineEntry")))
                .isTrue();
        assertThat(published(CLASSES.get("ca.gardien.requests.RequestTasks"))).isFalse();
        assertThat(published(CLASSES.get("ca.gardien.connectors.ConnectorCatalog")))
                .isFalse();
        assertThat(published(CLASSES.get("ca.gardien.organization.TokenService")))
                .isFalse();
        assertThat(published(CLASSES.get("ca.gardien.ledger.CanonicalForm"))).isFalse();
    }

    @Test
    void consoleNeverReadsLedgerPayloads() {
        noClasses()
                .that()
                .resideInAPackage("ca.gardien.console..")
                .should()
                .callMethodWhere(new DescribedPredicate<>("a ledger payload is read") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getTargetOwner().getPackageName().startsWith("ca.gardien.ledger")
                                && call.getName().equals("payload");
                    }
                })
                .check(CLASSES);
    }

    @Test
    void consoleParsesNoJsonAndMatchesNoPatternOnModuleData() {
        noClasses()
                .that()
                .resideInAPackage("ca.gardien.console..")
                .and()
                .doNotHaveSimpleName("LocaleController") // checks a language tag from the query string
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.util.regex..", "tools.jackson..", "com.fasterxml.jackson..", "org.json..")
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> dependOnlyOnPublishedTypes() {
        return new ArchCondition<>("depend only on shared and on the views and actions that modules publish") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (var dependency : unpublishedDependencies(item)) {
                    events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                }
            }
        };
    }

    private static List<Dependency> unpublishedDependencies(JavaClass item) {
        return item.getDirectDependenciesFromSelf().stream()
                .filter(d -> !published(d.getTargetClass().getBaseComponentType()))
                .toList();
    }

    /** Whether the console may use this type: outside Gardien, in the console or shared, or published by its module. */
    private static boolean published(JavaClass target) {
        var module = MODULES.getModuleByType(target.getName());
        if (module.isEmpty()
                || module.get().getName().equals("console")
                || module.get().getName().equals("shared")) {
            return true;
        }
        var interfaces = module.get().getNamedInterfaces();
        for (var type = Optional.of(target); type.isPresent(); type = type.get().getEnclosingClass()) {
            var name = type.get().getName();
            if (PUBLISHED.stream()
                    .map(interfaces::getByName)
                    .flatMap(Optional::stream)
                    .anyMatch(i -> i.contains(load(name)))) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConsoleArchitectureTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
