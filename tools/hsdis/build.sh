#!/usr/bin/env bash
# Builds a HotSpot disassembler plugin (hsdis-amd64.so) on Debian's capstone, for reading what C2 made of a
# kernel's loop: -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,*VectorOptimizers::adamCommonCase
# -XX:PrintAssemblyOptions=intel, with LD_LIBRARY_PATH pointing at the folder this script writes to.
#
#   tools/hsdis/build.sh [OUT_DIR]      (default: target/hsdis; needs gcc and libcapstone-dev)
#
# Debian 12's capstone (4.0) decodes most AVX-512 code but prints a few EVEX forms as .byte runs followed by
# nonsense (seen for some vmulps with a memory operand): read around them. Debian's libhsdis0-fcml decodes no
# EVEX at all.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/hsdis}
mkdir -p "$out"
gcc -O2 -shared -fPIC -o "$out/hsdis-amd64.so" tools/hsdis/hsdis-capstone.c -lcapstone
echo "wrote $out/hsdis-amd64.so; run java with LD_LIBRARY_PATH=$out"
