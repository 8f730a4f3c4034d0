-- The two showcase queries of showcase.athanor.json as hand-written SQL, with the parameters'
-- default values written in. The tests check that the project's queries give the same rows; tests and the
-- screenshots read the queries from here, the one place they are written out.

-- python_by_workload: average compensation of Python resumes per workload
SELECT workload, avg(compensation)::int AS avg_compensation
FROM resumes
WHERE title LIKE '%Python%' AND compensation > 40000
GROUP BY workload
HAVING avg(compensation) > 70000;

-- compensation_against_workload: each worker's compensation against the average of its workload
WITH helper2 AS (
  SELECT *, compensation - avg_workload_compensation AS compensation_diff
  FROM (SELECT w.id, w.username, r.compensation, r.workload,
               avg(r.compensation) OVER (PARTITION BY workload)::int
                 AS avg_workload_compensation
        FROM resumes r JOIN workers w ON r.worker_id = w.id) helper1)
SELECT * FROM helper2 ORDER BY compensation_diff DESC;
