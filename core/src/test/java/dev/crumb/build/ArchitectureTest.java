package dev.crumb.build;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
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
}
