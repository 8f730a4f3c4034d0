package dev.athanor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.model.Query;
import dev.athanor.query.project.ProjectFile;
import dev.athanor.query.project.QueryProject;
import dev.athanor.query.project.SavedQuery;
import dev.athanor.sample.testkit.TestPostgres;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two million rows stream through with the heap of a few thousand. */
class LargeResultTest {
    private static final long ROWS = 2_000_000;
    private static final long MEGABYTE = 1024 * 1024;

    @TempDir
    Path directory;

    /**
     * Counts the lines written and, every {@code SAMPLE_EVERY} lines, measures the heap still in use after a
     * collection: what the run holds on to while the cursor is open.
     */
    private static final class MeasuringOutput extends OutputStream {
        private static final long SAMPLE_EVERY = 250_000;

        long lines;
        long samples;
        long maxUsedAfterCollection;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
                if (lines % SAMPLE_EVERY == 0) {
                    samples++;
                    maxUsedAfterCollection = Math.max(maxUsedAfterCollection, usedAfterCollection());
                }
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (var i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }
    }

    static long usedAfterCollection() {
        var memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void twoMillionRowsStreamWithBoundedHeap() {
        var pg = TestPostgres.shared();
        var url = "postgresql://" + pg.superuser() + "@" + pg.host() + ":" + pg.port() + "/"
                + pg.createEmptyDatabase("large");
        var file = directory.resolve("large.athanor.json");
        ProjectFile.standard()
                .save(
                        file,
                        QueryProject.empty()
                                .withQueries(List.of(SavedQuery.of(
                                        "series",
                                        new Query.Raw("SELECT i, 'row number ' || i AS label"
                                                + " FROM generate_series(1, " + ROWS + ") AS s(i)")))));
        var output = new MeasuringOutput();
        var baseline = usedAfterCollection();

        var result = CliRun.into(output, directory, "run", file.toString(), "--format", "csv", "--url", url);

        assertThat(result.status()).isEqualTo(ExitStatus.OK);
        assertThat(output.lines).isEqualTo(ROWS + 1);
        assertThat(output.samples).isEqualTo(8);
        // Two million rows held by the driver take well over 200 MB (each row is a byte[][] plus two byte[]);
        // streamed, only one fetch of 1,000 rows is alive at a time.
        var growth = (output.maxUsedAfterCollection - baseline) / MEGABYTE;
        assertThat(growth)
                .as("heap growth while streaming, in MB (baseline %d MB)", baseline / MEGABYTE)
                .isLessThan(32);
    }
}
