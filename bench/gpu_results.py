"""Write bench/gpu_results.md from what bench/gpu_check.sh left in its output folder.

    python bench/gpu_results.py bench/gpu-out

Per PyTorch/Lightning training snippet: its numbers on the CPU and the GPU side by side with the relative difference;
the machine (GPU, driver, torch, CUDA); the wall time of the snippet tests on each device; what was not run, and why.
"""

import json
import sys
from pathlib import Path

RESULTS = Path(__file__).with_name("gpu_results.md")


def relative_difference(cpu: float, gpu: float) -> float:
    return abs(gpu - cpu) / max(abs(cpu), 1e-12)


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def agreement_table(records: list[dict]) -> list[str]:
    rows = [
        "| snippet | result | CPU | GPU | relative difference |",
        "|---|---|---:|---:|---:|",
    ]
    for record in sorted(records, key=lambda r: r["module"]):
        for name, cpu in record["cpu"].items():
            gpu = record["gpu"].get(name)
            gpu_text = "—" if gpu is None else f"{gpu:.6g}"
            diff = "—" if gpu is None else f"{relative_difference(cpu, gpu):.2%}"
            rows.append(f"| `{record['module']}` | `{name}` | {cpu:.6g} | {gpu_text} | {diff} |")
    return rows


def skipped_tensorflow(log: Path) -> list[str]:
    """The 'SKIPPED ... TensorFlow ...' lines of a pytest -rs log."""
    if not log.exists():
        return []
    return sorted(
        {
            line.strip()
            for line in log.read_text(encoding="utf-8").splitlines()
            if line.startswith("SKIPPED") and ("TensorFlow" in line or "Keras" in line)
        }
    )


def main(out: Path) -> None:
    env = json.loads((out / "environment.json").read_text(encoding="utf-8"))
    records = read_lines(out / "agreement.jsonl")
    timings = read_lines(out / "timings.jsonl")
    worst = max(
        (relative_difference(c, r["gpu"][k]) for r in records for k, c in r["cpu"].items() if k in r["gpu"]),
        default=float("nan"),
    )
    lines = [
        "# PyTorch and Lightning on a GPU: CPU/GPU agreement",
        "",
        "Made by `bench/gpu_check.sh` on a GPU machine, then `python bench/gpu_results.py OUT`. Each training snippet",
        "runs twice in the same process on the same machine, with `LESSON_DEVICE=cuda` and with `LESSON_DEVICE=cpu`, from",
        "the same seed; `tests/snippets/test_gpu.py` checks that the optimizer stepped parameters on the GPU only and that the",
        "numbers agree within its stated tolerance.",
        "",
        "## Machine",
        "",
        f"- GPU: {env.get('gpu')} (nvidia-smi: {env.get('nvidia_smi')})",
        f"- Python {env.get('python')}, torch {env.get('torch')} (CUDA {env.get('cuda')}, cuDNN {env.get('cudnn')}), "
        f"pytorch_lightning {env.get('pytorch_lightning')}, {env.get('cpu_count')} CPU cores",
        f"- TensorFlow: {env.get('tensorflow') or 'not installed on that machine'}",
        "",
        "## Wall time",
        "",
        "| run | device | seconds | exit | pytest summary |",
        "|---|---|---:|---:|---|",
        *[f"| {t['run']} | {t['device']} | {t['seconds']:.1f} | {t['exit']} | {t['summary']} |" for t in timings],
        "",
        f"## Numbers, CPU vs GPU ({len(records)} training snippets; largest relative difference {worst:.2%})",
        "",
        *agreement_table(records),
        "",
        "## Not run on a GPU",
        "",
    ]
    not_run = skipped_tensorflow(out / "gpu-agreement.log") + skipped_tensorflow(out / "snippets-cuda.log")
    if env.get("tensorflow"):
        lines.append("Nothing: TensorFlow was installed there.")
    else:
        lines += [
            "The TensorFlow and Keras cases: TensorFlow is not installed on that machine and nothing can be installed",
            "there from the network (they skip with the reason, listed below).",
            "",
            *[f"- {line}" for line in not_run],
        ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "bench/gpu-out"))
