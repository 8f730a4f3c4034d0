package dev.athanor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code athanor export-mapping} run as the process runs it. */
class ExportMappingCommandTest {
    private static String url;

    @TempDir
    Path directory;

    @BeforeAll
    static void createDatabase() {
        url = CliRun.sampleDatabaseUrl("cli_mapping");
    }

    @Test
    void theMappingOfTheChosenTablesGoesToTheOutputFile() throws Exception {
        var file = directory.resolve("models.py");

        var run = CliRun.of(
                directory, "export-mapping", "--tables", "workers,resumes", "--url", url, "--output", file.toString());

        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.OK);
        assertThat(Files.readString(file))
                .contains("class WorkersOrm(Base):", "class ResumesOrm(Base):", "back_populates=\"worker\"");
    }

    @Test
    void anUnknownTableIsAUsageError() {
        var run = CliRun.of(directory, "export-mapping", "--tables", "workers,employees", "--url", url);

        assertThat(run.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run.err()).contains("no table 'employees'");
    }
}
