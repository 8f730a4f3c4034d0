package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassFileTest {
    @TempDir
    Path dir;

    private static final ConnectionProfile ALICE = ConnectionProfile.of("p", "db.local", 5432, "shop", "alice");

    private PgPassFile file(String content) throws IOException {
        var path = dir.resolve("pgpass");
        Files.writeString(path, content);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        return PgPassFile.at(path);
    }

    private static String password(PasswordSource source, ConnectionProfile profile) {
        return new String(source.lookup(profile).orElseThrow().chars());
    }

    @Test
    void exactLineMatches() throws IOException {
        var pgpass = file("db.local:5432:shop:alice:s3cret\n");

        var found = pgpass.lookup(ALICE).orElseThrow();

        assertThat(new String(found.chars())).isEqualTo("s3cret");
        assertThat(found.origin()).isEqualTo(PasswordOrigin.PGPASS_FILE);
        assertThat(found.where()).endsWith("pgpass line 1");
    }

    @Test
    void firstMatchingLineWins() throws IOException {
        var pgpass = file("other:5432:shop:alice:no\n*:*:shop:alice:first\n*:*:*:*:second\n");

        assertThat(password(pgpass, ALICE)).isEqualTo("first");
    }

    @Test
    void wildcardsMatchAnyValue() throws IOException {
        var pgpass = file("*:*:*:alice:any\n");

        assertThat(password(pgpass, ALICE.withHost("x").withPort(1).withDatabase("y")))
                .isEqualTo("any");
    }

    @Test
    void nonMatchingFieldGivesNothing() throws IOException {
        var pgpass = file("db.local:5433:shop:alice:wrongport\n");

        assertThat(pgpass.lookup(ALICE)).isEmpty();
    }

    @Test
    void escapedColonAndBackslashAreLiteral() throws IOException {
        var pgpass = file("db.local:5432:sh\\:op:alice:pa\\:ss\\\\word\n");

        assertThat(password(pgpass, ALICE.withDatabase("sh:op"))).isEqualTo("pa:ss\\word");
    }

    @Test
    void escapedStarIsNotAWildcard() throws IOException {
        var pgpass = file("db.local:5432:\\*:alice:literal\n");

        assertThat(pgpass.lookup(ALICE)).isEmpty();
        assertThat(password(pgpass, ALICE.withDatabase("*"))).isEqualTo("literal");
    }

    @Test
    void commentsAndShortLinesAreSkipped() throws IOException {
        var pgpass = file("# db.local:5432:shop:alice:commented\ndb.local:5432\n\ndb.local:5432:shop:alice:real\n");

        assertThat(password(pgpass, ALICE)).isEqualTo("real");
    }

    @Test
    void groupReadableFileIsIgnoredWithAWarning() throws IOException {
        var pgpass = file("*:*:*:*:leaked\n");
        Files.setPosixFilePermissions(pgpass.path(), PosixFilePermissions.fromString("rw-r-----"));

        assertThat(pgpass.lookup(ALICE)).isEmpty();
        assertThat(pgpass.warnings()).singleElement().asString().contains("group or world access");
    }

    @Test
    void worldReadableFileIsIgnored() throws IOException {
        var pgpass = file("*:*:*:*:leaked\n");
        Files.setPosixFilePermissions(pgpass.path(), PosixFilePermissions.fromString("rw----r--"));

        assertThat(pgpass.lookup(ALICE)).isEmpty();
    }

    @Test
    void missingFileGivesNothingAndNoWarning() {
        var pgpass = PgPassFile.at(dir.resolve("absent"));

        assertThat(pgpass.lookup(ALICE)).isEmpty();
        assertThat(pgpass.warnings()).isEmpty();
    }

    @Test
    void pgpassfileOverridesHome() {
        var located = PgPassFile.locate(Map.of("PGPASSFILE", "/tmp/elsewhere", "HOME", "/home/x"));

        assertThat(located.path()).isEqualTo(Path.of("/tmp/elsewhere"));
    }

    @Test
    void homeDotPgpassByDefault() {
        assertThat(PgPassFile.locate(Map.of("HOME", "/home/x")).path()).isEqualTo(Path.of("/home/x/.pgpass"));
    }

    @Test
    void pgpasswordComesBeforeThePasswordFile() throws IOException {
        var pgpass = file("*:*:*:*:fromfile\n");
        var env = Map.of("PGPASSWORD", "fromenv", "PGPASSFILE", pgpass.path().toString());

        var source = PasswordSource.standard(new RememberedPasswords(), env);
        var found = source.lookup(ALICE).orElseThrow();

        assertThat(new String(found.chars())).isEqualTo("fromenv");
        assertThat(found.origin()).isEqualTo(PasswordOrigin.PGPASSWORD);
    }

    @Test
    void rememberedPasswordComesFirstAndCanBeForgotten() throws IOException {
        var pgpass = file("*:*:*:*:fromfile\n");
        var remembered = new RememberedPasswords();
        var source = PasswordSource.standard(
                remembered, Map.of("PGPASSFILE", pgpass.path().toString()));

        remembered.remember(ALICE, "typed".toCharArray());
        var first = source.lookup(ALICE).orElseThrow();
        remembered.forget(ALICE);
        var second = source.lookup(ALICE).orElseThrow();

        assertThat(first.origin()).isEqualTo(PasswordOrigin.REMEMBERED);
        assertThat(new String(first.chars())).isEqualTo("typed");
        assertThat(second.origin()).isEqualTo(PasswordOrigin.PGPASS_FILE);
    }

    @Test
    void promptIsNeededWhenNoSourceKnowsAPassword() {
        var source = PasswordSource.standard(
                new RememberedPasswords(),
                Map.of("PGPASSFILE", dir.resolve("none").toString()));

        assertThat(source.promptNeeded(ALICE)).isTrue();
    }

    @Test
    void chainReportsTheIgnoredFile() throws IOException {
        var pgpass = file("*:*:*:*:x\n");
        Files.setPosixFilePermissions(pgpass.path(), PosixFilePermissions.fromString("rw-rw-rw-"));

        var source = PasswordSource.standard(
                new RememberedPasswords(), Map.of("PGPASSFILE", pgpass.path().toString()));

        assertThat(source.promptNeeded(ALICE)).isTrue();
        assertThat(source.warnings()).hasSize(1);
    }

    @Test
    void passwordToStringHidesTheCharacters() {
        assertThat(new Password("hunter2".toCharArray(), PasswordOrigin.PROMPT, "typed").toString())
                .doesNotContain("hunter2");
    }
}
