/**
 * Query model, renderer, parser, exporters and project files: no JavaFX. Open for reflection because Jackson reads
 * and writes the project records and the query model.
 */
open module dev.athanor.query {
    requires transitive dev.athanor.model;
    requires transitive org.jooq;
    requires transitive com.fasterxml.jackson.databind;

    exports dev.athanor.query.edit;
    exports dev.athanor.query.export;
    exports dev.athanor.query.model;
    exports dev.athanor.query.parse;
    exports dev.athanor.query.project;
    exports dev.athanor.query.render;
    exports dev.athanor.query.validate;
}
