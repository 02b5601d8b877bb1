package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintRule;

import java.util.List;
import java.util.Optional;

/**
 * The registry of jalchemy's lint rules, in the order findings of one op are reported: data loss
 * and breakage first, then locks and rewrites, then the database-specific and advisory rules, then
 * the rules about lint itself. Each rule is documented in {@code docs/migrations-lint.md}. The list
 * is immutable; rules are stateless and shared.
 */
public final class BuiltinRules {
    /** The id of the rule the linter reports when a script's upgrade could not be recorded to its end. */
    public static final String LINT_INCOMPLETE = "lint-incomplete";

    private static final List<LintRule> ALL = List.of(
            new StillMappedRule(),
            new DropTableRule(),
            new DropColumnRule(),
            new RenamingTableRule(),
            new RenamingColumnRule(),
            new AddingRequiredFieldRule(),
            new BanDropDatabaseRule(),
            new BanTruncateCascadeRule(),
            new AddingNotNullableFieldRule(),
            new ChangingColumnTypeRule(),
            new AddingFieldWithDefaultRule(),
            new AddingAutoIncrementFieldRule(),
            new RequireConcurrentIndexCreationRule(),
            new RequireConcurrentIndexDeletionRule(),
            new AddingForeignKeyConstraintRule(),
            new ConstraintMissingNotValidRule(),
            new DisallowedUniqueConstraintRule(),
            new AddingPrimaryKeyConstraintRule(),
            new ValidateInSameTransactionRule(),
            new BackfillInDdlTransactionRule(),
            new SqliteTableRebuildRule(),
            new PreferBigintOverIntRule(),
            new PreferTimestamptzRule(),
            new UnknownRuleRule(),
            new LintIncompleteRule());

    private BuiltinRules() {
    }

    public static List<LintRule> all() {
        return ALL;
    }

    public static Optional<LintRule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
