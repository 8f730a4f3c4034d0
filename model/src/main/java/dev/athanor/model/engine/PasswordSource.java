package dev.athanor.model.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the password for a profile at the moment a new physical connection is opened.
 *
 * <p>Sources are combined with {@link #chain(PasswordSource...)}; the first that knows a password wins. The UI asks
 * {@link #lookup(ConnectionProfile)} to show where a password would come from ({@link Password#where()}) and
 * {@link #promptNeeded(ConnectionProfile)} to decide whether to ask the user.
 */
@FunctionalInterface
public interface PasswordSource {

    /** The password for {@code profile}, or empty when this source has none. Never throws for a missing file. */
    Optional<Password> lookup(ConnectionProfile profile);

    /** True when no source knows a password, so the user must be asked (or the server must not want one). */
    default boolean promptNeeded(ConnectionProfile profile) {
        return lookup(profile).isEmpty();
    }

    /**
     * Why a source was skipped, in the user's words (e.g. "~/.pgpass was ignored: it is readable by other users").
     * Empty when nothing was skipped.
     */
    default List<String> warnings() {
        return List.of();
    }

    /** No password: for trust or peer authentication, or to make the server ask. */
    static PasswordSource none() {
        return profile -> Optional.empty();
    }

    /** A password typed by the user (copied; the caller may blank its array). */
    static PasswordSource typed(char[] password) {
        var kept = new Password(password, PasswordOrigin.PROMPT, "the password you typed");
        return profile -> Optional.of(kept);
    }

    /** A password already resolved elsewhere, e.g. one split out of a connection string. */
    static PasswordSource of(Password password) {
        Objects.requireNonNull(password, "password");
        return profile -> Optional.of(password);
    }

    /** {@code PGPASSWORD} from {@code environment}. */
    static PasswordSource environment(Map<String, String> environment) {
        var value = environment.get("PGPASSWORD");
        if (value == null || value.isEmpty()) {
            return none();
        }
        var password =
                new Password(value.toCharArray(), PasswordOrigin.PGPASSWORD, "the PGPASSWORD environment variable");
        return profile -> Optional.of(password);
    }

    /**
     * The order libpq uses: what the user typed or remembered first, then {@code PGPASSWORD}, then the password
     * file ({@code PGPASSFILE} or {@code ~/.pgpass}).
     *
     * @param remembered passwords typed earlier in this run
     * @param environment environment variables ({@code System.getenv()} in the application)
     */
    static PasswordSource standard(RememberedPasswords remembered, Map<String, String> environment) {
        return chain(remembered, environment(environment), PgPassFile.locate(environment));
    }

    /** The first source with a password wins; warnings of every source are reported. */
    static PasswordSource chain(PasswordSource... sources) {
        var list = List.of(sources);
        return new PasswordSource() {
            @Override
            public Optional<Password> lookup(ConnectionProfile profile) {
                for (var source : list) {
                    var found = source.lookup(profile);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }

            @Override
            public List<String> warnings() {
                var all = new ArrayList<String>();
                list.forEach(source -> all.addAll(source.warnings()));
                return List.copyOf(all);
            }
        };
    }
}
