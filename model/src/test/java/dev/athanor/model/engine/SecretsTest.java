package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void rolePasswordLiteralIsMasked() {
        assertThat(Secrets.maskSql("ALTER ROLE bob WITH PASSWORD 'it''s secret' VALID UNTIL 'infinity'"))
                .isEqualTo("ALTER ROLE bob WITH PASSWORD '***' VALID UNTIL 'infinity'");
    }

    @Test
    void literalComparedWithASecretColumnIsMasked() {
        assertThat(Secrets.maskSql(
                        "update accounts set \"api_token\" = 'abc', login = 'bob' where password_hash = 'x'"))
                .isEqualTo("update accounts set \"api_token\" = '***', login = 'bob' where password_hash = '***'");
    }

    @Test
    void passwordInsideAConnectionStringIsMasked() {
        assertThat(Secrets.maskSql("SELECT dblink_connect('host=h user=u password=hunter2 dbname=d')"))
                .isEqualTo("SELECT dblink_connect('host=h user=u password=*** dbname=d')");
        assertThat(Secrets.maskConnectionText("postgresql://u:hunter2@h/d")).isEqualTo("postgresql://u:***@h/d");
    }

    @Test
    void ordinarySqlIsUnchanged() {
        var sql = "SELECT username, 'password' AS label FROM users WHERE id = ?";

        assertThat(Secrets.maskSql(sql)).isEqualTo(sql);
    }
}
