package dev.athanor.model.session;

import dev.athanor.model.catalog.ForeignKey;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationship.SortKey;
import dev.athanor.model.relationship.RelationshipKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Loads relationships into a session's identity map with the statements SQLAlchemy 2.0 sends for each strategy
 * (shapes in {@code docs/relationships.md}), and changes them through the unit of work. One instance per call:
 * it gathers the call's {@link LoadReport}.
 *
 * <p>A relationship's extra condition is SQL over the target's columns written unqualified. It is read with
 * jOOQ's parser (what does not parse is refused with the relationship's name) and applied where only the target
 * is in scope: inline when the statement reads the target alone, else inside a derived table aliased like the
 * target ({@code (SELECT * FROM resumes WHERE workload = 'parttime') AS resumes_1}), so it needs no qualifying.
 */
final class RelationshipLoader {
    /** Keys per selectin statement, as SQLAlchemy's {@code SelectInLoader._chunksize}. */
    static final int CHUNK = 500;

    private static final DSLContext SQL = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderFormatted(false));

    private final Session session;
    private final long started = System.nanoTime();
    private final List<LoadReport.LoadStatement> sent = new ArrayList<>();
    private final List<NPlusOneWarning> warnings = new ArrayList<>();
    private long rowsReceived;
    private long duplicateParents;
    private Root root;
    private int aliases;

    RelationshipLoader(Session session) {
        this.session = session;
    }

    /** A relationship to load and what to load below it. */
    private record Node(
            Relationship relationship,
            LoaderStrategy strategy,
            Optional<LoadOption.EagerJoin> eagerJoin,
            List<Relationship> path,
            List<Node> children) {}

    /** The parent query: its table, condition, order and range. */
    private record Root(
            TableMapping mapping, Condition where, List<SortKey> orderBy, OptionalLong limit, OptionalLong offset) {}

    // ---------------------------------------------------------------- entry points

    LoadResult load(LoadQuery query) {
        session.checkUsable();
        session.autoflushNow();
        TableMapping mapping = session.mapping(query.table());
        root = new Root(
                mapping,
                query.where()
                        .map(text -> parseCondition(text, "the parent query's condition"))
                        .orElse(DSL.noCondition()),
                query.orderBy(),
                query.limit(),
                query.offset());
        List<Node> nodes = tree(query.options());
        List<Row> parents = loadParents(nodes);
        try {
            loadBelow(nodes, parents);
        } finally {
            session.lastLoadReport(report());
        }
        var result = new LoadResult(parents, report());
        session.fire(SessionEvent.Kind.RELATIONSHIP_LOADED, null, query.table().toSql());
        return result;
    }

    LoadReport loadRelated(Collection<Row> parents, List<LoadOption> options) {
        session.checkUsable();
        session.autoflushNow();
        var rows = new ArrayList<Row>();
        Set<Row> seen = identitySet();
        for (Row row : parents) {
            if (row.key().isPresent() && seen.add(row)) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            session.lastLoadReport(report());
            return report();
        }
        TableMapping mapping = rows.getFirst().mapping();
        for (Row row : rows) {
            if (row.mapping() != mapping) {
                throw new IllegalArgumentException("Rows of one table at a time: " + row.describe());
            }
        }
        var keys = new ArrayList<List<Object>>();
        for (Row row : rows) {
            keys.add(row.key().orElseThrow().values());
        }
        root = new Root(
                mapping,
                keyIn(columnsOf(mapping.name().name(), mapping.primaryKey()), keys),
                List.of(),
                OptionalLong.empty(),
                OptionalLong.empty());
        List<Node> nodes = tree(options);
        try {
            boolean needParentQuery = nodes.stream()
                    .anyMatch(n ->
                            n.strategy() == LoaderStrategy.JOINED || n.strategy() == LoaderStrategy.CONTAINS_EAGER);
            if (needParentQuery) {
                loadParents(nodes);
            }
            loadBelow(nodes, rows);
        } finally {
            session.lastLoadReport(report());
        }
        session.fire(SessionEvent.Kind.RELATIONSHIP_LOADED, null, mapping.name().toSql());
        return report();
    }

    List<Row> related(Row row, Relationship relationship) {
        session.checkUsable();
        requireFrom(row, relationship);
        Optional<List<Row>> loaded = row.relatedRows(relationship);
        if (loaded.isPresent()) {
            session.lastLoadReport(report());
            return loaded.get();
        }
        if (relationship.loading() == LoaderStrategy.RAISE) {
            session.lastLoadReport(report());
            throw new RaiseLoadException(relationship, report());
        }
        if (row.state() != ObjectState.PERSISTENT || row.key().isEmpty()) {
            session.lastLoadReport(report());
            return List.of();
        }
        session.autoflushNow();
        try {
            lazy(relationship, List.of(), List.of(row));
        } finally {
            session.lastLoadReport(report());
        }
        session.fire(SessionEvent.Kind.RELATIONSHIP_LOADED, row, relationship.qualifiedName());
        return row.relatedRows(relationship).orElse(List.of());
    }

    // ---------------------------------------------------------------- the options as a tree

    private static List<Node> tree(List<LoadOption> options) {
        var sorted = new ArrayList<>(options);
        sorted.sort((a, b) -> Integer.compare(a.path().size(), b.path().size()));
        var roots = new ArrayList<Node>();
        for (LoadOption option : sorted) {
            List<Node> level = roots;
            for (int i = 0; i < option.path().size() - 1; i++) {
                Relationship step = option.path().get(i);
                Node found = level.stream()
                        .filter(n -> n.relationship().equals(step))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Load " + step.qualifiedName()
                                + " too, to load " + option.relationship().qualifiedName() + " below it"));
                level = found.children();
            }
            if (option.strategy() == LoaderStrategy.CONTAINS_EAGER
                    && option.relationship().kind() == RelationshipKind.MANY_TO_MANY) {
                throw new IllegalArgumentException("contains_eager fills relationships joined directly, not "
                        + option.relationship().qualifiedName() + " through its association table");
            }
            level.add(new Node(
                    option.relationship(), option.strategy(), option.eagerJoin(), option.path(), new ArrayList<>()));
        }
        return roots;
    }

    private static boolean inParentStatement(Node node) {
        return node.strategy() == LoaderStrategy.JOINED || node.strategy() == LoaderStrategy.CONTAINS_EAGER;
    }

    // ---------------------------------------------------------------- the parent query (with joined and
    // contains_eager)

    /** Sends the parent query, with the joins of joined and contains_eager options; returns the parents once each. */
    private List<Row> loadParents(List<Node> nodes) {
        TableMapping mapping = root.mapping();
        boolean joins = nodes.stream().anyMatch(RelationshipLoader::inParentStatement);
        boolean joined = nodes.stream().anyMatch(n -> n.strategy() == LoaderStrategy.JOINED);
        boolean ranged = root.limit().isPresent() || root.offset().isPresent();
        // With LIMIT/OFFSET the joined rows would count against the range: the parent query goes into a subquery
        // first, as SQLAlchemy does. A condition of the user's is wrapped too, so it needs no qualifying.
        boolean wrap = joins && ((joined && ranged) || !isTrue(root.where()));
        String alias;
        Table<?> from;
        if (wrap) {
            alias = "anon_1";
            from = rootSelect(all(mapping), mapping.name().name()).asTable(alias);
        } else {
            alias = mapping.name().name();
            from = table(mapping.name());
        }
        var shape = new Shape(mapping, alias, from, List.of());
        addJoins(shape, 0, nodes, true);
        var order = new ArrayList<OrderField<?>>();
        for (SortKey key : root.orderBy()) {
            order.add(sort(alias, key));
        }
        order.addAll(shape.order);
        var select = SQL.select(shape.fields).from(shape.from);
        Select<?> query;
        if (wrap) {
            query = select.orderBy(order);
        } else {
            query = ranged(select.where(root.where()).orderBy(order));
        }
        var parents = new ArrayList<Row>();
        Set<Row> seen = identitySet();
        List<Set<Row>> collected = execute(query, shape, mapping.name().toSql(), "parents", (result, rows) -> {
            if (seen.add(rows[0])) {
                parents.add(rows[0]);
            } else {
                duplicateParents++;
            }
        });
        descend(shape, collected);
        return parents;
    }

    private Select<?> ranged(org.jooq.SelectLimitStep<?> select) {
        if (root.limit().isPresent()) {
            var limited = select.limit(DSL.val(root.limit().getAsLong()));
            return root.offset().isPresent()
                    ? limited.offset(DSL.val(root.offset().getAsLong()))
                    : limited;
        }
        return root.offset().isPresent() ? select.offset(DSL.val(root.offset().getAsLong())) : select;
    }

    /** {@code SELECT columns FROM parent WHERE ... ORDER BY ... LIMIT ... OFFSET ...}: the parent query alone. */
    private Select<?> rootSelect(List<String> columns, String alias) {
        var fields = new ArrayList<SelectField<?>>();
        for (String column : columns) {
            fields.add(DSL.field(DSL.name(alias, column)));
        }
        var order = new ArrayList<OrderField<?>>();
        for (SortKey key : root.orderBy()) {
            order.add(sort(alias, key));
        }
        return ranged(SQL.select(fields)
                .from(table(root.mapping().name()))
                .where(root.where())
                .orderBy(order));
    }

    // ---------------------------------------------------------------- statements with their joined rows

    /** One table read by a statement: its columns start at {@code offset}; joined to entity {@code parent}. */
    private record Entity(TableMapping mapping, String alias, int offset, int parent, Node node) {}

    /** The select list and FROM of a statement, the tables it reads and the order its joins add. */
    private static final class Shape {
        final List<Entity> entities = new ArrayList<>();
        final List<SelectField<?>> fields = new ArrayList<>();
        final List<OrderField<?>> order = new ArrayList<>();
        final int leading;
        Table<?> from;

        Shape(TableMapping base, String alias, Table<?> from, List<Field<?>> leading) {
            this.fields.addAll(leading);
            this.leading = leading.size();
            this.from = from;
            add(base, alias, -1, null);
        }

        int add(TableMapping mapping, String alias, int parent, Node node) {
            entities.add(new Entity(mapping, alias, fields.size(), parent, node));
            for (var column : mapping.columns()) {
                fields.add(DSL.field(DSL.name(alias, column.name())));
            }
            return entities.size() - 1;
        }
    }

    /** Adds a LEFT OUTER JOIN per joined option below entity {@code parent} (an inner join for contains_eager). */
    private void addJoins(Shape shape, int parent, List<Node> nodes, boolean atParents) {
        for (Node node : nodes) {
            if (node.strategy() == LoaderStrategy.CONTAINS_EAGER && !atParents) {
                throw new IllegalArgumentException("contains_eager fills a relationship of the parents themselves");
            }
            if (!inParentStatement(node)) {
                continue;
            }
            Relationship relationship = node.relationship();
            TableMapping target = session.mapping(relationship.target());
            String parentAlias = shape.entities.get(parent).alias();
            String alias = target.name().name() + "_" + (++aliases);
            if (node.strategy() == LoaderStrategy.CONTAINS_EAGER) {
                shape.from =
                        shape.from.join(eagerTarget(node, alias, parentAlias)).on(eagerOn(node, alias, parentAlias));
            } else {
                String through = relationship
                        .association()
                        .map(a -> a.table().name() + "_" + aliases)
                        .orElse("");
                shape.from = joinTarget(shape.from, parentAlias, relationship, alias, through, true);
            }
            int index = shape.add(target, alias, parent, node);
            for (SortKey key : relationship.orderBy()) {
                shape.order.add(sort(alias, key));
            }
            addJoins(shape, index, node.children(), false);
        }
    }

    /** The target of a contains_eager join: filtered by the user's condition (and the relationship's). */
    private Table<?> eagerTarget(Node node, String alias, String parentAlias) {
        Relationship relationship = node.relationship();
        LoadOption.EagerJoin join = node.eagerJoin().orElseThrow();
        Condition filter = join.filter()
                .map(f -> parseCondition(f, "the join filter of " + relationship.qualifiedName()))
                .orElse(DSL.noCondition());
        Condition all = DSL.and(condition(relationship), join.firstBy().isEmpty() ? filter : DSL.noCondition());
        if (isTrue(all)) {
            return table(relationship.target()).as(alias);
        }
        return SQL.select(DSL.asterisk())
                .from(table(relationship.target()))
                .where(all)
                .asTable(alias);
    }

    /**
     * The ON of a contains_eager join: the relationship's columns; with {@code firstBy}, the target's key in a
     * correlated subquery that keeps each parent's first row ({@code LIMIT 1}).
     */
    private Condition eagerOn(Node node, String alias, String parentAlias) {
        Relationship relationship = node.relationship();
        LoadOption.EagerJoin join = node.eagerJoin().orElseThrow();
        if (join.firstBy().isEmpty()) {
            return pairs(parentAlias, relationship.parentColumns(), alias, relationship.targetColumns());
        }
        TableMapping target = session.mapping(relationship.target());
        String inner = target.name().name() + "_first";
        Condition filter = join.filter()
                .map(f -> parseCondition(f, "the join filter of " + relationship.qualifiedName()))
                .orElse(DSL.noCondition());
        var order = new ArrayList<OrderField<?>>();
        for (SortKey key : join.firstBy()) {
            order.add(sort(inner, key));
        }
        var first = SQL.select(columnsOf(inner, target.primaryKey()))
                .from(table(relationship.target()).as(inner))
                .where(pairs(parentAlias, relationship.parentColumns(), inner, relationship.targetColumns()))
                .and(condition(relationship))
                .and(filter)
                .orderBy(order)
                .limit(DSL.inline(1));
        List<Field<?>> key = columnsOf(alias, target.primaryKey());
        return key.size() == 1
                ? DSL.condition("{0} in ({1})", key.getFirst(), first)
                : DSL.condition("{0} in ({1})", DSL.row(key), first);
    }

    /**
     * Sends {@code query}, turns each result row into identity-map objects (one per entity, null for an outer
     * join's missing side), fills the joined collections and gives the objects to {@code perRow}.
     *
     * @return the distinct objects read, entity by entity
     */
    private List<Set<Row>> execute(Select<?> query, Shape shape, String purpose, String strategy, RowWork perRow) {
        String sql = Statements.render(query);
        List<Object> binds = Statements.binds(query);
        var collected = new ArrayList<Set<Row>>();
        for (int e = 0; e < shape.entities.size(); e++) {
            collected.add(Collections.newSetFromMap(new LinkedHashMap<>()));
        }
        var reset = new ArrayList<Set<Row>>();
        for (int e = 0; e < shape.entities.size(); e++) {
            reset.add(identitySet());
        }
        long[] count = {0};
        session.run(sql, binds, result -> {
            Row[] rows = new Row[shape.entities.size()];
            while (result.next()) {
                count[0]++;
                for (int e = 0; e < rows.length; e++) {
                    Entity entity = shape.entities.get(e);
                    rows[e] = entity.parent() >= 0 && rows[entity.parent()] == null ? null : read(result, entity);
                    if (rows[e] != null) {
                        collected.get(e).add(rows[e]);
                    }
                    if (entity.parent() >= 0 && rows[entity.parent()] != null) {
                        Row parent = rows[entity.parent()];
                        Relationship relationship = entity.node().relationship();
                        List<Row> list = reset.get(e).add(parent)
                                ? parent.resetRelated(relationship)
                                : parent.relatedList(relationship);
                        if (rows[e] != null && !containsSame(list, rows[e])) {
                            list.add(rows[e]);
                        }
                    }
                }
                perRow.accept(result, rows);
            }
        });
        rowsReceived += count[0];
        sent.add(new LoadReport.LoadStatement(purpose, strategy, sql, binds, count[0]));
        return collected;
    }

    @FunctionalInterface
    private interface RowWork {
        void accept(ResultSet result, Row[] rows) throws SQLException;
    }

    /** The entity's columns of the current result row as an identity-map object; null when its key is NULL. */
    private Row read(ResultSet result, Entity entity) throws SQLException {
        TableMapping mapping = entity.mapping();
        int n = mapping.columns().size();
        Object[] values = new Object[n];
        for (int c = 0; c < n; c++) {
            values[c] = result.getObject(entity.offset() + c + 1);
        }
        for (int k : mapping.keyPositions()) {
            if (values[k] == null) {
                return null;
            }
        }
        return session.materialize(mapping, values, positions(mapping), null, false);
    }

    /** After a statement: the options below each joined entity that need statements of their own. */
    private void descend(Shape shape, List<Set<Row>> collected) {
        for (int e = 1; e < shape.entities.size(); e++) {
            Node node = shape.entities.get(e).node();
            loadBelow(node.children(), new ArrayList<>(collected.get(e)));
        }
    }

    // ---------------------------------------------------------------- strategies with statements of their own

    /** Loads {@code nodes} for {@code parents}, whose own statement is done (joined ones came with it). */
    private void loadBelow(List<Node> nodes, List<Row> parents) {
        for (Node node : nodes) {
            switch (node.strategy()) {
                case JOINED, CONTAINS_EAGER -> {
                    // Filled by the statement that read the parents.
                }
                case SELECTIN -> selectIn(node, parents);
                case SUBQUERY -> subquery(node, parents);
                case LAZY -> lazy(node.relationship(), node.children(), parents);
                case RAISE -> {
                    if (!parents.isEmpty()) {
                        throw new RaiseLoadException(node.relationship(), report());
                    }
                }
            }
        }
    }

    /**
     * {@code SELECT <key>, target.* FROM target WHERE <key> IN (...)}, {@value #CHUNK} parent keys per statement
     * (tuple IN for composite keys); a many-to-many joins the association table and selects its parent columns; a
     * many-to-one reads only the targets not already in the identity map.
     */
    private void selectIn(Node node, List<Row> parents) {
        Relationship relationship = node.relationship();
        Map<List<Object>, List<Row>> byKey = parentsByKey(relationship, parents);
        var keys = new ArrayList<>(byKey.keySet());
        if (targetByKey(relationship)) {
            // SQLAlchemy reads only the targets it does not hold yet.
            var missing = new ArrayList<List<Object>>();
            for (List<Object> key : keys) {
                Row known = session.identity(
                        new RowKey(session.mapping(relationship.target()).target(), inKeyOrder(relationship, key)));
                if (known != null) {
                    for (Row parent : byKey.get(key)) {
                        parent.relatedList(relationship).add(known);
                    }
                } else {
                    missing.add(key);
                }
            }
            keys = missing;
        }
        TableMapping target = session.mapping(relationship.target());
        String alias = target.name().name();
        var children = new ArrayList<Row>();
        Set<Row> childSet = identitySet();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<List<Object>> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            Shape shape = targetShape(relationship, alias, node.children(), true);
            Condition where = targetWhere(relationship, keyIn(targetKeys(relationship, alias), chunk));
            sendTarget(
                    shape,
                    relationship,
                    where,
                    LoaderStrategy.SELECTIN,
                    fillOwners(byKey, shape, relationship),
                    childSet,
                    children);
        }
        loadBelow(node.children(), children);
    }

    /**
     * The parent query repeated as a subquery ({@code anon_1}) selecting the parents' join columns, joined to the
     * target and ordered by them. Below the parents, the subquery follows the path from the parent query.
     */
    private void subquery(Node node, List<Row> parents) {
        Relationship relationship = node.relationship();
        Map<List<Object>, List<Row>> byKey = parentsByKey(relationship, parents);
        if (byKey.isEmpty()) {
            loadBelow(node.children(), List.of());
            return;
        }
        List<Relationship> above = node.path().subList(0, node.path().size() - 1);
        String anon = "anon_1";
        Table<?> keys = pathKeys(above, relationship.parentColumns(), 2).asTable(anon);
        TableMapping target = session.mapping(relationship.target());
        String alias = target.name().name();
        List<Field<?>> leading = columnsOf(anon, relationship.parentColumns());
        Table<?> from = joinTarget(
                keys,
                anon,
                relationship,
                alias,
                relationship.association().map(a -> a.table().name()).orElse(""),
                false);
        var shape = new Shape(target, alias, from, leading);
        addJoins(shape, 0, node.children(), false);
        var query = targetQuery(shape, relationship, leading, DSL.noCondition());
        List<Set<Row>> collected = execute(
                query,
                shape,
                relationship.qualifiedName(),
                LoaderStrategy.SUBQUERY.label(),
                fillOwners(byKey, shape, relationship));
        descend(shape, collected);
        loadBelow(node.children(), new ArrayList<>(collected.getFirst()));
    }

    /**
     * The rows reached from the parent query along {@code path}, as a query of their {@code columns}: the parent
     * query itself for an empty path, else {@code SELECT DISTINCT} over the joins.
     */
    private Select<?> pathKeys(List<Relationship> path, List<String> columns, int depth) {
        if (path.isEmpty()) {
            return rootSelect(columns, root.mapping().name().name());
        }
        Relationship last = path.getLast();
        String anon = "anon_" + depth;
        Table<?> previous = pathKeys(path.subList(0, path.size() - 1), last.parentColumns(), depth + 1)
                .asTable(anon);
        String alias = last.target().name() + "_" + depth;
        Table<?> from = joinTarget(
                previous,
                anon,
                last,
                alias,
                last.association().map(a -> a.table().name() + "_" + depth).orElse(""),
                false);
        return SQL.selectDistinct(columnsOf(alias, columns)).from(from);
    }

    /**
     * One SELECT per parent: {@code SELECT target.* FROM target WHERE ? = target.<key>} (a many-to-many joins the
     * association table); nothing for a many-to-one whose target is already in the identity map. Each SELECT counts
     * towards the N+1 detector.
     */
    private void lazy(Relationship relationship, List<Node> children, List<Row> parents) {
        TableMapping target = session.mapping(relationship.target());
        String alias = target.name().name();
        var loadedChildren = new ArrayList<Row>();
        Set<Row> childSet = identitySet();
        int selects = 0;
        Optional<NPlusOneWarning> warning = Optional.empty();
        for (Row parent : parents) {
            List<Row> list = parent.resetRelated(relationship);
            List<Object> key = parentKey(relationship, parent);
            if (key == null) {
                continue;
            }
            if (targetByKey(relationship)) {
                Row known = session.identity(new RowKey(target.target(), inKeyOrder(relationship, key)));
                if (known != null) {
                    list.add(known);
                    if (childSet.add(known)) {
                        loadedChildren.add(known);
                    }
                    continue;
                }
            }
            Shape shape = targetShape(relationship, alias, children, false);
            Condition where = targetWhere(relationship, bindsEqual(key, targetKeys(relationship, alias)));
            sendTarget(
                    shape,
                    relationship,
                    where,
                    LoaderStrategy.LAZY,
                    (result, rows) -> addOnce(list, rows[0]),
                    childSet,
                    loadedChildren);
            selects++;
            var found = session.nPlusOneDetector().lazyLoaded(relationship);
            if (found.isPresent()) {
                session.warned(found.get());
                warning = found;
            }
        }
        if (warning.isPresent()) {
            warnings.add(
                    new NPlusOneWarning(relationship, selects, warning.get().suggested()));
        }
        loadBelow(children, loadedChildren);
    }

    /**
     * {@code from} joined to the relationship's target under {@code alias} (through the association table under
     * {@code through} for a many-to-many), inner or left outer.
     */
    private static Table<?> joinTarget(
            Table<?> from, String fromAlias, Relationship relationship, String alias, String through, boolean outer) {
        Table<?> target = targetTable(relationship, alias);
        if (relationship.association().isEmpty()) {
            return (outer ? from.leftOuterJoin(target) : from.join(target))
                    .on(pairs(fromAlias, relationship.parentColumns(), alias, relationship.targetColumns()));
        }
        var association = relationship.association().get();
        Table<?> link = through.equals(association.table().name())
                ? table(association.table())
                : table(association.table()).as(through);
        Table<?> linked = (outer ? from.leftOuterJoin(link) : from.join(link))
                .on(pairs(fromAlias, relationship.parentColumns(), through, association.parentColumns()));
        return (outer ? linked.leftOuterJoin(target) : linked.join(target))
                .on(pairs(through, association.targetColumns(), alias, relationship.targetColumns()));
    }

    /** The columns a target row is matched to its parent by: the association's, else the target's own. */
    private static List<Field<?>> targetKeys(Relationship relationship, String alias) {
        return relationship
                .association()
                .map(a -> columnsOf(a.table().name(), a.parentColumns()))
                .orElseGet(() -> columnsOf(alias, relationship.targetColumns()));
    }

    /** A statement reading the target (through the association table), with the joined options below it. */
    private Shape targetShape(Relationship relationship, String alias, List<Node> children, boolean leadingKeys) {
        Table<?> from = relationship.association().isPresent()
                ? targetThroughAssociation(relationship, alias)
                : table(relationship.target());
        var shape = new Shape(
                session.mapping(relationship.target()),
                alias,
                from,
                leadingKeys ? targetKeys(relationship, alias) : List.of());
        addJoins(shape, 0, children, false);
        return shape;
    }

    /** {@code keys}, and the relationship's condition when the statement reads the target alone. */
    private static Condition targetWhere(Relationship relationship, Condition keys) {
        return relationship.association().isPresent() ? keys : DSL.and(keys, condition(relationship));
    }

    /** Sends a statement reading the target; adds the rows read to {@code children} once each. */
    private void sendTarget(
            Shape shape,
            Relationship relationship,
            Condition where,
            LoaderStrategy strategy,
            RowWork perRow,
            Set<Row> seen,
            List<Row> children) {
        List<Set<Row>> collected = execute(
                targetQuery(shape, relationship, List.of(), where),
                shape,
                relationship.qualifiedName(),
                strategy.label(),
                perRow);
        for (Row child : collected.getFirst()) {
            if (seen.add(child)) {
                children.add(child);
            }
        }
        descend(shape, collected);
    }

    /** The target (under {@code alias}) joined to the association table, which keeps its own name. */
    private static Table<?> targetThroughAssociation(Relationship relationship, String alias) {
        var association = relationship.association().orElseThrow();
        return targetTable(relationship, alias)
                .join(table(association.table()))
                .on(pairs(
                        association.table().name(), association.targetColumns(), alias, relationship.targetColumns()));
    }

    /**
     * {@code SELECT <shape> FROM <shape> WHERE where ORDER BY first, <the relationship's order>, <the joins'
     * order>}: a statement reading a relationship's target.
     */
    private static Select<?> targetQuery(
            Shape shape, Relationship relationship, List<? extends OrderField<?>> first, Condition where) {
        var order = new ArrayList<OrderField<?>>(first);
        String alias = shape.entities.getFirst().alias();
        for (SortKey key : relationship.orderBy()) {
            order.add(sort(alias, key));
        }
        order.addAll(shape.order);
        return SQL.select(shape.fields).from(shape.from).where(where).orderBy(order);
    }

    /** Adds each target row to the parents whose key its leading columns hold. */
    private static RowWork fillOwners(Map<List<Object>, List<Row>> byKey, Shape shape, Relationship relationship) {
        return (result, rows) -> {
            List<Row> owners = byKey.get(leadingKey(result, shape.leading));
            if (owners != null) {
                for (Row owner : owners) {
                    addOnce(owner.relatedList(relationship), rows[0]);
                }
            }
        };
    }

    // ---------------------------------------------------------------- changing relationships

    void append(Row parent, Relationship relationship, Row child) {
        session.checkUsable();
        requireFrom(parent, relationship);
        requireTarget(child, relationship);
        if (relationship.association().isPresent()) {
            var association = relationship.association().get();
            TableMapping through = session.mapping(association.table());
            Row link = through.newRow();
            connect(link, association.parentColumns(), parent, relationship.parentColumns());
            connect(link, association.targetColumns(), child, relationship.targetColumns());
            addIfTransient(child);
            session.add(link);
        } else if (holdsForeignKey(relationship)) {
            // Many-to-one: the parent row holds the key.
            connect(parent, relationship.parentColumns(), child, relationship.targetColumns());
            addIfTransient(child);
            addIfTransient(parent);
            if (parent.relatedLoaded(relationship)) {
                parent.resetRelated(relationship);
            }
        } else {
            connect(child, relationship.targetColumns(), parent, relationship.parentColumns());
            addIfTransient(child);
        }
        if (parent.relatedLoaded(relationship)) {
            addOnce(parent.relatedList(relationship), child);
        }
    }

    void remove(Row parent, Relationship relationship, Row child) {
        session.checkUsable();
        requireFrom(parent, relationship);
        requireTarget(child, relationship);
        if (relationship.association().isPresent()) {
            var association = relationship.association().get();
            TableMapping through = session.mapping(association.table());
            Row link = findLink(through, association, parent, relationship, child);
            if (link.state() == ObjectState.PENDING) {
                session.expunge(link);
            } else {
                session.delete(link);
            }
        } else if (holdsForeignKey(relationship)) {
            disconnect(parent, relationship.parentColumns(), relationship.target());
        } else {
            disconnect(child, relationship.targetColumns(), relationship.parent());
        }
        if (parent.relatedLoaded(relationship)) {
            parent.relatedList(relationship).removeIf(r -> r == child);
        }
    }

    /** The association row linking {@code parent} and {@code child}: a new one in the session, else read. */
    private Row findLink(
            TableMapping through,
            Relationship.Association association,
            Row parent,
            Relationship relationship,
            Row child) {
        var wanted = new LinkedHashMap<String, Object>();
        for (int i = 0; i < association.parentColumns().size(); i++) {
            wanted.put(
                    association.parentColumns().get(i),
                    keyValue(parent, relationship.parentColumns().get(i)));
        }
        for (int i = 0; i < association.targetColumns().size(); i++) {
            wanted.put(
                    association.targetColumns().get(i),
                    keyValue(child, relationship.targetColumns().get(i)));
        }
        for (Row pending : session.newRows()) {
            if (pending.mapping() == through && linksTo(pending, parent, child, wanted)) {
                return pending;
            }
        }
        var conditions = new ArrayList<Condition>();
        wanted.forEach(
                (column, value) -> conditions.add(DSL.field(DSL.name(column)).eq(DSL.val(value))));
        List<Row> found = session.select(through, DSL.and(conditions));
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    child.describe() + " is not in " + parent.describe() + "'s " + relationship.name());
        }
        return found.getFirst();
    }

    private static boolean linksTo(Row link, Row parent, Row child, Map<String, Object> wanted) {
        if (link.parents().containsValue(parent) && link.parents().containsValue(child)) {
            return true;
        }
        for (var entry : wanted.entrySet()) {
            Object value = link.get(entry.getKey());
            if (value == null
                    || entry.getValue() == null
                    || !new RowKey(link.mapping().target(), List.of(value))
                            .equals(new RowKey(link.mapping().target(), List.of(entry.getValue())))) {
                return false;
            }
        }
        return true;
    }

    private static Object keyValue(Row row, String column) {
        return row.get(column);
    }

    /**
     * Gives {@code holder}'s {@code columns} the key of {@code referenced} ({@code referencedColumns}): through the
     * foreign key that pairs them, so a pending referenced row's new key arrives at flush; by value otherwise.
     */
    private static void connect(Row holder, List<String> columns, Row referenced, List<String> referencedColumns) {
        Optional<ForeignKey> key = foreignKey(holder.mapping(), columns, referenced.mapping(), referencedColumns);
        if (key.isPresent()) {
            holder.link(key.get(), referenced);
        } else {
            for (int i = 0; i < columns.size(); i++) {
                holder.set(columns.get(i), referenced.get(referencedColumns.get(i)));
            }
        }
    }

    private static void disconnect(Row holder, List<String> columns, QualifiedName referencedTable) {
        for (ForeignKey key : holder.mapping().foreignKeys()) {
            if (key.columns().equals(columns) && key.referencedTable().equals(referencedTable)) {
                holder.link(key, null);
            }
        }
        for (String column : columns) {
            holder.set(column, null);
        }
    }

    private static Optional<ForeignKey> foreignKey(
            TableMapping holder, List<String> columns, TableMapping referenced, List<String> referencedColumns) {
        for (ForeignKey key : holder.foreignKeys()) {
            if (key.columns().equals(columns)
                    && key.referencedColumns().equals(referencedColumns)
                    && (key.referencedTable().equals(referenced.target())
                            || key.referencedTable().equals(referenced.name()))) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private void addIfTransient(Row row) {
        if (row.state() == ObjectState.TRANSIENT) {
            session.add(row);
        }
    }

    private static void requireFrom(Row row, Relationship relationship) {
        if (!row.mapping().name().equals(relationship.parent())
                && !row.mapping().target().equals(relationship.parent())) {
            throw new IllegalArgumentException(relationship.qualifiedName() + " is not a relationship of "
                    + row.mapping().name());
        }
    }

    private static void requireTarget(Row row, Relationship relationship) {
        if (!row.mapping().name().equals(relationship.target())
                && !row.mapping().target().equals(relationship.target())) {
            throw new IllegalArgumentException(relationship.qualifiedName() + " leads to " + relationship.target()
                    + ", not to " + row.mapping().name());
        }
    }

    // ---------------------------------------------------------------- keys and SQL pieces

    /**
     * Whether the parent row holds the key that points at the target's primary key (a many-to-one, or the
     * owning side of a one-to-one): the target can then be found in the identity map by key.
     */
    private boolean targetByKey(Relationship relationship) {
        if (relationship.association().isPresent() || relationship.condition().isPresent()) {
            return false;
        }
        List<String> key = session.mapping(relationship.target()).primaryKey();
        return !key.isEmpty()
                && new HashSet<>(key).equals(new HashSet<>(relationship.targetColumns()))
                && key.size() == relationship.targetColumns().size();
    }

    private boolean holdsForeignKey(Relationship relationship) {
        return relationship.kind() == RelationshipKind.MANY_TO_ONE
                || (relationship.kind() == RelationshipKind.ONE_TO_ONE
                        && targetByKey(relationship)
                        && !new HashSet<>(session.mapping(relationship.parent()).primaryKey())
                                .equals(new HashSet<>(relationship.parentColumns())));
    }

    /** The target key values of {@code key} (in the relationship's column order) in the target's key order. */
    private List<Object> inKeyOrder(Relationship relationship, List<Object> key) {
        List<String> primaryKey = session.mapping(relationship.target()).primaryKey();
        var values = new ArrayList<Object>();
        for (String column : primaryKey) {
            values.add(key.get(relationship.targetColumns().indexOf(column)));
        }
        return values;
    }

    /** The parents grouped by the values of the relationship's parent columns; parents with a NULL are left out. */
    private static Map<List<Object>, List<Row>> parentsByKey(Relationship relationship, List<Row> parents) {
        var byKey = new LinkedHashMap<List<Object>, List<Row>>();
        for (Row parent : parents) {
            parent.resetRelated(relationship);
            List<Object> key = parentKey(relationship, parent);
            if (key != null) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(parent);
            }
        }
        return byKey;
    }

    /** The normalized values of the relationship's parent columns in {@code parent}; null when one is NULL. */
    private static List<Object> parentKey(Relationship relationship, Row parent) {
        var values = new ArrayList<Object>();
        for (String column : relationship.parentColumns()) {
            Object value = parent.get(column);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return normalized(values);
    }

    private static List<Object> normalized(List<Object> values) {
        return new RowKey(new QualifiedName("", ""), values).values();
    }

    private static List<Object> leadingKey(ResultSet result, int columns) throws SQLException {
        var values = new ArrayList<Object>(columns);
        for (int c = 1; c <= columns; c++) {
            Object value = result.getObject(c);
            if (value == null) {
                return List.of();
            }
            values.add(value);
        }
        return normalized(values);
    }

    private static Condition keyIn(List<Field<?>> fields, List<List<Object>> keys) {
        if (fields.size() == 1) {
            var values = new ArrayList<Object>(keys.size());
            for (List<Object> key : keys) {
                values.add(key.getFirst());
            }
            @SuppressWarnings("unchecked")
            Field<Object> field = (Field<Object>) fields.getFirst();
            return field.in(values.stream().map(DSL::val).toList());
        }
        var rows = new ArrayList<org.jooq.RowN>();
        for (List<Object> key : keys) {
            rows.add(DSL.row(key.stream().map(DSL::val).toList()));
        }
        return DSL.row(fields).in(rows);
    }

    /** {@code ? = field} for each key value: the lazy load's WHERE, written as SQLAlchemy writes it. */
    private static Condition bindsEqual(List<Object> key, List<Field<?>> fields) {
        var conditions = new ArrayList<Condition>();
        for (int i = 0; i < key.size(); i++) {
            @SuppressWarnings("unchecked")
            Field<Object> field = (Field<Object>) fields.get(i);
            conditions.add(DSL.val(key.get(i)).eq(field));
        }
        return DSL.and(conditions);
    }

    private static Condition pairs(String left, List<String> leftColumns, String right, List<String> rightColumns) {
        var conditions = new ArrayList<Condition>();
        for (int i = 0; i < leftColumns.size(); i++) {
            conditions.add(
                    DSL.field(DSL.name(left, leftColumns.get(i))).eq(DSL.field(DSL.name(right, rightColumns.get(i)))));
        }
        return DSL.and(conditions);
    }

    private static List<Field<?>> columnsOf(String alias, List<String> columns) {
        var fields = new ArrayList<Field<?>>();
        for (String column : columns) {
            fields.add(DSL.field(DSL.name(alias, column)));
        }
        return fields;
    }

    private static OrderField<?> sort(String alias, SortKey key) {
        Field<Object> field = DSL.field(DSL.name(alias, key.column()));
        return key.descending() ? field.desc() : field.asc();
    }

    private static Table<?> table(QualifiedName name) {
        return Statements.table(name);
    }

    /** The target under {@code alias}, inside a derived table that applies the relationship's condition. */
    private static Table<?> targetTable(Relationship relationship, String alias) {
        Condition condition = condition(relationship);
        if (isTrue(condition)) {
            return alias.equals(relationship.target().name())
                    ? table(relationship.target())
                    : table(relationship.target()).as(alias);
        }
        return SQL.select(DSL.asterisk())
                .from(table(relationship.target()))
                .where(condition)
                .asTable(alias);
    }

    private static Condition condition(Relationship relationship) {
        return relationship
                .condition()
                .map(text -> parseCondition(text, "the condition of " + relationship.qualifiedName()))
                .orElse(DSL.noCondition());
    }

    /** Reads a condition written by a person with jOOQ's parser; refuses what is not one condition. */
    static Condition parseCondition(String text, String what) {
        try {
            return SQL.parser().parseCondition(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    what + " is not a condition jOOQ can read (" + text + "): " + e.getMessage(), e);
        }
    }

    private static boolean isTrue(Condition condition) {
        return condition.equals(DSL.noCondition());
    }

    private static final Map<TableMapping, int[]> POSITIONS = Collections.synchronizedMap(new IdentityHashMap<>());

    private static int[] positions(TableMapping mapping) {
        return POSITIONS.computeIfAbsent(mapping, m -> {
            int[] all = new int[m.columns().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        });
    }

    private static List<String> all(TableMapping mapping) {
        return mapping.columns().stream().map(c -> c.name()).toList();
    }

    private static Set<Row> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static boolean containsSame(List<Row> rows, Row row) {
        for (Row r : rows) {
            if (r == row) {
                return true;
            }
        }
        return false;
    }

    private static void addOnce(List<Row> rows, Row row) {
        if (!containsSame(rows, row)) {
            rows.add(row);
        }
    }

    private LoadReport report() {
        return new LoadReport(
                sent, rowsReceived, duplicateParents, Duration.ofNanos(System.nanoTime() - started), warnings);
    }
}
