package dev.athanor.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionStringTest {
    private static final Map<String, String> ENV = Map.of("USER", "osuser");

    private static ConnectionProfile parse(String text) {
        return ConnectionString.parse(text, ENV).profile();
    }

    @Test
    void libpqUriWithEveryPartIsRead() {
        var profile = parse("postgresql://alice@db.example.com:6543/shop?sslmode=require&application_name=athanor");

        assertThat(profile.user()).isEqualTo("alice");
        assertThat(profile.host()).isEqualTo("db.example.com");
        assertThat(profile.port()).isEqualTo(6543);
        assertThat(profile.database()).isEqualTo("shop");
        assertThat(profile.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(profile.options()).containsExactly(Map.entry("application_name", "athanor"));
    }

    @Test
    void postgresSchemeIsAcceptedToo() {
        assertThat(parse("postgres://bob@h/d").user()).isEqualTo("bob");
    }

    @Test
    void missingPartsDefaultLikeLibpq() {
        var profile = parse("postgresql://");

        assertThat(profile.host()).isEqualTo("localhost");
        assertThat(profile.port()).isEqualTo(5432);
        assertThat(profile.user()).isEqualTo("osuser");
        assertThat(profile.database()).isEqualTo("osuser");
        assertThat(profile.sslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void databaseDefaultsToTheGivenUser() {
        assertThat(parse("postgresql://carol@somewhere").database()).isEqualTo("carol");
    }

    @Test
    void environmentVariablesFillMissingParts() {
        var env = Map.of(
                "USER", "osuser",
                "PGHOST", "envhost",
                "PGPORT", "7000",
                "PGDATABASE", "envdb",
                "PGUSER", "envuser",
                "PGSSLMODE", "verify-full");

        var profile = ConnectionString.parse("postgresql://", env).profile();

        assertThat(profile.host()).isEqualTo("envhost");
        assertThat(profile.port()).isEqualTo(7000);
        assertThat(profile.database()).isEqualTo("envdb");
        assertThat(profile.user()).isEqualTo("envuser");
        assertThat(profile.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
    }

    @Test
    void explicitPartsWinOverEnvironment() {
        var env = Map.of("PGHOST", "envhost", "PGUSER", "envuser", "PGPORT", "7000");

        var profile = ConnectionString.parse("postgresql://alice@h:1234/d", env).profile();

        assertThat(profile.host()).isEqualTo("h");
        assertThat(profile.user()).isEqualTo("alice");
        assertThat(profile.port()).isEqualTo(1234);
    }

    @Test
    void fromEnvironmentUsesTheVariables() {
        var profile = ConnectionProfile.fromEnvironment("env", Map.of("PGUSER", "u", "PGHOST", "hh"));

        assertThat(profile.name()).isEqualTo("env");
        assertThat(profile.target()).isEqualTo("u@hh:5432/u");
    }

    @Test
    void badPgPortInEnvironmentIsNamed() {
        assertThatThrownBy(() -> ConnectionString.parse("postgresql://", Map.of("PGPORT", "x1")))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessage("PGPORT 'x1' is not a number");
    }

    @Test
    void percentEncodedPartsAreDecoded() {
        var profile = parse("postgresql://al%40ice@h/my%20db%2Bx");

        assertThat(profile.user()).isEqualTo("al@ice");
        assertThat(profile.database()).isEqualTo("my db+x");
    }

    @Test
    void ipv6HostInBrackets() {
        var profile = parse("postgresql://u@[::1]:5433/d");

        assertThat(profile.host()).isEqualTo("::1");
        assertThat(profile.port()).isEqualTo(5433);
        assertThat(profile.toLibpqUri()).startsWith("postgresql://u@[::1]:5433/d");
    }

    @Test
    void passwordIsSplitOutAndNotInTheProfile() {
        var parsed = ConnectionString.parse("postgresql://alice:s%3Acret@h/d", ENV);

        assertThat(parsed.password()).isPresent();
        assertThat(new String(parsed.password().orElseThrow().chars())).isEqualTo("s:cret");
        assertThat(parsed.password().orElseThrow().origin()).isEqualTo(PasswordOrigin.CONNECTION_STRING);
        assertThat(parsed.profile().toString()).doesNotContain("cret");
        assertThat(parsed.profile().toLibpqUri()).doesNotContain("cret");
        assertThat(parsed.profile().toJdbcUrl()).doesNotContain("cret");
    }

    @Test
    void passwordAsQueryParameterIsSplitOut() {
        var parsed = ConnectionString.parse("postgresql://h/d?user=a&password=pw", ENV);

        assertThat(new String(parsed.password().orElseThrow().chars())).isEqualTo("pw");
        assertThat(parsed.profile().options()).isEmpty();
    }

    @Test
    void queryParametersOverrideTheAuthority() {
        var profile = parse("postgresql://h1:1/d1?host=h2&port=2&dbname=d2&user=u2");

        assertThat(profile.target()).isEqualTo("u2@h2:2/d2");
    }

    @Test
    void jdbcUrlIsRead() {
        var parsed = ConnectionString.parse(
                "jdbc:postgresql://db:6000/shop?user=alice&password=pw&sslmode=verify-ca&ApplicationName=my+app", ENV);

        var profile = parsed.profile();
        assertThat(profile.target()).isEqualTo("alice@db:6000/shop");
        assertThat(profile.sslMode()).isEqualTo(SslMode.VERIFY_CA);
        assertThat(profile.options()).containsEntry("application_name", "my app");
        assertThat(new String(parsed.password().orElseThrow().chars())).isEqualTo("pw");
    }

    @Test
    void jdbcUrlWithOnlyADatabase() {
        assertThat(parse("jdbc:postgresql:shop").target()).isEqualTo("osuser@localhost:5432/shop");
    }

    @Test
    void jdbcSslTrueMeansRequire() {
        assertThat(parse("jdbc:postgresql://h/d?ssl=true").sslMode()).isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void jdbcUrlRoundTrips() {
        var profile = parse("postgresql://alice@db:6543/shop?sslmode=require&connect_timeout=5&application_name=a b");

        var again = parse(profile.toJdbcUrl());

        assertThat(profile.toJdbcUrl())
                .isEqualTo(
                        "jdbc:postgresql://db:6543/shop?user=alice&sslmode=require&ApplicationName=a%20b&connectTimeout=5");
        assertThat(again).isEqualTo(profile);
    }

    @Test
    void libpqUriRoundTrips() {
        var profile =
                parse("postgresql://al%40ice@[fe80::1]:6543/my%20db?sslmode=disable&options=-c%20search_path%3Dx");

        assertThat(parse(profile.toLibpqUri())).isEqualTo(profile);
    }

    @Test
    void unknownSchemeIsRefused() {
        assertThatThrownBy(() -> parse("mysql://h/d"))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessageContaining("expected postgresql:// or jdbc:postgresql://");
    }

    @Test
    void unknownSchemeMessageDoesNotEchoAPassword() {
        assertThatThrownBy(() -> parse("mysql://u:hunter2@h/d")).hasMessageNotContaining("hunter2");
    }

    @Test
    void portThatIsNotANumberIsNamed() {
        assertThatThrownBy(() -> parse("postgresql://h:abc/d"))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessage("port 'abc' is not a number");
    }

    @Test
    void portOutOfRangeIsNamed() {
        assertThatThrownBy(() -> parse("postgresql://h:70000/d")).hasMessage("port 70000 is out of range (1-65535)");
    }

    @Test
    void unknownSslModeIsNamed() {
        assertThatThrownBy(() -> parse("postgresql://h/d?sslmode=foo"))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessageStartingWith("unknown sslmode 'foo'");
    }

    @Test
    void unknownParameterIsNamed() {
        assertThatThrownBy(() -> parse("postgresql://h/d?colour=blue"))
                .hasMessage("unknown connection parameter 'colour'");
    }

    @Test
    void unsupportedJdbcPropertyIsNamed() {
        assertThatThrownBy(() -> parse("jdbc:postgresql://h/d?prepareThreshold=0"))
                .hasMessageStartingWith("JDBC property 'prepareThreshold' is not supported");
    }

    @Test
    void brokenPercentEncodingIsNamed() {
        assertThatThrownBy(() -> parse("postgresql://h/d%zz"))
                .hasMessage("invalid percent-encoding in database name ('%zz')");
    }

    @Test
    void unbracketedIpv6IsRefused() {
        assertThatThrownBy(() -> parse("postgresql://::1/d")).hasMessageContaining("must be written in brackets");
    }

    @Test
    void severalHostsAreRefused() {
        assertThatThrownBy(() -> parse("postgresql://h1,h2/d")).hasMessageContaining("several hosts");
    }

    @Test
    void connectTimeoutMustBeANumber() {
        assertThatThrownBy(() -> parse("postgresql://h/d?connect_timeout=soon"))
                .hasMessage("connect_timeout 'soon' is not a number");
    }

    @Test
    void parameterWithoutValueIsNamed() {
        assertThatThrownBy(() -> parse("postgresql://h/d?sslmode"))
                .hasMessage("parameter 'sslmode' has no value (expected name=value)");
    }

    @Test
    void emptyStringIsRefused() {
        assertThatThrownBy(() -> parse("  ")).hasMessageContaining("empty");
    }

    @Test
    void environmentSuppliesApplicationNameTimeoutAndOptions() {
        var env = Map.of("PGAPPNAME", "from env", "PGCONNECT_TIMEOUT", "7", "PGOPTIONS", "-c work_mem=64MB");

        var profile = ConnectionString.parse("postgresql://h/d?application_name=mine", env)
                .profile();

        assertThat(profile.options())
                .containsEntry("application_name", "mine")
                .containsEntry("connect_timeout", "7")
                .containsEntry("options", "-c work_mem=64MB");
    }

    @Test
    void socketDirectoryInPghostMeansLocalhost() {
        var profile = ConnectionString.parse("postgresql://", Map.of("PGHOST", "/var/run/postgresql", "USER", "u"))
                .profile();

        assertThat(profile.host()).isEqualTo("localhost");
    }

    @Test
    void explicitSocketDirectoryIsRefused() {
        assertThatThrownBy(() -> parse("postgresql:///d?host=/tmp")).hasMessageContaining("Unix socket directories");
    }
}
