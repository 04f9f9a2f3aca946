#!/bin/sh
# Query latency on a store of 1,000,000 merged events (issue 8).
# Builds the store once: parley writes the schema from one coded article,
# then SQL fills 1,000,000 synthetic event mentions/clusters (ten dyads over
# 400 days), which is how a large store looks to the query layer.
set -eu
bin=${1:-build/parley}
n=${QUERY_EVENTS:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
db=$here/query-bench.db
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 command"; exit 1; }
if [ ! -s "$db" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  echo '{"id":"seed","date":"2024-01-01","text":"Officials met."}' | \
    "$bin" code --quiet --input jsonl --db "$db" > /dev/null
  sqlite3 "$db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n)
INSERT INTO documents(id, date, source, hash, bytes, sentences)
SELECT 'd' || i, date('2024-01-01', '+' || (i % 400) || ' days'),
       'outlet' || (i % 50), printf('%016x', i), 1000, 1 FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n)
INSERT INTO records(rid, doc, type, sent, date, code, root, quad, goldstein,
                    source_code, target_code, span_start, span_end, json,
                    src_key, tgt_key, cluster)
SELECT i + 10, 'd' || i, 'event', 0, date('2024-01-01', '+' || (i % 400) || ' days'),
       substr('040 042 190 1823112 036 046 0871173 ', 1 + 4 * (i % 9), 3),
       substr('0404190211030408170', 1 + 2 * (i % 9), 2), 1 + i % 4, 1.0,
       substr('USAGOVQATGOVISRMILPSEREBEGYSECRUSMILUKRGOVIRNGOVTURGOVCHNGOV', 1 + 6 * (i % 10), 6),
       substr('QATGOVUSAGOVPSEREBISRMILPSEREBUKRMILRUSGOVISRGOVEGYGOVUSAGOV', 1 + 6 * ((i / 10) % 10), 6),
       0, 10, '{"type":"event","doc":"d' || i || '","sent":0}',
       substr('USAGOVQATGOVISRMILPSEREBEGYSECRUSMILUKRGOVIRNGOVTURGOVCHNGOV', 1 + 6 * (i % 10), 6),
       substr('QATGOVUSAGOVPSEREBISRMILPSEREBUKRMILRUSGOVISRGOVEGYGOVUSAGOV', 1 + 6 * ((i / 10) % 10), 6),
       i + 10 FROM s;
INSERT INTO clusters(cid, type, root, code, src_key, tgt_key, date, first_seen,
                     num_mentions, num_articles, num_sources, rep)
SELECT cluster, 'event', root, code, src_key, tgt_key, date, date, 1, 1, 1, rid
FROM records WHERE type = 'event' AND cluster IS NOT NULL;
COMMIT;
ANALYZE;
SQL
fi
echo "store: $(sqlite3 "$db" "select count(*) from clusters") merged events, $(du -m "$db" | cut -f1) MB"
t() { # best of 3, milliseconds
  best=999999
  for k in 1 2 3; do
    s=$(date +%s%N); "$bin" query --db "$db" "$@" > /dev/null; e=$(date +%s%N)
    ms=$(( (e - s) / 1000000 )); [ $ms -lt $best ] && best=$ms
  done
  printf '%6d ms  parley query %s\n' "$best" "$*"
}
t --source ISRMIL --since 2024-06-01 --until 2024-06-07
t --actor PSE --since 2024-06-01 --until 2024-06-30 --limit 1000
t --code 190 --since 2024-12-01 --until 2024-12-02
t --doc d12345 --raw
t --source USAGOV --limit 100
echo "(empty filter, full scan, for contrast:)"
t --limit 1000
