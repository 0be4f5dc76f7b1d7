package org.budgetledger.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape the code keeps (issue #17): the two services never depend on each other, so either can be
 * deployed and changed alone; the contracts they share carry no framework; the rules of the domain know
 * nothing of HTTP or of how they are stored; and no package needs another that needs it back.
 */
class ArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::isProductCode)
                .importPackages("org.budgetledger");
    }

    /**
     * The modules' own classes, whether Maven hands them over as {@code target/classes} (test) or as the jars
     * it just built (verify), but not test-support, which only tests use.
     */
    private static boolean isProductCode(Location location) {
        return !location.contains("/test-support/") && (!location.isJar() || location.contains("/target/"));
    }

    @Test
    void theRulesSeeBothServices() {
        // so that no rule passes because the classes it speaks of were not found
        assertThat(product.contain("org.budgetledger.ledger.budgetyear.BudgetYear")).isTrue();
        assertThat(product.contain("org.budgetledger.projection.reports.ReportRow")).isTrue();
    }

    @Test
    void theLedgerNeverDependsOnTheProjection() {
        noClasses().that().resideInAPackage("org.budgetledger.ledger..")
                .should().dependOnClassesThat().resideInAPackage("org.budgetledger.projection..")
                .check(product);
    }

    @Test
    void theProjectionNeverDependsOnTheLedger() {
        noClasses().that().resideInAPackage("org.budgetledger.projection..")
                .should().dependOnClassesThat().resideInAPackage("org.budgetledger.ledger..")
                .check(product);
    }

    @Test
    void contractsDependOnNoSpring() {
        noClasses().that().resideInAPackage("org.budgetledger.contracts..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(product);
    }

    @Test
    void domainPackagesDependOnNeitherWebNorPersistence() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.budgetledger.web..", "org.springframework.web..", "org.springframework.http..",
                        "jakarta.servlet..", "org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .check(product);
    }

    @Test
    void domainPackagesHoldNoSpringWiring() {
        // the budget year's cache, snapshots and stored-payment lookup live in budgetyear.storage
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(product);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.budgetledger.(**)").should().beFreeOfCycles().check(product);
    }

    /** The packages that hold the rules: what a transaction may do, and what a report table says. */
    private static final String[] DOMAIN = {
            "org.budgetledger.contracts..",
            "org.budgetledger.ledger.budgetyear",
            "org.budgetledger.ledger.decision..",
            "org.budgetledger.projection.reports.t0*..",
            "org.budgetledger.projection.reports.execution..",
            "org.budgetledger.projection.reports.monitoring..",
            "org.budgetledger.projection.reports.tables..",
    };
}
