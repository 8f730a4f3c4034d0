package dev.athanor.app.builder;

import dev.athanor.app.problem.Problem;
import dev.athanor.app.results.CellText;
import dev.athanor.app.results.ConnectionSource;
import dev.athanor.app.results.ResultsModel;
import dev.athanor.app.task.Background;
import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.query.edit.FromClause;
import dev.athanor.query.edit.SelectEdits;
import dev.athanor.query.export.JooqJavaExporter;
import dev.athanor.query.export.SqlAlchemyExporter;
import dev.athanor.query.model.CommonTableExpression;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Grouping;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SelectItem;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.TableAliases;
import dev.athanor.query.model.TableSource;
import dev.athanor.query.parse.SqlImporter;
import dev.athanor.query.project.ParameterType;
import dev.athanor.query.render.RenderedSql;
import dev.athanor.query.validate.CatalogSchemaLookup;
import dev.athanor.query.validate.QueryValidator;
import dev.athanor.query.validate.ValidationProblem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * View model of the visual query builder.
 *
 * <p>The statement being built is one immutable {@link Query}; every command computes a changed copy and swaps
 * it in, which is what undo and redo step through. The canvas and the clause panels edit one SELECT of the
 * statement at a time, the {@link #scopeProperty() scope}: the statement itself, one of its CTEs, a subquery in
 * FROM or an operand of a set operation. Everything the views show (boxes, join lines, SQL) is derived from the
 * statement, so undo needs no bookkeeping of its own.
 *
 * <p>This class coordinates; the work is done by parts of its own: the edits are pure functions of the query model
 * ({@link SelectEdits}, {@link FromClause} in {@code query-builder}), where the boxes sit is {@link BoxPlaces}, the
 * SQL text is {@link SqlPreview}, what is wrong with the statement is {@link QueryValidator}, and the rows of a
 * run stream through the {@link ResultsModel}.
 *
 * <p>All methods are called on the UI thread; the catalog load and query runs go through the {@link Background}.
 */
public final class QueryBuilderModel implements AutoCloseable {
    private final Background background;
    private final ConnectionSource connections;
    private final ResultsModel results;
    private final SqlPreview preview = new SqlPreview();
    private final SqlImporter importer = new SqlImporter();

    private final EditHistory<Query> history = new EditHistory<>(Query.select());
    private final ObjectProperty<QueryScope> scope = new SimpleObjectProperty<>(QueryScope.root());
    private final ReadOnlyObjectWrapper<Catalog> catalog = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Query> scopeQuery = new ReadOnlyObjectWrapper<>(Query.select());
    private final ObservableList<CanvasTable> tables = FXCollections.observableArrayList();
    private final ObservableList<CanvasTable> tablesView = FXCollections.unmodifiableObservableList(tables);
    private final ObservableList<CanvasJoin> lines = FXCollections.observableArrayList();
    private final ObservableList<CanvasJoin> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ObservableList<JoinSuggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<JoinSuggestion> suggestionsView =
            FXCollections.unmodifiableObservableList(suggestions);
    private final BoxPlaces places = new BoxPlaces();
    private final ObservableMap<String, String> parameterValues = FXCollections.observableMap(new LinkedHashMap<>());
    private final BooleanProperty literalValues = new SimpleBooleanProperty(true);
    private final ObjectProperty<TableSource.Join.Type> autoJoin = new SimpleObjectProperty<>();
    private final ObservableList<ValidationProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<ValidationProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyObjectWrapper<ResultTable> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper runFailure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Query savedStatement = Query.select();

    /**
     * @param background runs the catalog load and the queries off the UI thread
     * @param connections opens a connection on a worker thread; the builder closes it after use
     */
    public QueryBuilderModel(Background background, ConnectionSource connections) {
        this.background = background;
        this.connections = connections;
        this.results = new ResultsModel(background, connections);
        history.currentProperty().addListener((obs, old, statement) -> refresh());
        scope.addListener((obs, old, now) -> {
            places.switchScope(old, now);
            suggestions.clear();
            refresh();
        });
        literalValues.addListener((obs, old, now) -> renderSql());
        parameterValues.addListener((javafx.collections.MapChangeListener<String, String>) change -> renderSql());
        refresh();
    }

    // ---------------------------------------------------------------- state

    /** The whole statement being built. */
    public ReadOnlyObjectProperty<Query> statementProperty() {
        return history.currentProperty();
    }

    public Query statement() {
        return history.current();
    }

    /** Which query of the statement the canvas and the panels edit. */
    public ObjectProperty<QueryScope> scopeProperty() {
        return scope;
    }

    /** The query at the current scope. */
    public ReadOnlyObjectProperty<Query> scopeQueryProperty() {
        return scopeQuery.getReadOnlyProperty();
    }

    /** The SELECT at the current scope, or an empty one when the scope holds a set operation or raw SQL. */
    public Query.Select select() {
        return scopeQuery.get() instanceof Query.Select select ? select : Query.select();
    }

    public ReadOnlyObjectProperty<Catalog> catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    /** The boxes on the canvas. */
    public ObservableList<CanvasTable> tables() {
        return tablesView;
    }

    /** The join lines on the canvas. */
    public ObservableList<CanvasJoin> lines() {
        return linesView;
    }

    /** Joins the foreign keys suggest for the table added last. */
    public ObservableList<JoinSuggestion> suggestions() {
        return suggestionsView;
    }

    /** Where each box of the current canvas sits, by alias. */
    public ObservableMap<String, BoxPosition> positions() {
        return places.current();
    }

    /** Values for the statement's {@code :name} parameters, as typed (numbers are bound as numbers). */
    public ObservableMap<String, String> parameterValues() {
        return parameterValues;
    }

    /**
     * The join type to create at once when a newly added table has exactly one foreign-key join to the tables
     * already there, or {@code null} to only suggest it.
     */
    public ObjectProperty<TableSource.Join.Type> autoJoinProperty() {
        return autoJoin;
    }

    /** Whether the preview shows values inlined (true) or as bind placeholders with the values listed. */
    public BooleanProperty literalValuesProperty() {
        return literalValues;
    }

    /** What the validator finds wrong with the statement against the catalog, each located at its element. */
    public ObservableList<ValidationProblem> problems() {
        return problemsView;
    }

    /**
     * The problems at {@code path} of the current scope's SELECT ({@code items[2]}, {@code where.operands[0]},
     * {@code groupBy[1]}...) or inside it.
     */
    public List<ValidationProblem> problemsAt(String path) {
        String full = scope.get().modelPath(statement()) + path;
        return problems.stream()
                .filter(p -> p.path().equals(full)
                        || p.path().startsWith(full + ".")
                        || p.path().startsWith(full + "["))
                .toList();
    }

    /** The SQL preview of the whole statement. */
    public ReadOnlyStringProperty sqlProperty() {
        return preview.sqlProperty();
    }

    /** Why the statement cannot be shown as SQL yet, or empty. */
    public ReadOnlyStringProperty sqlProblemProperty() {
        return preview.problemProperty();
    }

    /** The first page of rows of the last run: what the chart shows. */
    public ReadOnlyObjectProperty<ResultTable> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last run failed, or empty. */
    public ReadOnlyStringProperty runFailureProperty() {
        return runFailure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** A short note on the last command (what it did, or why it could not). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    /**
     * Where every box of every scope sits, keyed as a project file stores it: the alias, prefixed by the path of
     * nested queries for boxes inside CTEs or subqueries ({@code helper2/helper1/r}).
     */
    public Map<String, BoxPosition> layout() {
        return places.all(scope.get());
    }

    /**
     * What may be typed where an expression goes: the columns of the boxes on the canvas ({@code r.title}),
     * {@code count(*)}, and aggregates of them ({@code sum} and {@code avg} of numbers, {@code min} and {@code max}
     * of any column).
     */
    public List<String> expressionChoices() {
        var columns = new java.util.ArrayList<String>();
        var aggregates = new java.util.ArrayList<String>();
        aggregates.add("count(*)");
        for (var table : tables) {
            for (var column : table.columns()) {
                String name = ExpressionText.format(Expression.column(table.alias(), column.name()));
                columns.add(name);
                if (NUMERIC.matcher(column.type()).lookingAt()) {
                    aggregates.add("sum(" + name + ")");
                    aggregates.add("avg(" + name + ")");
                }
                aggregates.add("min(" + name + ")");
                aggregates.add("max(" + name + ")");
            }
        }
        columns.addAll(aggregates);
        return List.copyOf(columns);
    }

    private static final java.util.regex.Pattern NUMERIC =
            java.util.regex.Pattern.compile("(smallint|integer|bigint|numeric|decimal|real|double precision|money)");

    /** The tables and views of the catalog as {@code schema.name}, for adding a box by name. */
    public List<String> tableChoices() {
        var loaded = catalog.get();
        if (loaded == null) {
            return List.of();
        }
        return loaded.relations().stream()
                .filter(r -> r.kind().isTable() || r.kind().name().contains("VIEW"))
                .map(r -> r.schema() + "." + r.name())
                .sorted()
                .toList();
    }

    // ---------------------------------------------------------------- commands: statement

    /**
     * Starts a new query: no tables, filters, groups, order or parameter values. One edit, so undo brings the
     * previous query back whole.
     */
    public void newQuery() {
        scope.set(QueryScope.root());
        // What is not part of the query (values, layout) is kept aside for the undo of this step.
        cleared = new Cleared(statement(), Map.copyOf(parameterValues), layout());
        places.clear();
        suggestions.clear();
        parameterValues.clear();
        if (!statement().equals(Query.select())) {
            history.push(Query.select());
        }
        message.set("New query");
    }

    /** The query a New query replaced, with its parameter values and box places. */
    private record Cleared(Query statement, Map<String, String> values, Map<String, BoxPosition> layout) {}

    private Cleared cleared;

    /** Whether the query differs from the one last saved or opened (a new query would lose the changes). */
    public boolean hasUnsavedChanges() {
        return !statement().equals(savedStatement);
    }

    /** Records {@code saved} as the statement last saved (its project file now holds it). */
    public void markSaved(Query saved) {
        savedStatement = saved;
    }

    /** Loads the catalog the boxes take their columns and the joins their suggestions from. */
    public void loadCatalog() {
        background.submit(
                "Loading the catalog for the query builder",
                () -> {
                    try (var connection = connections.open()) {
                        return CatalogLoader.load(connection);
                    }
                },
                loaded -> {
                    catalog.set(loaded);
                    refresh();
                },
                failure -> message.set("The catalog could not be loaded: " + describe(failure)));
    }

    /** Uses {@code loaded} as the catalog (already loaded elsewhere, e.g. by the schema tree). */
    public void useCatalog(Catalog loaded) {
        catalog.set(loaded);
        refresh();
    }

    /** Starts over with {@code statement} (an opened or imported query); undo history is forgotten. */
    public void open(Query statement, Map<String, BoxPosition> layout) {
        scope.set(QueryScope.root());
        places.restore(layout);
        suggestions.clear();
        savedStatement = statement;
        history.reset(statement);
        refresh();
    }

    /** The statement as SQLAlchemy 2.0 Core code. */
    public String sqlAlchemyCode() {
        try {
            return new SqlAlchemyExporter().export(statement());
        } catch (RuntimeException e) {
            return "# The query cannot be exported yet: " + describe(e);
        }
    }

    /** The statement as jOOQ Java code. */
    public String jooqCode() {
        try {
            return new JooqJavaExporter().export(statement());
        } catch (RuntimeException e) {
            return "// The query cannot be exported yet: " + describe(e);
        }
    }

    /** Shows {@code text} as the note on the last command (used by the project and console commands). */
    public void note(String text) {
        message.set(text);
    }

    public void undo() {
        if (history.undo()) {
            if (cleared != null && statement() == cleared.statement() && parameterValues.isEmpty()) {
                parameterValues.putAll(cleared.values());
                places.restore(cleared.layout());
            }
            message.set("Undone");
        }
    }

    public void redo() {
        if (history.redo()) {
            message.set("Redone");
        }
    }

    // ---------------------------------------------------------------- commands: canvas

    /**
     * Adds a table (or view) as a new box at ({@code x}, {@code y}) and offers the joins its foreign keys suggest.
     * A table already on the canvas gets another alias, as a self-join needs.
     *
     * @return the new box's alias
     */
    public String addTable(String schema, String name, double x, double y) {
        return addTable(schema, name, new BoxPosition(x, y));
    }

    /**
     * Adds the table called {@code typed} ({@code schema.table} or {@code table}) in the first free place. An
     * unqualified name is looked for in {@code public}, then in the one schema that has it; a name typed in another
     * case than the catalog's finds the table when only one matches.
     *
     * @return the new box's alias
     */
    public String addTableNamed(String typed) {
        String text = typed.strip();
        var known = tableChoices();
        String found = text.contains(".") ? text : "public." + text;
        if (!known.contains(found)) {
            var matches = known.stream()
                    .filter(choice -> choice.equalsIgnoreCase(text)
                            || choice.equalsIgnoreCase("public." + text)
                            || !text.contains(".")
                                    && choice.toLowerCase(java.util.Locale.ROOT)
                                            .endsWith("." + text.toLowerCase(java.util.Locale.ROOT)))
                    .toList();
            if (matches.size() == 1) {
                found = matches.getFirst();
            }
        }
        int dot = found.indexOf('.');
        return addTable(found.substring(0, dot), found.substring(dot + 1));
    }

    /** Adds a table in the first free place on the canvas, clear of the boxes and join lines there. */
    public String addTable(String schema, String name) {
        return addTable(schema, name, null);
    }

    private String addTable(String schema, String name, BoxPosition at) {
        var select = select();
        String alias = TableAliases.propose(name, aliases(select));
        String schemaOrNull = "public".equals(schema) ? null : schema;
        var changed = FromClause.add(select, TableSource.table(schemaOrNull, name, alias));
        if (at == null) {
            places.remove(alias); // a place left by an undone box of that alias is not this box's
        } else {
            places.put(alias, at.x(), at.y());
        }
        edit(changed);
        suggestions.setAll(canvasState().suggestions(changed, alias));
        message.set(
                suggestions.isEmpty() ? "Added " + name + " as " + alias : suggestions.size() + " join(s) suggested");
        if (autoJoin.get() != null && suggestions.size() == 1) {
            var only = suggestions.getFirst();
            accept(only, autoJoin.get());
            message.set("Joined " + alias + " " + autoJoin.get() + " on " + only.condition());
        }
        return alias;
    }

    /** Adds a reference to CTE {@code name} (of this query or an enclosing one) as a box. */
    public String addCteReference(String name) {
        var select = select();
        String alias = TableAliases.propose(name, aliases(select));
        alias = alias.equals(name.substring(0, 1)) ? name : alias;
        if (aliases(select).contains(alias)) {
            alias = TableAliases.propose(name, aliases(select));
        }
        places.remove(alias);
        edit(FromClause.add(select, new TableSource.CteReference(name, alias.equals(name) ? null : alias)));
        return alias;
    }

    /** Adds an empty subquery in FROM called {@code alias}; {@link #enterSubquery} edits it. */
    public void addSubquery(String alias) {
        requireNewAlias(alias);
        places.remove(alias);
        edit(FromClause.add(select(), new TableSource.Derived(Query.select(), alias, false)));
    }

    /** Removes box {@code alias}, the joins it took part in and the plain columns it contributed. */
    public void removeTable(String alias) {
        var select = SelectEdits.removeTable(select(), alias);
        places.remove(alias);
        suggestions.removeIf(s -> s.fromAlias().equals(alias) || s.toAlias().equals(alias));
        edit(select);
    }

    /** Gives box {@code from} the alias {@code to}, rewriting every reference to it in this SELECT. */
    public void renameAlias(String from, String to) {
        String alias = to == null ? "" : to.strip();
        if (alias.isEmpty() || alias.equals(from)) {
            return;
        }
        if (aliases(select()).contains(alias)) {
            message.set("The alias " + alias + " is taken");
            return;
        }
        var select = SelectEdits.renameTable(select(), from, alias);
        places.rename(from, alias);
        edit(select);
    }

    /** Records the size box {@code alias} is drawn at; boxes placed later keep clear of it. */
    public void boxSized(String alias, double width, double height) {
        places.sized(alias, width, height);
    }

    /** Moves box {@code alias} on the canvas (not an edit of the query: layout only). */
    public void moveTable(String alias, double x, double y) {
        places.put(alias, x, y);
    }

    /** Shows or hides a plain column of a box in the select list (the box's checkbox). */
    public void setColumnSelected(String alias, String column, boolean selected) {
        edit(SelectEdits.showColumn(select(), alias, column, selected));
    }

    /** Joins {@code leftAlias.leftColumn = rightAlias.rightColumn} (dragging one column onto another). */
    public void join(
            String leftAlias, String leftColumn, String rightAlias, String rightColumn, TableSource.Join.Type type) {
        if (leftAlias.equals(rightAlias)) {
            message.set("A box cannot be joined to itself; add the table again for a self-join");
            return;
        }
        var on = Predicate.equal(Expression.column(leftAlias, leftColumn), Expression.column(rightAlias, rightColumn));
        edit(FromClause.join(select(), leftAlias, rightAlias, type, type == TableSource.Join.Type.CROSS ? null : on));
    }

    /** Creates the join a foreign key suggests, all its column pairs at once. */
    public void accept(JoinSuggestion suggestion, TableSource.Join.Type type) {
        edit(SelectEdits.joinOnColumns(
                select(),
                suggestion.fromAlias(),
                suggestion.fromColumns(),
                suggestion.toAlias(),
                suggestion.toColumns(),
                type));
        suggestions.remove(suggestion);
    }

    public void dismiss(JoinSuggestion suggestion) {
        suggestions.remove(suggestion);
    }

    /** The joins of the current SELECT, in SQL order. */
    public List<TableSource.Join> joins() {
        return FromClause.joins(select());
    }

    public void setJoinType(int join, TableSource.Join.Type type) {
        edit(SelectEdits.setJoinType(select(), join, type));
    }

    /** Replaces the condition of join {@code join} by the typed {@code condition}. */
    public void setJoinCondition(int join, String condition) {
        edit(SelectEdits.setJoinCondition(select(), join, ExpressionText.parsePredicate(condition)));
    }

    public void removeJoin(int join) {
        edit(FromClause.unjoin(select(), join));
    }

    // ---------------------------------------------------------------- commands: clauses

    /** Adds {@code expression [AS label]} to the select list (typed text, e.g. {@code avg(r.compensation)::int}). */
    public void addColumn(String expression, String label) {
        edit(SelectEdits.addItem(select(), item(expression, label)));
    }

    /** Replaces select-list item {@code index} by the typed expression and label. */
    public void setColumn(int index, String expression, String label) {
        edit(SelectEdits.setItem(select(), index, item(expression, label)));
    }

    public void removeColumn(int index) {
        edit(SelectEdits.removeItem(select(), index));
    }

    public void moveColumn(int index, int delta) {
        var moved = SelectEdits.moveItem(select(), index, delta);
        if (moved != select()) {
            edit(moved);
        }
    }

    /**
     * Adds a window function column, {@code function(argument) OVER (PARTITION BY .. ORDER BY .. frame)}.
     *
     * @param function e.g. {@code avg}, {@code row_number}, {@code rank}, {@code lag}
     * @param argument the typed argument, or blank for none
     * @param partitionBy typed comma-separated expressions, or blank
     * @param orderBy typed comma-separated sort keys ({@code x DESC}), or blank
     * @param frame a frame such as {@code ROWS BETWEEN 2 PRECEDING AND CURRENT ROW}, or blank for the default
     * @param cast a type to cast the result to, or blank
     * @param label the column label, or blank
     */
    public void addWindowColumn(
            String function,
            String argument,
            String partitionBy,
            String orderBy,
            String frame,
            String cast,
            String label) {
        var window = WindowText.window(partitionBy, orderBy, frame);
        var call = WindowText.call(function, argument);
        Expression expression = new Expression.WindowFunction(call, window);
        if (cast != null && !cast.isBlank()) {
            expression = new Expression.Cast(expression, cast.strip());
        }
        edit(SelectEdits.addItem(select(), SelectItem.of(expression, blankToNull(label))));
    }

    /** {@code SELECT *} (or {@code alias.*}) as a select-list item. */
    public void addAllColumns(String alias) {
        edit(SelectEdits.addItem(
                select(), alias == null || alias.isBlank() ? SelectItem.all() : SelectItem.allOf(alias.strip())));
    }

    public void setWhere(Predicate where) {
        edit(select().withWhere(where));
    }

    public void setHaving(Predicate having) {
        edit(select().withHaving(having));
    }

    /** GROUP BY the typed expressions, in order. */
    public void setGroupBy(List<String> expressions) {
        edit(select().withGroupBy(expressions.stream()
                .filter(text -> !text.isBlank())
                .map(text -> (Grouping) new Grouping.By(ExpressionText.parse(text)))
                .toList()));
    }

    /** Adds a GROUP BY expression. */
    public void addGroupBy(String expression) {
        edit(SelectEdits.addGroupBy(select(), ExpressionText.parse(expression)));
    }

    public void removeGroupBy(int index) {
        edit(SelectEdits.removeGroupBy(select(), index));
    }

    /** Adds an ORDER BY key. */
    public void addOrderBy(String expression, SortItem.Direction direction) {
        edit(SelectEdits.addOrderBy(
                select(), new SortItem(ExpressionText.parse(expression), direction, SortItem.Nulls.DEFAULT)));
    }

    public void removeOrderBy(int index) {
        edit(SelectEdits.removeOrderBy(select(), index));
    }

    public void setDistinct(boolean distinct) {
        edit(select().withDistinct(distinct));
    }

    /** LIMIT as typed (a number or a {@code :parameter}); blank for none. */
    public void setLimit(String limit) {
        edit(select().withLimit(limit == null || limit.isBlank() ? null : ExpressionText.parse(limit)));
    }

    public void setOffset(String offset) {
        edit(select().withOffset(offset == null || offset.isBlank() ? null : ExpressionText.parse(offset)));
    }

    // ---------------------------------------------------------------- commands: nested queries

    /** Adds an empty CTE {@code name} to the current SELECT's WITH and switches the canvas to it. */
    public void addCte(String name) {
        String cteName = name.strip();
        if (ctesVisible().containsKey(cteName)) {
            message.set("A CTE called " + cteName + " exists");
            return;
        }
        edit(SelectEdits.addCte(select(), cteName));
        scope.set(scope.get().then(new QueryScope.Step.Cte(cteName)));
    }

    public void removeCte(String name) {
        edit(SelectEdits.removeCte(select(), name));
    }

    /** Marks CTE {@code name} as recursive (WITH RECURSIVE): its query may read itself through a UNION. */
    public void setCteRecursive(String name, boolean recursive) {
        edit(SelectEdits.setCteRecursive(select(), name, recursive));
    }

    /** Whether CTE {@code name} of the current SELECT is recursive. */
    public boolean cteRecursive(String name) {
        return select().with().stream().anyMatch(c -> c.name().equals(name) && c.recursive());
    }

    /** The CTEs of the current SELECT's WITH clause. */
    public List<String> cteNames() {
        return select().with().stream().map(CommonTableExpression::name).toList();
    }

    /** Switches the canvas to CTE {@code name} of the current SELECT. */
    public void enterCte(String name) {
        scope.set(scope.get().then(new QueryScope.Step.Cte(name)));
    }

    /** Switches the canvas to the subquery in FROM called {@code alias}. */
    public void enterSubquery(String alias) {
        scope.set(scope.get().then(new QueryScope.Step.Derived(alias)));
    }

    /** Switches the canvas back to the enclosing query. */
    public void leave() {
        scope.set(scope.get().parent());
    }

    /** Switches the canvas to the whole statement. */
    public void leaveAll() {
        scope.set(QueryScope.root());
    }

    /**
     * Combines the query at the current scope with a new empty one by UNION / INTERSECT / EXCEPT and switches the
     * canvas to the new right operand.
     */
    public void combine(Query.SetOperation.Operator operator, boolean all) {
        var current = scopeQuery.get();
        edit(Query.SetOperation.of(current, operator, all, Query.select()));
        scope.set(scope.get().then(new QueryScope.Step.Operand(true)));
    }

    /** Switches the canvas to an operand of the set operation at the current scope. */
    public void enterOperand(boolean right) {
        scope.set(scope.get().then(new QueryScope.Step.Operand(right)));
    }

    /** Replaces the whole statement by {@code statement}; undo brings the previous one back. */
    public void replaceStatement(Query statement) {
        scope.set(QueryScope.root());
        places.clear();
        suggestions.clear();
        history.push(statement);
    }

    /**
     * Reads SQL text (the console's, typically) into the builder. Parts the model cannot hold stay as raw SQL
     * and are named in the message; the previous query is one undo away.
     */
    public void importSql(String text) {
        if (text == null || text.isBlank()) {
            message.set("There is no SQL to open in the builder");
            return;
        }
        background.submit(
                "Reading SQL into the query builder",
                () -> importer.importSql(text),
                imported -> {
                    replaceStatement(imported.query());
                    message.set(
                            imported.complete()
                                    ? "Opened the SQL in the builder"
                                    : "Opened the SQL; kept as raw SQL: "
                                            + String.join(
                                                    "; ",
                                                    imported.warnings().stream()
                                                            .map(w -> w.message())
                                                            .toList()));
                },
                failure -> message.set("The SQL could not be read: " + describe(failure)));
    }

    /**
     * The statement as the console should receive it: formatted, parameters left as {@code :name} so that the
     * console asks for them.
     */
    public String sqlForConsole() {
        return preview.forConsole(statement(), typedParameters());
    }

    // ---------------------------------------------------------------- run

    /** The statement with values bound, as it runs; fails with a message when it cannot be rendered. */
    public RenderedSql boundSql() {
        return preview.bound(statement(), typedParameters());
    }

    /**
     * Runs the statement off the UI thread and streams its rows into the {@link #results() results grid}; the
     * first page also feeds the {@link #resultProperty() chart}.
     */
    public void run() {
        RenderedSql bound;
        try {
            bound = boundSql();
        } catch (RuntimeException e) {
            runFailure.set(describe(e));
            return;
        }
        running.set(true);
        runFailure.set("");
        long started = System.nanoTime();
        // the results model runs it; a newer run supersedes this one there, and this one then reports nothing
        results.showQuery(
                bound.sql(),
                bound.bindValues(),
                first -> {
                    running.set(false);
                    result.set(ResultTable.of(first.columns(), first.rows(), !first.complete()));
                    message.set(CellText.rows(first.rows().size(), first.complete()) + " in "
                            + CellText.duration(System.nanoTime() - started));
                },
                failure -> {
                    running.set(false);
                    runFailure.set(describe(failure));
                });
    }

    /** Stops a running query and closes the grid's cursor (the window is closing or disconnecting). */
    @Override
    public void close() {
        running.set(false);
        results.close();
    }

    /** The grid the rows of a run stream into (the console's results grid model). */
    public ResultsModel results() {
        return results;
    }

    // ---------------------------------------------------------------- internals

    private void edit(Query.Select changed) {
        edit((Query) changed);
    }

    private void edit(Query changedAtScope) {
        history.push(scope.get().replace(statement(), changedAtScope));
    }

    private void refresh() {
        var at = scope.get().find(statement());
        if (at.isEmpty()) {
            scope.set(QueryScope.root()); // the scope's CTE or subquery was undone away
            return;
        }
        validate();
        scopeQuery.set(at.get());
        var state = canvasState();
        var select = select();
        tables.setAll(state.tables(select));
        lines.setAll(CanvasState.lines(select));
        var names = aliases(select);
        suggestions.removeIf(s -> !names.contains(s.fromAlias()) || !names.contains(s.toAlias()));
        places.placeMissing(tables, lines);
        renderSql();
    }

    private void validate() {
        if (catalog.get() == null) {
            problems.clear();
            return;
        }
        try {
            problems.setAll(new QueryValidator(new CatalogSchemaLookup(catalog.get())).validate(statement()));
        } catch (RuntimeException e) {
            problems.clear();
            message.set("The query could not be checked: " + describe(e));
        }
    }

    private void renderSql() {
        preview.show(statement(), literalValues.get(), typedParameters());
    }

    /** Parameter values as typed, numbers read as numbers so they bind as such. */
    private Map<String, Object> typedParameters() {
        var typed = new HashMap<String, Object>();
        parameterValues.forEach(
                (name, text) -> typed.put(name, ParameterType.readAs(text).parse(text)));
        return typed;
    }

    CanvasState canvasState() {
        return new CanvasState(catalog.get(), ctesVisible());
    }

    /** The CTEs visible at the current scope: those of every enclosing SELECT on the way down. */
    Map<String, Query> ctesVisible() {
        return scope.get().visibleCtes(statement());
    }

    private List<String> aliases(Query.Select select) {
        return FromClause.boxes(select).stream().map(FromClause::nameOf).toList();
    }

    private void requireNewAlias(String alias) {
        if (alias == null || alias.isBlank() || aliases(select()).contains(alias)) {
            throw new IllegalArgumentException("The alias '" + alias + "' is empty or taken");
        }
    }

    private static SelectItem item(String expression, String label) {
        String text = expression.strip();
        if (text.equals("*")) {
            return SelectItem.all();
        }
        if (text.matches("[A-Za-z_][A-Za-z0-9_$]*\\.\\*")) {
            return SelectItem.allOf(text.substring(0, text.length() - 2));
        }
        return SelectItem.of(ExpressionText.parse(expression), blankToNull(label));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The failure in plain words, through the app's one description path (SQLSTATE-classified by the engine). */
    static String describe(Throwable failure) {
        return Problem.describe("The query builder failed", failure).message();
    }
}
