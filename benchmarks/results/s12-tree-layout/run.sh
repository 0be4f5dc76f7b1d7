#!/bin/bash
# Session 12's scratch measurement of the Merkle tree's rows (BENCHMARKS.md, "Session 12"): V11's layout against V14's,
# the same rows inserted as appends of 8 events on one PostgreSQL, alternately; prints per layout the time, WAL and
# stored bytes per event. Against any PostgreSQL >= 14 a superuser can reach on loopback:
#   run.sh PORT EVENTS REPEATS      (session 12: run.sh 5499 200000 3, on the embedded PostgreSQL 17's binaries)
P=$1; N=$2; R=$3
psql="psql -X -q -h 127.0.0.1 -p $P -U postgres -d postgres"
$psql -v n=$N -f "$(dirname "$0")/layout.sql"
for r in $(seq 1 $R); do
 for layout in old new; do
  $psql -c "TRUNCATE old_node, new_leaf" -c "CHECKPOINT"
  if [ $layout = old ]; then
   body="INSERT INTO old_node (level, position, hash, sequence) SELECT level, position, hash, sequence FROM stage_old WHERE leaf BETWEEN b * 8 AND b * 8 + 7;"; target=old_node
  else
   body="INSERT INTO new_leaf (position, sequence, hash, completed) SELECT position, sequence, hash, completed FROM stage_new WHERE position BETWEEN b * 8 AND b * 8 + 7;"; target=new_leaf
  fi
  $psql -t -A -F ' ' <<SQL
SELECT pg_current_wal_insert_lsn() AS lsn0 \gset
SELECT clock_timestamp() AS t0 \gset
DO \$\$ BEGIN FOR b IN 0 .. ($N / 8) - 1 LOOP $body END LOOP; END \$\$;
SELECT '$layout', round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1e6 / $N, 2) AS micros_per_event,
  round(pg_wal_lsn_diff(pg_current_wal_insert_lsn(), :'lsn0') / $N::numeric, 1) AS wal_bytes_per_event,
  round(pg_total_relation_size('$target') / $N::numeric, 1) AS stored_bytes_per_event;
SQL
 done
done
