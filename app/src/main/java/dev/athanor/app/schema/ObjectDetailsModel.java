package dev.athanor.app.schema;

import dev.athanor.app.problem.Problem;
import dev.athanor.app.task.Background;
import dev.athanor.app.task.Slot;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The details of the selected object. Columns, keys and indexes come from the loaded snapshot at once; the
 * DDL is asked of the server off the UI thread, and an answer for an object no longer selected is dropped.
 */
public final class ObjectDetailsModel {
    private final SchemaService service;
    private final ReadOnlyObjectWrapper<ObjectDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyStringWrapper ddl = new ReadOnlyStringWrapper(this, "ddl", "");
    private final ReadOnlyObjectWrapper<Problem> ddlProblem = new ReadOnlyObjectWrapper<>(this, "ddlProblem");
    private final ReadOnlyStringWrapper tableDataSql = new ReadOnlyStringWrapper(this, "tableDataSql", "");
    /** The DDL being read: a newer selection supersedes it. */
    private final Slot ddlReading;

    public ObjectDetailsModel(Background background, SchemaService service) {
        this.ddlReading = background.slot();
        this.service = service;
    }

    /**
     * Shows {@code node} (a column shows its table) from {@code snapshot}; other nodes (schemas, folders)
     * leave the current details in place.
     */
    public void show(SchemaNode node, SchemaSnapshot snapshot) {
        SchemaNode.DbObject object =
                switch (node) {
                    case SchemaNode.DbObject o -> o;
                    case SchemaNode.Column column -> column.owner();
                    case null, default -> null;
                };
        if (object == null || snapshot == null) {
            return;
        }
        ObjectDetails current = details.get();
        if (current != null && current.object().equals(object)) {
            return;
        }
        details.set(snapshot.details(object));
        tableDataSql.set(object.kind().hasColumns() ? selectAllSql(object) : "");
        loadDdl(object);
    }

    /** Shows {@code node} again from a newer snapshot (after a refresh), reloading its DDL. */
    public void reload(SchemaNode node, SchemaSnapshot snapshot) {
        details.set(null);
        show(node, snapshot);
    }

    /** Forgets the shown object (after a reconnect). */
    public void clear() {
        ddlReading.cancel();
        details.set(null);
        ddl.set("");
        ddlProblem.set(null);
        tableDataSql.set("");
    }

    private void loadDdl(SchemaNode.DbObject object) {
        ddl.set("-- loading…");
        ddlProblem.set(null);
        ddlReading.submit("Reading the DDL of " + object.name(), () -> service.ddl(object), ddl::set, failure -> {
            ddl.set("");
            ddlProblem.set(Problem.describe("Could not read the DDL", failure));
        });
    }

    /** {@code SELECT * FROM "schema"."name"}, identifiers quoted by jOOQ. */
    static String selectAllSql(SchemaNode.DbObject object) {
        return DSL.using(SQLDialect.POSTGRES)
                .renderNamedOrInlinedParams(DSL.selectFrom(DSL.table(DSL.quotedName(object.schema(), object.name()))));
    }

    /** What the tabs show, or null when nothing is selected. */
    public ReadOnlyObjectProperty<ObjectDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The DDL text of the shown object ("-- loading…" while it is read). */
    public ReadOnlyStringProperty ddlProperty() {
        return ddl.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> ddlProblemProperty() {
        return ddlProblem.getReadOnlyProperty();
    }

    /** The query behind the Data tab, or empty for objects without rows. */
    public ReadOnlyStringProperty tableDataSqlProperty() {
        return tableDataSql.getReadOnlyProperty();
    }
}
