#!/usr/bin/env python3
"""Build tests/data/gold.jsonl: hand-made gold annotations for the sample corpus.

Standard library only.  Run from anywhere:

    python sample_corpus/build_gold.py            # (re)write gold.jsonl
    python sample_corpus/build_gold.py --check    # exit 1 if gold.jsonl is stale
    python sample_corpus/build_gold.py --show     # print every claim in context

All articles are original, fictional prose written for this project.  The people
quoted are invented; institutions and public events are real only as background.

Each article below declares its claims compactly; helper functions find the
offsets and assert everything, failing loudly on any mismatch.

Claim declaration: ``(kind, speaker, content, mention, cue)``

* kind: ``D`` direct quote, ``I`` reported speech (indirect).
* speaker: a key of ``SPEAKERS``.
* content: the claim text; a list of strings for a claim made of several spans
  (a quote interrupted by its attribution, or running over two paragraphs).
  ``"head ~~ tail"`` abbreviates a long span (head, anything in the same
  paragraph, tail).  Claims are declared in document order: each one is
  searched after the start of the previous one, and must sit exactly between
  matching quote marks (direct) or end at the sentence's final period
  (indirect), so a stray match elsewhere is rejected.
* mention / cue: the text of the speaker mention and of the cue; ``"[he] added"``
  gives context, the bracketed part being the span.  The cue is the occurrence
  nearest to the claim's spans; the mention the occurrence nearest to the cue
  (both within ``MAX_GAP`` characters, never inside a claim span, and an
  ambiguous tie is an error).

Conventions (the suggestion engine follows the same ones):

* Direct claim span = the text between the quote marks, marks excluded, inner
  punctuation kept (a comma before the closing mark belongs to the span).  A
  quote interrupted only by its own attribution (``"A," she said. "B."``) is
  ONE claim with two spans; so is a quote running over two paragraphs.  A quote
  nested inside a quote is not a separate claim.
* Indirect claim span = the reported clause after "that" (or where the clause
  starts when there is no "that": after "said", "told reporters", "According
  to X,") up to the end of the sentence, the final period excluded.
* Scare quotes, slogans, titles and quotes from data or documents (no speaker)
  are not claims; neither is speech attributed to vague groups ("analysts").
* Speaker span = the mention nearest the cue as written: name without title,
  pronoun, or noun phrase with its determiner ("a ministry spokesperson").
  A parenthesised native-script name after a Latin one is not the mention.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
from pathlib import Path

from gold_helpers import (
    MAX_GAP,
    GoldError,
    find_content,
    nearest,
    normalise,
    slugify,
)

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "tests" / "data" / "gold.jsonl"
STAMP = "2026-01-01T00:00:00.000Z"

OPEN_CLOSE = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»"}
PRONOUNS = {"he", "she", "He", "She", "they", "They", "it", "It"}
# Role descriptions used as the only mention (no name in the sentence).
DESCRIPTIVE_MENTIONS = {"Switzerland's foreign minister", "The European Union’s trade chief"}

# --------------------------------------------------------------------------------------
# Corpus-wide actors.  key: (name, kind, role, affiliation, aliases[, slug])
# The id is "spk-" + slug, the slug derived from the canonical name.

# fmt: off
PER, ORG = "person", "organisation"
SPEAKERS: dict[str, tuple] = {
    "cfm": ("Chinese Foreign Ministry", ORG, None, "Government of China",
            ["China's foreign ministry", "the Chinese foreign ministry", "the ministry"]),
    "lin": ("Lin Qiao", PER, "Foreign Ministry spokesperson", "Chinese Foreign Ministry", ["Lin"]),
    "whitfield": ("Claire Whitfield", PER, "Foreign Minister", "Government of Australia",
                  ["Whitfield"]),
    "tavoa": ("Daniel Tavoa", PER, "Foreign Minister", "Government of Vanuatu", []),
    "dfat": ("Australian Department of Foreign Affairs and Trade", ORG, None,
             "Government of Australia", ["Australia's Department of Foreign Affairs and Trade"]),
    "vula": ("Mereani Vula", PER, "Researcher in regional politics",
             "University of the South Pacific", []),
    "ekholt": ("Anders Ekholt", PER, "Secretary General", "NATO", ["Ekholt"]),
    "tanabe": ("Hiroshi Tanabe", PER, "Chief Cabinet Secretary", "Government of Japan",
               ["Tanabe"]),
    "marchand": ("Élodie Marchand", PER, "Foreign Minister", "Government of France", ["Marchand"]),
    "haugland": ("Ingrid Haugland", PER, "Minister of Climate and Environment",
                 "Government of Norway", ["Haugland"]),
    "rabuka": ("Losana Rabuka", PER, "Climate envoy", "Government of Fiji", []),
    "feldhaus": ("Markus Feldhaus", PER, "State Secretary for Climate Action",
                 "Government of Germany", []),
    "xu": ("Xu Wenjing", PER, "Deputy head of the Chinese climate delegation",
           "Government of China", ["Xu"]),
    "vandamme": ("Sofie Van Damme", PER, "Trade Commissioner", "European Commission",
                 ["Van Damme"]),
    "india_cm": ("Indian Ministry of Commerce and Industry", ORG, None, "Government of India",
                 ["India’s commerce ministry"]),
    "verma": ("Anil Verma", PER, "Commerce Secretary", "Government of India", ["Verma"]),
    "steel": ("European Steel Producers’ Association", ORG, None, None, []),
    "lindqvist": ("Thomas Lindqvist", PER, "Director General",
                  "European Steel Producers’ Association", []),
    "dewolf": ("Pieter de Wolf", PER, "Trade Minister", "Government of the Netherlands",
               ["de Wolf"]),
    "mercer": ("Daniel Mercer", PER, "Under Secretary for Industry and Security",
               "U.S. Department of Commerce", ["Mercer"]),
    "mofcom": ("Chinese Ministry of Commerce", ORG, None, "Government of China",
               ["China's commerce ministry"]),
    "lithotek": ("Lithotek", ORG, None, None, []),
    "jansen": ("Marieke Jansen", PER, "Chief Executive", "Lithotek", []),
    "bakker": ("Femke Bakker", PER, "Researcher", "Delft Institute for Technology Policy", []),
    "villanueva": ("Teresa Villanueva", PER, "Foreign Secretary", "Government of the Philippines",
                   []),
    "zhao": ("Zhao Mingyuan", PER, "Foreign Minister", "Government of China",
             ["Zhao", "赵明远"]),
    "iskandar": ("Rahman Iskandar", PER, "Secretary-General", "ASEAN",
                 ["Dato' Rahman Iskandar"]),
    "nguyen": ("Nguyen Thi Lan Anh", PER, "Deputy Foreign Minister", "Government of Vietnam", []),
    "azlan": ("Azlan Hashim", PER, "Foreign Minister", "Government of Malaysia", []),
    "okonkwo": ("Adaeze Okonkwo", PER, "Chairperson of the African Union Commission",
                "African Union", []),
    "mensah": ("Kofi Mensah-Bonsu", PER, "Finance Minister", "Government of Ghana", []),
    "mulenga": ("Chanda Mulenga", PER, "Finance Minister", "Government of Zambia", []),
    "reyes": ("Claudia Reyes", PER, "Director, African Department",
              "International Monetary Fund", ["Reyes"]),
    "mwangi": ("Joseph Mwangi", PER, "Treasury Cabinet Secretary", "Government of Kenya", []),
    "hu": ("Hu Changming", PER, "Representative to the African Union", "Government of China", []),
    "favre": ("Anne-Laure Favre", PER, "Foreign Minister", "Government of Switzerland", []),
    "chen": ("Chen Yaping", PER, "Ambassador to the UN in Geneva", "Government of China",
             ["Chen"]),
    "holm": ("Katrin Holm", PER, "Ambassador to the UN in Geneva", "European Union", []),
    "pires": ("Joana Pires", PER, "Advocacy Director", "Geneva Rights Monitor", []),
    "dobre": ("Ilinca Dobre", PER, "Spokesperson", "NATO", []),
    "pcg": ("Philippine Coast Guard", ORG, None, "Government of the Philippines",
            ["The Philippine coast guard"]),
    "weber": ("Jonas Weber", PER, "Trade spokesperson", "European Commission", ["Weber"]),
    "kovalenko": ("Aryna Kovalenko", PER, "Foreign Ministry spokesperson",
                  "Government of Ukraine", ["Kovalenko", "Арина Коваленко"]),
    "aydin": ("Selim Aydın", PER, "Deputy Foreign Minister", "Government of Turkey", []),
    "harbi": ("Mohammed al-Harbi", PER, "Mediator", "Government of Qatar",
              ["al-Harbi", "محمد الحربي"]),
    "russia_mfa": ("Russian Foreign Ministry", ORG, None, "Government of Russia",
                   ["Russia's foreign ministry"]),
    "tkach": ("Олена Ткач", PER, "Wheat farmer", None, [], "olena-tkach"),
    "mutua": ("Grace Mutua", PER, "Regional Director for Eastern Africa",
              "World Food Programme", []),
    "somby": ("Aslak Somby", PER, "President", "Sámi Council", []),
    "tremblay": ("Marie-Claude Tremblay", PER, "Arctic Ambassador", "Government of Canada", []),
    "donovan": ("Rachel Donovan", PER, "Senior Arctic Official", "U.S. Department of State", []),
    "ru_embassy": ("Russian Embassy in Norway", ORG, None, "Government of Russia",
                   ["The Russian embassy in Oslo"]),
    "orellana": ("Rafael Orellana", PER, "Chair of the plastics treaty negotiating committee",
                 None, ["Orellana"]),
    "caballero": ("Isabel Caballero", PER, "Lead negotiator", "Government of Panama", []),
    "saudi": ("Saudi Arabian delegation to the plastics treaty talks", ORG, None,
              "Government of Saudi Arabia", ["Saudi Arabia's delegation"]),
    "otaibi": ("Faisal al-Otaibi", PER, "Delegation member", "Government of Saudi Arabia", []),
    "oan": ("Ocean Action Network", ORG, None, None, []),
    "alcott": ("Richard Alcott", PER, "Defence Secretary", "Government of the United Kingdom",
               ["Alcott"]),
    "lunde": ("Ingeborg Lunde", PER, "Secretary General", "Global Shipping Council", []),
    "sca": ("Suez Canal Authority", ORG, None, "Government of Egypt",
            ["Egypt's Suez Canal Authority"]),
    "whitaker": ("Sam Whitaker", PER, "Marine insurance broker", None, []),
    "nwosu": ("Amara Nwosu", PER, "Director-General", "World Trade Organization", ["Nwosu"]),
    "kartika": ("Dewi Kartika", PER, "Ambassador to the WTO", "Government of Indonesia", []),
}

# --------------------------------------------------------------------------------------
# Articles.  positions: (speaker, target, stance, [1-based claim numbers])

ARTICLES: list[dict] = [
    dict(
        file="01-pacific-bloc-politics.txt",
        source="Newswire", place="CANBERRA", published="2024-03-02",
        claims=[
            ("D", "cfm", "no region needs a new bloc", "China's foreign ministry", "said"),
            ("D", "whitfield", ["We are not asking any country ~~ we all want to live in,",
                                "Security is built by neighbours ~~ Australia turns up."],
             "Whitfield", "told"),
            ("D", "lin", "Pacific island countries are not anyone's backyard. ~~ "
             "military cooperation.", "Lin Qiao", "said"),
            ("D", "lin", "The so-called security partnerships ~~ of the Cold War,", "she", "added"),
            ("I", "lin", "Beijing's own agreements in the region ~~ did not target any third party",
             "Lin", "said"),
            ("I", "tavoa", "his government would keep working ~~ sovereignty, including China",
             "Daniel Tavoa", "told"),
            ("D", "tavoa", ["Our ocean is big enough for everyone's friendship,",
                            "What we don't want is ~~ somebody else's chessboard."], "he", "said"),
            ("I", "dfat", "the policing agreement with Vanuatu ~~ a training centre in Luganville",
             "Australia's Department of Foreign Affairs and Trade", "According to"),
            ("D", "vula", ["Nobody in the islands ~~ who stood with us afterwards,",
                           "People here have long memories ~~ by what they do."],
             "Mereani Vula", "said"),
        ],
        positions=[
            ("cfm", "Pacific security partnerships", "against", [1]),
            ("lin", "Pacific security partnerships", "against", [3, 4]),
            ("whitfield", "Pacific security partnerships", "favor", [2]),
            ("tavoa", "Pacific security partnerships", "neutral", [6, 7]),
        ],
    ),
    dict(
        file="02-nato-tokyo-office.txt",
        source="Newswire", place="BRUSSELS", published=None,
        claims=[
            ("I", "ekholt", "allies were discussing a proposal ~~ the alliance’s first in Asia",
             "Anders Ekholt", "confirmed"),
            ("D", "ekholt", ["Our partners in the Indo-Pacific ~~ to economic coercion,",
                             "Talking to them more often is not a threat to anybody."],
             "Ekholt", "told"),
            ("I", "ekholt", "no decision had been taken and that any office ~~ no military role",
             "He", "stressed"),
            ("D", "cfm", "The Asia-Pacific is not part of the North Atlantic. ~~ "
             "expansion of NATO eastward.", "the Chinese foreign ministry", "said"),
            ("D", "lin", "Any move to bring NATO ~~ countries in the region,", "Lin Qiao", "told"),
            ("I", "tanabe", "Tokyo welcomed closer cooperation with the alliance",
             "Hiroshi Tanabe", "said"),
            ("D", "tanabe", "Japan’s security is inseparable ~~ has made that plain,", "Tanabe",
             "said"),
            ("I", "marchand", "NATO should stay focused on the North Atlantic and that Paris ~~ "
             "permanent presence in Japan", "Élodie Marchand", "said"),
            ("D", "marchand", "We work very well with Japan already, ~~ the European Union,",
             "she", "told"),
            ("D", "marchand", "A permanent office in Tokyo ~~ the treaty was written for,",
             "Marchand", "added"),
        ],
        positions=[
            ("ekholt", "NATO office in Tokyo", "favor", [1, 2, 3]),
            ("cfm", "NATO office in Tokyo", "against", [4]),
            ("lin", "NATO office in Tokyo", "against", [5]),
            ("tanabe", "NATO partnership with Japan", "favor", [6, 7]),
            ("marchand", "NATO office in Tokyo", "against", [8, 9, 10]),
        ],
    ),
    dict(
        file="03-oslo-climate-finance.txt",
        source="Nordic Press Agency", place="OSLO", published="2024-06-06",
        claims=[
            ("I", "haugland", "her country would add 3 billion crowns ~~ caused by climate change",
             "Ingrid Haugland", "said"),
            ("D", "haugland", ["Rich countries made a promise, ~~ a new roof with communiqués.",
                               "So today Norway is putting money ~~ before we meet in Baku,"],
             "Haugland", "told"),
            ("D", "rabuka", ["It is a good day, but it is only one good day,",
                             "Measured against the damage ~~ a drop in a very large ocean."],
             "she", "said"),
            ("I", "feldhaus", "Berlin would announce its own figure in the autumn",
             "Markus Feldhaus", "told"),
            ("I", "feldhaus", "the fund needed a broader base of donors, ~~ with high emissions",
             "He", "noted"),
            ("I", "xu", "any contributions from developing countries must remain voluntary",
             "Xu Wenjing", "insisted"),
            ("D", "xu", "The Paris Agreement is clear ~~ through the back door,", "Xu", "said"),
            ("I", "haugland", "she understood the frustration ~~ in Baku in November",
             "Haugland", "said"),
            ("D", "haugland", ["Norway's money alone will not fix this,",
                               "But it is hard to ask others ~~ stand still yourself."],
             "she", "said"),
        ],
        positions=[
            ("haugland", "loss and damage fund", "favor", [1, 2, 9]),
            ("rabuka", "loss and damage fund", "favor", [3]),
            ("feldhaus", "climate finance contributions from emerging economies", "favor", [5]),
            ("xu", "climate finance contributions from emerging economies", "against", [6, 7]),
        ],
    ),
    dict(
        file="04-eu-carbon-border-tax.txt",
        source="Newswire", place="BRUSSELS", published="2024-04-11",
        claims=[
            ("I", "vandamme", "the levy was about climate, not protectionism",
             "The European Union’s trade chief", "saying"),
            ("D", "vandamme", "The carbon border adjustment mechanism ~~ our own industry first,",
             "Sofie Van Damme", "told"),
            ("I", "india_cm", "the levy would hurt small exporters and amounted to a non-tariff "
             "barrier", "India’s commerce ministry", "said"),
            ("D", "verma", "We don’t accept that one trading partner ~~ for the whole world,",
             "Anil Verma", "said"),
            ("I", "verma", "India would raise the issue at the World Trade Organization", "He",
             "added"),
            ("I", "lin", "the bloc’s approach was unilateral ~~ differentiated responsibilities",
             "Lin Qiao", "said"),
            ("D", "lin", "Climate change is a common challenge ~~ new trade barriers,", "Lin",
             "told"),
            ("I", "vandamme", "the EU had consulted its partners for more than two years",
             "Van Damme", "insisted"),
            ("D", "vandamme", "Our door is open. ~~ That’s the whole point,", "she", "said"),
            ("I", "steel", "the mechanism had to be paired ~~ would lose customers abroad",
             "The European Steel Producers’ Association", "said"),
            ("D", "lindqvist", "Protecting the home market ~~ is not a climate policy,",
             "Thomas Lindqvist", "Lindqvist, [said]"),
        ],
        positions=[
            ("vandamme", "carbon border tax", "favor", [1, 2, 8, 9]),
            ("india_cm", "carbon border tax", "against", [3]),
            ("verma", "carbon border tax", "against", [4, 5]),
            ("lin", "carbon border tax", "against", [6, 7]),
            ("steel", "carbon border tax", "mixed", [10]),
            ("lindqvist", "carbon border tax", "mixed", [11]),
        ],
    ),
    dict(
        file="05-chip-export-controls.txt",
        source="Newswire", place="THE HAGUE", published=None,
        claims=[
            ("I", "dewolf", "the Netherlands would require export licences ~~ from April",
             "Pieter de Wolf", "said"),
            ("D", "dewolf", ["This is a national security decision, ~~ our own assessment,",
                             "It is not aimed at any one country."], "de Wolf", "told"),
            ("D", "dewolf", "When our American colleagues ~~ the yard is ours to draw,", "he",
             "added"),
            ("I", "mercer", "the measures were working as intended", "Daniel Mercer", "said"),
            ("D", "mercer", "We're seeing allies ~~ exactly what we hoped for,", "Mercer",
             "Mercer [said]"),
            ("I", "mofcom", "it firmly opposed the Dutch decision", "China's commerce ministry",
             "said"),
            ("D", "mofcom", "The Netherlands should respect ~~ should not politicise normal trade,",
             "a ministry spokesperson", "said"),
            ("I", "mofcom", "China would watch the situation closely", "a ministry spokesperson",
             "adding"),
            ("I", "lithotek", "it expected the rules to affect ~~ to China this year", "Lithotek",
             "said"),
            ("D", "jansen", "We will comply fully, ~~ were prepared for this.", "Marieke Jansen",
             "told"),
            ("D", "jansen", "One customer told me last week, ~~ I think that is fair,", "she",
             "said"),
            ("D", "bakker", ["People shouldn't read this as the Dutch simply copying Washington,",
                             "The government has been under pressure ~~ it could defend."],
             "Femke Bakker", "said"),
        ],
        positions=[
            ("dewolf", "chip export controls", "favor", [1, 2, 3]),
            ("mercer", "chip export controls", "favor", [4, 5]),
            ("mofcom", "chip export controls", "against", [6, 7, 8]),
            ("lithotek", "chip export controls", "neutral", [9]),
            ("jansen", "chip export controls", "neutral", [10, 11]),
        ],
    ),
    dict(
        file="06-asean-summit-south-china-sea.txt",
        source="Pacific Wire", place="VIENTIANE", published="2024-10-10",
        claims=[
            ("D", "villanueva", "We cannot allow the sea ~~ where our region breaks apart,",
             "Teresa Villanueva", "told"),
            ("I", "villanueva", "Manila had recorded more than 30 incidents ~~ against a supply "
             "boat", "She", "said"),
            ("I", "zhao", "Beijing remained committed to finishing ~~ made on the draft",
             "Zhao Mingyuan", "said"),
            ("D", "zhao", "China and ASEAN countries have the wisdom ~~ stirring up trouble,",
             "Zhao", "said"),
            ("I", "iskandar", "negotiators had completed a second reading of the draft text last "
             "year", "Rahman Iskandar", "noted"),
            ("D", "iskandar", ["The hard part is not the drafting. The hard part is the trust,",
                               "Every claimant has to believe ~~ when nobody is watching."],
             "he", "said"),
            ("D", "nguyen", "Let the law of the sea decide, not the size of the ship,", "she",
             "urged"),
            ("I", "whitfield", "Canberra was deeply concerned ~~ destabilising conduct at sea",
             "Claire Whitfield", "told"),
            ("I", "azlan", "he hoped the code could be concluded during his country’s year as "
             "chair", "Azlan Hashim", "said"),
        ],
        positions=[
            ("zhao", "South China Sea code of conduct", "favor", [3]),
            ("iskandar", "South China Sea code of conduct", "favor", [5, 6]),
            ("azlan", "South China Sea code of conduct", "favor", [9]),
            ("zhao", "outside powers in the South China Sea", "against", [4]),
            ("villanueva", "Chinese coast guard conduct in the South China Sea", "against",
             [1, 2]),
            ("whitfield", "Chinese coast guard conduct in the South China Sea", "against", [8]),
        ],
    ),
    dict(
        file="07-au-summit-debt.txt",
        source="Newswire", place="ADDIS ABABA", published="2024-02-18",
        claims=[
            ("D", "okonkwo", "Africa's debt problem is not ~~ the highest prices,",
             "Adaeze Okonkwo", "told"),
            ("I", "okonkwo", "African countries paid on average ~~ on debt service than on health",
             "She", "said"),
            ("D", "mensah", ["We are in a waiting room with no doctor,",
                             "Every month in that room costs us schools and clinics."],
             "Kofi Mensah-Bonsu", "said"),
            ("I", "mulenga", "his country's deal with official creditors showed the framework "
             "could work", "Chanda Mulenga", "told"),
            ("D", "mulenga", "It was slow and it was painful, but it was done,", "he", "said"),
            ("I", "reyes", "the fund was working with the G20 to speed up the process",
             "Claudia Reyes", "said"),
            ("D", "reyes", "We hear the frustration, and much of it is justified,", "Reyes",
             "Reyes [said]"),
            ("I", "mwangi", "rising debt payments were crowding out ~~ losing patience",
             "Joseph Mwangi", "warned"),
            ("D", "mwangi", "When a government spends ~~ the street notices,", "he", "warned"),
            ("I", "hu", "Beijing had taken part in every restructuring ~~ Africa's debt troubles",
             "Hu Changming", "said"),
        ],
        positions=[
            ("okonkwo", "current global debt architecture", "against", [1, 2]),
            ("mwangi", "current global debt architecture", "against", [8, 9]),
            ("mensah", "G20 Common Framework", "against", [3]),
            ("mulenga", "G20 Common Framework", "favor", [4, 5]),
            ("reyes", "G20 Common Framework", "mixed", [6, 7]),
            ("hu", "Chinese lending to Africa", "favor", [10]),
        ],
    ),
    dict(
        file="08-geneva-human-rights-council.txt",
        source="Newswire", place="GENEVA", published=None,
        claims=[
            ("I", "favre", "the body risked losing its credibility ~~ from criticism",
             "Switzerland's foreign minister", "warning"),
            ("D", "favre", "A council that only protects ~~ no longer a human rights council,",
             "Anne-Laure Favre", "said"),
            ("D", "favre", "We do not ask any state ~~ that are put to it,", "she", "said"),
            ("I", "chen", "the report was based on disinformation ~~ China's internal affairs",
             "Chen Yaping", "said"),
            ("D", "chen", "Xinjiang enjoys stability and development. ~~ who live there,", "Chen",
             "told"),
            ("D", "lin", "We hope certain countries will stop using human rights as a political "
             "tool,", "Lin", "said"),
            ("I", "holm", "the bloc would continue to raise the situation in Xinjiang, Tibet and "
             "Hong Kong", "Katrin Holm", "said"),
            ("D", "holm", "Silence is also a position,", "she", "added"),
            ("D", "pires", "Every session we hear strong speeches, ~~ go the other way,",
             "Joana Pires", "said"),
        ],
        positions=[
            ("favre", "scrutiny of states at the Human Rights Council", "favor", [1, 2, 3]),
            ("pires", "scrutiny of states at the Human Rights Council", "favor", [9]),
            ("chen", "scrutiny of Xinjiang at the Human Rights Council", "against", [4, 5]),
            ("lin", "scrutiny of Xinjiang at the Human Rights Council", "against", [6]),
            ("holm", "scrutiny of Xinjiang at the Human Rights Council", "favor", [7, 8]),
        ],
    ),
    dict(
        file="09-opinion-nato-tokyo.txt",
        source=None, place=None, published=None,
        claims=[
            ("D", "ekholt", "talking to them more often is not a threat to anybody,",
             "Anders Ekholt", "said"),
            ("D", "cfm", "The Asia-Pacific is not part of the North Atlantic,",
             "China's foreign ministry", "declared"),
            ("I", "lin", "countries in the region would respond with vigilance", "Lin Qiao",
             "warning"),
            ("D", "marchand", "A permanent office in Tokyo ~~ wants to be everywhere,",
             "Élodie Marchand", "argued"),
            ("I", "tanabe", "Japan's security is inseparable from Europe's", "Hiroshi Tanabe",
             "said"),
            ("D", "dobre", "If we can't explain a two-room office ~~ bigger problem than China.",
             "Ilinca Dobre", "told"),
        ],
        positions=[
            ("ekholt", "NATO office in Tokyo", "favor", [1]),
            ("cfm", "NATO office in Tokyo", "against", [2]),
            ("lin", "NATO office in Tokyo", "against", [3]),
            ("marchand", "NATO office in Tokyo", "against", [4]),
            ("tanabe", "NATO partnership with Japan", "favor", [5]),
            ("dobre", "NATO office in Tokyo", "favor", [6]),
        ],
    ),
    dict(
        file="10-beijing-ministry-briefing.txt",  # UTF-8 BOM + CRLF line endings on disk
        source="Newswire", place="BEIJING", published="2024-04-23",
        claims=[
            ("D", "lin", "The so-called overcapacity is a false narrative. ~~ because of subsidies,",
             "Lin", "told"),
            ("I", "lin", "China would take all necessary measures ~~ the rights of its companies",
             "she", "said"),
            ("D", "lin", "We don't want a trade war with anyone. ~~ we will see it through,",
             "the spokesperson", "spokesperson [said]"),
            ("I", "cfm", "Chinese companies had invested more than 5 billion euros ~~ past three "
             "years", "the ministry", "said"),
            ("I", "lin", "a Philippine vessel had entered waters ~~ professional and restrained "
             "manner", "Lin", "said"),
            ("I", "pcg", "its boat had been on a routine resupply mission ~~ blocked it twice",
             "The Philippine coast guard", "said"),
            ("D", "lin", "NATO keeps saying it is a regional and defensive alliance. ~~ coming "
             "to Asia?", "she", "asked"),
            ("I", "weber", "the investigation was being carried out ~~ duties had been taken",
             "Jonas Weber", "said"),
            ("D", "weber", "We are following the facts, wherever they lead,", "Weber", "said"),
        ],
        positions=[
            ("lin", "EU tariffs on Chinese electric vehicles", "against", [1, 2, 3]),
            ("weber", "EU tariffs on Chinese electric vehicles", "neutral", [8, 9]),
            ("lin", "NATO office in Tokyo", "against", [7]),
        ],
    ),
    dict(
        file="11-grain-corridor-reactions.txt",  # emoji (astral) before quotes, non-Latin names
        source=None, place=None, published=None,
        claims=[
            ("D", "kovalenko", "Every ship that leaves our ports ~~ talk about ‘concessions’,",
             "Kovalenko", "wrote"),
            ("D", "aydin", "Good progress today, more tomorrow,", "Selim Aydın", "posted"),
            ("I", "harbi", "humanitarian shipments should be kept out of the military talks "
             "altogether", "Mohammed al-Harbi", "said"),
            ("D", "harbi", "Food is not a bargaining chip. It should never have become one,",
             "al-Harbi", "told"),
            ("I", "zhao", "China supported every effort to keep food flowing to developing "
             "countries", "Zhao Mingyuan", "said"),
            ("I", "russia_mfa", "Moscow would only return to a grain arrangement ~~ were lifted",
             "Russia's foreign ministry", "said"),
            ("D", "tkach", "Ми тримаємося 💪,", "Олена Ткач", "wrote"),
            ("D", "mutua", "Prices in East Africa react within days to what happens in Odesa,",
             "Grace Mutua", "said"),
            ("D", "kovalenko", "Thank you to our Turkish friends for hosting. We’ll be back "
             "tomorrow.", "She", "added"),
        ],
        positions=[
            ("kovalenko", "Black Sea grain corridor", "favor", [1, 9]),
            ("harbi", "Black Sea grain corridor", "favor", [3, 4]),
            ("zhao", "Black Sea grain corridor", "favor", [5]),
            ("russia_mfa", "Black Sea grain corridor", "mixed", [6]),
        ],
    ),
    dict(
        file="12-tromso-arctic-science.txt",
        source="Nordic Press Agency", place="TROMSØ", published="2024-09-21",
        claims=[
            ("I", "haugland", "the decision would allow researchers ~~ than the global average",
             "Ingrid Haugland", "said"),
            ("D", "haugland", "The ice does not care about our politics. ~~ we stop understanding,",
             "Haugland", "told"),
            ("D", "haugland", "We can’t protect what we don’t measure,", "she", "added"),
            ("I", "somby", "Indigenous communities had paid a high price for the freeze",
             "Aslak Somby", "warned"),
            ("D", "somby", "For two years, reindeer herders ~~ on the other side knew,", "he",
             "said"),
            ("I", "tremblay", "Ottawa supported resuming the projects ~~ remained off the table",
             "Marie-Claude Tremblay", "said"),
            ("D", "donovan", "We are glad to see the science moving again, ~~ our share of it,",
             "Rachel Donovan", "said"),
            ("I", "ru_embassy", "no cooperation in the Arctic could work without Russia",
             "The Russian embassy in Oslo", "said"),
        ],
        positions=[
            ("haugland", "resumption of Arctic scientific cooperation", "favor", [1, 2, 3]),
            ("somby", "resumption of Arctic scientific cooperation", "favor", [4, 5]),
            ("tremblay", "resumption of Arctic scientific cooperation", "favor", [6]),
            ("donovan", "resumption of Arctic scientific cooperation", "favor", [7]),
            ("ru_embassy", "Arctic cooperation without Russia", "against", [8]),
        ],
    ),
    dict(
        file="13-busan-plastics-treaty.txt",
        source="Pacific Wire", place="BUSAN", published="2024-12-02",
        claims=[
            ("I", "orellana", "the talks would resume next year and that a draft text ~~ the "
             "basis", "Rafael Orellana", "told"),
            ("D", "orellana", "We have come a long way ~~ a weak treaty forever,", "Orellana",
             "said"),
            ("I", "caballero", "more than 100 countries had backed a proposal ~~ plastic polymers",
             "Isabel Caballero", "said"),
            ("D", "caballero", "We came here to turn off the tap, not to buy a bigger mop,", "she",
             "said"),
            ("I", "saudi", "the treaty should focus on waste management ~~ the committee's "
             "mandate", "Saudi Arabia's delegation", "said"),
            ("D", "otaibi", ["This is a treaty about pollution, not about production,",
                             "Plastic is not the problem. Plastic in the ocean is the problem."],
             "Faisal al-Otaibi", "said"),
            ("I", "oan", "about 220 lobbyists linked to ~~ the delegation of any single country",
             "the Ocean Action Network", "According to"),
            ("I", "haugland", "the majority was not going to give up", "Haugland", "stressed"),
            ("D", "haugland", "A few countries can slow us down. ~~ the rest of us,", "she",
             "said"),
        ],
        positions=[
            ("caballero", "plastic production caps", "favor", [3, 4]),
            ("haugland", "plastic production caps", "favor", [8, 9]),
            ("saudi", "plastic production caps", "against", [5]),
            ("otaibi", "plastic production caps", "against", [6]),
        ],
    ),
    dict(
        file="14-red-sea-shipping-security.txt",
        source="Newswire", place="LONDON", published="2024-02-02",
        claims=[
            ("I", "alcott", "Britain would send a third warship ~~ drone and missile attacks",
             "Richard Alcott", "said"),
            ("D", "alcott", "Freedom of navigation is not an abstract principle. ~~ arrive on "
             "time,", "Alcott", "told"),
            ("I", "alcott", "the Royal Navy had shot down ~~ no British ship had been hit", "He",
             "said"),
            ("D", "lunde", ["Our members are not going to send crews into harm’s way for a "
                            "shorter route,",
                            "When people ask me, “Is the Red Sea open?”, ~~ it is not safe."],
             "Ingeborg Lunde", "said"),
            ("I", "ekholt", "the alliance was not directly involved ~~ led by its members",
             "Anders Ekholt", "said"),
            ("D", "ekholt", "Attacks on shipping are attacks on all of us who trade,", "he",
             "said"),
            ("I", "sca", "revenue from the canal had fallen ~~ compared with a year earlier",
             "Egypt's Suez Canal Authority", "said"),
            ("I", "lin", "China called for an end to the harassment ~~ safe waterway for all "
             "countries", "Lin Qiao", "said"),
            ("D", "whitaker", "War risk premiums have gone up tenfold in some cases,",
             "Sam Whitaker", "noted"),
        ],
        positions=[
            ("alcott", "naval protection of Red Sea shipping", "favor", [1, 2, 3]),
            ("ekholt", "naval protection of Red Sea shipping", "favor", [5, 6]),
            ("lin", "attacks on Red Sea shipping", "against", [8]),
        ],
    ),
    dict(
        file="15-wto-fisheries-subsidies.txt",
        source="Newswire", place="GENEVA", published="2024-07-19",
        claims=[
            ("I", "nwosu", "she was disappointed but that the remaining gaps ~~ ministerial "
             "conference", "Amara Nwosu", "told"),
            ("D", "nwosu", "We are one or two paragraphs away ~~ those paragraphs are impossible,",
             "Nwosu", "said"),
            ("I", "verma", "the draft would restrict support ~~ largely untouched", "Anil Verma",
             "insisted"),
            ("D", "verma", "We will not sign away ~~ keep fishing as before,", "Verma", "told"),
            ("I", "verma", "India was ready to keep negotiating", "He", "added"),
            ("I", "vandamme", "the European Union had offered flexibility ~~ developing countries",
             "Sofie Van Damme", "said"),
            ("D", "vandamme", "Our offer is generous ~~ no longer means anything,", "Van Damme",
             "Damme [said]"),
            ("I", "rabuka", "for island nations fish were not just a commodity ~~ food security",
             "Losana Rabuka", "said"),
            ("I", "kartika", "her country had already ended several subsidy programmes on its own",
             "Dewi Kartika", "noted"),
        ],
        positions=[
            ("nwosu", "WTO fisheries subsidies agreement", "favor", [1, 2]),
            ("verma", "WTO fisheries subsidies agreement", "against", [3, 4]),
            ("vandamme", "WTO fisheries subsidies agreement", "favor", [6, 7]),
            ("kartika", "WTO fisheries subsidies agreement", "favor", [9]),
        ],
    ),
]

# fmt: on

# --------------------------------------------------------------------------------------
# Helpers


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


def direct_ok(text: str, rng: tuple[int, int], last: bool, nxt_para: bool) -> bool:
    s, e = rng
    if s == 0 or text[s - 1] not in OPEN_CLOSE or e >= len(text):
        return False
    close = OPEN_CLOSE[text[s - 1]]
    if text[s:e] != text[s:e].strip() or "\n" in text[s:e]:
        return False
    if text[e] == close:
        return True
    # A quote running on into the next paragraph: no closing mark, paragraph ends.
    return (not last) and nxt_para and text[e] == "\n"


def indirect_ok(text: str, rng: tuple[int, int]) -> bool:
    s, e = rng
    return (
        s > 0
        and text[s - 1] == " "
        and e < len(text)
        and text[e] == "."
        and "\n" not in text[s:e]
        and text[s:e] == text[s:e].strip()
    )


def locate_claim(text, kind, content, start_at, where):
    pieces = content if isinstance(content, list) else [content]
    ranges: list[tuple[int, int]] = []
    cursor = start_at
    for n, piece in enumerate(pieces):
        last = n == len(pieces) - 1
        found = None
        for rng in find_content(text, piece, cursor):
            if kind == "I":
                ok = indirect_ok(text, rng)
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
    if kind == "D" and len(ranges) > 1:
        for a, b in itertools.pairwise(ranges):
            between = text[a[1] : b[0]]
            if len(between) > MAX_GAP:
                raise GoldError(f"{where}: claim pieces too far apart")
    return ranges


def build_article(num: str, decl: dict, show: bool = False) -> dict:
    path = HERE / decl["file"]
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
        if kind not in ("D", "I") or spk not in SPEAKERS:
            raise GoldError(f"{where}: bad kind or unknown speaker {spk!r}")
        ranges = locate_claim(text, kind, content, cursor, where)
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
    span_id = {k: f"gold-{num}-s{i}" for i, k in enumerate(ordered, 1)}
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
                "id": f"gold-{num}-c{ci}",
                "spans": [span_id[("claim", *r)] for r in ranges],
                "speaker": rec["id"],
                "mention": men_id,
                "cue": span_id[("cue", *cue_rng)] if cue_rng else None,
                "kind": "direct" if kind == "D" else "indirect",
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
                "id": f"gold-{num}-p{pi}",
                "speaker": speaker_record(spk)["id"],
                "target": target,
                "stance": stance,
                "evidence": [f"gold-{num}-c{n}" for n in evidence],
                "note": None,
            }
        )

    record = {
        "id": f"gold-{num}",
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
    files = sorted(p.name for p in HERE.glob("*.txt"))
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
    ap.add_argument("--check", action="store_true", help="fail if gold.jsonl is out of date")
    ap.add_argument("--show", action="store_true", help="print every claim with mention/cue")
    args = ap.parse_args(argv)
    try:
        out = build(show=args.show)
    except GoldError as exc:
        print(f"build_gold: error: {exc}", file=sys.stderr)
        return 1
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != out:
            print(f"build_gold: {OUT.name} is out of date; run build_gold.py", file=sys.stderr)
            return 1
        print(f"{OUT.name} is up to date")
        return 0
    OUT.write_bytes(out.encode("utf-8"))
    n = out.count("\n")
    print(f"wrote {OUT} ({n} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
