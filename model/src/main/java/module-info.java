/**
 * Engine, catalog, session, relationship and the strategy lab: no JavaFX. Open for reflection because Jackson reads and writes the
 * connection profiles' records.
 */
open module dev.athanor.model {
    requires transitive java.sql;
    requires transitive org.jooq;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.athanor.model.catalog;
    exports dev.athanor.model.engine;
    exports dev.athanor.model.lab;
    exports dev.athanor.model.relationship;
    exports dev.athanor.model.session;
}
