"""Similarity of measures: the features behind every alignment decision.

An :class:`Index` holds, for every measure of every plan being compared, sparse
L2-normalised vectors — character-bigram TF-IDF of the body, jieba-word TF-IDF (rjieba) of
the body, character-bigram TF-IDF of the title, the topic-score vector, the
"unit function" vector (unit names without their place, in their short form:
:func:`unit_function`) — so that the similarity of all measures of plan A to all measures of plan B is a handful of sparse
matrix products (the products walk the shared n-grams only: an inverted index). Every
sentence of every body is vectorised too (``passage``: a sentence of one measure against
the whole text of another).
The costlier character alignment (:func:`copied`) runs only on candidate pairs.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .load import Item

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_QUOTES = re.compile(r"[“”\"'‘’「」『』《》〈〉]")

MIN_SENTENCE = 8  # characters (punctuation not counted) a sentence needs to be a passage

# weights of the related score (see docs/compare.md)
WEIGHTS = {"chars": 0.30, "words": 0.25, "title": 0.20, "topics": 0.15, "units": 0.10}


def clean(text: str) -> str:
    return _PUNCT.sub("", _QUOTES.sub("", text))


def char_ngrams(text: str, n: int = 2) -> list[str]:
    t = clean(text)
    if len(t) < n:
        return [t] if t else []
    return [t[i : i + n] for i in range(len(t) - n + 1)]


@functools.cache
def _segmenter():
    """jieba's segmentation (its dictionary and HMM) in jieba-rs, through rjieba: the same
    words as ``jieba.lcut`` — checked on every line of the bundled corpus and by the diff
    and compare outputs staying byte-identical — loaded in 0.2 s instead of 1.4 s and cut
    25x faster (docs/compare.md, "Features")."""
    import rjieba

    return rjieba.cut


def words(text: str) -> list[str]:
    cut = _segmenter()
    return [w for w in cut(clean(text)) if len(w) >= 2 and not w.isdigit()]


@functools.cache
def _unit_names():
    """grammars/unit_names.yaml: the place prefix, the level forms, the frames of names holding
    their place inside, and the full name → short form table (one alternation, longest first)."""
    from .. import grammar

    g = grammar.load("unit_names")
    shorts: dict[str, str] = g["short_forms"]
    return (
        grammar.compile_pattern("unit_names", g["place_prefix"]),
        [(re.compile(x["pattern"]), x["key"]) for x in g["level_forms"]],
        # (a frame may follow the place leading the name: 市生态环境局太谷分局)
        [(grammar.compile_pattern("unit_names", f"(?:{{place}})?(?:{f['name']})"), f["key"]) for f in g["frames"]],
        re.compile(grammar.alternation(list(shorts))),
        shorts,
    )


@functools.lru_cache(maxsize=65536)
def unit_function(name: str) -> str:
    """The comparison key of a unit's name (grammars/unit_names.yaml): the body's function,
    without its place and in its customary short form — 太原市小店区市场监管局, 榆次区市场监督管理局
    → 市场监管局; 国家税务总局晋中市榆次区税务局 → 税务局; 人行榆次区支行 → 人行."""
    prefix, levels, frames, full, shorts = _unit_names()

    def short(s: str) -> str:
        return full.sub(lambda m: shorts[m.group(0)], s)

    f = short(re.sub(r"\s+", "", name))
    for pat, key in frames:
        m = pat.fullmatch(f)
        if m:
            f = short(m.expand(key))
            break
    else:
        f = prefix.sub("", f)
    for pat, key in levels:  # 公安厅 (a province's) / 公安局 (a city's)
        f = short(pat.sub(key, f, count=1))
    return f if len(f) >= 2 else name


def _tfidf(docs: list[list[str]]) -> sparse.csr_matrix:
    """Sublinear TF (1 + log count) × smoothed IDF, rows L2-normalised."""
    flat = [tok for toks in docs for tok in toks]
    vocab = {tok: i for i, tok in enumerate(dict.fromkeys(flat))}  # columns in first-seen order
    ids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
    doc = np.repeat(np.arange(len(docs), dtype=np.int64), [len(toks) for toks in docs])
    width = max(1, len(vocab))
    cells, counts = np.unique(doc * width + ids, return_counts=True)
    rows, cols = np.divmod(cells, width)
    m = sparse.csr_matrix((1.0 + np.log(counts), (rows, cols)), shape=(len(docs), width), dtype=np.float64)
    df = np.bincount(m.indices, minlength=m.shape[1])
    idf = np.log((1 + len(docs)) / (1 + df)) + 1.0
    m = m @ sparse.diags(idf)
    return _l2(m)


def _l2(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


def _bag(docs: list[dict[str, float]], vocab: dict[str, int] | None = None, norm: bool = True) -> sparse.csr_matrix:
    """Rows of named weights; ``vocab`` may be shared between bags (same columns)."""
    if vocab is None:
        vocab = {}
    rows, cols, vals = [], [], []
    for i, d in enumerate(docs):
        for k, v in d.items():
            rows.append(i)
            cols.append(vocab.setdefault(k, len(vocab)))
            vals.append(float(v))
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), max(1, len(vocab))), dtype=np.float64)
    return _l2(m)


def _generic() -> frozenset[str]:
    from .reforms import generic_reforms

    return generic_reforms()


class Index:
    """Feature vectors of a set of measures (all plans of one comparison)."""

    def __init__(self, items: list[Item]):
        self.items = items
        self._rvocab: dict[str, int] = {}
        grams = [char_ngrams(it.body) for it in items]
        self.chars = _tfidf(grams)
        self.words = _tfidf([words(it.body) for it in items])
        self.title = _tfidf([char_ngrams(it.title) for it in items])
        # topic scores, damped so that one dominant topic does not swamp the rest
        self.topics = _bag([{k: math.sqrt(v) for k, v in it.topic_scores.items()} for it in items])
        self.has_units = np.array([bool(it.measure.units) for it in items])
        # each measure's strongest topic area: how much the topic lexicon knows of it
        self.top_topic = np.array([max(it.topic_scores.values(), default=0.0) for it in items])
        self.units = _bag([
            {unit_function(u.name_simplified): 1.0 for u in it.measure.units if not u.generic}
            for it in items
        ])
        self.pos = {id(it): i for i, it in enumerate(items)}
        self._slices: dict[tuple[str, bytes], object] = {}
        self._carriers: dict[str, np.ndarray] = {}
        self._passages(items, grams)
        # named reforms (grammars/reforms.yaml): those of the title (the measure's subject)
        # and those a sentence of the body is devoted to (the sentence names at most
        # DEVOTED reforms) — see reform_links
        from .reforms import broad_reforms, devoted_reforms, reform_ancestors, tag_reforms

        generic = _generic()
        titles = [tag_reforms(it.title) for it in items]
        subject = [{r: 1.0 for r in t - generic} for t in titles]
        acts = [{r: 1.0 for r in devoted_reforms(it.body, context=t) - generic} for it, t in zip(items, titles)]
        # a generic instrument (督查考核, 组织领导 …) links two measures only when it is
        # the subject of both (two 保障措施 items on 考核)
        gsubject = [{r: 1.0 for r in t & generic} for t in titles]
        # the areas a title's instruments are part of (转续贷, 融资担保 → 获得信贷 → 要素保障)
        up = reform_ancestors()
        family = [{a: 1.0 for r in d for a in up.get(r, ())} for d in subject]
        # one column per reform, registered before any bag is built: every bag has the
        # same width, so any two multiply
        for d in subject + acts + gsubject + family:
            for r in d:
                self._rvocab.setdefault(r, len(self._rvocab))
        self.subject = _bag(subject, vocab=self._rvocab, norm=False)
        self.acts = _bag(acts, vocab=self._rvocab, norm=False)
        self.gsubject = _bag(gsubject, vocab=self._rvocab, norm=False)
        # the specific reforms of the title (not an indicator area or industry): two
        # titles sharing one are about the same reform
        broad = broad_reforms()
        self.specific = _bag([{r: 1.0 for r in d if r not in broad} for d in subject], vocab=self._rvocab, norm=False)
        # the areas a title's instruments are part of: a title naming one of them (its
        # `subject` — only reforms with instruments ever meet a family: 获得信贷, 事中事后监管,
        # 要素保障) is an umbrella over them
        self.family = _bag(family, vocab=self._rvocab, norm=False)
        self._reform_sets = [(set(x), set(y), set(z)) for x, y, z in zip(subject, acts, gsubject)]
        # a stock title: generic instruments only (组织领导, 督查考核 …), no other reform
        self.stock = np.array([bool(g) and not s for s, _, g in self._reform_sets], dtype=bool)

    def _passages(self, items: list[Item], grams: list[list[str]]) -> None:
        """Character-bigram TF-IDF of every body and of every sentence of it (the title
        sentence left out, and sentences under :data:`MIN_SENTENCE` characters), in one
        space: ``passage`` compares a sentence of one measure with the whole of another."""
        from .reforms import sentences

        sents: list[str] = []
        owner: list[int] = []
        for k, it in enumerate(items):
            ss = sentences(it.body)
            for s in [s for s in (ss[1:] or ss) if len(clean(s)) >= MIN_SENTENCE]:
                sents.append(s)
                owner.append(k)
        m = _tfidf(grams + [char_ngrams(s) for s in sents])
        self._pbody, self._psent = m[: len(items)], m[len(items):]
        # the sentences of item k are rows _sent_start[k] : _sent_start[k + 1]
        self._sent_start = np.searchsorted(np.asarray(owner, dtype=np.int64), np.arange(len(items) + 1))

    def passage(self, ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
        """For each pair, the best cosine of a sentence of one with the body of the other
        (either way round): one measure's action written into a longer measure."""
        return np.maximum(self._sentence_vs_body(ra, rb), self._sentence_vs_body(rb, ra).T)

    def _sentence_vs_body(self, ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
        out = np.zeros((len(ra), len(rb)))
        key = ("_psent", ra.tobytes())
        if key not in self._slices:
            spans = [(self._sent_start[k], self._sent_start[k + 1]) for k in ra]
            rows = np.concatenate([np.arange(s, e) for s, e in spans]) if spans else np.zeros(0, np.int64)
            self._slices[key] = (spans, self._psent[rows] if rows.size else None)
        spans, sents = self._slices[key]
        if sents is None:
            return out
        sims = (sents @ self._sub("_pbody", rb).T).toarray()
        at = 0
        for i, (s, e) in enumerate(spans):
            if e > s:
                out[i] = sims[at : at + e - s].max(axis=0)
                at += e - s
        return out

    def stock_titles(self, items: list[Item]) -> np.ndarray:
        """Whether each measure's title names generic instruments only (组织领导, 督查考核,
        宣传引导, 财政支持 — grammars/reforms.yaml `generic`): a title every plan prints."""
        return self.stock[self.rows(items)]

    def topic_evidence(self, items: list[Item], level: float) -> np.ndarray:
        """Whether each measure has a topic area (grammars/topics.yaml) scored ``level`` or
        more: the topic lexicon knows what the measure is about."""
        return self.top_topic[self.rows(items)] >= level

    def rows(self, items: list[Item]) -> np.ndarray:
        return np.array([self.pos[id(it)] for it in items], dtype=np.int64)

    def _sub(self, name: str, r: np.ndarray):
        """Rows ``r`` of the sparse matrix ``name``, sliced once per set of rows (a plan's
        measures are sliced once however many plans it is compared with)."""
        key = (name, r.tobytes())
        hit = self._slices.get(key)
        if hit is None:
            hit = self._slices[key] = getattr(self, name)[r]
        return hit

    def matrices(self, a: list[Item], b: list[Item]) -> dict[str, np.ndarray]:
        """Every feature for every pair (dense |a|×|b| arrays), plus the weighted score."""
        ra, rb = self.rows(a), self.rows(b)
        out: dict[str, np.ndarray] = {}
        for name in ("chars", "words", "title", "topics", "units"):
            out[name] = (self._sub(name, ra) @ self._sub(name, rb).T).toarray()
        # units count only when both measures name units
        both = np.outer(self.has_units[ra], self.has_units[rb])
        w = WEIGHTS
        base = w["chars"] * out["chars"] + w["words"] * out["words"] + w["title"] * out["title"] \
            + w["topics"] * out["topics"]
        norm = w["chars"] + w["words"] + w["title"] + w["topics"]
        out["score"] = np.where(both, base + w["units"] * out["units"], base * (norm + w["units"]) / norm)
        out["reform"] = self.reform_links(ra, rb)
        out["passage"] = self.passage(ra, rb)
        # a specific reform in the title of a (of b) has a devoted sentence in b (in a)
        spec_a, spec_b = self._sub("specific", ra), self._sub("specific", rb)
        out["acts_on_a"] = ((spec_a @ self._sub("acts", rb).T).toarray() > 0).astype(np.float64)
        out["acts_on_b"] = ((self._sub("acts", ra) @ spec_b.T).toarray() > 0).astype(np.float64)
        # both titles name one reform: 2 when it is a specific reform, 1 when only a broad
        # entry (an indicator area or industry) is shared, else 0
        spec = (spec_a @ spec_b.T).toarray() > 0
        any_ = (self._sub("subject", ra) @ self._sub("subject", rb).T).toarray() > 0
        out["same_reform"] = np.where(spec, 2.0, np.where(any_, 1.0, 0.0))
        # the title of one names a broad area, the title of the other one of its instruments
        # (融资难题 → 获得信贷 ⊃ 融资担保, 转续贷, 征信); the same area in both is not enough
        out["same_area"] = ((self._sub("subject", ra) @ self._sub("family", rb).T
                             + self._sub("family", ra) @ self._sub("subject", rb).T).toarray() > 0).astype(np.float64)
        return out

    def reform_links(self, ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
        """1.0 where a reform in the title of one measure has a sentence of its own in
        the other (the subject of one is addressed by an action of the other), else 0."""
        sub_a, sub_b = self._sub("subject", ra), self._sub("subject", rb)
        act_a, act_b = self._sub("acts", ra), self._sub("acts", rb)
        m = (sub_a @ act_b.T + act_a @ sub_b.T + self._sub("gsubject", ra) @ self._sub("gsubject", rb).T).toarray()
        return (m > 0).astype(np.float64)

    def shared_reforms(self, i: int, j: int) -> list[str]:
        """The reforms behind ``reform_links`` for items ``i`` and ``j`` of the index."""
        (sa, aa, ga), (sb, ab, gb) = self._reform_sets[i], self._reform_sets[j]
        return sorted((sa & ab) | (aa & sb) | (ga & gb))

    def carries(self, k: int, reform: str) -> bool:
        """Item ``k`` of the index names ``reform`` in its title or devotes a sentence to it."""
        s, a, g = self._reform_sets[k]
        return reform in s or reform in a or reform in g

    def mutual_reforms(self, ra: np.ndarray, rb: np.ndarray, i: int, j: int, score: np.ndarray) -> list[str]:
        """The shared reforms (``shared_reforms``) on which measures ``i`` (of rows ``ra``)
        and ``j`` (of rows ``rb``) are each other's closest counterpart: among the measures
        of ``rb`` that carry the reform none scores higher with ``i`` than ``j`` does, and
        among those of ``ra`` none scores higher with ``j`` than ``i`` (``score`` is |ra|×|rb|)."""
        out = []
        for r in self.shared_reforms(int(ra[i]), int(rb[j])):
            carrier = self._carrier(r)
            cols, rows = carrier[rb], carrier[ra]  # masks; i and j themselves carry r
            if score[i, cols].max() <= score[i, j] and score[rows, j].max() <= score[i, j]:
                out.append(r)
        return out

    def _carrier(self, reform: str) -> np.ndarray:
        """Which items of the index carry ``reform`` (:meth:`carries`), as a mask — built once
        per reform, not once per candidate pair."""
        mask = self._carriers.get(reform)
        if mask is None:
            mask = self._carriers[reform] = np.array([self.carries(k, reform) for k in range(len(self.items))])
        return mask


@dataclass
class Copy:
    """What a character alignment of two bodies found."""

    share: float                     # copied chars / mean length (Dice-like, 0..1)
    contain: float                   # copied chars / shorter length
    blocks: list[tuple[int, int, int]]  # (start in a, start in b, length) of copied runs
    a_len: int
    b_len: int


MIN_RUN = 4  # a run of at least this many identical characters counts as copied


def copied(a: str, b: str, min_run: int = MIN_RUN) -> Copy:
    """Align two working-copy bodies character by character (rapidfuzz's Indel /
    LCS alignment) and keep the identical runs of ``min_run`` or more characters.

    Of several longest common subsequences the alignment picks one by the order of its
    arguments; the two bodies are aligned in one canonical order (shorter first, then by
    text) and the runs swapped back, so that ``diff A B`` and ``diff B A`` copy the same."""
    from rapidfuzz.distance import Indel

    swap = (len(b), b) < (len(a), a)
    blocks = [
        (op.src_start, op.dest_start, op.src_end - op.src_start)
        for op in Indel.opcodes(*((b, a) if swap else (a, b)))
        if op.tag == "equal" and op.src_end - op.src_start >= min_run
    ]
    if swap:
        blocks = [(j, i, n) for i, j, n in blocks]
    n = sum(s for _, _, s in blocks)
    la, lb = len(a), len(b)
    share = 2 * n / (la + lb) if la + lb else 0.0
    contain = n / min(la, lb) if min(la, lb) else 0.0
    return Copy(share, contain, blocks, la, lb)


def same_score(c: Copy) -> float:
    """How much of the text is shared: the Dice share, lifted towards containment when
    one side is a shortened or extended version of the other — but only as far as the
    lengths are comparable (a one-sentence item quoted inside a page-long one is not
    "the same measure")."""
    ratio = min(c.a_len, c.b_len) / max(c.a_len, c.b_len, 1)
    return max(c.share, 0.85 * c.contain * min(1.0, ratio / 0.5))
