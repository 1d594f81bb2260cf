package dev.crumb.build;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import javax.sql.DataSource;

/**
 * The layering of crumb-core, pinned (docs/architecture.md, "Packages"). Only production classes are
 * imported: tests may reach anywhere.
 */
@AnalyzeClasses(packages = "dev.crumb", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** dev.crumb.internal, its sub-packages and dev.crumb.store: each a slice, no cycle among them. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.crumb.(**)")
            .should().beFreeOfCycles();

    /** The store SPI is what other implementations build on: it must not drag Crumb's internals along. */
    @ArchTest
    static final ArchRule storeSpiDependsOnNothingInternal = noClasses()
            .that().resideInAPackage("dev.crumb.store..")
            .should().dependOnClassesThat().resideInAPackage("dev.crumb.internal..");

    /** JDBC (connections, statements, SQL errors) stays in the store implementation. */
    @ArchTest
    static final ArchRule jdbcOnlyInTheStoreImplementation = noClasses()
            .that().resideOutsideOfPackage("dev.crumb.internal.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..");

    /**
     * Outside the store implementation a {@link DataSource} may be passed through (CrumbStores.jdbc, the
     * web.xml JNDI lookup), nothing else of {@code javax.sql}.
     */
    @ArchTest
    static final ArchRule onlyDataSourceHandlesOutsideTheStore = noClasses()
            .that().resideOutsideOfPackage("dev.crumb.internal.store..")
            .should().dependOnClassesThat(resideInAPackage("javax.sql..").and(not(type(DataSource.class))));

    /**
     * The facade: the classes of dev.crumb that reach into the internals (the filter, its configuration, the
     * per-request view, the store factory), nested classes included. Everything else in dev.crumb is a value
     * type, an interface or an exception of the API.
     */
    private static final DescribedPredicate<JavaClass> FACADE = new DescribedPredicate<>(
            "the facade of dev.crumb (a class that, with its nested classes, depends on dev.crumb.internal)") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            if (!top.getPackageName().equals("dev.crumb")) {
                return false;
            }
            String name = top.getName();
            return top.getPackage().getClasses().stream()
                    .filter(k -> k.getName().equals(name) || k.getName().startsWith(name + "$"))
                    .anyMatch(k -> k.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("dev.crumb.internal")));
        }
    };

    /**
     * Layers by class, since dev.crumb holds both the facade and the value types: the internals and the store
     * SPI use Category, Visitor, CrumbConfigException and the like, never the facade, so nothing forms a cycle
     * through dev.crumb.
     */
    @ArchTest
    static final ArchRule internalsDoNotUseTheFacade = noClasses()
            .that().resideInAnyPackage("dev.crumb.internal..", "dev.crumb.store..")
            .should().dependOnClassesThat(FACADE);

    /** The internal packages from top to bottom, as docs/architecture.md draws them. */
    private static final List<String> LAYERS = List.of(
            "dev.crumb.internal",
            "dev.crumb.internal.webxml",
            "dev.crumb.internal.analytics",
            "dev.crumb.internal.email",
            "dev.crumb.internal.web",
            "dev.crumb.internal.rights",
            "dev.crumb.internal.tracking",
            "dev.crumb.internal.visitor",
            "dev.crumb.internal.consent",
            "dev.crumb.internal.form",
            "dev.crumb.internal.http",
            "dev.crumb.internal.cookie",
            "dev.crumb.internal.store",
            "dev.crumb.internal.locale",
            "dev.crumb.internal.crypto");

    /** Each internal package uses only packages drawn below it; a new package must be placed in the list. */
    @ArchTest
    static void internalPackagesAreLayered(JavaClasses classes) {
        classes.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith("dev.crumb.internal")).distinct()
                .forEach(p -> assertThat(LAYERS)
                        .as("docs/architecture.md and LAYERS place every internal package").contains(p));
        for (int upper = 0; upper < LAYERS.size(); upper++) {
            for (int lower = upper + 1; lower < LAYERS.size(); lower++) {
                noClasses().that().resideInAPackage(LAYERS.get(lower))
                        .should().dependOnClassesThat().resideInAPackage(LAYERS.get(upper))
                        .because(LAYERS.get(lower) + " sits below " + LAYERS.get(upper))
                        .allowEmptyShould(true)
                        .check(classes);
            }
        }
    }
}
