package dev.athanor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterizedStatementTest {

    @Test
    void namedParametersBecomePlaceholders() {
        var parsed = ParameterizedStatement.parse("SELECT * FROM workers WHERE id < :max_id AND username = :name");
        assertThat(parsed.jdbcSql()).isEqualTo("SELECT * FROM workers WHERE id < ? AND username = ?");
        assertThat(parsed.bindOrder()).containsExactly("max_id", "name");
    }

    @Test
    void castIsNotAParameter() {
        var parsed = ParameterizedStatement.parse("SELECT avg(x)::int, '1'::text FROM t WHERE a = :a");
        assertThat(parsed.parameterNames()).containsExactly("a");
        assertThat(parsed.jdbcSql()).isEqualTo("SELECT avg(x)::int, '1'::text FROM t WHERE a = ?");
    }

    @Test
    void colonsInsideStringsCommentsAndQuotedNamesAreNotParameters() {
        var parsed = ParameterizedStatement.parse(
                "SELECT ':no', \":no2\", $$ :no3 $$ -- :no4\n /* :no5 */ FROM t WHERE a = :yes");
        assertThat(parsed.parameterNames()).containsExactly("yes");
    }

    @Test
    void arraySliceIsNotAParameter() {
        assertThat(ParameterizedStatement.parse("SELECT arr[lo:hi], arr[1:2] FROM t")
                        .parameterNames())
                .isEmpty();
    }

    @Test
    void aNameUsedTwiceIsAskedOnceAndBoundTwice() {
        var parsed = ParameterizedStatement.parse("SELECT :a, :b, :a");
        assertThat(parsed.parameterNames()).containsExactly("a", "b");
        assertThat(parsed.bindOrder()).containsExactly("a", "b", "a");
    }

    @Test
    void literalQuestionMarksAreEscapedForTheDriver() {
        var parsed = ParameterizedStatement.parse("SELECT data ? 'key', data ?| array['a'] FROM t WHERE id = :id");
        assertThat(parsed.jdbcSql()).isEqualTo("SELECT data ?? 'key', data ??| array['a'] FROM t WHERE id = ?");
    }

    @Test
    void serverPositionMapsBackPastRewrittenParameters() {
        // The server receives "SELECT $1, $2 FORM t": "FORM" is at 1-based position 15 there.
        var parsed = ParameterizedStatement.parse("SELECT :alpha, :beta FORM t");
        assertThat(parsed.originalOffset(15)).isEqualTo("SELECT :alpha, :beta ".length());
    }
}
