#!/usr/bin/env bash
# lanewise's linear models against scikit-learn (issue 9), on one machine in one run; writes
# results/<machine>/linear-models.md with the raw JSON beside it:
#   1. scikit-learn's fits (linear_models.py on Debian's python3-sklearn), which also writes its split's rows;
#   2. lanewise's fits on those same rows (`lanewise linear-fit-timing`, a fresh JVM per problem: the cold
#      first fit, warm fits, and the fewest epochs that reach each of scikit-learn's test accuracies);
#   3. JMH: LinearModelBenchmark with -prof gc (epoch time, step time at batch 256, bytes allocated per op);
#   4. the report (linear_report.py).
# Run it on a quiet machine: every step measures time.
#
# Usage: peers/sklearn/run_linear_report.sh [--plan standard|quick|smoke] [--machine NAME] [--out DIR] [--no-build]
#   standard (default): JMH 1 fork, 4 x 1 s warmup, 5 x 1 s measurement; 15 timed fits a model, 20 warm-up fits
#   quick:              JMH 1 fork, 3 x 0.5 s + 3 x 0.5 s; 5 timed fits, 10 warm-up fits
#   smoke:              JMH in this JVM (-f 0), 1 x 100 ms; 1 timed fit, 1 warm-up fit: checks that it all runs
#   --machine: the folder under --out (default: from lscpu's model name and the core count, as `lanewise bench`)
#   --out: the results root (default: results)
set -euo pipefail
cd "$(dirname "$0")/../.."

PLAN=standard
MACHINE=""
OUT=results
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --plan) PLAN=$2; shift 2 ;;
    --machine) MACHINE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument '$1' (--help)" >&2; exit 2 ;;
  esac
done
case "$PLAN" in
  standard) JMH_PLAN=(-f 1 -wi 4 -w 1s -i 5 -r 1s); PLAN_WORDS="1 fork, 4 x 1 s warmup, 5 x 1 s measurement"; REPEATS=15; WARMUP=20 ;;
  quick) JMH_PLAN=(-f 1 -wi 3 -w 500ms -i 3 -r 500ms); PLAN_WORDS="1 fork, 3 x 0.5 s warmup, 3 x 0.5 s measurement"; REPEATS=5; WARMUP=10 ;;
  smoke) JMH_PLAN=(-f 0 -wi 0 -i 1 -r 100ms); PLAN_WORDS="smoke: no fork, 1 x 0.1 s (not a result)"; REPEATS=1; WARMUP=1 ;;
  *) echo "--plan must be standard, quick or smoke, was '$PLAN'" >&2; exit 2 ;;
esac
EPOCHS_DIGITS=60
EPOCHS_BREAST_CANCER=100
PYTHON=/usr/bin/python3

# A JDK 25 or newer: $JAVA_HOME if it is one, else the newest under /usr/lib/jvm (as ./lanewise does).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
jdk_ok() { [ -n "$1" ] && [ -x "$1/bin/java" ] && [ "$(java_major "$1")" -ge 25 ] 2>/dev/null; }
if ! jdk_ok "${JAVA_HOME:-}"; then
  JAVA_HOME=""
  best=0
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    jdk_ok "$d" || continue
    v=$(java_major "$d")
    if [ "$v" -gt "$best" ]; then JAVA_HOME=$d; best=$v; fi
  done
  [ -n "$JAVA_HOME" ] || { echo "needs a JDK 25 or newer (JAVA_HOME or /usr/lib/jvm)" >&2; exit 1; }
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
JAR=harness/target/lanewise.jar
JAVA=(java --add-modules=jdk.incubator.vector)

if [ "$BUILD" = 1 ]; then
  # package, not install: the reactor resolves the modules without touching ~/.m2.
  mvn -B -q -DskipTests package
fi
[ -f "$JAR" ] || { echo "no $JAR: build first (drop --no-build)" >&2; exit 1; }

if [ -z "$MACHINE" ]; then
  model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
  [ -n "$model" ] || model=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo | head -1)
  # The rule of BenchCommand.defaultMachineName, so that every report of a machine lands in one folder.
  MACHINE=$(printf '%s' "$model" | tr '[:upper:]' '[:lower:]' | sed -E 's/\(r\)|\(tm\)|cpu|@.*$/ /g' \
    | sed -E 's/^[[:space:]]+|[[:space:]]+$//g; s/[^a-z0-9]+/-/g; s/^-|-$//g')-$(nproc)c
fi
DEST="$OUT/$MACHINE"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "machine $MACHINE, plan $PLAN, JDK $JAVA_HOME, scratch $WORK" >&2

echo "== 1/4 scikit-learn" >&2
"$PYTHON" peers/sklearn/linear_models.py --repeats "$REPEATS" --splits-dir "$WORK/splits" --json "$WORK/sklearn.json" \
  --epochs digits=$EPOCHS_DIGITS --epochs breast_cancer=$EPOCHS_BREAST_CANCER

echo "== 2/4 lanewise fits" >&2
targets() { # the test accuracies scikit-learn reached on problem $1, comma-separated, exactly as Python prints them
  "$PYTHON" -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(",".join(repr(m["accuracy"]) for p in d["problems"] if p["problem"] == sys.argv[2] for m in p["models"]))' "$WORK/sklearn.json" "$1"
}
LANEWISE_JSON=()
for problem in digits breast_cancer; do
  "${JAVA[@]}" -jar "$JAR" linear-fit-timing --problems "$problem" --splits "$WORK/splits" \
    --epochs digits=$EPOCHS_DIGITS --epochs breast_cancer=$EPOCHS_BREAST_CANCER \
    --target "$problem=$(targets "$problem")" --warmup-fits "$WARMUP" --repeats "$REPEATS" --json "$WORK/lanewise-$problem.json"
  LANEWISE_JSON+=("$WORK/lanewise-$problem.json")
done

echo "== 3/4 JMH" >&2
# No -jvmArgs here: the benchmark's own fork flags (with --add-modules) must stay in force.
"${JAVA[@]}" -cp "$JAR" org.openjdk.jmh.Main 'bench\.LinearModelBenchmark\.' -prof gc "${JMH_PLAN[@]}" \
  -rf json -rff "$WORK/jmh.json"

echo "== 4/4 report" >&2
"$PYTHON" peers/sklearn/linear_report.py --sklearn "$WORK/sklearn.json" --lanewise "${LANEWISE_JSON[@]}" \
  --jmh "$WORK/jmh.json" --out-dir "$DEST" --plan "$PLAN_WORDS" \
  --command "peers/sklearn/run_linear_report.sh --plan $PLAN"
