package dev.athanor.model.catalog;

/**
 * The bulk {@code pg_catalog} queries of {@link CatalogLoader}, one per object category. Each takes one
 * parameter, bound by the loader: whether system schemas are wanted. The loader reads the result columns by
 * position, so a change of column order here goes with a change of the matching reader in the loader.
 */
final class CatalogQueries {

    private CatalogQueries() {}

    /*
     * Every query filters on the schema with this condition; the one parameter says whether system schemas
     * are wanted. Temporary schemas are skipped: their objects belong to other sessions.
     */
    static final String SCHEMA_FILTER = " n.nspname !~ '^pg_(toast_)?temp_'"
            + " AND (? OR n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast'))";

    static final String SCHEMAS_SQL = """
            SELECT n.oid, n.nspname, pg_get_userbyid(n.nspowner), d.description
            FROM pg_namespace n
            LEFT JOIN pg_description d
              ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0
            WHERE """ + SCHEMA_FILTER;

    static final String RELATIONS_SQL = """
            SELECT c.oid, c.relnamespace, c.relname, c.relkind, c.relispartition, pg_get_userbyid(c.relowner),
                   d.description,
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END,
                   i.inhparent, pn.nspname, pc.relname,
                   CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
                   fs.srvname, c.reltuples, ft.ftoptions
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_description d
              ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
            LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
            LEFT JOIN pg_class pc ON pc.oid = i.inhparent
            LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            LEFT JOIN pg_foreign_table ft ON ft.ftrelid = c.oid
            LEFT JOIN pg_foreign_server fs ON fs.oid = ft.ftserver
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND """ + SCHEMA_FILTER;

    /* Sequences of identity columns (dependency type 'i') are part of their column and are not listed. */
    static final String SEQUENCES_SQL = """
            SELECT c.oid, c.relnamespace, c.relname, pg_get_userbyid(c.relowner), d.description,
                   format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
                   s.seqcycle, owner_ns.nspname, oc.relname, oa.attname
            FROM pg_sequence s
            JOIN pg_class c ON c.oid = s.seqrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_description d
              ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
            LEFT JOIN pg_depend dep
              ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
             AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
            LEFT JOIN pg_class oc ON oc.oid = dep.refobjid
            LEFT JOIN pg_namespace owner_ns ON owner_ns.oid = oc.relnamespace
            LEFT JOIN pg_attribute oa ON oa.attrelid = dep.refobjid AND oa.attnum = dep.refobjsubid
            WHERE dep.deptype IS DISTINCT FROM 'i' AND """ + SCHEMA_FILTER;

    static final String COLUMNS_SQL = """
            SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid,
                   t.typtype, t.typcategory, a.attnotnull, a.attidentity, a.attgenerated,
                   CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, 0, true)
                        ELSE pg_get_expr(ad.adbin, ad.adrelid, true) END,
                   d.description
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            LEFT JOIN pg_description d
              ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND """ + SCHEMA_FILTER;

    /*
     * A foreign key that references a partitioned table gets one extra pg_constraint row per partition, held
     * by the same referencing table (conparentid points to the key the user declared). Those rows are
     * plumbing, not keys of their own, so they are left out. Rows a partition inherits from its parent's key
     * have a different conrelid and stay.
     */
    static final String CONSTRAINTS_SQL = """
            SELECT con.oid, con.conname, con.contype, con.conrelid, con.contypid, con.conindid,
                   con.condeferrable, con.condeferred, con.convalidated, con.conkey::text, con.confrelid,
                   con.confkey::text,
                   con.confupdtype, con.confdeltype, con.confmatchtype,
                   CASE WHEN con.contype IN ('c', 'x') THEN pg_get_constraintdef(con.oid, true) END,
                   d.description
            FROM pg_constraint con
            JOIN pg_namespace n ON n.oid = con.connamespace
            LEFT JOIN pg_description d
              ON d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0
            WHERE con.contype IN ('p', 'u', 'f', 'c', 'x')
              AND NOT (con.contype = 'f' AND con.conparentid <> 0 AND EXISTS (
                    SELECT 1 FROM pg_constraint parent
                    WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid))
              AND """ + SCHEMA_FILTER;

    static final String INDEXES_SQL = """
            SELECT i.indexrelid, i.indrelid, ic.relname, am.amname, i.indisunique, i.indisprimary, i.indisvalid,
                   i.indnkeyatts, i.indkey::text, i.indoption::text, pg_get_indexdef(i.indexrelid),
                   CASE WHEN i.indpred IS NOT NULL THEN pg_get_expr(i.indpred, i.indrelid, true) END,
                   CASE WHEN i.indexprs IS NOT NULL THEN ARRAY(
                     SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k
                     ORDER BY k) END,
                   d.description
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = ic.relnamespace
            JOIN pg_am am ON am.oid = ic.relam
            LEFT JOIN pg_description d
              ON d.objoid = i.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
            WHERE """ + SCHEMA_FILTER;

    static final String TYPES_SQL = """
            SELECT t.oid, t.typnamespace, t.typname, t.typtype, pg_get_userbyid(t.typowner), d.description,
                   CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END, t.typbasetype,
                   t.typnotnull, t.typdefault,
                   CASE WHEN t.typtype = 'e' THEN ARRAY(
                     SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_description d
              ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
            WHERE t.typtype IN ('e', 'd') AND """ + SCHEMA_FILTER;

    static final String ROUTINES_SQL = """
            SELECT p.oid, p.pronamespace, p.proname, p.prokind, pg_get_userbyid(p.proowner), d.description,
                   pg_get_function_arguments(p.oid), pg_get_function_identity_arguments(p.oid),
                   CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END,
                   l.lanname, p.provolatile, p.prosecdef, x.extname
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_language l ON l.oid = p.prolang
            LEFT JOIN pg_depend xd
              ON xd.classid = 'pg_proc'::regclass AND xd.objid = p.oid AND xd.deptype = 'e'
            LEFT JOIN pg_extension x ON x.oid = xd.refobjid
            LEFT JOIN pg_description d
              ON d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0
            WHERE """ + SCHEMA_FILTER;

    static final String TRIGGERS_SQL = """
            SELECT tg.oid, tg.tgrelid, tg.tgname, tg.tgfoid, fn.nspname, f.proname, pg_get_triggerdef(tg.oid, true),
                   tg.tgenabled, d.description
            FROM pg_trigger tg
            JOIN pg_class c ON c.oid = tg.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_proc f ON f.oid = tg.tgfoid
            JOIN pg_namespace fn ON fn.oid = f.pronamespace
            LEFT JOIN pg_description d
              ON d.objoid = tg.oid AND d.classoid = 'pg_trigger'::regclass AND d.objsubid = 0
            WHERE NOT tg.tgisinternal AND """ + SCHEMA_FILTER;
}
