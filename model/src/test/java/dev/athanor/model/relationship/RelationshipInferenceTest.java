package dev.athanor.model.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.sample.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Relationships inferred from foreign keys: kinds, names and the pairs that back-populate each other. */
class RelationshipInferenceTest {
    private static Connection connection;
    private static Relationships inferred;

    @BeforeAll
    static void start() throws SQLException {
        var pg = TestPostgres.shared();
        connection = pg.connect(pg.createSampleDatabase("relationship_inference"));
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE employees (id int PRIMARY KEY, name text,"
                    + " manager_id int REFERENCES employees (id))");
            statement.execute("CREATE TABLE messages (id int PRIMARY KEY, body text,"
                    + " sender_id int REFERENCES users (id), recipient_id int REFERENCES users (id))");
            statement.execute("CREATE TABLE profiles (worker_id int PRIMARY KEY REFERENCES workers (id), bio text)");
            statement.execute("CREATE TABLE regions (code text, number int, PRIMARY KEY (code, number))");
            statement.execute("CREATE TABLE offices (id int PRIMARY KEY, code text, number int,"
                    + " FOREIGN KEY (code, number) REFERENCES regions (code, number))");
            statement.execute("CREATE TABLE follows (follower_id int REFERENCES users (id),"
                    + " followed_id int REFERENCES users (id), PRIMARY KEY (follower_id, followed_id))");
        }
        Catalog catalog = CatalogLoader.load(connection);
        inferred = Relationships.infer(catalog);
    }

    @AfterAll
    static void stop() throws SQLException {
        connection.close();
    }

    private static QualifiedName table(String name) {
        return new QualifiedName("public", name);
    }

    private static Relationship get(String table, String name) {
        return inferred.get(table(table), name);
    }

    @Test
    void aForeignKeyGivesAManyToOneNamedAfterItsColumn() {
        Relationship worker = get("resumes", "worker");
        assertThat(worker.kind()).isEqualTo(RelationshipKind.MANY_TO_ONE);
        assertThat(worker.parentColumns()).containsExactly("worker_id");
        assertThat(worker.targetColumns()).containsExactly("id");
        assertThat(worker.backPopulates()).contains("resumes");
    }

    @Test
    void theReferencedTableGetsTheOneToManyNamedAfterTheReferencingTable() {
        Relationship resumes = get("workers", "resumes");
        assertThat(resumes.kind()).isEqualTo(RelationshipKind.ONE_TO_MANY);
        assertThat(resumes.target()).isEqualTo(table("resumes"));
        assertThat(inferred.reverse(resumes)).contains(get("resumes", "worker"));
    }

    @Test
    void anAssociationTableGivesAManyToManyEachWay() {
        Relationship vacancies = get("resumes", "vacancies");
        assertThat(vacancies.kind()).isEqualTo(RelationshipKind.MANY_TO_MANY);
        assertThat(vacancies.association().orElseThrow().table()).isEqualTo(table("vacancies_replies"));
        assertThat(vacancies.association().orElseThrow().parentColumns()).containsExactly("resume_id");
        assertThat(get("vacancies", "resumes").backPopulates()).contains("vacancies");
    }

    @Test
    void theAssociationTableKeepsItsOwnRelationshipsForItsExtraColumns() {
        assertThat(inferred.of(table("vacancies_replies")))
                .extracting(Relationship::name)
                .containsExactlyInAnyOrder("resume", "vacancy");
        assertThat(get("resumes", "vacancies_replies").kind()).isEqualTo(RelationshipKind.ONE_TO_MANY);
    }

    @Test
    void aSelfReferenceNamesTheCollectionAfterTheManyToOne() {
        assertThat(get("employees", "manager").kind()).isEqualTo(RelationshipKind.MANY_TO_ONE);
        Relationship reports = get("employees", "employees_of_manager");
        assertThat(reports.kind()).isEqualTo(RelationshipKind.ONE_TO_MANY);
        assertThat(reports.backPopulates()).contains("manager");
    }

    @Test
    void twoForeignKeysToOneTableGetDistinctNames() {
        assertThat(inferred.of(table("users")))
                .extracting(Relationship::name)
                .contains("messages_of_sender", "messages_of_recipient");
        assertThat(inferred.of(table("messages")))
                .extracting(Relationship::name)
                .containsExactlyInAnyOrder("sender", "recipient");
    }

    @Test
    void aForeignKeyThatIsAlsoTheKeyIsOneToOne() {
        assertThat(get("profiles", "worker").kind()).isEqualTo(RelationshipKind.ONE_TO_ONE);
        assertThat(get("workers", "profile").kind()).isEqualTo(RelationshipKind.ONE_TO_ONE);
    }

    @Test
    void aCompositeForeignKeyPairsItsColumns() {
        Relationship region = get("offices", "region");
        assertThat(region.parentColumns()).containsExactly("code", "number");
        assertThat(region.targetColumns()).containsExactly("code", "number");
        assertThat(get("regions", "offices").kind()).isEqualTo(RelationshipKind.ONE_TO_MANY);
    }

    @Test
    void aSelfAssociationNamesBothDirectionsByTheirKeys() {
        List<String> names = inferred.of(table("users")).stream()
                .filter(r -> r.kind() == RelationshipKind.MANY_TO_MANY)
                .map(Relationship::name)
                .toList();
        assertThat(names).containsExactlyInAnyOrder("users_via_follows_followed", "users_via_follows_follower");
    }

    @Test
    void everyRelationshipOfATableHasItsOwnName() {
        for (var relation : List.of("users", "workers", "resumes", "employees")) {
            var names = inferred.of(table(relation)).stream()
                    .map(Relationship::name)
                    .toList();
            assertThat(names).doesNotHaveDuplicates();
        }
    }
}
