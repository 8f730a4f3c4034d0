package dev.athanor.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SqlIdentifiersTest {

    private static Connection connection;

    @BeforeAll
    static void connect() throws SQLException {
        var pg = TestPostgres.shared();
        connection = pg.connect(pg.createEmptyDatabase("identifiers"));
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static String serverQuote(String name) throws SQLException {
        try (var s = connection.prepareStatement("SELECT quote_ident(?)")) {
            s.setString(1, name);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void everyServerKeywordIsQuotedExactlyAsQuoteIdentDoes() throws SQLException {
        var keywords = new ArrayList<String>();
        try (var s = connection.createStatement();
                var rs = s.executeQuery("SELECT word FROM pg_get_keywords()")) {
            while (rs.next()) {
                keywords.add(rs.getString(1));
            }
        }
        assertThat(keywords).hasSizeGreaterThan(400);
        for (String keyword : keywords) {
            assertThat(SqlIdentifiers.quote(keyword)).as(keyword).isEqualTo(serverQuote(keyword));
        }
    }

    @Test
    void oddNamesAreQuotedExactlyAsQuoteIdentDoes() throws SQLException {
        for (String name : List.of(
                "orders",
                "Order Items",
                "a\"b",
                "bıgınt",
                "My Schema",
                "_x1",
                "1abc",
                "a$b",
                "ÄÖÜ",
                "",
                " ",
                "x\"\"y")) {
            assertThat(SqlIdentifiers.quote(name)).as(name).isEqualTo(serverQuote(name));
        }
    }

    @Test
    void qualifiedNameQuotesEachPart() {
        assertThat(SqlIdentifiers.qualified("My Schema", "a\"b")).isEqualTo("\"My Schema\".\"a\"\"b\"");
        assertThat(new QualifiedName("public", "select").toSql()).isEqualTo("public.\"select\"");
    }
}
