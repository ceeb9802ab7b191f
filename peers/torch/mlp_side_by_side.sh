#!/usr/bin/env bash
# Issue 10's speed bar in one script run on one machine: lanewise's MLP 784-256-10 train step (JMH,
# MlpTrainStepBenchmark, with -prof gc) and PyTorch's (mlp_step.py, 1 and 2 threads), then a Markdown table.
#
#   peers/torch/mlp_side_by_side.sh OUT_DIR
#
# Needs harness/target/lanewise.jar (mvn -B -q -o verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=NONE)
# and a JDK 25 (JAVA_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64). Extra arguments through the environment:
# JMH_ARGS (e.g. "-p batch=256"), TORCH_ARGS (e.g. "--repeats 11"). Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: $0 OUT_DIR}
mkdir -p "$out"
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
# No -jvmArgsAppend: it would replace the benchmark's --add-modules and measure the scalar path.
# shellcheck disable=SC2086
"$java" --add-modules=jdk.incubator.vector -cp harness/target/lanewise.jar org.openjdk.jmh.Main \
    'MlpTrainStepBenchmark' -prof gc -rf json -rff "$out/mlp-step-lanewise.json" ${JMH_ARGS:-} \
    2>&1 | tee "$out/mlp-step-lanewise.txt"
malloc=(MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=4294967296)
# shellcheck disable=SC2086
env "${malloc[@]}" /usr/bin/python3 peers/torch/mlp_step.py --threads 1 ${TORCH_ARGS:-} > "$out/mlp-step-torch-t1.json"
# shellcheck disable=SC2086
env "${malloc[@]}" OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 peers/torch/mlp_step.py --threads 2 ${TORCH_ARGS:-} \
    > "$out/mlp-step-torch-t2.json"
/usr/bin/python3 peers/torch/mlp_compare.py "$out/mlp-step-lanewise.json" "$out/mlp-step-torch-t1.json" \
    "$out/mlp-step-torch-t2.json" | tee "$out/mlp-step.md"
