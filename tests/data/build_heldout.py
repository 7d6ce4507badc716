#!/usr/bin/env python3
"""Build tests/data/heldout.jsonl: a held-out gold set for the quote/speaker suggestions.

Standard library only.  Run from anywhere:

    python tests/data/build_heldout.py            # (re)write heldout.jsonl
    python tests/data/build_heldout.py --check    # exit 1 if heldout.jsonl is stale
    python tests/data/build_heldout.py --show     # print every claim in context

Why a second gold set: tests/data/gold.jsonl (sample_corpus/build_gold.py) is the set
the rule-based engine was tuned on, so its scores there say little.  The eight articles
in tests/data/heldout/*.txt were written afterwards, WITHOUT looking at the engine's
code, in wire-story styles the sample corpus does not use: a long feature with many
speakers, a press conference with questions and a transcript excerpt, a British story
in ‘single quotes’, attributions in mid-sentence, heavy reported speech before
lawmakers, partial quotes inside sentences, unnamed sources, and organisations as
speakers.  All articles are original, fictional prose; the people, companies and
unions quoted are invented, and real places and institutions are only background.
Do not tune the engine on this file, or it stops being held out.

Format and declarations are those of sample_corpus/build_gold.py (same record format,
same helper approach: each claim declared compactly, offsets found by search and
asserted).  Record, span and claim ids start with ``heldout-`` instead of ``gold-``
so that both files can be imported into one database.

Claim declaration: ``(kind, speaker, content, mention, cue)``

* kind: ``D`` direct quote, ``I`` reported speech (indirect), ``M`` mixed (reported
  speech containing a partial quote; exported as kind ``"mixed"``, one of the claim
  kinds of the data model in DESIGN.md).
* speaker: a key of ``SPEAKERS``.
* content: the claim text; a list of strings for a claim made of several spans.
  ``"head ~~ tail"`` abbreviates a long span (head, anything in the same paragraph,
  tail).  Claims are declared in document order: each one is searched after the start
  of the previous one and must sit exactly between matching quote marks (direct) or
  at a clause boundary (indirect / mixed, see below); a stray match is rejected.
* mention / cue: the text of the speaker mention and of the cue; ``"[he] added"``
  gives context, the bracketed part being the span; ``None`` when the text has none.
  The cue is the occurrence nearest to the claim's spans; the mention the occurrence
  nearest to the cue (both within ``MAX_GAP`` characters, never inside a claim span,
  and an ambiguous tie is an error).

Conventions taken over unchanged from the sample gold:

* Direct claim span = the text between the quote marks, marks excluded, inner
  punctuation kept (a comma before the closing mark belongs to the span).  A quote
  interrupted only by its own attribution (``"A," she said. "B."``, also
  ``"A," she said, "b."`` in mid-sentence) is ONE claim with several spans; so is a
  quote running over two paragraphs (no closing mark at the end of the first).  A
  quote nested inside a quote is not a separate claim.
* Indirect claim span = the reported clause after "that" (or where the clause starts
  when there is no "that": after "said", "told lawmakers", "According to X,") up to
  the end of the sentence, the final period excluded.  "X said that A and that B" is
  one claim.
* Scare quotes, slogans, headlines, titles and quotes from data or documents (no
  speaker: "according to ministry figures", "documents seen by ...") are not claims;
  neither is speech attributed to vague groups ("analysts", "officials", "economists").
  So "according to figures from X" is data, while "According to a statement from X, ..."
  or "According to X, ..." (X an organisation or person) is a claim of X.
* Speaker span = the mention nearest the cue as written: name without title ("Mr",
  "Cllr", "Dr" and job titles stay outside), pronoun, or noun phrase with its
  determiner ("a spokesperson", "the transport ministry").  An unnamed spokesperson
  of an organisation speaks for the organisation (speaker = the organisation); a
  named spokesperson is their own speaker.

Conventions decided here, for cases the sample gold never needed:

* Reported clause before its attribution ("The plant will close, the company said."
  / "X, according to a statement from Y."): the span runs from the start of the
  sentence to the comma before the attribution, comma excluded.  Attribution in the
  middle of reported speech ("The council, she said, had asked ..."): one claim with
  two spans, the commas around the attribution excluded.
* A reported clause ends at the sentence's final period, or earlier where the
  reporter's own words take over with a second cue ("She acknowledged that A and
  said B": two claims, A ending before " and said"; "said A, but warned that B").
* Partial quotes.  (1) When the quoted words ARE the whole reported clause ("said
  that \"no region needs a new bloc\"", as in the sample gold) the claim is direct,
  the span the quoted words.  (2) When a cue verb takes a quoted fragment as its
  object or complement and there is no reported clause ("called the vote 'a false
  economy'", "described it as \"long overdue\"", "accused the government of
  \"...\"", "dismissed X as \"...\"") the claim is direct, the span the quoted words
  only, the cue that verb.  (3) When the reporter's words and quoted words together
  make up the reported clause ("said the bank was \"hiding behind its mandate\" while
  families struggled"; "The plan, the minister said, was 'dead on arrival' in its
  current form") the claim is MIXED: the span is the whole reported clause exactly
  as for indirect speech, quote marks included; it ends before the sentence's final
  period, or just after the closing quote mark when the period sits inside it
  (``... we made."`` keeps the ``."`` in the span).  One-word scare quotes with no
  cue (‘stranded’ in a headline) are not claims.
* Questions put to a speaker, by reporters or by lawmakers, are not claims (they
  carry no position of an actor in the story), whether quoted ("So you're
  comfortable ...?" one reporter asked) or reported ("asked Voss whether ...").  A
  one-word answer ("No," she said) is a claim.  In a transcript excerpt ("Q: ..." /
  "A: ..." paragraphs under a line naming who answers) each answer paragraph is a
  direct claim of that speaker without quote marks: span = the paragraph after
  "A: ", mention and cue null.
* Unnamed sources are claims when the text points to specific people: a singular
  source ("a senior EU official", "a person close to the French delegation", "a
  Finnish government official") or a counted group ("two diplomats familiar with the
  discussions").  Each distinct source is one speaker of the article, named
  "unnamed " + its description, kind "person" (also for the counted group), with
  the descriptions the article uses for it ("A senior EU official", "the official")
  as aliases.  "Speaking on condition of anonymity" and the like are not part of the
  cue.  Bare plurals ("officials said", "analysts said") stay vague groups.
* Reported denials keep the sample's span rule ("He denied that cost-cutting had
  played any role": span after "that", cue "denied"); the cue carries the polarity.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sample_corpus"))
from gold_helpers import (
    MAX_GAP,
    GoldError,
    find_content,
    nearest,
    normalise,
    slugify,
)

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "heldout"
OUT = HERE / "heldout.jsonl"
PREFIX = "heldout"
STAMP = "2026-01-01T00:00:00.000Z"

OPEN_CLOSE = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»"}
CLOSERS = set(OPEN_CLOSE.values())
PRONOUNS = {"he", "she", "He", "She", "they", "They", "it", "It"}
# Role descriptions used as the only mention (no name in the sentence).
DESCRIPTIVE_MENTIONS: set[str] = set()
TRANSCRIPT_ANSWER = "\nA: "

# --------------------------------------------------------------------------------------
# Actors of the held-out articles.  key: (name, kind, role, affiliation, aliases[, slug])
# The id is "spk-" + slug, the slug derived from the canonical name.

# fmt: off
PER, ORG = "person", "organisation"
SPEAKERS: dict[str, tuple] = {
    # 01 Bodø wind farm feature
    "eliassen": ("Tor Eliassen", PER, "Fisherman", None, []),
    "skarven": ("Skarven Energi", ORG, None, None, []),
    "sorli": ("Ragnhild Sørli", PER, "Project director", "Skarven Energi", []),
    "haetta": ("Jonas Hætta", PER, "Shipyard owner", None, []),
    "lindstad": ("Kari Lindstad", PER, "Mayor", "Bodø municipality", ["Lindstad"]),
    "myhre": ("Astrid Myhre", PER, "Marine biologist", None, ["Myhre"]),
    "cfa": ("Coastal Fishermen's Association", ORG, None, None, ["the association"]),
    "kristoffersen": ("Liv Kristoffersen", PER, "Bait and fuel seller", None, []),
    # 02 Wellington press conference
    "kessler": ("Adrian Kessler", PER, "Governor", "Reserve Bank of New Zealand", ["Kessler"]),
    "rbnz": ("Reserve Bank of New Zealand", ORG, None, "Government of New Zealand",
             ["New Zealand's central bank", "the bank"]),
    "ruatapu": ("Hana Ruatapu", PER, "Deputy Governor", "Reserve Bank of New Zealand",
                ["Ruatapu"]),
    "whaanga": ("Daniel Whaanga", PER, "Opposition finance spokesperson", None, []),
    # 03 Leeds night buses (British style)
    "tswu": ("Transport and Shift Workers’ Union", ORG, None, None, ["The union"]),
    "pickering": ("Graham Pickering", PER, "Transport lead", "Leeds City Council",
                  ["Pickering"]),
    "boateng": ("Sharon Boateng", PER, "Regional secretary",
                "Transport and Shift Workers’ Union", ["Boateng"]),
    "ramanathan": ("Priya Ramanathan", PER, "Consultant in emergency medicine", None, []),
    "ashworth": ("Tom Ashworth", PER, "Leader of the opposition group", "Leeds City Council",
                 []),
    "northway": ("Northway Buses", ORG, None, None, []),
    "leeds": ("Leeds City Council", ORG, None, None, ["The council"]),
    # 04 Jakarta rail link (mid-sentence attributions)
    "santoso": ("Budi Santoso", PER, "Transport Minister", "Government of Indonesia",
                ["Santoso"]),
    "velmar": ("Velmar", ORG, None, None, []),
    "vos": ("Henrike Vos", PER, "Chief Executive", "Velmar", []),
    "hapsari": ("Rina Hapsari", PER, "Chair of the parliamentary infrastructure committee",
                "House of Representatives of Indonesia", []),
    "wirawan": ("Agus Wirawan", PER, "Opposition lawmaker",
                "House of Representatives of Indonesia", ["Wirawan"]),
    "lestari": ("Maya Lestari", PER, "Spokeswoman", "Indonesian Ministry of Transportation", []),
    # 05 Ottawa rail safety hearing (reported speech)
    "voss": ("Eleanor Voss", PER, "Administrator", "Rail Safety Directorate", ["Voss"]),
    "prairie": ("Prairie Northern Railway", ORG, None, None, []),
    "delaney": ("Marcus Delaney", PER, "Chief Operating Officer", "Prairie Northern Railway",
                []),
    "ritchie": ("Joanne Ritchie", PER, "Member of the transport committee",
                "House of Commons of Canada", ["Ritchie"]),
    "ca_transport": ("Canadian Ministry of Transport", ORG, None, "Government of Canada",
                     ["The transport ministry"]),
    "raio": ("Rail Accident Investigation Office", ORG, None, None, []),
    # 06 Reykjavik tourist levy (partial quotes)
    "hallsdottir": ("Sigrún Hallsdóttir", PER, "Finance Minister", "Government of Iceland",
                    ["Hallsdóttir"]),
    "itia": ("Icelandic Travel Industry Association", ORG, None, None, []),
    "bjarnason": ("Einar Bjarnason", PER, "Chair", "Icelandic Travel Industry Association", []),
    "olafsdottir": ("Katrín Ólafsdóttir", PER, "Opposition lawmaker", "Althing", []),
    "sveinsdottir": ("Guðrún Sveinsdóttir", PER, "Conservationist", "Open Highlands", []),
    # 07 Brussels defence fund (unnamed sources)
    "anon_eu": ("unnamed senior EU official", PER, "Senior official", "European Union",
                ["A senior EU official", "the official"]),
    "anon_dipl": ("unnamed diplomats familiar with the discussions", PER, "Diplomats", None,
                  ["Two diplomats familiar with the discussions"]),
    "vanaalst": ("Joost van Aalst", PER, "Prime Minister", "Government of the Netherlands", []),
    "anon_fr": ("unnamed person close to the French delegation", PER, None, None,
                ["A person close to the French delegation"]),
    "ferreira": ("Ana Lucía Ferreira", PER, "President", "European Council", ["Ferreira"]),
    "anon_fi": ("unnamed Finnish government official", PER, "Government official",
                "Government of Finland", ["a Finnish government official"]),
    # 08 Oslo salmon duties (organisations)
    "havbruk": ("Havbruk Nord", ORG, None, None, []),
    "nordahl": ("Silje Nordahl", PER, "Chief Executive", "Havbruk Nord", ["Nordahl"]),
    "sec": ("Seafood Exporters' Council", ORG, None, None, []),
    "asgc": ("American Salmon Growers Coalition", ORG, None, None, []),
    "no_trade": ("Norwegian Ministry of Trade", ORG, None, "Government of Norway",
                 ["Norway's trade ministry"]),
    "fpwu": ("Fish Processing Workers' Union", ORG, None, None, []),
    "nygaard": ("Arvid Nygaard", PER, "Union leader", "Fish Processing Workers' Union", []),
    "solheim": ("Kari Solheim", PER, "Seafood analyst", "Fjord Securities", []),
}

# --------------------------------------------------------------------------------------
# Articles.  positions: (speaker, target, stance, [1-based claim numbers])

ARTICLES: list[dict] = [
    dict(
        file="01-bodo-wind-farm-feature.txt",
        source="Nordic Press Agency", place="BODØ", published="2025-03-14",
        claims=[
            ("D", "eliassen", ["My grandfather fished here, ~~ to have the choice,",
                               "Nobody asked us before they drew the lines on the map."],
             "Tor Eliassen", "said"),
            ("I", "skarven", "the turbines will be placed to avoid the richest spawning areas",
             "Skarven Energi", "says"),
            ("I", "sorli", "the final layout had been changed three times after meetings with "
             "local fishermen", "Ragnhild Sørli", "told"),
            ("D", "sorli", ["We have moved turbines, ~~ we will keep listening,",
                            "But the country needs this power, and it needs it this decade."],
             "she", "said"),
            ("I", "haetta", "the construction work could keep his business alive for ten years",
             "Jonas Hætta", "said"),
            ("D", "haetta", ["Young people leave because there is nothing to stay for,",
                             "A project like this gives them a reason."], "he", "said"),
            ("I", "lindstad", ["The council",
                               "had asked the government for a share ~~ for the fishing fleet"],
             "she", "said"),
            ("D", "lindstad", "We are not against wind. We are against being an afterthought,",
             "Lindstad", "said"),
            ("I", "myhre", ["The noise from piling",
                            "could drive spawning cod away for several seasons"],
             "she", "warned"),
            ("D", "myhre", ["We simply do not have good data for these waters,",
                            "Anyone who tells you ~~ is guessing.",
                            "What we do know is that the cod came back ~~ it took them twenty "
                            "years."], "Myhre", "said"),
            ("M", "cfa", "the consultation had been \"rushed and one-sided\" and that the "
             "licensing decision ~~ a new survey is done", "the association", "said"),
            ("D", "kristoffersen", "Everyone here has an opinion, ~~ changed it twice,", "she",
             "said"),
        ],
        positions=[
            ("eliassen", "Nordvind offshore wind farm", "against", [1]),
            ("skarven", "Nordvind offshore wind farm", "favor", [2]),
            ("sorli", "Nordvind offshore wind farm", "favor", [3, 4]),
            ("haetta", "Nordvind offshore wind farm", "favor", [5, 6]),
            ("lindstad", "Nordvind offshore wind farm", "mixed", [7, 8]),
            ("myhre", "Nordvind offshore wind farm", "against", [9, 10]),
            ("cfa", "Nordvind offshore wind farm", "against", [11]),
        ],
    ),
    dict(
        file="02-wellington-rates-press-conference.txt",
        source="Pacific Wire", place="WELLINGTON", published=None,
        claims=[
            ("D", "kessler", "Our job is to keep inflation low and stable. ~~ anybody's house,",
             "Kessler", "said"),
            ("I", "rbnz", "inflation was expected to return ~~ by the end of next year",
             "the bank", "said"),
            ("D", "kessler", "We watch arrears closely. ~~ the banks are well capitalised.",
             "he", "said"),
            ("D", "kessler", "I didn't say comfortable. I said it's not our target,", "Kessler",
             "replied"),
            ("I", "ruatapu", "the bank's stress tests showed that even a 25 percent fall ~~ "
             "stability of the banking system", "Hana Ruatapu", "said"),
            ("D", "ruatapu", "No,", "she", "said"),
            ("M", "whaanga", "the bank was \"hiding behind its mandate\" while families struggled",
             "Daniel Whaanga", "said"),
            ("D", "whaanga", "People are being told to wait ~~ not to the governor,", "he",
             "said"),
            ("D", "kessler", "I talk to the minister every month. ~~ The cash rate is decided "
             "here.", None, None),
            ("D", "kessler", "If inflation keeps falling ~~ going to give you a date.", None,
             None),
        ],
        positions=[
            ("kessler", "central bank support for house prices", "against", [1, 4]),
            ("ruatapu", "early interest rate cuts", "against", [6]),
            ("whaanga", "central bank policy on housing", "against", [7, 8]),
        ],
    ),
    dict(
        file="03-leeds-night-buses.txt",
        source="Newswire", place="LEEDS", published="2025-01-22",
        claims=[
            ("I", "tswu", "would leave thousands of shift workers with no safe way to get home",
             "the city’s largest transport union", "said"),
            ("I", "pickering", "the authority had no choice after a £14 million gap opened in "
             "its budget", "Graham Pickering", "said"),
            ("D", "pickering", ["Nobody in this chamber wanted to be here,",
                                "We have protected the daytime network, ~~ we’d like to."],
             "Pickering", "told"),
            ("I", "boateng", "the cuts would fall hardest on cleaners, care workers and hospital "
             "staff", "Sharon Boateng", "said"),
            ("D", "boateng", ["These are the people who kept the city running during the "
                              "pandemic,",
                              "Now they’re being told, in effect, “find your own way home”."],
             "Boateng", "said"),
            ("I", "tswu", "it would consider legal action ~~ equality impact assessment",
             "The union", "said"),
            ("I", "ramanathan", "many junior staff did not own cars", "Priya Ramanathan", "said"),
            ("D", "ramanathan", "I have nurses finishing at midnight ~~ a taxi they can’t afford,",
             "she", "said"),
            ("D", "ashworth", "a false economy", "Tom Ashworth", "called"),
            ("M", "ashworth", "the authority had ‘found money for a new logo but not for the "
             "night bus’", "Tom Ashworth", "said"),
            ("M", "northway", "it would ‘work constructively’ with the council and that drivers "
             "~~ offered other shifts", "Northway Buses", "said"),
            ("I", "leeds", "it will review the decision in a year, once the effect on passenger "
             "numbers is known", "The council", "said"),
        ],
        positions=[
            ("pickering", "withdrawal of night bus funding", "favor", [2, 3]),
            ("tswu", "withdrawal of night bus funding", "against", [1, 6]),
            ("boateng", "withdrawal of night bus funding", "against", [4, 5]),
            ("ramanathan", "withdrawal of night bus funding", "against", [7, 8]),
            ("ashworth", "withdrawal of night bus funding", "against", [9, 10]),
            ("northway", "withdrawal of night bus funding", "neutral", [11]),
        ],
    ),
    dict(
        file="04-jakarta-rail-link.txt",
        source="Pacific Wire", place="JAKARTA", published=None,
        claims=[
            ("I", "santoso", "the financing plan put forward by a foreign consortium was "
             "unworkable", "the transport minister", "told"),
            ("M", "santoso", ["The plan", "was 'dead on arrival' in its current form"],
             "Budi Santoso", "said"),
            ("D", "santoso", ["We will not sign,",
                              "a contract that leaves the state ~~ none of the control."],
             "Santoso", "said"),
            ("M", "velmar", "it remained \"fully committed\" to the project and believed a "
             "compromise could still be found", "Velmar", "said"),
            ("M", "vos", ["The minister's numbers",
                          "\"simply do not match the offer we made.\""], "she", "told"),
            ("M", "hapsari", "the government should \"go back to the table, not walk away from "
             "it\"", "Rina Hapsari", "said"),
            ("I", "wirawan", ["Walking away now",
                              "would cost taxpayers the 2.1 trillion rupiah ~~ land purchases"],
             "he", "argued"),
            ("D", "wirawan", ["This is a project that three governments have promised,",
                              "At some point somebody has to build it."], "Wirawan", "said"),
            ("M", "lestari", "the ministry \"remains open to any proposal that protects the "
             "public interest.\"", "Maya Lestari", "said"),
        ],
        positions=[
            ("santoso", "Velmar financing plan for the Surabaya rail extension", "against",
             [1, 2, 3]),
            ("velmar", "Velmar financing plan for the Surabaya rail extension", "favor", [4]),
            ("vos", "Velmar financing plan for the Surabaya rail extension", "favor", [5]),
            ("hapsari", "continued talks on the Surabaya rail extension", "favor", [6]),
            ("wirawan", "continued talks on the Surabaya rail extension", "favor", [7, 8]),
        ],
    ),
    dict(
        file="05-ottawa-rail-safety-hearing.txt",
        source="Newswire", place="OTTAWA", published="2025-05-15",
        claims=[
            ("I", "voss", "inspectors had not examined the section of track ~~ the agency's own "
             "rules", "The head of the country's rail safety regulator", "told"),
            ("I", "voss", "staffing shortages had forced the agency ~~ over freight corridors",
             "Eleanor Voss", "testified"),
            ("I", "voss", "the directorate had known about the backlog since at least 2023",
             "She", "acknowledged"),
            ("I", "voss", "it had asked the government for funding to hire 40 more inspectors",
             "She", "[said] it had asked"),
            ("D", "voss", ["We did not have the people to do the job the rules ask of us,",
                           "That is not an excuse. It is the explanation."], "Voss", "said"),
            ("I", "prairie", "the company had carried out its own ultrasonic inspection ~~ found "
             "no defects", "Prairie Northern Railway", "According to"),
            ("M", "delaney", "the derailment was caused by a broken rail that “could not "
             "reasonably have been detected” by the equipment in use at the time",
             "Marcus Delaney", "told"),
            ("I", "delaney", "cost-cutting had played any role in the accident", "He", "denied"),
            ("I", "voss", "she had raised the issue in two letters to the transport minister "
             "last year", "Voss", "replied"),
            ("M", "ca_transport", "the minister had “acted on every recommendation” from the "
             "regulator and that the budget ~~ 25 new inspectors", "The transport ministry",
             "said"),
            ("I", "raio", "the rail had a fatigue crack at least 18 months old",
             "The Rail Accident Investigation Office", "said"),
            ("M", "ritchie", "the answers raised “more questions than they settled” and that the "
             "committee ~~ testify in June", "Ritchie", "told"),
        ],
        positions=[
            ("voss", "Rail Safety Directorate funding", "favor", [2, 4, 5]),
            ("delaney", "Prairie Northern Railway responsibility for the derailment", "against",
             [7, 8]),
            ("prairie", "Prairie Northern Railway responsibility for the derailment", "against",
             [6]),
            ("ritchie", "government handling of rail safety", "against", [12]),
            ("ca_transport", "government handling of rail safety", "favor", [10]),
        ],
    ),
    dict(
        file="06-reykjavik-tourist-levy.txt",
        source="Nordic Press Agency", place="REYKJAVIK", published="2025-04-03",
        claims=[
            ("D", "hallsdottir", "long overdue", "the finance minister", "described"),
            ("M", "hallsdottir", "the money would go to “the roads, the toilets ~~ nobody pays "
             "for”", "Sigrún Hallsdóttir", "told"),
            ("D", "itia", "a tax on the brochure", "The Icelandic Travel Industry Association",
             "called"),
            ("M", "itia", "it had been introduced “with no warning and no conversation”",
             "The Icelandic Travel Industry Association", "said"),
            ("M", "bjarnason", "small operators would be “hit first and hit hardest”, because "
             "large hotel chains could absorb the cost", "Einar Bjarnason", "said"),
            ("D", "bjarnason", "A family guesthouse in the Westfjords ~~ to work this out,", "he",
             "said"),
            ("D", "olafsdottir", "balancing the budget on the backs of backpackers",
             "Katrín Ólafsdóttir", "accused"),
            ("I", "olafsdottir", "her party supported spending more on infrastructure at popular "
             "sites", "Katrín Ólafsdóttir", "said"),
            ("M", "sveinsdottir", "the levy was “the least we can ask” of visitors who came for "
             "the country’s nature", "Guðrún Sveinsdóttir", "said"),
            ("I", "sveinsdottir", "the money must actually reach the sites", "She", "warned"),
            ("D", "sveinsdottir", "Every year we hear promises about paths and parking. Every "
             "year the mud gets deeper,", "she", "said"),
            ("D", "hallsdottir", "the same speech we hear every time anything changes",
             "Hallsdóttir", "dismissed"),
            ("I", "hallsdottir", "she expected visitor numbers to keep growing", "Hallsdóttir",
             "said"),
        ],
        positions=[
            ("hallsdottir", "doubling of Iceland's tourist levy", "favor", [1, 2, 12]),
            ("itia", "doubling of Iceland's tourist levy", "against", [3, 4]),
            ("bjarnason", "doubling of Iceland's tourist levy", "against", [5, 6]),
            ("olafsdottir", "doubling of Iceland's tourist levy", "mixed", [7, 8]),
            ("sveinsdottir", "doubling of Iceland's tourist levy", "favor", [9, 10]),
        ],
    ),
    dict(
        file="07-brussels-defence-fund-sources.txt",
        source="Nordic Press Agency", place="BRUSSELS", published=None,
        claims=[
            ("M", "anon_eu", "the gap between the two camps was \"narrower than it looks from "
             "outside\"", "A senior EU official", "said"),
            ("D", "anon_eu", "Nobody is arguing about whether ~~ whose credit card it goes on,",
             "the official", "said"),
            ("I", "anon_dipl", "the Netherlands, Denmark and Finland had blocked compromise "
             "wording late on Thursday night", "Two diplomats familiar with the discussions",
             "said"),
            ("I", "anon_dipl", "a fresh proposal would be tabled at a meeting of finance ministers "
             "next month", "They", "said"),
            ("M", "vanaalst", "his government \"will not sign a blank cheque\" and that any new "
             "fund ~~ the existing budget", "Joost van Aalst", "told"),
            ("I", "anon_fr", "Paris was prepared to accept tighter conditions ~~ joint borrowing",
             "A person close to the French delegation", "said"),
            ("D", "ferreira", "If we wait for the perfect instrument, ~~ for a war in 2027,",
             "Ana Lucía Ferreira", "said"),
            ("M", "ferreira", "leaders had asked the European Commission to present \"options, "
             "not ultimatums\" before October", "Ferreira", "said"),
            ("I", "anon_fi", "Helsinki would look again at the proposal ~~ for border regions",
             "a Finnish government official", "said"),
        ],
        positions=[
            ("vanaalst", "joint EU borrowing for defence", "against", [5]),
            ("anon_fr", "joint EU borrowing for defence", "favor", [6]),
            ("ferreira", "joint EU defence fund", "favor", [7, 8]),
            ("anon_fi", "joint EU borrowing for defence", "mixed", [9]),
        ],
    ),
    dict(
        file="08-oslo-salmon-duties.txt",
        source="Newswire", place="OSLO", published=None,
        claims=[
            ("I", "havbruk", "it would delay a planned expansion in northern Norway",
             "Havbruk Nord", "said"),
            ("I", "havbruk", "The company now expects to ship 210,000 tonnes ~~ estimate of "
             "235,000 tonnes", "it", "said"),
            ("D", "nordahl", "The U.S. market has been our fastest-growing ~~ our most uncertain,",
             "Silje Nordahl", "told"),
            ("I", "nordahl", "the company would try to redirect fish to Asian markets", "Nordahl",
             "said"),
            ("I", "nordahl", "prices there were lower", "Nordahl", "warned"),
            ("M", "sec", "the duties were \"unjustified and unjustifiable\" and that the "
             "government should take the matter to the World Trade Organization",
             "The Seafood Exporters' Council", "said"),
            ("I", "asgc", "the Norwegian fish had been sold below cost for years",
             "the American Salmon Growers Coalition", "said"),
            ("M", "no_trade", "it was \"in close contact\" with the U.S. authorities and would "
             "\"consider all options\"", "Norway's trade ministry", "said"),
            ("I", "fpwu", "up to 400 jobs at processing plants ~~ cancelled rather than delayed",
             "The Fish Processing Workers' Union", "warned"),
            ("D", "nygaard", "Our members did not set the tariff and they should not pay for it,",
             "Arvid Nygaard", "said"),
            ("M", "solheim", "the forecast cut was \"smaller than the market feared\"",
             "Kari Solheim", "said"),
        ],
        positions=[
            ("sec", "U.S. duties on Norwegian salmon", "against", [6]),
            ("asgc", "U.S. duties on Norwegian salmon", "favor", [7]),
            ("no_trade", "U.S. duties on Norwegian salmon", "against", [8]),
            ("nygaard", "U.S. duties on Norwegian salmon", "against", [10]),
        ],
    ),
]

# fmt: on

# --------------------------------------------------------------------------------------
# Helpers (those of sample_corpus/build_gold.py, extended for the conventions above)


def speaker_record(key: str) -> dict:
    entry = SPEAKERS[key]
    name, kind, role, affiliation, aliases = entry[:5]
    slug = entry[5] if len(entry) > 5 else slugify(name)
    if not slug:
        raise GoldError(f"speaker {key!r}: name {name!r} gives no ASCII slug; give one")
    return {
        "id": "spk-" + slug,
        "name": name,
        "kind": kind,
        "role": role,
        "affiliation": affiliation,
        "aliases": list(aliases),
    }


def transcript_answer(text: str, rng: tuple[int, int]) -> bool:
    """A whole 'A: ...' paragraph of a transcript excerpt, label excluded."""
    s, e = rng
    n = len(TRANSCRIPT_ANSWER)
    return (
        s >= n
        and text[s - n : s] == TRANSCRIPT_ANSWER
        and (e == len(text) or text[e] == "\n")
        and "\n" not in text[s:e]
    )


def direct_ok(text: str, rng: tuple[int, int], last: bool, nxt_para: bool) -> bool:
    s, e = rng
    if transcript_answer(text, rng):
        return True
    if s == 0 or text[s - 1] not in OPEN_CLOSE or e >= len(text):
        return False
    close = OPEN_CLOSE[text[s - 1]]
    if text[s:e] != text[s:e].strip() or "\n" in text[s:e]:
        return False
    if text[e] == close:
        return True
    # A quote running on into the next paragraph: no closing mark, paragraph ends.
    return (not last) and nxt_para and text[e] == "\n"


def clause_ok(text: str, rng: tuple[int, int], kind: str) -> bool:
    """Indirect or mixed span: starts after a space or at a paragraph start, ends at a
    clause boundary: the sentence's final period, a comma (clause before or around its
    attribution; a second cue after it), " and " + a second cue; for mixed speech also
    just after a closing quote mark that has the sentence's period inside it."""
    s, e = rng
    if s == 0 or text[s - 1] not in " \n" or e >= len(text):
        return False
    if "\n" in text[s:e] or text[s:e] != text[s:e].strip():
        return False
    if text[e] in ".," or text.startswith(" and ", e):
        return True
    return (
        kind == "M"
        and text[e - 1] in CLOSERS
        and text[e - 2] in ".?!"
        and (e == len(text) or text[e] in " \n")
    )


def locate_claim(text, kind, content, start_at, where):
    pieces = content if isinstance(content, list) else [content]
    ranges: list[tuple[int, int]] = []
    cursor = start_at
    for n, piece in enumerate(pieces):
        last = n == len(pieces) - 1
        found = None
        for rng in find_content(text, piece, cursor):
            if kind in ("I", "M"):
                ok = clause_ok(text, rng, kind)
            else:
                # does the following piece start in a later paragraph?
                nxt_para = False
                if not last:
                    nxt = find_content(text, pieces[n + 1], rng[1])
                    nxt_para = bool(nxt) and "\n\n" in text[rng[1] : nxt[0][0]]
                ok = direct_ok(text, rng, last, nxt_para)
            if ok:
                found = rng
                break
        if found is None:
            raise GoldError(f"{where}: content not found with proper delimiters: {piece!r}")
        ranges.append(found)
        cursor = found[1]
    if kind == "M" and not any(q in text[s:e] for s, e in ranges for q in OPEN_CLOSE):
        raise GoldError(f"{where}: a mixed claim must contain a quote mark")
    if len(ranges) > 1:
        for a, b in itertools.pairwise(ranges):
            between = text[a[1] : b[0]]
            if len(between) > MAX_GAP:
                raise GoldError(f"{where}: claim pieces too far apart")
    return ranges


def build_article(num: str, decl: dict, show: bool = False) -> dict:
    path = CORPUS / decl["file"]
    text = normalise(path.read_bytes())
    title = next(line.strip() for line in text.split("\n") if line.strip())
    for field in ("source", "place"):
        if decl[field] is not None and decl[field] not in text:
            raise GoldError(f"{decl['file']}: {field} {decl[field]!r} not in text")
    if decl["published"] is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", decl["published"]):
        raise GoldError(f"{decl['file']}: bad published date")

    spans: dict[tuple[str, int, int], None] = {}
    claims_raw = []
    all_claim_ranges: list[tuple[int, int]] = []
    cursor = 0
    for ci, (kind, spk, content, mention, cue) in enumerate(decl["claims"], 1):
        where = f"{decl['file']} claim {ci}"
        if kind not in ("D", "I", "M") or spk not in SPEAKERS:
            raise GoldError(f"{where}: bad kind or unknown speaker {spk!r}")
        ranges = locate_claim(text, kind, content, cursor, where)
        if (mention is None or cue is None) and not all(transcript_answer(text, r) for r in ranges):
            raise GoldError(f"{where}: only transcript answers go without mention and cue")
        cursor = ranges[0][0] + 1
        claims_raw.append([kind, spk, ranges, mention, cue])
        all_claim_ranges.extend(ranges)

    # Claim spans never overlap each other.
    srt = sorted(all_claim_ranges)
    for a, b in itertools.pairwise(srt):
        if a[1] > b[0]:
            raise GoldError(f"{decl['file']}: overlapping claim spans {a} {b}")

    for ci, c in enumerate(claims_raw, 1):
        kind, spk, ranges, mention, cue = c
        where = f"{decl['file']} claim {ci}"
        cue_rng = nearest(text, cue, ranges, all_claim_ranges, where, "cue") if cue else None
        men_rng = None
        if mention:
            anchors = [cue_rng] if cue_rng else ranges
            forbidden = all_claim_ranges + ([cue_rng] if cue_rng else [])
            men_rng = nearest(text, mention, anchors, forbidden, where, "mention")
            mtext = text[men_rng[0] : men_rng[1]]
            name, aliases = SPEAKERS[spk][0], SPEAKERS[spk][4]
            if not (
                mtext in PRONOUNS
                or mtext == name
                or mtext in aliases
                or mtext in DESCRIPTIVE_MENTIONS
                or mtext[0].islower()
                or mtext.split()[0] in ("The", "A")
            ):
                raise GoldError(f"{where}: mention {mtext!r} is not a name/alias of {spk}")
        c[3], c[4] = men_rng, cue_rng
        for r in ranges:
            spans[("claim", *r)] = None
        if cue_rng:
            spans[("cue", *cue_rng)] = None
        if men_rng:
            spans[("speaker", *men_rng)] = None

    ordered = sorted(spans, key=lambda k: (k[1], k[2], k[0]))
    span_id = {k: f"{PREFIX}-{num}-s{i}" for i, k in enumerate(ordered, 1)}
    span_records = []
    for k in ordered:
        label, s, e = k
        span_records.append(
            {
                "id": span_id[k],
                "label": label,
                "start": s,
                "end": e,
                "text": text[s:e],
                "annotator": "gold",
                "status": "accepted",
                "note": None,
                "created": STAMP,
                "updated": STAMP,
            }
        )

    kinds = {"D": "direct", "I": "indirect", "M": "mixed"}
    claims = []
    speakers: dict[str, dict] = {}
    for ci, (kind, spk, ranges, men_rng, cue_rng) in enumerate(claims_raw, 1):
        rec = speaker_record(spk)
        sp = speakers.setdefault(spk, {**rec, "mentions": []})
        men_id = span_id[("speaker", *men_rng)] if men_rng else None
        if men_id and men_id not in sp["mentions"]:
            sp["mentions"].append(men_id)
        claims.append(
            {
                "id": f"{PREFIX}-{num}-c{ci}",
                "spans": [span_id[("claim", *r)] for r in ranges],
                "speaker": rec["id"],
                "mention": men_id,
                "cue": span_id[("cue", *cue_rng)] if cue_rng else None,
                "kind": kinds[kind],
            }
        )
        if show:
            parts = " | ".join(text[s:e] for s, e in ranges)
            men = text[men_rng[0] : men_rng[1]] if men_rng else None
            cu = text[cue_rng[0] : cue_rng[1]] if cue_rng else None
            print(
                f"  c{ci} {kind} {spk:<10} mention={men!r}@{men_rng and men_rng[0]} "
                f"cue={cu!r}@{cue_rng and cue_rng[0]}\n      {parts}"
            )
    for sp in speakers.values():
        sp["mentions"].sort(key=lambda i: int(i.rsplit("s", 1)[1]))

    positions = []
    for pi, (spk, target, stance, evidence) in enumerate(decl["positions"], 1):
        where = f"{decl['file']} position {pi}"
        if stance not in ("favor", "against", "neutral", "mixed"):
            raise GoldError(f"{where}: bad stance {stance!r}")
        for n in evidence:
            if not 1 <= n <= len(claims) or claims_raw[n - 1][1] != spk:
                raise GoldError(f"{where}: evidence claim {n} is not by {spk}")
        positions.append(
            {
                "id": f"{PREFIX}-{num}-p{pi}",
                "speaker": speaker_record(spk)["id"],
                "target": target,
                "stance": stance,
                "evidence": [f"{PREFIX}-{num}-c{n}" for n in evidence],
                "note": None,
            }
        )

    record = {
        "id": f"{PREFIX}-{num}",
        "title": title,
        "source": decl["source"],
        "place": decl["place"],
        "published": decl["published"],
        "url": None,
        "status": "done",
        "text": text,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "spans": span_records,
        "speakers": list(speakers.values()),
        "claims": claims,
        "positions": positions,
        "meta": {},
        "schema_version": 1,
    }
    verify(record)
    return record


def verify(rec: dict) -> None:
    """Independent re-check of the finished record."""
    text = rec["text"]
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == rec["text_sha256"]
    ids = {s["id"] for s in rec["spans"]}
    assert len(ids) == len(rec["spans"])
    for s in rec["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(text), s
        assert text[s["start"] : s["end"]] == s["text"], s
        assert s["label"] in ("speaker", "claim", "cue"), s
    by_id = {s["id"]: s for s in rec["spans"]}
    used = set()
    for c in rec["claims"]:
        assert c["spans"] and all(by_id[i]["label"] == "claim" for i in c["spans"]), c
        assert c["mention"] is None or by_id[c["mention"]]["label"] == "speaker", c
        assert c["cue"] is None or by_id[c["cue"]]["label"] == "cue", c
        assert c["kind"] in ("direct", "indirect", "mixed"), c
        used.update(c["spans"])
        used.update(x for x in (c["mention"], c["cue"]) if x)
    assert used == ids, "every span belongs to a claim"
    spk_ids = {s["id"] for s in rec["speakers"]}
    for c in rec["claims"]:
        assert c["speaker"] in spk_ids
        if c["mention"]:
            owner = [s for s in rec["speakers"] if c["mention"] in s["mentions"]]
            assert len(owner) == 1 and owner[0]["id"] == c["speaker"], c


def check_corpus(records: list[dict]) -> None:
    corpus = "\n".join(r["text"] for r in records)
    ids = [speaker_record(k)["id"] for k in SPEAKERS]
    if len(ids) != len(set(ids)):
        raise GoldError("duplicate speaker ids")
    used = {s["id"] for r in records for s in r["speakers"]}
    for key in SPEAKERS:
        rec = speaker_record(key)
        if rec["id"] not in used:
            raise GoldError(f"speaker {key!r} declared but never used")
        for alias in rec["aliases"]:
            if alias not in corpus:
                raise GoldError(f"speaker {key!r}: alias {alias!r} never occurs in the corpus")
    files = sorted(p.name for p in CORPUS.glob("*.txt"))
    declared = sorted(d["file"] for d in ARTICLES)
    if files != declared:
        raise GoldError(f"corpus files and declarations differ: {set(files) ^ set(declared)}")


def build(show: bool = False) -> str:
    records = []
    for decl in ARTICLES:
        num = decl["file"].split("-", 1)[0]
        if show:
            print(decl["file"])
        records.append(build_article(num, decl, show))
    check_corpus(records)
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--check", action="store_true", help="fail if heldout.jsonl is out of date")
    ap.add_argument("--show", action="store_true", help="print every claim with mention/cue")
    args = ap.parse_args(argv)
    try:
        out = build(show=args.show)
    except GoldError as exc:
        print(f"build_heldout: error: {exc}", file=sys.stderr)
        return 1
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != out:
            print(
                f"build_heldout: {OUT.name} is out of date; run build_heldout.py", file=sys.stderr
            )
            return 1
        print(f"{OUT.name} is up to date")
        return 0
    OUT.write_bytes(out.encode("utf-8"))
    n = out.count("\n")
    print(f"wrote {OUT} ({n} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
