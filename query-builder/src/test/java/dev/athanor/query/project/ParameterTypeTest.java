package dev.athanor.query.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ParameterTypeTest {

    @Test
    void typedTextBecomesTheMatchingJavaValue() {
        assertThat(ParameterType.INTEGER.parse(" 5 ")).isEqualTo(5);
        assertThat(ParameterType.BIGINT.parse("5000000000")).isEqualTo(5_000_000_000L);
        assertThat(ParameterType.NUMERIC.parse("3.14")).isEqualTo(new BigDecimal("3.14"));
        assertThat(ParameterType.BOOLEAN.parse("yes")).isEqualTo(true);
        assertThat(ParameterType.BOOLEAN.parse("n")).isEqualTo(false);
        assertThat(ParameterType.DATE.parse("2024-05-31")).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(ParameterType.TIMESTAMP.parse("2024-05-31 14:30")).isEqualTo(LocalDateTime.of(2024, 5, 31, 14, 30));
        assertThat(ParameterType.NULL.parse("anything")).isNull();
        assertThat(ParameterType.TEXT.parse(" keep spaces ")).isEqualTo(" keep spaces ");
    }

    @Test
    void aServerTypeMapsToTheTypeThatBindsIt() {
        assertThat(ParameterType.ofServerType("int4")).contains(ParameterType.INTEGER);
        assertThat(ParameterType.ofServerType("int8")).contains(ParameterType.BIGINT);
        assertThat(ParameterType.ofServerType("timestamptz")).contains(ParameterType.TIMESTAMPTZ);
        assertThat(ParameterType.ofServerType("varchar")).contains(ParameterType.TEXT);
    }

    @Test
    void aServerTypeWithNoChoiceOfItsOwnMapsToNothing() {
        assertThat(ParameterType.ofServerType("jsonb")).isEmpty();
        assertThat(ParameterType.ofServerType("workload_enum")).isEmpty();
        assertThat(ParameterType.ofServerType(null)).isEmpty();
    }

    @Test
    void textThatDoesNotFitSaysWhatWasExpected() {
        assertThatThrownBy(() -> ParameterType.INTEGER.parse("five"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an integer");
        assertThatThrownBy(() -> ParameterType.INTEGER.parse("5000000000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an integer");
    }

    @Test
    void textWithoutADeclaredTypeIsReadAsANumberWhenItIsOne() {
        assertThat(ParameterType.readAs("42")).isEqualTo(ParameterType.INTEGER);
        assertThat(ParameterType.readAs("-5000000000")).isEqualTo(ParameterType.BIGINT);
        assertThat(ParameterType.readAs("12.50")).isEqualTo(ParameterType.NUMERIC);
        assertThat(ParameterType.readAs("%Python%")).isEqualTo(ParameterType.TEXT);
        assertThat(ParameterType.readAs("1e5")).isEqualTo(ParameterType.TEXT);
        assertThat(ParameterType.readAs(null)).isEqualTo(ParameterType.TEXT);
        assertThat(ParameterType.readAs("42").parse("42")).isEqualTo(42);
    }

    @Test
    void aSavedParameterDeclaresARealType() {
        assertThatThrownBy(() -> QueryParameter.required("x", ParameterType.NULL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a type");
    }
}
