"""Word lists for the transparent claim and stance scorers.

They describe the scaling-to-AGI debate in general (its vocabulary, hedges, verdict words), not any
particular article; docs/import.md explains how each list is used.
"""

from __future__ import annotations

import re

# Words that place a sentence inside the debate.
TOPIC = re.compile(
    r"\b(?:scal\w*|agi|general intelligence|human-level|superintelligen\w*|llms?|language models?|"
    r"models?|transformers?|architectur\w*|data(?:sets?)?|compute|parameters?|train(?:ing|ed)?|"
    r"tokens?|benchmarks?|reason(?:ing|s)?|intelligen\w*|learn(?:s|ing|ed)?|capabilit\w*|"
    r"perform\w*|emergen\w*|self-play|synthetic|gpt[\w.-]*|ai|plateau\w*|next-token|generali[sz]\w*|"
    r"understand\w*|causal\w*|memory|algorithm\w*|hardware|costs?|energy|progress|abilit\w*|"
    r"neural|deep learning|rl|reinforcement|brute|bigger|larger|size)\b",
    re.I,
)

# Marks of a claim rather than a description: modality, verdict words, evidence verbs.
ARGUE = re.compile(
    r"\b(?:will|would|won't|cannot|can't|can|must|should|need(?:s)? to|requires?|required|unlikely|"
    r"likely|certain(?:ly)?|clearly|inevitabl\w*|probably|impossible|necessary|sufficient|"
    r"insufficient|enough|fundamental(?:ly)?|crucial|essential|core|genuine(?:ly)?|truly|true|real|"
    r"myths?|misconceptions?|misunderstand\w*|misinterpret\w*|wrong|mistaken|naive|naïve|deceptive|"
    r"baseless|speculat\w*|limit\w*|plateau\w*|bottlenecks?|diminishing|ceilings?|wall|fail\w*|"
    r"lacks?|lacking|brittle|trapped|incapable|exhausted|finite|narrow|steady|steadily|striking|"
    r"remarkabl\w*|superhuman|breakthroughs?|doubt\w*|questionable|irrelevant|meaningless|evidence|"
    r"prove[sdn]?|proof|shows?|shown|suggests?|indicates?|demonstrat\w*|confirm\w*|argue\w*|"
    r"believe\w*|think|claims?|expect\w*|predict\w*|path|route|key|only|merely|just|alone|never|"
    r"no longer|beyond|continue\w*|constraints?|infeasib\w*|plausible|unrealistic|viable|"
    r"unviable|bullish|pessimis\w*|optimis\w*|skeptic\w*|sceptic\w*|gaslighting|integrity|"
    r"honest|matter\w*|problem|ultimately|indefinitely|asymptotic|grow\w*|faster|slowing|gains?|"
    r"improv\w*|accelerat\w*|obtain|achiev\w*|lead to|leads to|get us|emerge|risks?|cost more)\b",
    re.I,
)
NEGATION = re.compile(
    r"\b(?:not|no|never|n't|cannot|neither|nor|nothing|none|without)\b|n't\b", re.I
)
DISCOURSE = re.compile(
    r"^(?:but|yet|however|so|therefore|thus|hence|in short|in other words|overall|ultimately|in fact|"
    r"indeed|instead|rather|in summary|in conclusion|the evidence|this means|this suggests|"
    r"nevertheless|still|moreover|besides|finally|first|second|third|clearly|put simply)\b",
    re.I,
)
EXAMPLE = re.compile(
    r"^(?:for example|for instance|consider|imagine|here(?:'s| is| are|’s)|q:|a:|take |let(?:'s|’s) |"
    r"say |e\.g\.|as in|below are|example|look |see |tell a|feed a|show it|start a|when you|"
    r"original note|note that|note:|\*)",
    re.I,
)
NARRATIVE = re.compile(
    r"\b(?:i(?:'ve|’ve| have) (?:been|heard|spoken|actually)|i(?:'d|’d) (?:like|say)|back in|"
    r"the journey|the conversation|this article|this post|this essay|we are grateful|in this (?:post|"
    r"article|essay|piece)|is adapted from|is structured as)\b",
    re.I,
)
DEFINITION = re.compile(
    r"\b(?:is (?:a|an|the) (?:theoretical )?(?:framework|term|method|technique|process)|refers to|"
    r"is defined as|are typically implemented|comes from|put simply|that is,|"
    r"(?:is|are) (?:usually |typically |commonly )?(?:measured in|called|known as)|"
    r"has no (?:agreed|single|standard|accepted|settled) definition|"
    r"^(?:some|other|many) (?:\w+ )?(?:mean|define|use (?:an?|the) \w+ (?:test|definition))|"
    r"^(?:others) (?:mean|define|use)|, or [A-Z]{2,6}, (?:is|are))\b",
    re.I,
)

# Stance toward "scaling current LLM approaches will lead to AGI".
PRO = re.compile(
    r"\b(?:lead(?:s)? to agi|get us to (?:agi|artificial general intelligence)|achieve agi|"
    r"agi (?:will|would) (?:eventually )?emerge|will (?:eventually )?emerge|continue(?:s|d)? to "
    r"(?:scale|improve|hold|deliver|drive)|steadily improv\w*|performance gains|clear (?:performance )?"
    r"gains|new capabilities|more capable|superhuman|super-human|striking|"
    r"bullish|abundant|revolutionary|proto-agi|human-level intelligence|beyond doubt|"
    r"this trend will continue|will likely obtain|far more capable|successful|successfully|promis\w*|"
    r"viable|works|worked|working|(?:will|would|could|can|does|did|to) work|improv(?:e|es|ed|ing|ement|ements)|advances?|capable|"
    r"accelerat\w*|underlying patterns|understand the world|grasp|enable|unlock|valuable|"
    r"powerful|holds? (?:across|over)|emergent abilities|emerge|stable performance|keep(?:s)? "
    r"improving|believers?|exceed|surpass\w*|certain|revolution\w*|singularity|learn the|"
    r"more (?:scaling|compute|data) = more|will (?:be|get) (?:solved|there)|"
    # the thesis as an outcome: "reach general intelligence", "AGI will arrive"
    r"(?:reach|reaches|reaching|produce|produces|producing|yield|yields|deliver|delivers|"
    r"turn into|arrive at)\s+(?:\w+\s+){0,2}(?:agi|general intelligence|human-level|"
    r"superintelligence)|(?:agi|general intelligence) (?:will|would|could|is going to) "
    r"(?:\w+ ){0,2}(?:arrive|appear|emerge|come)|"
    # momentum: rising scores, vanishing errors, a paradigm with room left
    r"(?:scores?|accuracy|performance|capabilit\w+|abilities|success rates?)\b(?:\W+\w+){0,8}?"
    r"\W+(?:rose|risen|rises|jump(?:s|ed)|soar\w*|climb\w*|grew|grown|went from|followed)|"
    r"(?:rais\w*|boost\w*|lift\w*)\s+(?:\w+[\s-]+){0,3}(?:scores?|accuracy|performance|"
    r"success rates?)|(?:errors?|mistakes|failures)\s+(?:\w+\s+){0,2}(?:disappear\w*|vanish\w*)|"
    r"room to (?:run|grow)|keep scaling|pay(?:s|ing)? off|pays? for itself|help(?:s|ed)?|"
    r"guarantee[sd]?|overc[oa]me|"
    r"scaling axis|(?:is|are) enough to|"
    # human-level work: "systems that can do the work of a top researcher", "match human experts"
    r"(?:do|does|match|matches|rival|rivals|replace|replaces)\s+(?:the work of\s+)?(?:\w+\s+){0,2}"
    r"(?:humans?|researchers?|experts?|engineers?|workers?|scientists?))\b",
    re.I,
)
# Phrases whose inner cue words would mislead (a limit denied, a critic rebutted): matched first,
# weighed as a whole, and blanked before the single cues are counted.
PRO_PHRASE = re.compile(
    r"\bno (?:sign|signs|evidence|hint|indication)(?: yet)? of (?:an? |any )?(?:\w+ )?"
    r"(?:diminishing|slow\w*|plateau\w*|ceiling|wall|limit\w*|stall\w*|bottleneck\w*)\b|"
    r"\b(?:walk\w*|broke|break\w*|push\w*|got) (?:through|past) (?:the |a |every |each )?"
    r"(?:\w+ )?(?:walls?|ceilings?|limits?|barriers?|plateaus?)\b|\bengineering (?:problem|challenge)|\bnot (?:a |an )?(?:law of nature|fundamental (?:limit|"
    r"barrier))|\b(?:skeptics|sceptics|critics|doubters|pessimists|naysayers)\W+(?:\w+\W+){0,2}"
    r"(?:are|were|have been|keep) (?:\w+ ){0,2}(?:wrong|mistaken|making (?:the same |a )?mistakes?)|"
    r"\b(?:skills|abilities|capabilities|things)\s+(?:\w+\s+){0,3}(?:never|not|nobody|no one)\s+"
    r"(?:\w+\s+){0,2}(?:trained|taught|teach|programmed|designed)\b",
    re.I,
)
CON_PHRASE = re.compile(
    r"\b(?:optimists|boosters|proponents|believers|enthusiasts|advocates)\W+(?:\w+\W+){0,2}"
    r"(?:are|were|have been) (?:\w+ ){0,2}(?:wrong|mistaken)\b",
    re.I,
)
CON = re.compile(
    r"\b(?:not|no|never|cannot|can't|can’t|won't|won’t|isn't|isn’t|aren't|aren’t|doesn't|doesn’t|"
    r"don't|don’t|unlikely|insufficient|alone|limits?|limitations?|limited|plateau\w*|bottlenecks?|"
    r"diminishing|ceilings?|wall|fail\w*|lacks?|lacking|brittle|trapped|incapable|exhausted|run out|"
    r"finite|narrow|myths?|misconceptions?|misunderstand\w*|misinterpret\w*|questionable|naive|naïve|"
    r"deceptive|gaslighting|no chance|flatten\w*|slowing|constraints?|infeasib\w*|cost more|steep|"
    r"collaps\w*|memoriz\w*|memoris\w*|memory more than|pattern matching|merely|immutable|frozen|"
    r"doubt\w*|skeptic\w*|sceptic\w*|pessimis\w*|hard to predict|baseless|speculation|"
    r"trendline extrapolation|extrapolation|hybrid|new architectures?|architectural (?:changes|"
    r"mechanisms|voids|limitations)|beyond (?:brute )?scaling|more than bigger|brute[- ]force|"
    r"unrealistic|unviable|regurgitate|mediocre|deficits?|hacked|asymptotic|stuck|impossible|"
    r"difficult|hard-won|far inferior|poor(?:ly)?|noise|irrelevant|meaningless|wrong|rather than|"
    r"exception rather than the rule|tamping down|watering down|mindless|"
    r"inferior|decrease|costly|pointless|trapped|emissions?|risks?|depreciation|outpace|"
    r"grow faster than capabilities|gap|unknown number|terrible at predicting|does not matter|"
    r"doesn't matter|insufficient|necessary but not sufficient|not sufficient|less exciting|"
    r"fundraising|no longer|only quantify|more than intelligence|uncertain|contested|unclear|"
    r"break down|breaks down|long and arduous|scarcity|shortfall|slow(?:s|ed|ing)?(?: down)?|"
    r"stall\w*|shrink\w*|shrank|peaked|saturat\w*|overstat\w*|overhyp\w*|hype|bubble|cautious|"
    r"objections?|imitat\w*|costs? more|more expensive|prohibitive\w*|unreliable|by (?:itself|themselves)|on (?:its|their) own|"
    r"new (?:ideas|paradigms?|components|ingredients|breakthroughs|approach(?:es)?|designs?)|"
    r"missing (?:pieces|machinery|ingredients?|components?)|different (?:design|approach))\b",
    re.I,
)
# Con cues that a negator before them does not turn pro: "not by itself" still says "not enough".
NO_FLIP = re.compile(r"^(?:alone|by (?:itself|themselves)|on (?:its|their) own|merely)$", re.I)
# A pro word shortly after one of these flips to con ("won't lead to AGI"), and vice versa.
NEGATOR = re.compile(
    r"\b(?:not|no|never|cannot|can't|can’t|won't|won’t|isn't|isn’t|doesn't|"
    r"doesn’t|don't|don’t|didn't|didn’t|without|neither|nor|hardly|unlikely|unable|lack)\b",
    re.I,
)
# Reported views of the other side ("The belief is that …", "Optimistic view: …").
REPORTED_PRO = re.compile(
    r"\b(?:the belief is|popular view|(?:many|some) (?:people|researchers|experts)? ?(?:believe|argue|"
    r"think|say|claim|hope)|proponents|optimists?|boosters|is (?:often )?suggested as|it is (?:often |"
    r"widely )?(?:claimed|argued|said)|the (?:hope|promise|argument) is|scaling hypothesis|"
    r"believers?|the dream of|declare)\b",
    re.I,
)
# A sentence that reports one side's view as its subject ("Critics argue that …", "Defenders of
# scaling reply …", "A second objection is …").
REPORTED_SIDE_PRO = re.compile(
    r"^(?:\w+\s+){0,2}(?:proponents|supporters|advocates|defenders|optimists|boosters|believers|"
    r"enthusiasts)(?: of [\w-]+)?\W+(?:\w+\W+){0,2}?(?:argue|say|said|point|reply|replies|claim|"
    r"contend|believe|insist|note|cite|counter)",
    re.I,
)
REPORTED_SIDE_CON = re.compile(
    r"^(?:\w+\s+){0,2}(?:critics|skeptics|sceptics|detractors|opponents|naysayers|doubters|"
    r"pessimists)(?: of [\w-]+)?\W+(?:\w+\W+){0,2}?(?:argue|say|said|note|noted|point|claim|"
    r"contend|warn|insist|object|like to|counter|reply|replies)|^(?:the )?(?:skeptic|sceptic|critic)s?"
    r"(?:'|’)s? (?:\w+ )?(?:argument|objection|case|view|claim)|"
    r"^(?:\w+\s+){0,2}(?:objection|counterargument|criticism) (?:is|runs|goes)\b",
    re.I,
)
# A sentence that continues the reported view before it ("On this view, …", "They also point …").
ANAPHORIC_VIEW = re.compile(
    r"^(?:on|in|by) (?:this|that|their|such a) (?:view|account|logic|reading)\b|"
    r"^(?:they|these (?:critics|skeptics|proponents|supporters)) (?:also |further )?"
    r"(?:argue|point|say|note|claim|contend|believe|reply|add|insist|warn)",
    re.I,
)
# An open question posed, not answered: "The first is whether …".
OPEN_QUESTION = re.compile(
    r"\b(?:is|are|was|remains?|asks?|depends on|comes? down to|turns? on) whether\b", re.I
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
