package dev.athanor.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ParameterTypeTest {

    @Test
    void typedTextBecomesTheMatchingJavaValue() {
        assertThat(ParameterType.INTEGER.parse(" 5 ")).isEqualTo(5L);
        assertThat(ParameterType.NUMERIC.parse("3.14")).isEqualTo(new BigDecimal("3.14"));
        assertThat(ParameterType.BOOLEAN.parse("yes")).isEqualTo(true);
        assertThat(ParameterType.DATE.parse("2024-05-31")).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(ParameterType.TIMESTAMP.parse("2024-05-31 14:30")).isEqualTo(LocalDateTime.of(2024, 5, 31, 14, 30));
        assertThat(ParameterType.NULL.parse("anything")).isNull();
        assertThat(ParameterType.TEXT.parse(" keep spaces ")).isEqualTo(" keep spaces ");
    }

    @Test
    void textThatDoesNotFitSaysWhatWasExpected() {
        assertThatThrownBy(() -> ParameterType.INTEGER.parse("five"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an integer");
    }
}
