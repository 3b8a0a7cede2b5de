package ca.gardien.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.GardienApplication;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The console is a thin layer over what the modules publish for it: it renders their read models (named interface
 * {@code views}) and calls their console-facing services (named interface {@code actions}); it never reaches into a
 * module's other types, reads a ledger payload or parses JSON.
 */
class ConsoleArchitectureTest {

    static final Set<String> PUBLISHED = Set.of("views", "actions");

    /**
     * Console classes whose modules do not publish views for them yet (issue 12, item 5). The list only shrinks: a
     * class that no longer needs to be here fails {@link #classesAwaitingViewsStillNeedThem()}.
     */
    static final Set<String> AWAITING_VIEWS = Set.of("ConnectorForms", "ConnectorPages");

    static final ApplicationModules MODULES = ApplicationModules.of(GardienApplication.class);

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ca.gardien");

    @Test
    void consoleDependsOnlyOnWhatModulesPublishForIt() {
        classes()
                .that()
                .resideInAPackage("ca.gardien.console..")
                .and(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("not awaiting views") {
                    @Override
                    public boolean test(JavaClass c) {
                        return !AWAITING_VIEWS.contains(topLevel(c).getSimpleName());
                    }
                })
                .should(dependOnlyOnPublishedTypes())
                .check(CLASSES);
    }

    @Test
    void classesAwaitingViewsStillNeedThem() {
        var awaiting = CLASSES.stream()
                .filter(c -> c.getPackageName().equals("ca.gardien.console"))
                .filter(c -> AWAITING_VIEWS.contains(topLevel(c).getSimpleName()))
                .filter(c -> !unpublishedDependencies(c).isEmpty())
                .map(c -> topLevel(c).getSimpleName())
                .collect(Collectors.toSet());
        assertThat(awaiting).containsExactlyInAnyOrderElementsOf(AWAITING_VIEWS);
    }

    @Test
    void consoleNeverReadsLedgerPayloads() {
        noClasses()
                .that()
                .resideInAPackage("ca.gardien.console..")
                .should()
                .callMethodWhere(new com.tngtech.archunit.base.DescribedPredicate<>("a ledger payload is read") {
                    @Override
                    public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
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

    static List<Dependency> unpublishedDependencies(JavaClass item) {
        return item.getDirectDependenciesFromSelf().stream()
                .filter(d -> !published(d.getTargetClass().getBaseComponentType()))
                .toList();
    }

    /** Whether the console may use this type: outside Gardien, in the console or shared, or published by its module. */
    static boolean published(JavaClass target) {
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

    private static JavaClass topLevel(JavaClass c) {
        var top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
