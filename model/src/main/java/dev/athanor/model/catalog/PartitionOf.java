package dev.athanor.model.catalog;

import java.util.Objects;

/**
 * Where a partition hangs: its partitioned parent and the bound that routes rows to it.
 *
 * @param parentOid the OID of the partitioned table
 * @param parent the partitioned table
 * @param bound the partition bound as the server deparses it ({@code FOR VALUES FROM ('2025-01-01') TO (...)},
 *     {@code DEFAULT})
 */
public record PartitionOf(long parentOid, QualifiedName parent, String bound) {

    public PartitionOf {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(bound, "bound");
    }
}
