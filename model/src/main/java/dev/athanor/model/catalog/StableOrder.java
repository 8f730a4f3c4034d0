package dev.athanor.model.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Orders items numbered {@code 0..n-1} so that each comes after the items it must follow, keeping their numbering
 * wherever nothing forces otherwise (Kahn's algorithm, always taking the lowest ready number). Tables are sorted by
 * their foreign keys with it, and a flush orders its rows with it.
 */
public final class StableOrder {
    private final int[] waitingFor;
    private final List<List<Integer>> after;

    /** An order of {@code n} items with no constraint yet. */
    public StableOrder(int n) {
        waitingFor = new int[n];
        after = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            after.add(new ArrayList<>());
        }
    }

    /** Item {@code later} must come after item {@code earlier}; add each pair once. */
    public void require(int earlier, int later) {
        after.get(earlier).add(later);
        waitingFor[later]++;
    }

    /**
     * The items in order; those caught in a cycle are left out (then fewer than {@code n} come back, and
     * {@link #isStuck(int)} names them).
     */
    public List<Integer> order() {
        int n = waitingFor.length;
        var ready = new PriorityQueue<Integer>();
        for (int i = 0; i < n; i++) {
            if (waitingFor[i] == 0) {
                ready.add(i);
            }
        }
        var ordered = new ArrayList<Integer>(n);
        while (!ready.isEmpty()) {
            int next = ready.poll();
            ordered.add(next);
            for (int later : after.get(next)) {
                if (--waitingFor[later] == 0) {
                    ready.add(later);
                }
            }
        }
        return ordered;
    }

    /** After {@link #order()}: whether item {@code i} was left out, waiting on a cycle. */
    public boolean isStuck(int i) {
        return waitingFor[i] > 0;
    }
}
