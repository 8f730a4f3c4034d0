package dev.athanor.bench;

import dev.athanor.app.results.ResultsModel;
import dev.athanor.app.task.Background;
import dev.athanor.sample.SampleData;
import dev.athanor.sample.testkit.TestPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Opens {@code SELECT * FROM events} (the sample data's large table of mixed types) in the results grid's view model
 * and scrolls through every row, as a user holding the scroll bar down would: prints how long the first page takes,
 * how fast the rest streams, and the heap in use (after a full GC) as the rows go by.
 *
 * <p>The grid's model runs here with {@link Background#synchronous()}: the same cursor, paging and window of held
 * rows as in the window, without a toolkit. Arguments (optional): {@code --rows N} (default 10,000,000).
 */
public final class ResultsBench {

    private ResultsBench() {}

    public static void main(String[] args) throws SQLException {
        long rows = args.length == 2 && args[0].equals("--rows") ? Long.parseLong(args[1]) : 10_000_000L;
        var pg = TestPostgres.shared();
        String database = pg.createEmptyDatabase("results_bench");
        long createStart = System.nanoTime();
        try (Connection connection = pg.connect(database)) {
            SampleData.addLargeTable(connection, rows);
        }
        print("created events with %,d rows in %.1f s", rows, seconds(createStart));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);
        print("heap in use before the query: %.1f MB", mb(heapBefore));

        try (var grid = new ResultsModel(Background.synchronous(), () -> pg.connect(database))) {
            long start = System.nanoTime();
            grid.showTable("public", "events");
            if (grid.failureProperty().get() != null) {
                throw new IllegalStateException(grid.failureProperty().get().message());
            }
            print(
                    "first page: %,d rows shown %.0f ms after the query was sent (%s)",
                    grid.rows().size(), millis(start), grid.summaryProperty().get());

            long maxHeap = 0;
            long step = Math.max(1, rows / 10);
            long nextReport = step;
            long scrollStart = System.nanoTime();
            while (grid.hasMore()) {
                grid.fetchMore();
                if (grid.failureProperty().get() != null) {
                    throw new IllegalStateException(grid.failureProperty().get().message());
                }
                long fetched = grid.fetchedCountProperty().get();
                if (fetched >= nextReport) {
                    long heap = usedHeapAfterGc(memory);
                    maxHeap = Math.max(maxHeap, heap);
                    print(
                            "%,12d rows read, %,6d held by the grid, heap in use %.1f MB, %.1f s",
                            fetched, grid.rows().size(), mb(heap), seconds(scrollStart));
                    nextReport += step;
                }
            }
            double scrollSeconds = seconds(scrollStart);
            maxHeap = Math.max(maxHeap, usedHeapAfterGc(memory));
            print(
                    "all rows: %s in %.1f s (%,.0f rows/s); most rows held at once: %,d (window %,d)",
                    grid.summaryProperty().get(),
                    scrollSeconds,
                    grid.fetchedCountProperty().get() / scrollSeconds,
                    grid.rows().size(),
                    grid.windowSize());
            print(
                    "heap in use: %.1f MB before, at most %.1f MB while scrolling (+%.1f MB)",
                    mb(heapBefore), mb(maxHeap), mb(maxHeap - heapBefore));

            // The first opening also pays for loading classes (jOOQ renders the SELECT, the driver, the grid); a
            // second opening in the same JVM shows what the query itself costs.
            for (int again = 1; again <= 3; again++) {
                long reopen = System.nanoTime();
                grid.showTable("public", "events");
                print(
                        "first page again (run %d, warm JVM): %,d rows in %.0f ms",
                        again, grid.rows().size(), millis(reopen));
            }
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.US, format, args));
    }
}
