"""Where the pkuseg segmentation model lives, and how it gets there without a model hub.

spacy-pkuseg ships no model and downloads one from GitHub at first use, which fails
offline. The package index has the model, though: the ``pkuseg==0.0.25`` wheel (cp37,
manylinux1) bundles its default model under ``pkuseg/models/default`` (``features.pkl``,
``weights.npz``), which ``spacy_pkuseg.pkuseg(model_name=PATH)`` loads. ``fetch()`` asks
pip for that wheel (the one download, from the configured package index, at setup time —
``make test`` runs it), unpacks the two model files into ``default_dir()`` and re-saves the
features in spacy-pkuseg's own format.

    python -m policyparse.nlp.model            # fetch into the default place
    python -m policyparse.nlp.model --dest D   # or into D

At run time nothing is downloaded: :func:`model_dir` only looks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ..errors import InputError

ENV = "POLICYPARSE_PKUSEG_MODEL"
WHEEL = "pkuseg==0.0.25"
MEMBERS = ("pkuseg/models/default/features.pkl", "pkuseg/models/default/weights.npz")


def default_dir() -> Path:
    """``<environment>/share/policyparse/pkuseg-default``: inside the virtualenv, beside the package."""
    return Path(sys.prefix) / "share" / "policyparse" / "pkuseg-default"


def is_model(path: Path) -> bool:
    return all((path / Path(m).name).is_file() for m in MEMBERS)


def model_dir() -> Path:
    """The model to load: ``$POLICYPARSE_PKUSEG_MODEL`` if set, else :func:`default_dir`."""
    env = os.environ.get(ENV)
    path = Path(env) if env else default_dir()
    if not is_model(path):
        where = f"${ENV} ({path})" if env else str(path)
        raise InputError(
            f"no pkuseg model at {where}: run `python -m policyparse.nlp.model` to fetch it from the "
            "package index, or use segmenter='jieba'"
        )
    return path


def unpack(wheel: Path, dest: Path) -> Path:
    """Copy the default model's two files out of a ``pkuseg`` wheel into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(wheel) as z:
            names = set(z.namelist())
            missing = [m for m in MEMBERS if m not in names]
            if missing:
                raise InputError(f"not a pkuseg wheel with a bundled model (no {missing[0]})", str(wheel))
            for m in MEMBERS:
                part = dest / (Path(m).name + ".part")
                with z.open(m) as src, open(part, "wb") as out:
                    while chunk := src.read(1 << 20):
                        out.write(chunk)
                part.replace(dest / Path(m).name)  # a half-written model is never loaded
    except zipfile.BadZipFile as e:
        raise InputError(f"not a wheel: {e}", str(wheel)) from None
    return dest


def fetch(dest: Path | None = None) -> Path:
    """Download the ``pkuseg`` wheel with pip (package index only) and unpack its model."""
    dest = dest or default_dir()
    if is_model(dest):
        return dest
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
               "--python-version", "3.7", "--platform", "manylinux1_x86_64", "--dest", tmp, WHEEL]
        done = subprocess.run(cmd, capture_output=True, text=True)
        wheels = sorted(Path(tmp).glob("pkuseg-*.whl"))
        if done.returncode or not wheels:
            last = (done.stderr.strip().splitlines() or ["no wheel"])[-1]
            raise InputError(f"pip could not download {WHEEL}: {last}")
        return unpack(wheels[0], dest)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m policyparse.nlp.model",
                                 description="Fetch the pkuseg default model from the package index.")
    ap.add_argument("--dest", type=Path, default=None, help=f"where to put it (default: {default_dir()})")
    ap.add_argument("--wheel", type=Path, default=None, help="unpack this pkuseg wheel instead of downloading")
    args = ap.parse_args(argv)
    try:
        path = unpack(args.wheel, args.dest or default_dir()) if args.wheel else fetch(args.dest)
    except InputError as e:
        print(f"policyparse: {e}", file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
