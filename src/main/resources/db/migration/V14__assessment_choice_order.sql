-- The order in which each drawn question's choices were shown in an attempt (issue 12: options shuffled per
-- learner and attempt, stable on reload, reviewable later). "a01=2031,a02=1302": question id, then the choice
-- indexes of the course file in the order shown. Attempts started before this column show the file's order.
ALTER TABLE assessment_attempt ADD COLUMN choice_order VARCHAR(2000);
