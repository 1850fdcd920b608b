package io.jiesu.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain core is plain Java: no AWS SDK, no Quarkus, no Jakarta EE, no MicroProfile. */
class CoreIsPlainJavaTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jiesu.core");

    @Test
    void theImportedCoreHoldsTheDomainClasses() {
        assertTrue(CORE.contain("io.jiesu.core.ticket.Ticket"));
        assertTrue(CORE.contain("io.jiesu.core.catalogue.RoutingCatalogue"));
        assertTrue(CORE.contain("io.jiesu.core.deadline.Deadlines"));
    }

    @Test
    void coreClassesDependOnNoCloudFrameworkOrContainerApi() {
        ArchRule rule = noClasses().that().resideInAPackage("io.jiesu.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "io.quarkus..", "jakarta..", "org.eclipse.microprofile..")
                .because("the hotline's domain must run and be tested without AWS or Quarkus");

        rule.check(CORE);
    }

    @Test
    void theSameRuleCatchesADependencyTheCoreDoesHave() {
        // proves the rule can fail: the routing catalogue reads JSON with Jackson
        ArchRule rule = noClasses().that().resideInAPackage("io.jiesu.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..");

        assertTrue(rule.evaluate(CORE).hasViolation());
    }
}
