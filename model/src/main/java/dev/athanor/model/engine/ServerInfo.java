package dev.athanor.model.engine;

/**
 * What the "Test" button shows about a server.
 *
 * @param version the full {@code version()} text, e.g. "PostgreSQL 17.6 on x86_64-pc-linux-gnu, ..."
 * @param serverVersion the short version, e.g. "17.6"
 * @param versionNumber {@code server_version_num}, e.g. 170006
 * @param user the role logged in ({@code current_user})
 * @param database the database connected to
 * @param backendPid the server process serving the test connection
 */
public record ServerInfo(
        String version, String serverVersion, int versionNumber, String user, String database, int backendPid) {}
