"""A spaCy pipeline for Chinese policy text: ``spacy.blank("zh")`` with a segmenter.

No spaCy Chinese pipeline package is on the package index, and spacy-pkuseg downloads
its model at first use; :func:`chinese` builds the blank pipeline with the pkuseg model
fetched at setup (:mod:`policyparse.nlp.model`), or with jieba (in the ``nlp`` extra, no
model file) or single characters.

>>> nlp = chinese("jieba")
>>> [t.text for t in nlp("6月底前完成")]
['6', '月底', '前', '完成']
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.language import Language

Segmenter = Literal["pkuseg", "jieba", "char"]


def _spacy():
    try:
        import spacy
    except ImportError:
        from ..errors import InputError

        raise InputError("spaCy is not installed: pip install 'policyparse[nlp]'") from None
    return spacy


@functools.cache
def _pkuseg_model() -> str:
    from .model import model_dir

    return str(model_dir())


def chinese(segmenter: Segmenter = "pkuseg", *, policyparse: bool = False) -> Language:
    """A blank Chinese spaCy pipeline; ``policyparse=True`` adds the ``policyparse``
    component (measures, units, deadlines and quantities as span groups)."""
    spacy = _spacy()
    if segmenter not in ("pkuseg", "jieba", "char"):
        raise ValueError(f"segmenter must be pkuseg, jieba or char, not {segmenter!r}")
    if segmenter == "jieba":  # spaCy warms jieba up when it builds the tokenizer: quietly
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    if segmenter == "pkuseg":
        import contextlib
        import io

        # user_dict "default" is the dictionary spacy-pkuseg ships in its wheel (no download);
        # loading the wheel's pickled features, spacy-pkuseg warns on stderr that it did
        with contextlib.redirect_stderr(io.StringIO()):
            nlp.tokenizer.initialize(pkuseg_model=_pkuseg_model(), pkuseg_user_dict="default")
    if policyparse:
        from . import component  # noqa: F401  registers the factory

        nlp.add_pipe("policyparse")
    return nlp
