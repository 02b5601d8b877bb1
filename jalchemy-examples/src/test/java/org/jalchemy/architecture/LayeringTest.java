package org.jalchemy.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The arrows of docs/architecture.md, enforced on the compiled main classes of every module.
 * Core never imports the ORM (or async, migrate, cache, metrics); the ORM never imports async, migrate,
 * cache or metrics; the cache depends on core only;
 * async depends on core and the ORM only; only the ORM reaches its internal packages, and its
 * public API names no internal type; dialects
 * are plugins nobody names; statements and types never reach for an engine.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Test classes also arrive through the core test-jar (…-tests.jar), which DO_NOT_INCLUDE_TESTS
        // does not recognise; they may use the engine from any package, so leave them out too.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.jalchemy");
    }

    private static final String[] CORE = {"org.jalchemy.exc..", "org.jalchemy.util..", "org.jalchemy.types..",
            "org.jalchemy.sql..", "org.jalchemy.schema..", "org.jalchemy.dialect..", "org.jalchemy.engine.."};

    @Test
    void coreDoesNotDependOnOrmOrHigherLayers() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.jalchemy.orm..", "org.jalchemy.asyncio..",
                        "org.jalchemy.migrate..", "org.jalchemy.cache..", "org.jalchemy.metrics..", "org.jalchemy.examples..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void ormDoesNotDependOnAsync() {
        noClasses().that().resideInAPackage("org.jalchemy.orm..")
                .should().dependOnClassesThat().resideInAPackage("org.jalchemy.asyncio..")
                .because("jalchemy-async is an add-on over the ORM: the ORM offers hooks (LazyLoadExecutor,"
                        + " Session.cancel) and never names it")
                .check(classes);
    }

    @Test
    void asyncDependsOnlyOnCoreAndOrm() {
        noClasses().that().resideInAPackage("org.jalchemy.asyncio..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jalchemy.examples..", "org.jalchemy.benchmarks..",
                        "org.jalchemy.migrate..", "org.jalchemy.cache..", "org.jalchemy.metrics..", "org.jalchemy.cli..")
                .check(classes);
    }

    @Test
    void cacheAndMetricsHangOffTheSide() {
        noClasses().that().resideInAnyPackage("org.jalchemy.orm..", "org.jalchemy.migrate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jalchemy.cache..", "org.jalchemy.metrics..")
                .because("jalchemy-cache and jalchemy-metrics are optional: core, the ORM and migrate offer hooks"
                        + " (StatementInterceptor, EngineListener, SessionListener) and never name them")
                .check(classes);
        noClasses().that().resideInAPackage("org.jalchemy.cache..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jalchemy.orm..", "org.jalchemy.metrics..",
                        "org.jalchemy.migrate..", "org.jalchemy.asyncio..", "org.jalchemy.examples..")
                .because("the cache works on Core statements; ORM queries reach it through the engine")
                .check(classes);
        noClasses().that().resideInAPackage("org.jalchemy.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jalchemy.orm.internal..", "org.jalchemy.migrate..",
                        "org.jalchemy.asyncio..", "org.jalchemy.examples..")
                .check(classes);
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.jalchemy.cache.QueryCache")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.jalchemy.metrics.JalchemyMetrics")).isTrue();
    }

    @Test
    void ormDoesNotDependOnMigrate() {
        noClasses().that().resideInAPackage("org.jalchemy.orm..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jalchemy.migrate..", "org.jalchemy.examples..")
                .allowEmptyShould(true)
                .check(classes);
    }

    private static final String ORM_INTERNAL = "org.jalchemy.orm.internal..";
    private static final String[] ORM_API = {"org.jalchemy.orm", "org.jalchemy.orm.annotations..", "org.jalchemy.orm.mapping..",
            "org.jalchemy.orm.shard.."};

    @Test
    void ormInternalsAreReachedOnlyFromTheOrm() {
        noClasses().that().resideOutsideOfPackage("org.jalchemy.orm..")
                .should().dependOnClassesThat().resideInAPackage(ORM_INTERNAL)
                .because("org.jalchemy.orm.internal (session, loading, unit of work) is the ORM's implementation;"
                        + " other modules (async, examples, benchmarks) use the public API in org.jalchemy.orm")
                .check(classes);
    }

    @Test
    void ormMappingDependsOnNoSessionInternals() {
        noClasses().that().resideInAnyPackage("org.jalchemy.orm.mapping..", "org.jalchemy.orm.annotations..")
                .should().dependOnClassesThat().resideInAPackage(ORM_INTERNAL)
                .because("mappers are built once and shared by every session; sessions use mappers, never the"
                        + " other way round")
                .check(classes);
    }

    @Test
    void ormPublicApiExposesNoInternalTypes() {
        com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMember> noInternalTypes =
                new com.tngtech.archunit.lang.ArchCondition<>("not name an org.jalchemy.orm.internal type in its signature") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaMember member,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        java.util.Set<com.tngtech.archunit.core.domain.JavaClass> involved = new java.util.HashSet<>();
                        if (member instanceof com.tngtech.archunit.core.domain.JavaCodeUnit cu) {
                            involved.addAll(cu.getReturnType().getAllInvolvedRawTypes());
                            cu.getParameterTypes().forEach(t -> involved.addAll(t.getAllInvolvedRawTypes()));
                        } else if (member instanceof com.tngtech.archunit.core.domain.JavaField f) {
                            involved.addAll(f.getType().getAllInvolvedRawTypes());
                        }
                        for (com.tngtech.archunit.core.domain.JavaClass c : involved) {
                            if (c.getPackageName().startsWith("org.jalchemy.orm.internal")) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(member,
                                        member.getFullName() + " names internal type " + c.getName()));
                            }
                        }
                    }
                };
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members()
                .that().arePublic().and().areDeclaredInClassesThat().resideInAnyPackage(ORM_API)
                .and().areDeclaredInClassesThat().arePublic()
                .should(noInternalTypes)
                .because("the public API is interfaces and values; implementations live in org.jalchemy.orm.internal")
                .check(classes);
    }

    @Test
    void theOrmInternalsAreImported() {
        // the rules above must not pass by seeing no classes
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.jalchemy.orm.internal.session.SessionImpl")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.jalchemy.orm.shard.ShardedSession")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.jalchemy.dialect.cockroachdb.CockroachDialect")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.jalchemy.asyncio.AsyncSession")).isTrue();
    }

    @Test
    void migrateLayers() {
        noClasses().that().resideInAPackage("org.jalchemy.migrate.ops..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jalchemy.migrate.runtime..",
                        "org.jalchemy.migrate.autogenerate..", "org.jalchemy.migrate.script..", "org.jalchemy.migrate.lint..",
                        "org.jalchemy.migrate.config..")
                .because("ops are values: scripts, autogenerate, lint and the runner all build on them").check(classes);
        noClasses().that().resideInAPackage("org.jalchemy.migrate.autogenerate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jalchemy.migrate.runtime..", "org.jalchemy.migrate.lint..")
                .because("autogenerate compares and renders; it never runs anything").check(classes);
        noClasses().that().resideInAPackage("org.jalchemy.migrate.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jalchemy.migrate.autogenerate..", "org.jalchemy.migrate.lint..")
                .because("the runner applies ops whoever made them").check(classes);
    }

    @Test
    void nothingDependsOnTheCliOrTheMavenPlugin() {
        for (String front : new String[]{"org.jalchemy.cli..", "org.jalchemy.maven.."}) {
            noClasses().that().resideOutsideOfPackages(front, "org.jalchemy.examples..")
                    .should().dependOnClassesThat().resideInAPackage(front)
                    .because("the command line and the Maven plugin are leaves over jalchemy-migrate"
                            + " (only the examples, the user's side, run the CLI: guide chapter 9)")
                    .check(classes);
        }
    }

    @Test
    void cliAndMavenPluginUseMigrateThroughCommandsAndConfig() {
        noClasses().that().resideInAnyPackage("org.jalchemy.cli..", "org.jalchemy.maven..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jalchemy.migrate.runtime..",
                        "org.jalchemy.migrate.autogenerate..", "org.jalchemy.migrate.script..", "org.jalchemy.migrate.ops..",
                        "org.jalchemy.migrate.lint..", "org.jalchemy.orm..", "org.jalchemy.dialect..")
                .because("front ends only parse arguments and call Commands; behaviour lives in jalchemy-migrate,"
                        + " where the API and every front end share it")
                .check(classes);
    }

    @Test
    void theCliAndTheMavenPluginAreImported() {
        // the two rules above must not pass by seeing no classes
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.jalchemy.cli.MigrateCommand")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("org.jalchemy.maven.UpgradeMojo")).isTrue();
    }

    @Test
    void dialectPackagesAreOnlyReachedThroughServiceLoader() {
        for (String db : new String[]{"sqlite", "postgresql", "mysql", "oracle", "mssql", "cockroachdb", "yugabytedb"}) {
            // a variant dialect (CockroachDB, YugabyteDB: PostgreSQL wire) extends its base dialect's classes
            String[] allowed = db.equals("postgresql")
                    ? new String[]{"org.jalchemy.dialect.postgresql..", "org.jalchemy.dialect.cockroachdb..",
                    "org.jalchemy.dialect.yugabytedb.."}
                    : new String[]{"org.jalchemy.dialect." + db + ".."};
            noClasses().that().resideOutsideOfPackages(allowed)
                    .should().dependOnClassesThat().resideInAPackage("org.jalchemy.dialect." + db + "..")
                    .allowEmptyShould(true)
                    .because("dialects are plugins found by ServiceLoader; only the engine's in-memory SQLite"
                            + " pool choice may name SqliteDialect")
                    .check(classes.that(com.tngtech.archunit.base.DescribedPredicate.not(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("Engine"))));
        }
    }

    @Test
    void exceptionsDependOnNothingElseInJalchemy() {
        noClasses().that().resideInAPackage("org.jalchemy.exc..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jalchemy.engine..", "org.jalchemy.sql..",
                        "org.jalchemy.schema..", "org.jalchemy.types..", "org.jalchemy.dialect..", "org.jalchemy.orm..")
                .check(classes);
    }

    @Test
    void statementsAndTypesNeverReachForAnEngine() {
        noClasses().that().resideInAnyPackage("org.jalchemy.sql..", "org.jalchemy.types..")
                .should().dependOnClassesThat().resideInAPackage("org.jalchemy.engine..")
                .check(classes);
    }

    @Test
    void engineNeverDependsOnSchema() {
        noClasses().that().resideInAPackage("org.jalchemy.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.jalchemy.schema..")
                .because("schema runs DDL and reflection on an engine, never the other way round")
                .check(classes);
    }

    @Test
    void dialectsUseOnlyTheEngineUrl() {
        noClasses().that().resideInAPackage("org.jalchemy.dialect..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.and(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.jalchemy.engine.."),
                        com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(org.jalchemy.engine.URL.class))))
                .check(classes);
    }

    @Test
    void onlyTheSpringBootModuleKnowsSpring() {
        noClasses().that().resideOutsideOfPackage("org.jalchemy.spring..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jalchemy.spring..")
                .because("jalchemy-spring-boot-autoconfigure hangs off the side: core, the ORM, migrate and the optional"
                        + " modules run without Spring, and the auto-configuration uses only their public API")
                .check(classes);
    }
}
