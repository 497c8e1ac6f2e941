"""Device choice: LESSON_DEVICE forces cpu or cuda, and asking for a GPU that is not there fails loudly."""

import os
import subprocess
import sys

import pytest
import torch

from lessonkit import REPO_ROOT
from snippets.common.device import DeviceUnavailableError, requested_device, torch_device


def test_cpu_can_be_forced(monkeypatch):
    monkeypatch.setenv("LESSON_DEVICE", "cpu")
    assert torch_device() == torch.device("cpu")


def test_an_unknown_device_is_refused(monkeypatch):
    monkeypatch.setenv("LESSON_DEVICE", "tpu")
    with pytest.raises(ValueError, match="use 'auto', 'cpu' or 'cuda'"):
        requested_device()


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a GPU")
def test_asking_for_cuda_without_a_gpu_fails_instead_of_using_the_cpu(monkeypatch):
    monkeypatch.setenv("LESSON_DEVICE", "cuda")
    with pytest.raises(DeviceUnavailableError, match="LESSON_DEVICE=cuda, but PyTorch sees no CUDA GPU"):
        torch_device()


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a GPU")
def test_a_gpu_test_run_without_a_gpu_stops_with_a_clear_message():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/snippets/test_device.py"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "LESSON_DEVICE": "cuda"},
    )
    assert result.returncode == 3
    assert "LESSON_DEVICE=cuda, but PyTorch" in result.stdout + result.stderr
