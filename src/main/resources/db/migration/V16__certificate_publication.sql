-- The learner decides whether the public verification page, the PDF and the signed credential state the final
-- score and the time spent. Nobody chose before, so both start hidden, also on certificates issued earlier: the
-- hourly certificate job re-signs their stored credentials without the two results.
ALTER TABLE certificate ADD COLUMN show_score BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE certificate ADD COLUMN show_time_spent BOOLEAN DEFAULT FALSE NOT NULL;
