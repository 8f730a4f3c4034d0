package dev.athanor.model.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tables in dependency order (a partition depends on its parent, a table on the tables its foreign keys
 * reference), computed once per catalog. Cycles are found as strongly connected
 * components (Tarjan); keys inside a component are set aside, the rest is a topological sort that prefers the
 * input order whenever several tables are ready, so the result is stable.
 */
record TableOrder(List<Relation> tables, List<ForeignKey> cyclicKeys) {

    TableOrder {
        tables = List.copyOf(tables);
        cyclicKeys = List.copyOf(cyclicKeys);
    }

    static TableOrder of(List<Relation> input) {
        int n = input.size();
        var position = new HashMap<Long, Integer>(n * 2);
        for (int i = 0; i < n; i++) {
            position.put(input.get(i).oid(), i);
        }
        // parents[i] holds the positions of the tables that table i references.
        List<List<Integer>> parents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            var refs = new ArrayList<Integer>();
            for (long parentOid : dependencies(input.get(i))) {
                Integer parent = position.get(parentOid);
                if (parent != null && parent != i) {
                    refs.add(parent);
                }
            }
            parents.add(refs);
        }
        int[] component = components(parents);

        var cyclic = new ArrayList<ForeignKey>();
        var order = new StableOrder(n);
        for (int i = 0; i < n; i++) {
            Set<Integer> seen = new HashSet<>();
            Relation table = input.get(i);
            // A partition can only exist once its parent does; that edge can never be part of a cycle.
            if (table.partitionOf().isPresent()) {
                Integer parent = position.get(table.partitionOf().get().parentOid());
                if (parent != null && seen.add(parent)) {
                    order.require(parent, i);
                }
            }
            for (ForeignKey fk : table.foreignKeys()) {
                Integer parent = position.get(fk.referencedTableOid());
                if (parent == null || parent == i) {
                    continue;
                }
                if (component[parent] == component[i]) {
                    cyclic.add(fk);
                } else if (seen.add(parent)) {
                    order.require(parent, i);
                }
            }
        }
        var sorted = new ArrayList<Relation>(n);
        for (int i : order.order()) {
            sorted.add(input.get(i));
        }
        return new TableOrder(sorted, cyclic);
    }

    private static List<Long> dependencies(Relation table) {
        var oids = new ArrayList<Long>(table.foreignKeys().size() + 1);
        table.partitionOf().ifPresent(p -> oids.add(p.parentOid()));
        table.foreignKeys().forEach(fk -> oids.add(fk.referencedTableOid()));
        return oids;
    }

    /** Labels each node with its strongly connected component, iteratively so deep chains cannot overflow. */
    private static int[] components(List<List<Integer>> edges) {
        int n = edges.size();
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        var stack = new ArrayDeque<Integer>();
        var work = new ArrayDeque<int[]>(); // {node, next edge to visit}
        int counter = 0;
        int componentCount = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            work.push(new int[] {root, 0});
            while (!work.isEmpty()) {
                int[] frame = work.peek();
                int v = frame[0];
                if (frame[1] == 0 && index[v] < 0) {
                    index[v] = low[v] = counter++;
                    stack.push(v);
                    onStack[v] = true;
                }
                List<Integer> out = edges.get(v);
                if (frame[1] < out.size()) {
                    int w = out.get(frame[1]++);
                    if (index[w] < 0) {
                        work.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    int parent = work.peek()[0];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component[w] = componentCount;
                    } while (w != v);
                    componentCount++;
                }
            }
        }
        return component;
    }
}
