package dev.crumb.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The demo is a site like any other: it may use only Crumb's exported packages (dev.crumb and
 * dev.crumb.store), so every feature it shows is one a web team can use too.
 */
@AnalyzeClasses(packages = "dev.crumb.demo", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiOnlyTest {

    @ArchTest
    static final ArchRule onlyCrumbsPublicApi = noClasses().that().resideInAPackage("dev.crumb.demo..")
            .should().dependOnClassesThat().resideInAPackage("dev.crumb.internal..");
}
