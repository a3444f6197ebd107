#!/usr/bin/env python3
"""Writes the SQL that seeds tenant acme for bench/dashboard.sh (H2 2.2 or PostgreSQL).

200 managers x 50 direct reports = 10,000 learners; each learner has done the first n steps of the course
(n from 1 to 39, about 20 on average: about 200,000 step_progress rows), role-play answers are valid paths (the
first reply everywhere, the last reply everywhere, or alternating); every 10th learner completed the course (a
completion, a passed assessment attempt and a certificate; every 20th one expired, every 100th revoked); every 7th
has a due date, every 14th one in the past. Seeded accounts get the demo manager's password hash (demo-password).
"""
import argparse
import os
import re

import yaml

LEARNERS = 10_000
MANAGERS = 200
COURSE = "collaborative-selling"


def front_matter_id(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith(".md"):
        return re.search(r"^id:\s*(\S+)", text.split("---")[1], re.M).group(1)
    return yaml.safe_load(text)["id"]


def role_play_paths(path):
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    nodes = {n["id"]: n for n in doc["nodes"]}
    paths = []
    for pick in ("first", "last", "alternate"):
        at, path_, i = doc["start"], [], 0
        while at != "end":
            choices = nodes[at]["choices"]
            index = 0 if pick == "first" else len(choices) - 1 if pick == "last" else i % len(choices)
            path_.append(index)
            at = choices[index]["next"]
            i += 1
        paths.append(",".join(map(str, path_)))
    return paths


def steps(course_dir):
    course = yaml.safe_load(open(os.path.join(course_dir, "course.yaml"), encoding="utf-8"))
    result = []
    for module in course["modules"]:
        folder = os.path.join(course_dir, "modules", module)
        for step in yaml.safe_load(open(os.path.join(folder, "module.yaml"), encoding="utf-8"))["steps"]:
            (kind, file), = step.items()
            path = os.path.join(folder, file)
            sid = front_matter_id(path)
            if kind == "roleplay":
                answers = role_play_paths(path)
            elif kind == "reflection":
                answers = ["A reflection written for the benchmark."] * 3
            elif kind == "check":
                answers = [None] * 3
            else:
                answers = [None] * 3
            result.append((sid, kind, answers))
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dialect", choices=["h2", "pg"], required=True)
    parser.add_argument("--course", required=True)
    args = parser.parse_args()
    pg = args.dialect == "pg"

    def rng(n):
        return f"generate_series(1, {n}) AS g(x)" if pg else f"SYSTEM_RANGE(1, {n}) g"

    def days_ago(expr):
        return f"(now() - ({expr}) * interval '1 day')" if pg else f"DATEADD('DAY', -({expr}), CURRENT_TIMESTAMP)"

    def days_ahead(expr):
        return f"(now() + ({expr}) * interval '1 day')" if pg else f"DATEADD('DAY', {expr}, CURRENT_TIMESTAMP)"

    def pad(expr):
        return f"lpad(cast({expr} as varchar), 5, '0')" if pg else f"LPAD(CAST({expr} AS VARCHAR), 5, '0')"

    def q(value):
        return "NULL" if value is None else "'" + value.replace("'", "''") + "'"

    course_steps = steps(args.course)
    out = []
    out.append("CREATE TABLE bench_step (pos INTEGER, step_id VARCHAR(100), kind VARCHAR(20), a0 VARCHAR(4000),"
               " a1 VARCHAR(4000), a2 VARCHAR(4000));")
    for pos, (sid, kind, answers) in enumerate(course_steps):
        out.append(f"INSERT INTO bench_step VALUES ({pos}, {q(sid)}, {q(kind)}, {q(answers[0])}, {q(answers[1])},"
                   f" {q(answers[2])});")
    hash_ = "(SELECT password_hash FROM account WHERE tenant_id = 'acme' AND email = 'manager@acme.example')"
    out.append(f"""INSERT INTO account (id, tenant_id, email, display_name, role, password_hash, active, failed_sign_ins,
  manager_id, created_at, version, team)
SELECT 'bm-' || {pad('x')}, 'acme', 'bench-manager-' || x || '@acme.example', 'Manager ' || {pad('x')}, 'MANAGER',
  {hash_}, TRUE, 0, NULL, {days_ago('400')}, 1, 'Team ' || x FROM {rng(MANAGERS)};""")
    per_team = LEARNERS // MANAGERS
    out.append(f"""INSERT INTO account (id, tenant_id, email, display_name, role, password_hash, active, failed_sign_ins,
  manager_id, created_at, version, team)
SELECT 'bl-' || {pad('x')}, 'acme', 'bench-learner-' || x || '@acme.example', 'Learner ' || {pad('x')}, 'LEARNER',
  {hash_}, TRUE, 0, 'bm-' || {pad(f'(x - 1) / {per_team} + 1')}, {days_ago('400')}, 1, 'Team ' || ((x - 1) / {per_team} + 1)
FROM {rng(LEARNERS)};""")
    out.append(f"""INSERT INTO step_progress (id, tenant_id, account_id, course_id, course_version, step_id, answer, correct,
  seconds_spent, completed_at, updated_at, version)
SELECT 'sp-' || x || '-' || s.pos, 'acme', 'bl-' || {pad('x')}, '{COURSE}', 1, s.step_id,
  CASE MOD(x, 3) WHEN 0 THEN s.a0 WHEN 1 THEN s.a1 ELSE s.a2 END,
  CASE WHEN s.kind = 'check' THEN MOD(x + s.pos, 4) <> 0 ELSE NULL END,
  60, {days_ago('MOD(x, 90) + 1')}, {days_ago('MOD(x, 90)')}, 1
FROM {rng(LEARNERS)} CROSS JOIN bench_step s WHERE s.pos < 1 + MOD(x * 7, 39);""")
    done = f"FROM {rng(LEARNERS)} WHERE MOD(x, 10) = 0"
    out.append(f"""INSERT INTO course_completion (id, tenant_id, account_id, course_id, course_version, assessment_percent,
  seconds_spent, completed_at, round_no)
SELECT 'cc-' || x, 'acme', 'bl-' || {pad('x')}, '{COURSE}', 1, 80 + MOD(x, 20), 3600, {days_ago('100')}, 1 {done};""")
    out.append(f"""INSERT INTO assessment_attempt (id, tenant_id, account_id, course_id, course_version, question_ids, answers,
  correct_count, question_count, pass_percent, percent, passed, started_at, submitted_at, version)
SELECT 'aa-' || x, 'acme', 'bl-' || {pad('x')}, '{COURSE}', 1, 'q1', 'q1=0', 8 + MOD(x, 3), 10, 80, 80 + MOD(x, 3) * 10,
  TRUE, {days_ago('101')}, {days_ago('100')}, 1 {done};""")
    out.append(f"""INSERT INTO certificate (id, tenant_id, code, completion_id, account_id, learner_name, course_id, course_title,
  course_version, score_percent, seconds_spent, completed_at, issued_at, expires_at, revoked_at, revocation_reason,
  revoked_by, credential, version)
SELECT 'ce-' || x, 'acme', 'BENCH' || {pad('x')}, 'cc-' || x, 'bl-' || {pad('x')}, 'Learner ' || {pad('x')}, '{COURSE}',
  'Collaborative Selling', 1, 80, 3600, {days_ago('100')}, {days_ago('100')},
  CASE WHEN MOD(x, 20) = 0 THEN {days_ago('5')} ELSE {days_ahead('600')} END,
  CASE WHEN MOD(x, 100) = 0 THEN {days_ago('3')} ELSE NULL END,
  CASE WHEN MOD(x, 100) = 0 THEN 'OTHER' ELSE NULL END, NULL, '{{}}', 1 {done};""")
    out.append(f"""INSERT INTO course_round (id, tenant_id, account_id, course_id, round_no, opened_at, due_at)
SELECT 'cr-' || x, 'acme', 'bl-' || {pad('x')}, '{COURSE}', 1, {days_ago('400')},
  CASE WHEN MOD(x, 14) = 0 THEN {days_ago('10')} ELSE {days_ahead('30')} END
FROM {rng(LEARNERS)} WHERE MOD(x, 7) = 0 AND MOD(x, 10) <> 0;""")
    out.append("DROP TABLE bench_step;")
    out.append("ANALYZE;")
    print("\n".join(out))


if __name__ == "__main__":
    main()
