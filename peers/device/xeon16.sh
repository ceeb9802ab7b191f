#!/usr/bin/env bash
# One prepared run on the lent many-core machine (no JDK there): lanewise's JMH benchmarks from a carried
# jlink runtime (.device-jre) and jar (.device/lanewise.jar), beside the PyTorch installed on that machine,
# in the same run. Writes everything under $OUT. Used for the many-core figures of issues 10 and 13.
#
#   build; copy harness/target/lanewise.jar to .device/ without the peers the run does not load (tribuo,
#   jfree, protobuf, ...: the carried files must stay under 64 MiB); then, on the device machine:
#   bash peers/device/xeon16.sh
set -u
OUT=${OUT:-/tmp/lanewise-device}
mkdir -p "$OUT"
JAVA=.device-jre/bin/java
JAR=.device/lanewise.jar
CORES=$(nproc)
{ date -u; lscpu; echo "nproc $CORES"; free -g; "$JAVA" -version 2>&1;
  python3 -c 'import torch, sys; print("torch", torch.__version__, "python", sys.version.split()[0])'; } > "$OUT/machine.txt" 2>&1
JMH=("$JAVA" --add-modules=jdk.incubator.vector -cp "$JAR" org.openjdk.jmh.Main)
PLAN=(-f 1 -wi 5 -w 1s -i 4 -r 1s -foe true)
export MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=4294967296

# 1. MLP 784-256-10 train step through the model layer, and the same step in PyTorch.
"${JMH[@]}" 'MlpTrainStepBenchmark' -p batch=64,256 -p threads=1,2,$CORES "${PLAN[@]}" \
    -rf json -rff "$OUT/mlp-step-lanewise.json" > "$OUT/mlp-step-lanewise.log" 2>&1
for t in 1 2 $CORES; do
  wait_policy=""; [ "$t" -gt 1 ] && wait_policy=PASSIVE
  OMP_WAIT_POLICY=$wait_policy timeout 120 python3 peers/torch/mlp_step.py --threads $t --warmup-steps 300 --steps 1000 --repeats 5 \
      > "$OUT/mlp-step-torch-$t.json" 2> "$OUT/mlp-step-torch-$t.err"
done

# 2. sgemm, 1 thread and all cores, and torch.mm on the same shapes.
"${JMH[@]}" 'GemmBenchmark.sgemmLanewise$' -p shape=512,1024,2048,256x784x256,256x256x10,256x10x256:NT \
    -p threads=1,$CORES "${PLAN[@]}" -rf json -rff "$OUT/gemm-lanewise.json" > "$OUT/gemm-lanewise.log" 2>&1
timeout 180 python3 peers/torch/gemm.py --threads 1 $CORES --repeats 5 > "$OUT/gemm-torch.json" 2> "$OUT/gemm-torch.err"
echo done > "$OUT/finished"
