#!/usr/bin/env bash
# The digits MLP fit, lanewise against scikit-learn's MLPClassifier (issue 10's bar), on one machine in one run;
# writes results/<machine>/mlp-digits-fit.md with the raw JSON beside it (mlp-digits-fit/):
#   1. scikit-learn (mlp_digits.py on Debian's python3-sklearn): the median of --repeats fits, and the rows it
#      used (its train/test split and its early-stopping validation rows);
#   2. lanewise on those rows (`lanewise mlp-fit-timing`), a fresh JVM per repeat: the cold fit (first call to
#      fitted model), then warm fits; once per warm-up mode (--modes), interleaved, so that a change of load
#      on a shared machine touches every mode alike;
#   3. the report (mlp_digits_report.py), with the load averages before and after.
# Both scikit-learn settings are run by default: early_stopping=True (validation accuracy; lanewise's
# validation-accuracy rule) and early_stopping=False (training loss, tol; lanewise's training-loss rule).
# Run it on a quiet machine: every step measures time.
#
# Usage: peers/sklearn/run_mlp_digits.sh [--repeats N] [--modes LIST] [--settings LIST] [--seeds N]
#                                         [--machine NAME] [--out DIR] [--no-build]
#   --repeats:  scikit-learn fits and lanewise JVMs per mode and setting (default 5)
#   --modes:    lanewise warm-up modes, comma-separated, of off, background, blocking, app-background
#               (default off,background,blocking)
#   --settings: early-stopping and/or training-loss (default both)
#   --jvm-variants: more lanewise runs with JVM flags, warm-up off, as 'name=flags;name=flags' (default none),
#               e.g. 'notiered=-XX:-TieredCompilation'; they run interleaved with the modes
#   --seeds:    untimed fits with seeds 0..N-1 on each side, for the accuracy comparison (default 10)
#   --machine:  the folder under --out (default: from lscpu's model name and the core count, as `lanewise bench`)
#   --out:      the results root (default: results)
set -euo pipefail
cd "$(dirname "$0")/../.."

REPEATS=5
MODES=off,background,blocking
SETTINGS=early-stopping,training-loss
SEEDS=10
VARIANTS=""
MACHINE=""
OUT=results
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS=$2; shift 2 ;;
    --modes) MODES=$2; shift 2 ;;
    --settings) SETTINGS=$2; shift 2 ;;
    --seeds) SEEDS=$2; shift 2 ;;
    --jvm-variants) VARIANTS=$2; shift 2 ;;
    --machine) MACHINE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument '$1' (--help)" >&2; exit 2 ;;
  esac
done
PYTHON=${PYTHON:-/usr/bin/python3}

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

if [ "$BUILD" = 1 ]; then
  # package, not install: the reactor resolves the modules without touching ~/.m2.
  mvn -B -q -DskipTests package
fi
[ -f "$JAR" ] || { echo "no $JAR: build first (drop --no-build)" >&2; exit 1; }

model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
[ -n "$model" ] || model=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo | head -1)
if [ -z "$MACHINE" ]; then
  # The rule of BenchCommand.defaultMachineName, so that every report of a machine lands in one folder.
  MACHINE=$(printf '%s' "$model" | tr '[:upper:]' '[:lower:]' | sed -E 's/\(r\)|\(tm\)|cpu|@.*$/ /g' \
    | sed -E 's/^[[:space:]]+|[[:space:]]+$//g; s/[^a-z0-9]+/-/g; s/^-|-$//g')-$(nproc)c
fi
DEST="$OUT/$MACHINE"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_BEFORE=$(load)
echo "machine $MACHINE ($model, $(nproc) cores), load $LOAD_BEFORE, JDK $JAVA_HOME, scratch $WORK" >&2

for setting in ${SETTINGS//,/ }; do
  case "$setting" in
    early-stopping) SK_FLAG=(); STOPPING=validation-accuracy ;;
    training-loss) SK_FLAG=(--no-early-stopping); STOPPING=training-loss ;;
    *) echo "--settings must name early-stopping and/or training-loss, was '$setting'" >&2; exit 2 ;;
  esac
  echo "== $setting: scikit-learn" >&2
  "$PYTHON" peers/sklearn/mlp_digits.py "${SK_FLAG[@]}" --repeats "$REPEATS" --accuracy-seeds "$SEEDS" \
    --splits-dir "$WORK/splits-$setting" --json "$WORK/sklearn-$setting.json"
  echo "== $setting: lanewise, $REPEATS fresh JVMs per mode ($MODES)" >&2
  RUNS=(${MODES//,/ })
  IFS=';' read -r -a VARIANT_LIST <<< "$VARIANTS"
  for v in "${VARIANT_LIST[@]}"; do [ -n "$v" ] && RUNS+=("${v%%=*}"); done
  for i in $(seq 1 "$REPEATS"); do
    for mode in "${RUNS[@]}"; do
      case "$mode" in
        off|background|blocking) PROP=(-Dlanewise.warmUp="$mode"); OPT=() ;;
        app-background) PROP=(); OPT=(--warm-up background) ;;
        *)
          flags=""
          for v in "${VARIANT_LIST[@]}"; do [ "${v%%=*}" = "$mode" ] && flags=${v#*=}; done
          [ -n "$flags" ] || { echo "--modes must name off, background, blocking or app-background, was '$mode'" >&2; exit 2; }
          read -r -a PROP <<< "-Dlanewise.warmUp=off $flags"; OPT=() ;;
      esac
      SEED_OPT=()
      [ "$i" = 1 ] && [ "$mode" = "${MODES%%,*}" ] && SEED_OPT=(--accuracy-seeds "$SEEDS")
      java --add-modules=jdk.incubator.vector "${PROP[@]}" -jar "$JAR" mlp-fit-timing --splits "$WORK/splits-$setting" \
        --stopping "$STOPPING" "${OPT[@]}" "${SEED_OPT[@]}" --json "$WORK/lanewise-$setting-$mode-$i.json" 2>&1 \
        | grep -v '^WARNING: Using incubator modules' | sed "s/^/  [$mode $i] /" >&2
    done
  done
done
LOAD_AFTER=$(load)

mkdir -p "$DEST/mlp-digits-fit"
cp "$WORK"/*.json "$DEST/mlp-digits-fit/"
"$PYTHON" peers/sklearn/mlp_digits_report.py --work "$WORK" --out-dir "$DEST" \
  --machine-line "$model, $(nproc) cores ($MACHINE)" --load-before "$LOAD_BEFORE" --load-after "$LOAD_AFTER" \
  --command "peers/sklearn/run_mlp_digits.sh --repeats $REPEATS --modes $MODES --settings $SETTINGS --seeds $SEEDS${VARIANTS:+ --jvm-variants '$VARIANTS'}"
