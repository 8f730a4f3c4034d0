package dev.athanor.query.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.testing.SampleDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rendered names are written as the server's {@code quote_ident} writes them, keywords included. */
class SqlNamesTest {
    private static Connection connection;

    @BeforeAll
    static void connect() {
        connection = SampleDatabase.create("names").connect();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static String rendered(String name) {
        return DSL.using(SQLDialect.POSTGRES).render(SqlNames.identifier(name));
    }

    @Test
    void everyServerKeywordAndOddNameIsRenderedAsQuoteIdentWritesIt() throws SQLException {
        var odd = new String[] {"resumes", "Workers", "Order Items", "a\"b", "a$b", "_x1", "1abc", "ÄÖÜ"};
        var quoted = new LinkedHashMap<String, String>();
        try (var statement = connection.prepareStatement("SELECT word, quote_ident(word) FROM pg_get_keywords()"
                + " UNION ALL SELECT name, quote_ident(name) FROM unnest(?::text[]) AS name")) {
            statement.setArray(1, connection.createArrayOf("text", odd));
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    quoted.put(result.getString(1), result.getString(2));
                }
            }
        }
        assertThat(quoted).hasSizeGreaterThan(400);
        quoted.forEach((name, byServer) -> assertThat(rendered(name)).as(name).isEqualTo(byServer));
    }

    @Test
    void functionNamesStayBareWhenPlainEvenIfKeywords() {
        var dsl = DSL.using(SQLDialect.POSTGRES);
        assertThat(dsl.render(SqlNames.function("coalesce"))).isEqualTo("coalesce");
        assertThat(dsl.render(SqlNames.function("pg_catalog.left"))).isEqualTo("pg_catalog.left");
        assertThat(dsl.render(SqlNames.function("MyFunc"))).isEqualTo("\"MyFunc\"");
    }
}
