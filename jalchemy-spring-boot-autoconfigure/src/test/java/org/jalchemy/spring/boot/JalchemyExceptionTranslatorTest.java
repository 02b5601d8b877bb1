package org.jalchemy.spring.boot;

import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.ErrorKind;
import org.jalchemy.exc.TimeoutError;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class JalchemyExceptionTranslatorTest {
    private final JalchemyExceptionTranslator translator = new JalchemyExceptionTranslator();

    @Test
    void integrityErrorsBecomeDataIntegrityViolationsWithTheJalchemyErrorAsCause() {
        var error = ErrorKind.INTEGRITY.create(new DBAPIError.Details("(IntegrityError) null value in column owner",
                new SQLException("null value", "23502"), "INSERT INTO t (owner) VALUES (?)", "[None]", false));
        var translated = translator.translateExceptionIfPossible(error);
        assertThat(translated).isInstanceOf(DataIntegrityViolationException.class).hasCause(error)
                .hasMessageContaining("(IntegrityError)");
    }

    @Test
    void poolTimeoutsAreResourceFailuresAndOthersAreLeftAlone() {
        assertThat(translator.translateExceptionIfPossible(new TimeoutError("Pool limit reached", null)))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(translator.translateExceptionIfPossible(new IllegalStateException("not ours"))).isNull();
    }
}
