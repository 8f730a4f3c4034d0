package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BindNamesTest {
    @Test
    void comparisonGivesTheColumnName() {
        assertThat(BindNames.of("select * from t where \"t\".\"password\" = ? and id > ?"))
                .containsExactly("password", "id");
    }

    @Test
    void insertColumnsGiveTheNames() {
        assertThat(BindNames.of("insert into t (a, \"Secret\", c) values (?, cast(? as varchar), ?), (?, ?, ?)"))
                .containsExactly("a", "Secret", "c", "a", "Secret", "c");
    }

    @Test
    void placeholdersInLiteralsAndCommentsAreIgnored() {
        assertThat(BindNames.of("select '?', $$?$$, \"?\" -- ?\n /* ? */ from t where x = ?"))
                .containsExactly("x");
    }

    @Test
    void doubledQuestionMarkIsNotAPlaceholder() {
        assertThat(BindNames.of("select data ?? 'k' from t where id = ?")).containsExactly("id");
    }

    @Test
    void unknownPositionsHaveNoName() {
        assertThat(BindNames.of("select coalesce(?, 1), upper(?)")).containsExactly(null, null);
    }

    @Test
    void castOnThePlaceholderKeepsTheName() {
        assertThat(BindNames.of("update t set api_token = ?::text where id = ?"))
                .containsExactlyElementsOf(Arrays.asList("api_token", "id"));
    }
}
