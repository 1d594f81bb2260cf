-- Visit rows updated in place (issue 12, round 10). The writer updates a visit's row on every batch that holds a
-- page view of it, and each update changes last_ms. With crumb_visit_by_last_ms (V6) no such update could stay
-- on its page: PostgreSQL wrote a new entry into every index of crumb_visit for it, and left a dead one behind
-- for vacuum. Retention now finds old visits by the day they start (JdbcVisitorRecords.deleteVisitsEndedBefore),
-- a column the writer changes only when a late page view moves a visit to an earlier day.
DROP INDEX crumb_visit_by_last_ms;
CREATE INDEX crumb_visit_by_start_day ON crumb_visit (start_day);
