package dev.athanor.query.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.athanor.query.model.CommonTableExpression;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.NamedWindow;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.WindowSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/project.schema.json describes exactly the fields the project file holds: every node kind of the query model
 * has its schema entry, and each entry lists the same properties as the record it stands for. A field added to the
 * model without the schema (or the other way round) fails here.
 */
class ProjectSchemaTest {
    private static final Path SCHEMA = Path.of("..", "docs", "project.schema.json");

    private static JsonNode definitions() throws IOException {
        return ProjectJson.MAPPER.readTree(SCHEMA.toFile()).get("$defs");
    }

    /** The property names Jackson writes for {@code type} (records read the same), renames applied. */
    private static Set<String> jsonProperties(Class<?> type) {
        var config = ProjectJson.MAPPER.getSerializationConfig();
        var description = config.introspect(config.constructType(type));
        var ignored = description.getIgnoredPropertyNames();
        return description.findProperties().stream()
                .map(BeanPropertyDefinition::getName)
                .filter(name -> !ignored.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> schemaProperties(JsonNode entry) {
        var names = new TreeSet<String>();
        entry.get("properties").fieldNames().forEachRemaining(names::add);
        if (entry.at("/properties/kind/const").isTextual()) {
            names.remove("kind"); // the type id of a model node, not a record component
        }
        return names;
    }

    /** The entry of {@code kind} among the alternatives of a {@code oneOf} definition. */
    private static JsonNode alternative(JsonNode definitions, String definition, String kind) {
        var oneOf = definitions.get(definition).get("oneOf");
        return StreamSupport.stream(oneOf.spliterator(), false)
                .map(entry -> entry.has("$ref")
                        ? definitions.get(entry.get("$ref").asText().substring("#/$defs/".length()))
                        : entry)
                .filter(entry -> kind.equals(entry.at("/properties/kind/const").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the schema's " + definition + " has no kind '" + kind + "'"));
    }

    @ParameterizedTest
    @CsvSource({
        "query, dev.athanor.query.model.Query",
        "expression, dev.athanor.query.model.Expression",
        "predicate, dev.athanor.query.model.Predicate",
        "tableSource, dev.athanor.query.model.TableSource",
        "selectItem, dev.athanor.query.model.SelectItem",
        "grouping, dev.athanor.query.model.Grouping"
    })
    void everyNodeKindHasItsSchemaEntryWithTheSameFields(String definition, Class<?> baseType) throws IOException {
        var definitions = definitions();
        var subTypes = baseType.getAnnotation(JsonSubTypes.class).value();
        assertThat(definitions.get(definition).get("oneOf")).hasSize(subTypes.length);
        for (var subType : subTypes) {
            var entry = alternative(definitions, definition, subType.name());
            assertThat(schemaProperties(entry))
                    .as("schema properties of %s '%s'", definition, subType.name())
                    .isEqualTo(jsonProperties(subType.value()));
        }
    }

    @Test
    void everyOtherRecordHasItsSchemaEntryWithTheSameFields() throws IOException {
        var definitions = definitions();
        var records = new java.util.LinkedHashMap<String, Class<?>>();
        records.put("connection", ConnectionReference.class);
        records.put("savedQuery", StoredQuery.class);
        records.put("parameter", QueryParameter.class);
        records.put("layout", CanvasLayout.class);
        records.put("tableBox", TableBox.class);
        records.put("relationship", StoredRelationship.class);
        records.put("relationshipEnd", StoredRelationship.End.class);
        records.put("association", StoredRelationship.Through.class);
        records.put("relationshipOrder", StoredRelationship.Order.class);
        records.put("cte", CommonTableExpression.class);
        records.put("sortItem", SortItem.class);
        records.put("windowSpec", WindowSpec.class);
        records.put("frame", WindowSpec.Frame.class);
        records.put("bound", WindowSpec.Bound.class);
        records.put("namedWindow", NamedWindow.class);
        records.forEach((definition, type) -> assertThat(schemaProperties(definitions.get(definition)))
                .as("schema properties of %s", definition)
                .isEqualTo(jsonProperties(type)));
        var branch = alternative(definitions, "expression", "case").at("/properties/branches/items");
        assertThat(schemaProperties(branch)).isEqualTo(jsonProperties(Expression.Case.When.class));
    }

    @Test
    void topLevelPropertiesAreThoseOfTheFile() throws IOException {
        var schema = ProjectJson.MAPPER.readTree(SCHEMA.toFile());

        assertThat(schemaProperties(schema)).isEqualTo(jsonProperties(ProjectDocument.class));
        assertThat(schema.at("/properties/version/const").asInt()).isEqualTo(ProjectFile.CURRENT_VERSION);
        assertThat(schema.at("/properties/format/const").asText()).isEqualTo(ProjectFile.FORMAT);
    }

    private static JsonSchema schema() throws IOException {
        try (var in = Files.newInputStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    @Test
    void exampleFileIsValidAgainstTheSchema() throws IOException {
        var example = ProjectJson.MAPPER.readTree(ShowcaseExampleTest.EXAMPLE.toFile());

        assertThat(schema().validate(example)).isEmpty();
    }

    @Test
    void projectUsingEveryFeatureIsWrittenValidAgainstTheSchema() throws IOException {
        var written = ProjectJson.MAPPER.readTree(ProjectFile.standard().toJson(ProjectSamples.full()));

        assertThat(schema().validate(written)).isEmpty();
    }

    @Test
    void schemaRejectsAnUnknownNodeKindAndAPasswordInTheUrl() throws IOException {
        var text = Files.readString(ShowcaseExampleTest.EXAMPLE);
        var unknownKind = text.replaceFirst("\"kind\": \"column\"", "\"kind\": \"frobnicate\"");
        var password = text.replaceFirst(
                "\"version\": 3,", "\"version\": 3, \"connection\": {\"url\": \"postgresql://a:secret@db/shop\"},");

        assertThat(schema().validate(ProjectJson.MAPPER.readTree(unknownKind))).isNotEmpty();
        assertThat(schema().validate(ProjectJson.MAPPER.readTree(password))).isNotEmpty();
    }
}
