package dev.observe.ee.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

/**
 * The rules of docs/architecture.md, checked on the compiled library: this test is their source.
 *
 * <ul>
 *   <li>The public API is the allow-list below; everything else public lives under {@code dev.observe.ee.internal}.
 *   <li>No two packages of the library depend on each other, directly or through others.
 *   <li>The logging pipeline ({@code logging}, {@code internal.logging}) depends on no web, tracing or telemetry
 *       code (only on {@code internal.config} and {@code internal.semconv}): it reads the current span through
 *       OpenTelemetry's API only, and it sits on a server's class path without the rest of the library.
 *   <li>{@code internal.config}, {@code internal.semconv} and the API's root package depend on no other package of
 *       the library (the root's Javadoc links aside).
 * </ul>
 */
@AnalyzeClasses(packages = "dev.observe.ee", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The public API: three types for code, three for JUL configuration, one of constants. */
    static final Set<String> PUBLIC_API = Set.of(
            "dev.observe.ee.Traced",
            "dev.observe.ee.Observe",
            "dev.observe.ee.logging.Log",
            "dev.observe.ee.logging.LogContext",
            "dev.observe.ee.logging.JsonLogFormatter",
            "dev.observe.ee.logging.ConsoleLogFormatter",
            "dev.observe.ee.logging.ServerWideLogHandler");

    private static final DescribedPredicate<JavaClass> IN_THE_API = DescribedPredicate.describe(
            "in the public API allow-list (or nested in one of its types)",
            type -> PUBLIC_API.contains(topLevel(type).getName()));

    @ArchTest
    static final ArchRule publicTypesOutsideInternalAreTheApi = classes()
            .that().arePublic().and().resideOutsideOfPackage("dev.observe.ee.internal..")
            .should(com.tngtech.archunit.lang.conditions.ArchConditions.be(IN_THE_API))
            .because("the API is small: everything else belongs under dev.observe.ee.internal");

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("dev.observe.ee.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule loggingKnowsNoWebOrTracing = noClasses()
            .that().resideInAnyPackage("dev.observe.ee.logging..", "dev.observe.ee.internal.logging..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.observe.ee.internal.web..",
                    "dev.observe.ee.internal.tracing..", "dev.observe.ee.internal.telemetry..",
                    "dev.observe.ee.internal")
            .because("log lines must not depend on how requests and spans are made, and the logging jar runs on a "
                    + "server's class path without them (docs/architecture.md)");

    @ArchTest
    static final ArchRule leavesDependOnNoOtherPackage = noClasses()
            .that().resideInAnyPackage("dev.observe.ee.internal.config..", "dev.observe.ee.internal.semconv..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.observe.ee.internal.web..",
                    "dev.observe.ee.internal.tracing..", "dev.observe.ee.internal.telemetry..",
                    "dev.observe.ee.internal.logging..", "dev.observe.ee.internal");

    /**
     * The server-wide logging jar puts {@code internal.config} on a server's boot class path, where the application's
     * copies are shadowed (parent-first) and only the JDK links: a reference to MicroProfile Config or OpenTelemetry
     * there failed every deployment of the server-wide setup (PayaraServerWideLoggingIT).
     */
    @ArchTest
    static final ArchRule configLinksWithTheJdkAlone = classes()
            .that().resideInAPackage("dev.observe.ee.internal.config")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.observe.ee.internal.config")
            .because("the logging jar carries this package to a server's boot class path (pom.xml, logging-jar)");

    /** The "may depend on" column of docs/architecture.md's package table, as layers. */
    @ArchTest
    static final ArchRule packagesDependOnlyAsDocumented = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("dev.observe.ee")
            .layer("logging api").definedBy("dev.observe.ee.logging")
            .layer("extension").definedBy("dev.observe.ee.internal")
            .layer("config").definedBy("dev.observe.ee.internal.config")
            .layer("config microprofile").definedBy("dev.observe.ee.internal.config.microprofile")
            .layer("semconv").definedBy("dev.observe.ee.internal.semconv")
            .layer("logging").definedBy("dev.observe.ee.internal.logging")
            .layer("context").definedBy("dev.observe.ee.internal.context")
            .layer("telemetry").definedBy("dev.observe.ee.internal.telemetry")
            .layer("tracing").definedBy("dev.observe.ee.internal.tracing")
            .layer("web").definedBy("dev.observe.ee.internal.web")
            .whereLayer("extension").mayNotBeAccessedByAnyLayer()
            .whereLayer("web").mayOnlyBeAccessedByLayers("extension")
            .whereLayer("tracing").mayOnlyBeAccessedByLayers("extension")
            .whereLayer("context").mayOnlyBeAccessedByLayers("extension")
            .whereLayer("telemetry").mayOnlyBeAccessedByLayers("extension", "web", "tracing", "context")
            .whereLayer("logging").mayOnlyBeAccessedByLayers("extension", "logging api")
            .whereLayer("config microprofile").mayOnlyBeAccessedByLayers("telemetry")
            .whereLayer("config").mayOnlyBeAccessedByLayers("extension", "config microprofile", "logging",
                    "logging api", "telemetry")
            .whereLayer("semconv").mayOnlyBeAccessedByLayers("logging", "telemetry", "tracing", "web");

    @ArchTest
    static final ArchRule nothingButTheContainerKnowsTheExtension = noClasses()
            .that().resideOutsideOfPackage("dev.observe.ee.internal")
            .should().dependOnClassesThat().resideInAPackage("dev.observe.ee.internal")
            .because("the CDI extension is the container's entry point, and no other code's");

    private static JavaClass topLevel(JavaClass type) {
        JavaClass current = type;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
