#!/usr/bin/env bash
# The PyTorch and Lightning half of the suite on a CUDA machine that has its own PyTorch (not `pip install -e .`):
# the checkout on PYTHONPATH, LESSON_DEVICE=cuda. Tests that need TensorFlow skip with the reason where it is missing.
#   1. tests/snippets/test_gpu.py: every training snippet on the GPU and on the CPU, numbers written to $OUT/agreement.jsonl
#   2. the snippet tests with LESSON_DEVICE=cuda, then with LESSON_DEVICE=cpu, each timed
# Then, on any machine: python bench/gpu_results.py $OUT  ->  bench/gpu_results.md
# Pure-Python test tools the machine lacks (mkdocs, pymdown-extensions, pytest-markdown-docs, ...) may be carried as
# wheels in .whl/ (see README, "GPU tests").
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-bench/gpu-out}
WORKERS=${WORKERS:-8}
GPU_DEVICE=${GPU_DEVICE:-cuda}  # cpu: a dry run of this script on a machine without a GPU (the GPU tests then skip)
PYTHON=${PYTHON:-python3}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
if compgen -G ".whl/*.whl" >/dev/null; then
  "$PYTHON" -m pip install -q --no-index --no-deps --no-compile --upgrade --target /tmp/lesson-wheels .whl/*.whl || exit 1
  export PYTHONPATH="/tmp/lesson-wheels"
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" MPLBACKEND=Agg NO_MKDOCS_2_WARNING=1 PYTHONUNBUFFERED=1
export MPLCONFIGDIR=/tmp/lesson-matplotlib

"$PYTHON" - >"$OUT/environment.json" <<'PY'
import json, platform, subprocess
import torch
info = {"python": platform.python_version(), "torch": torch.__version__, "cuda": torch.version.cuda,
        "cudnn": torch.backends.cudnn.version(), "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None}
try:
    import pytorch_lightning
    info["pytorch_lightning"] = pytorch_lightning.__version__
except ImportError:
    info["pytorch_lightning"] = None
try:
    import tensorflow
    info["tensorflow"] = tensorflow.__version__
except ImportError:
    info["tensorflow"] = None
try:
    info["nvidia_smi"] = subprocess.run(["nvidia-smi", "--query-gpu=name,driver_version,memory.total",
                                         "--format=csv,noheader"], capture_output=True, text=True).stdout.strip()
except FileNotFoundError:
    info["nvidia_smi"] = None
info["cpu_count"] = __import__("os").cpu_count()
print(json.dumps(info, indent=1))
PY
cat "$OUT/environment.json"

gpu_test=$(find tests -name test_gpu.py | head -1)
snippet_tests=${SNIPPET_TESTS:-$( (ls -d tests/snippets 2>/dev/null || ls tests/test_snippets_*.py) | tr '\n' ' ')}

timed() {  # timed NAME DEVICE pytest-args... : run pytest, keep its log and the wall time
  local name=$1 device=$2; shift 2
  local start end status
  start=$(date +%s%N)
  LESSON_DEVICE=$device "$PYTHON" -m pytest -p no:cacheprovider -q -rs -n "$WORKERS" "$@" >"$OUT/$name.log" 2>&1
  status=$?
  end=$(date +%s%N)
  tail -n 3 "$OUT/$name.log"
  printf '{"run": "%s", "device": "%s", "seconds": %d.%d, "exit": %d, "summary": "%s"}\n' "$name" "$device" \
    $(((end - start) / 1000000000)) $(((end - start) / 100000000 % 10)) "$status" "$(tail -n 1 "$OUT/$name.log" | tr -d '"=' | sed 's/^ *//')" >>"$OUT/timings.jsonl"
}

rm -f "$OUT/agreement.jsonl" "$OUT/timings.jsonl"
LESSON_GPU_AGREEMENT="$OUT/agreement.jsonl" timed gpu-agreement "$GPU_DEVICE" "$gpu_test" --junitxml="$OUT/gpu-agreement.xml"
# shellcheck disable=SC2086
timed snippets-cuda "$GPU_DEVICE" $snippet_tests --junitxml="$OUT/snippets-cuda.xml"
# shellcheck disable=SC2086
timed snippets-cpu cpu $snippet_tests --junitxml="$OUT/snippets-cpu.xml"
cat "$OUT/timings.jsonl"
