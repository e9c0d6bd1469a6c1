"""Word lists for the transparent claim and stance scorers.

The lists live in model/importer/data/*.txt, one cue per line, each file naming its source
(general linguistic inventories and the general vocabulary of the scaling debate; none taken
from an annotated article — tools/audit_cues.py checks). The patterns below that are not lists
are sentence shapes (a label, a definition, an example opener), not vocabulary.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@cache
def cues(name: str) -> tuple[str, ...]:
    """The cue lines of data/<name>.txt (comments and blank lines dropped)."""
    lines = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(s for ln in lines if (s := ln.split(" #")[0].strip()) and not s.startswith("#"))


def pattern(*names: str) -> str:
    """The alternation of the named lists, longest cues first (so phrases win over words), and
    in one order every run (so the pattern is the same text in every process)."""
    alts = sorted({c for n in names for c in cues(n)}, key=lambda c: (-len(c), c))
    return "(?:" + "|".join(alts) + ")"


def words(*names: str) -> re.Pattern[str]:
    """Any cue of the named lists as a whole word or phrase, case-insensitive."""
    return re.compile(r"(?<![\w-])" + pattern(*names) + r"(?![\w-])", re.I)


TOPIC = words("topic")
ARGUE = words("argue")
PRO = words("pro")
CON = words("con")
HEDGE = words("hedges")
NEGATOR = re.compile(r"(?<![\w-])" + pattern("negators") + r"(?![\w-])|n['’]t\b", re.I)
NEGATION = NEGATOR
# Con cues that a negator before them does not turn pro: "not by itself" still says "not enough".
NO_FLIP = re.compile(r"^(?:alone|by (?:itself|themselves)|on (?:its|their) own|merely)$", re.I)

_HOLD_PRO, _HOLD_CON = pattern("holders_pro"), pattern("holders_con")
_SAYS = pattern("reporting_verbs")
# A sentence whose subject is one camp and whose verb reports its view: "Critics argue that …".
REPORTED_SIDE_PRO = re.compile(
    rf"^(?:\w+[\s,]+){{0,3}}(?:the |many |some |most )?{_HOLD_PRO}(?: of [\w-]+(?: \w+)?)?\W+"
    rf"(?:\w+\W+){{0,2}}?{_SAYS}\b|^(?:the )?{_HOLD_PRO}(?:'|’)s? (?:\w+ )?(?:argument|case|view|"
    rf"claim|position|hope|bet)\b",
    re.I,
)
REPORTED_SIDE_CON = re.compile(
    rf"^(?:\w+[\s,]+){{0,3}}(?:the |many |some |most )?{_HOLD_CON}(?: of [\w-]+(?: \w+)?)?\W+"
    rf"(?:\w+\W+){{0,2}}?{_SAYS}\b|^(?:the )?{_HOLD_CON}(?:'|’)s? (?:\w+ )?(?:argument|objection|"
    rf"case|view|claim|position|worry)\b",
    re.I,
)
# A camp said to be wrong: the sentence argues for the other side.
_WRONG = r"(?:are|were|have been|keep being) (?:\w+ ){0,2}(?:wrong|mistaken|misguided|confused)"
REBUTTED_PRO = re.compile(rf"\b{_HOLD_PRO}\W+(?:\w+\W+){{0,2}}{_WRONG}", re.I)
REBUTTED_CON = re.compile(rf"\b{_HOLD_CON}\W+(?:\w+\W+){{0,2}}{_WRONG}", re.I)
# A camp named anywhere as holding a belief: "… is what proponents hope".
REPORTED_PRO = re.compile(rf"\b{_HOLD_PRO}\b", re.I)
# A view voiced against the author ("The standard reply is that …", "Some will object …").
REPLY = words("replies")
# A point granted to the other side, an objection named, a former belief ("Admittedly, …").
CONCEDES = words("concessions")
# "Critics say X, but Y" / "Granted, X; yet Y": the speaker answers the view in the same sentence.
REBUTTAL = re.compile(r"[,;:—–-]\s*(?:but|yet|however)\s", re.I)
# A sentence that opens on a subordinate concession answers it in its own main clause.
SUBORDINATE_CONCESSION = re.compile(
    r"^\W*(?:although|though|even though|even if|while|whereas)\b", re.I
)
# A sentence that opens by turning against what came before it ("But …", "In fact, …").
TURN = re.compile(r"^\W*" + pattern("turns") + r"(?![\w-])", re.I)
# A sentence that continues the reported view before it ("On this view, …", "They also argue …").
ANAPHORIC_VIEW = re.compile(
    rf"^(?:on|in|by) (?:this|that|their|such a) (?:view|account|logic|reading)\b|"
    rf"^(?:they|these (?:\w+ )?(?:{_HOLD_PRO}|{_HOLD_CON})) (?:also |further )?{_SAYS}\b",
    re.I,
)
# An open question posed, not answered: "The first is whether …".
OPEN_QUESTION = re.compile(
    r"\b(?:is|are|was|remains?|asks?|depends on|comes? down to|turns? on) whether\b", re.I
)
# Not knowing, stated: "Nobody knows", "it is hard to say", "time will tell". Epistemic markers
# of uncertainty about the matter itself (Hyland 2005; Biber et al. 1999, doubt), not hedges on a
# claim: the sentence takes no side.
AGNOSTIC = re.compile(
    r"\b(?:no ?one|nobody) (?:really )?knows|\bhard to (?:say|tell|predict|know)\b|"
    r"\b(?:is|remains|it['’]s|it is) (?:still )?(?:unclear|uncertain|an open question)\b|"
    r"\bremains to be seen\b|\bwho knows\b|\b(?:I|we) (?:don['’]t|do not|can['’]t|cannot) "
    r"(?:yet )?(?:know|tell|say)\b|\btime will tell\b|\btoo (?:early|soon) to (?:say|tell)\b",
    re.I,
)
# A yes/no question that expects "no": "Is scale really all we need?"
RHETORICAL_NO = re.compile(
    r"\b(?:really|truly|actually|simply|just|merely|all (?:we|you|it) (?:need|takes))\b", re.I
)
# A negative question that asserts: "Isn't it obvious that …?"
RHETORICAL_YES = re.compile(
    r"^(?:isn['’]t|aren['’]t|doesn['’]t|don['’]t|won['’]t|can['’]t|wasn['’]t|didn['’]t|"
    r"shouldn['’]t|wouldn['’]t)\b",
    re.I,
)

DISCOURSE = re.compile(
    r"^(?:but|yet|however|so|therefore|thus|hence|in short|in other words|overall|ultimately|in fact|"
    r"indeed|instead|rather|in summary|in conclusion|the evidence|this means|this suggests|"
    r"nevertheless|still|moreover|besides|finally|first|second|third|clearly|put simply)\b",
    re.I,
)
# Conclusion markers: the sentence states the author's verdict.
CONCLUSION = re.compile(
    r"^(?:in (?:short|sum|summary|conclusion|the end)|to (?:sum up|conclude)|overall|ultimately|"
    r"(?:my|our) (?:conclusion|view|verdict|bet|position)|the bottom line|all (?:in all|told))\b",
    re.I,
)
EXAMPLE = re.compile(
    r"^(?:for example|for instance|consider|imagine|suppose|say |take |let(?:'s|’s) |e\.g\.|"
    r"as an example|to illustrate|q:|a:|example|note that|note:|\*)",
    re.I,
)
NARRATIVE = re.compile(
    r"\b(?:i(?:'ve|’ve| have) (?:been|heard|spoken)|back in|this article|this post|this essay|"
    r"in this (?:post|article|essay|piece|chapter)|we (?:are|'re|’re) grateful|(?:is|was) adapted "
    r"from)\b",
    re.I,
)
# Metadiscourse that takes no side (neutral stance features of learned.neutral_features): the
# writer steps back from the question rather than answering it. Categories, not phrases of any
# article: disclaimers that set aside a claim the reader might infer (Hewitt & Stokes 1975,
# "Disclaimers"), statements that the question is not settled or that something does not settle
# it, the evidence that would change the writer's mind (a falsification condition, Popper), code
# glosses that say what a word means (Hyland 2005, "Metadiscourse", ch. 3), and evidentials that
# hand a figure to its source (Hyland 2005; Biber et al. 1999, "source of knowledge").
DISCLAIMER = re.compile(
    r"\b(?:(?:I|we)(?: am| are|['’]m|['’]re) not (?:claiming|saying|arguing|suggesting|predicting|"
    r"in a position)|(?:make|makes|making|made) no (?:such )?(?:claim|prediction|forecast)|"
    r"(?:do|does|did) not (?:claim|pretend|predict)|(?:take|takes|taking|took) no (?:view|position|"
    r"side|stance)|not (?:for|the (?:role|place|job) of) \w+ to (?:settle|decide|judge)|"
    r"(?:I|we) (?:may|might|could) (?:well )?be wrong)\b",
    re.I,
)
UNSETTLED = re.compile(
    r"\b(?:(?:does|do|did|will|can|could|cannot|can['’]t|won['’]t|doesn['’]t|don['’]t) (?:not )?"
    r"(?:settle|decide|resolve)|(?:is|are|remains?) (?:still )?(?:open|unsettled|unresolved|"
    r"undecided|divided)|either way|either direction|either answer|whichever (?:way|answer|side))\b",
    re.I,
)
FALSIFIER = re.compile(
    r"\bchange (?:my|our|his|her|their|your) minds?\b|\bprove (?:me|us|him|her|them) wrong\b|"
    r"\b(?:I|we|she|he) (?:will|would|['’]ll) (?:concede|admit it|say so)\b",
    re.I,
)
GLOSS = re.compile(
    r"\b(?:(?:I|we|he|she|they) mean|(?:working )?definition|in (?:a|the) (?:narrow|broad|loose|"
    r"strict|limited|specific) sense|to mean\b|we use (?:the (?:word|term) )?\S+ (?:to mean|in|for))",
    re.I,
)
EVIDENTIAL = re.compile(
    r"\b(?:according to|by [\w.'’ -]{2,40}?['’]s? (?:count|figures?|estimates?|reckoning|data|"
    r"tally|numbers)|for (?:context|comparison|reference|the record)|(?:is|was|were|are) estimated|"
    r"(?:reported|reports) (?:that )?)",
    re.I,
)
DEFINITION = re.compile(
    r"\b(?:is (?:a|an|the) (?:\w+ )?(?:framework|term|method|technique|process)|refers to|"
    r"is defined as|put simply|that is,|"
    r"(?:is|are) (?:usually |typically |commonly )?(?:measured in|called|known as)|"
    r"has no (?:agreed|single|standard|accepted|settled) definition|"
    r"^(?:some|other|many) (?:\w+ )?(?:mean|define)|^(?:others) (?:mean|define|use)|"
    r", or [A-Z]{2,6}, (?:is|are))\b",
    re.I,
)
SECTION_PRO = re.compile(
    r"^(?:optimistic view|optimists?|the optimist(?:ic)? case|bull case|"
    r"pro|for|in favou?r|proponents?|the case for)\s*[:—-]",
    re.I,
)
SECTION_CON = re.compile(
    r"^(?:pessimistic view|pessimists?|the pessimist(?:ic)? case|bear case|con|"
    r"against|skeptics?|sceptics?|critics?|the case against)\s*[:—-]",
    re.I,
)
# "yet" contrasts after punctuation only: "no sign yet of" is an adverb.
CONTRAST = re.compile(
    r"(?:[,;:—–-]\s*(?:but|yet|however|although|though|while)|\s(?:but|however|although|though|"
    r"while))\s(?!\w+ing\b)",
    re.I,
)
