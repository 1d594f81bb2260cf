package dev.crumb.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The starter configures Crumb the way any application could: through the exported packages dev.crumb and
 * dev.crumb.store only. (Plain ArchUnit with a JUnit test: Spring Boot manages this module's JUnit version.)
 */
class PublicApiOnlyTest {

    @Test
    void usesOnlyCrumbsPublicApi() {
        JavaClasses starter = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.crumb.spring");
        noClasses().that().resideInAPackage("dev.crumb.spring..")
                .should().dependOnClassesThat().resideInAPackage("dev.crumb.internal..")
                .check(starter);
    }
}
