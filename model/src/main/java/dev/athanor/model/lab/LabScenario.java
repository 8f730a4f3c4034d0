package dev.athanor.model.lab;

import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.session.LoadOption.EagerJoin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One browse scenario: the parents, the relationship paths loaded with them, and the strategies to compare.
 *
 * @param parents where the parents come from
 * @param paths the relationship paths to load, each from the parents' table ({@code [workers.resumes]}, {@code
 *     [workers.resumes, resumes.vacancies_replied]}); a path's earlier steps are loaded too, with the same
 *     strategy; the depth is the longest path's length
 * @param strategies the strategies to run, in the order results are reported
 * @param eagerJoin the user's own join for {@code contains_eager} (a filter, or each parent's first row by an
 *     order); without it, or with a path longer than one step, {@code contains_eager} is not applicable
 * @param runs how many times each applicable strategy runs; the time reported is the median
 */
public record LabScenario(
        LabParents parents,
        List<List<Relationship>> paths,
        List<LoaderStrategy> strategies,
        Optional<EagerJoin> eagerJoin,
        int runs) {

    /** Runs per strategy unless a scenario says otherwise. */
    public static final int DEFAULT_RUNS = 3;

    public LabScenario {
        Objects.requireNonNull(parents, "parents");
        paths = paths.stream().map(List::copyOf).toList();
        strategies = strategies.stream().distinct().toList();
        Objects.requireNonNull(eagerJoin, "eagerJoin");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("A scenario loads at least one relationship");
        }
        for (List<Relationship> path : paths) {
            if (path.isEmpty()) {
                throw new IllegalArgumentException("A relationship path needs at least one relationship");
            }
            if (!path.getFirst().parent().equals(parents.table())) {
                throw new IllegalArgumentException(path.getFirst().qualifiedName() + " does not start from "
                        + parents.table().toSql());
            }
            for (int i = 1; i < path.size(); i++) {
                if (!path.get(i).parent().equals(path.get(i - 1).target())) {
                    throw new IllegalArgumentException(path.get(i).qualifiedName() + " does not start where "
                            + path.get(i - 1).qualifiedName() + " leads");
                }
            }
        }
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("A scenario compares at least one strategy");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("Each strategy runs at least once");
        }
    }

    /** {@code path} from {@code parents} under every strategy, {@value #DEFAULT_RUNS} runs each, no eager join. */
    public static LabScenario of(LabParents parents, List<Relationship> path) {
        return new LabScenario(
                parents, List.of(path), List.of(LoaderStrategy.values()), Optional.empty(), DEFAULT_RUNS);
    }

    /** The same scenario comparing only {@code chosen}. */
    public LabScenario withStrategies(List<LoaderStrategy> chosen) {
        return new LabScenario(parents, paths, chosen, eagerJoin, runs);
    }

    /** The same scenario with {@code join} for {@code contains_eager}. */
    public LabScenario withEagerJoin(EagerJoin join) {
        return new LabScenario(parents, paths, strategies, Optional.of(join), runs);
    }

    /** The same scenario running each strategy {@code count} times. */
    public LabScenario withRuns(int count) {
        return new LabScenario(parents, paths, strategies, eagerJoin, count);
    }

    /** The same scenario also loading {@code path}. */
    public LabScenario withPath(List<Relationship> path) {
        var all = new ArrayList<>(paths);
        all.add(path);
        return new LabScenario(parents, all, strategies, eagerJoin, runs);
    }

    /** The longest path's length. */
    public int depth() {
        return paths.stream().mapToInt(List::size).max().orElse(0);
    }

    /** A path as people write it: {@code resumes.vacancies_replied}. */
    public static String dotted(List<Relationship> path) {
        return String.join(".", path.stream().map(Relationship::name).toList());
    }
}
