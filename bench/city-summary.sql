-- The city summary written by hand in SQL: what 'firstline report city
-- --format csv' followed by 'firstline report coverage --format csv'
-- print, for the sqlite3 shell (make bench compares the two outputs).
.mode csv
.headers on
WITH
  tr AS (SELECT t.id, t.cohort_id, t.withdrawn_at IS NOT NULL AS wd,
           c.exam_version_id AS ev
         FROM trainee t JOIN cohort c ON c.id = t.cohort_id),
  -- the latest written entry, else the latest closed attempt
  we AS (SELECT trainee_id, max(id), total, retake FROM score_entry
         WHERE rubric = 'written' GROUP BY trainee_id),
  wa AS (SELECT trainee_id, max(number) AS number, tenths FROM attempt
         WHERE status IN ('submitted','expired') GROUP BY trainee_id),
  -- the latest entry of every rubric, with its retakes
  le AS (SELECT trainee_id, rubric, max(id) AS id, total, "max" AS mx,
           passed, critical_missed AS crit, sum(retake) > 0 AS rt
         FROM score_entry WHERE rubric <> 'written'
         GROUP BY trainee_id, rubric),
  -- a component over every required rubric
  alls AS (SELECT tr.id, x.component AS comp, count(*) AS required,
             count(le.id) AS found, sum(le.total) AS tot, sum(le.mx) AS mx,
             min(coalesce(le.passed, 1)) AS ok, coalesce(sum(le.crit), 0)
             AS crit, coalesce(max(le.rt), 0) AS rt
           FROM tr JOIN exam_component x ON x.exam_version_id = tr.ev
           LEFT JOIN le ON le.trainee_id = tr.id AND le.rubric = x.rubric
           GROUP BY tr.id, x.component),
  -- one-of: the latest entry among the scenarios
  one AS (SELECT tr.id, max(le.id) AS id, le.total AS tot, le.mx,
            le.passed AS ok, le.crit, le.rt
          FROM tr JOIN exam_component x ON x.exam_version_id = tr.ev
            AND x.component = 'simulation'
          JOIN le ON le.trainee_id = tr.id AND le.rubric = x.rubric
          GROUP BY tr.id),
  comp AS (
    SELECT tr.id, tr.cohort_id, tr.wd, e.*,
      (we.trainee_id IS NOT NULL OR wa.trainee_id IS NOT NULL) AS w_in,
      coalesce(we.total, wa.tenths, 0) AS w_t,
      CASE WHEN we.trainee_id IS NOT NULL THEN we.retake
           ELSE coalesce(wa.number > 1, 0) END AS w_rt,
      coalesce(p.required > 0 AND p.found = p.required, 0) AS p_in,
      CASE WHEN p.found > 0 THEN (2000 * p.tot + p.mx) / (2 * p.mx)
           ELSE 0 END AS p_t,
      coalesce(p.ok, 1) AS p_ok, coalesce(p.crit, 0) AS p_crit,
      coalesce(p.rt, 0) AS p_rt,
      CASE WHEN e.simulation_require = 'one-of' THEN o.id IS NOT NULL
           ELSE coalesce(s.required > 0 AND s.found = s.required, 0)
      END AS s_in,
      CASE WHEN e.simulation_require = 'one-of' THEN
             coalesce((2000 * o.tot + o.mx) / (2 * o.mx), 0)
           WHEN s.found > 0 THEN (2000 * s.tot + s.mx) / (2 * s.mx)
           ELSE 0 END AS s_t,
      CASE WHEN e.simulation_require = 'one-of' THEN coalesce(o.ok, 1)
           ELSE coalesce(s.ok, 1) END AS s_ok,
      CASE WHEN e.simulation_require = 'one-of' THEN coalesce(o.crit, 0)
           ELSE coalesce(s.crit, 0) END AS s_crit,
      CASE WHEN e.simulation_require = 'one-of' THEN coalesce(o.rt, 0)
           ELSE coalesce(s.rt, 0) END AS s_rt,
      wa.trainee_id IS NOT NULL OR EXISTS (SELECT 1 FROM score_entry z
        WHERE z.trainee_id = tr.id) AS recorded
    FROM tr JOIN exam_version e ON e.id = tr.ev
    LEFT JOIN we ON we.trainee_id = tr.id
    LEFT JOIN wa ON wa.trainee_id = tr.id
    LEFT JOIN alls p ON p.id = tr.id AND p.comp = 'practical'
    LEFT JOIN alls s ON s.id = tr.id AND s.comp = 'simulation'
    LEFT JOIN one o ON o.id = tr.id),
  judged AS (
    SELECT *,
      w_in AND p_in AND s_in AS complete,
      (w_in AND w_t >= written_pass * 10)
      AND (p_in AND p_ok AND p_crit = 0 AND p_t >= practical_pass * 10)
      AND (s_in AND s_ok AND s_crit = 0 AND s_t >= simulation_pass * 10)
        AS passed,
      (2 * (weight_written * w_t + weight_practical * p_t
            + weight_simulation * s_t) + 100) / 200 AS total,
      w_rt OR p_rt OR s_rt AS rt
    FROM comp),
  classed AS (
    SELECT cohort_id, wd,
      CASE WHEN wd THEN 'withdrawn'
           WHEN NOT recorded THEN 'absent'
           WHEN complete AND passed THEN
             CASE WHEN NOT rt AND total >= excellent * 10
                  THEN 'excellent' ELSE 'pass' END
           ELSE 'fail' END AS class
    FROM judged),
  agg AS (
    SELECT c.id, c.cohort, e.cohort_pass_rate AS rp,
      e.cohort_excellence_rate AS rx, count(k.cohort_id) AS enrolled,
      coalesce(sum(k.wd), 0) AS withdrawn,
      count(k.cohort_id) - coalesce(sum(k.wd), 0) AS n,
      coalesce(sum(k.class IN ('pass','excellent')), 0) AS passes,
      coalesce(sum(k.class = 'excellent'), 0) AS excellents
    FROM cohort c JOIN exam_version e ON e.id = c.exam_version_id
    LEFT JOIN classed k ON k.cohort_id = c.id
    GROUP BY c.id)
SELECT cohort, enrolled, withdrawn, n, passes,
  printf('%d.%d', CASE WHEN n > 0 THEN passes * 1000 / n ELSE 0 END / 10,
         CASE WHEN n > 0 THEN passes * 1000 / n ELSE 0 END % 10)
    AS pass_rate,
  excellents,
  printf('%d.%d', CASE WHEN n > 0 THEN excellents * 1000 / n ELSE 0 END / 10,
         CASE WHEN n > 0 THEN excellents * 1000 / n ELSE 0 END % 10)
    AS excellence_rate,
  CASE WHEN n > 0 AND passes * 100 >= rp * n AND excellents * 100 >= rx * n
       THEN 'meets' ELSE 'below' END AS verdict
FROM agg ORDER BY id;
-- coverage: communities with fewer than 15 certified responders
SELECT t.community, count(r.trainee_id) AS certified, count(*) AS enrolled,
  max(0, 15 - count(r.trainee_id)) AS needed
FROM trainee t LEFT JOIN certified_result r
  ON r.trainee_id = t.id AND r.class IN ('pass','excellent')
GROUP BY t.community HAVING certified < 15
ORDER BY certified, t.community;
