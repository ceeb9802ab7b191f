#!/usr/bin/env bash
# The digits MLP fit comparison (run_mlp_digits.sh) on the lent many-core machine, which has no JDK: lanewise
# from a carried jlink runtime (.device-jre) and jar (.device/lanewise.jar), scikit-learn from that
# machine's python3 where it has one. Each setting writes its own results under $OUT, so a run cut short keeps
# what it finished; merge them with mlp_digits_report.py.
#
#   build (mvn -DskipTests package); jlink a runtime into .device-jre (java.base, java.logging, java.management,
#   jdk.management, jdk.unsupported, jdk.incubator.vector; about 45 MB); copy harness/target/lanewise.jar to
#   .device/ without the peers this command does not load (everything but dev/, picocli/, org/apache/commons/
#   and META-INF/: about 5 MB, so that the carried files stay under 64 MiB); then, on the device machine:
#   bash peers/device/mlp_digits_fit.sh
set -u
OUT=${OUT:-/tmp/lanewise-device}
mkdir -p "$OUT"
export JAVA_HOME=$PWD/.device-jre PATH=$PWD/.device-jre/bin:$PATH
mkdir -p harness/target && cp .device/lanewise.jar harness/target/lanewise.jar
PYTHON=$(command -v python3 || true)
{ date -u; lscpu; echo "nproc $(nproc)"; uptime; free -g; java -version 2>&1;
  "$PYTHON" -c 'import sklearn, numpy, sys; print("sklearn", sklearn.__version__, "numpy", numpy.__version__, "python", sys.version.split()[0])' 2>&1; } \
  > "$OUT/machine.txt"
if ! "$PYTHON" -c 'import sklearn' 2>/dev/null; then
  echo "no scikit-learn on this machine: lanewise alone" >> "$OUT/machine.txt"
  exit 1
fi
for setting in early-stopping training-loss; do
  PYTHON=$PYTHON timeout 150 bash peers/sklearn/run_mlp_digits.sh --no-build --repeats "${REPEATS:-5}" --seeds "${SEEDS:-5}" \
    --settings "$setting" --modes "${MODES:-off,background,blocking}" --machine device --out "$OUT/$setting" \
    > "$OUT/$setting.log" 2>&1
done
echo done > "$OUT/finished"
