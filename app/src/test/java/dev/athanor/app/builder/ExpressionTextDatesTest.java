package dev.athanor.app.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.model.Expression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates and times typed into an expression cell are read into the model and written back as typed. */
class ExpressionTextDatesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "date '2012-09-01'",
                "timestamp '2012-09-01 08:30:00'",
                "timestamp with time zone '2012-09-01 08:30:00+02:00'",
                "time '08:30:00'",
                "starttime + interval '30 minutes'",
                "extract(month FROM b.starttime)",
                "date_trunc('month', starttime) + interval '1 month'",
                "current_date - 7",
            })
    void dateAndTimeTextIsModelledAndWrittenBackTheSame(String text) {
        var expression = ExpressionText.parse(text);

        assertThat(expression).isNotInstanceOf(Expression.Raw.class);
        assertThat(ExpressionText.format(expression)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"date '1 September 2012'", "interval 'one day'", "extract(fortnight FROM starttime)"})
    void dateAndTimeTextThatPostgresqlWouldRefuseStaysAsWritten(String text) {
        assertThat(ExpressionText.parse(text)).isEqualTo(new Expression.Raw(text));
    }
}
