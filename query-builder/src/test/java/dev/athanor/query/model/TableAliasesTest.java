package dev.athanor.query.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableAliasesTest {
    @Test
    void firstUseOfATableTakesItsInitial() {
        assertThat(TableAliases.propose("workers", List.of())).isEqualTo("w");
    }

    @Test
    void secondUseOfTheSameTableGetsANumber() {
        assertThat(TableAliases.propose("workers", List.of("w"))).isEqualTo("w2");
        assertThat(TableAliases.propose("workers", List.of("w", "W2"))).isEqualTo("w3");
    }

    @Test
    void multiWordNamesUseTheInitialOfEachWord() {
        assertThat(TableAliases.propose("vacancies_replies", List.of("w"))).isEqualTo("vr");
        assertThat(TableAliases.propose("Order Items", List.of())).isEqualTo("oi");
        assertThat(TableAliases.propose("OrderItems", List.of())).isEqualTo("oi");
    }

    @Test
    void differentTablesWithTheSameInitialDoNotCollide() {
        assertThat(TableAliases.propose("resumes", List.of("w"))).isEqualTo("r");
        assertThat(TableAliases.propose("replies", List.of("w", "r"))).isEqualTo("r2");
    }

    @Test
    void nameWithoutLettersStillGetsAnAlias() {
        assertThat(TableAliases.propose("2024", List.of())).isEqualTo("t");
    }
}
