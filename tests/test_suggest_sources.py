"""Who said it: the speaker mention next to a cue and the full name it resolves to.

Invented sentences, one pattern a test.
"""

from __future__ import annotations

from suggest_claims import claim_with, mention_and_speaker

from annotator.core.suggest import suggest_article


def test_the_object_before_and_said_is_not_the_speaker() -> None:
    text = "Headline.\n\nSenator Tom Reyes tapped the ferry timetable and said the plan was dead."
    c = claim_with(text, "the plan was dead")
    assert mention_and_speaker(c) == ("Tom Reyes", "Tom Reyes")


def test_and_later_said_takes_the_subject_of_the_sentence() -> None:
    text = 'Headline.\n\nMayor Ana Ruiz brought up the budget and later said, "It is gone."'
    c = claim_with(text, "It is gone.")
    assert c.cue is not None and c.cue.text == "said"
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_an_opening_subordinate_clause_does_not_hold_the_subject() -> None:
    text = (
        "Headline.\n\nAs the ferry horn sounded twice, Senator Tom Reyes was joined on the pier by "
        'his sister and joked, "We are fine."'
    )
    c = claim_with(text, "We are fine.")
    assert mention_and_speaker(c) == ("Tom Reyes", "Tom Reyes")


def test_an_adverbial_phrase_before_the_cue_is_not_the_speaker() -> None:
    text = (
        "Headline.\n\nIlse Varga has fought the council for years. She has at one point "
        'called the harbour master a "pirate" who steals.'
    )
    c = claim_with(text, "the harbour master")
    assert c.mention is not None and c.mention.text != "one point"
    assert c.speaker is not None and c.speaker.name == "Ilse Varga"


def test_a_name_before_of_and_a_group_or_place_is_the_speaker() -> None:
    text = (
        "Headline.\n\nMarta Lind of the walking group Open Fells said the path was ruined. "
        "Senator Piet Moss of New Halden said the vote was rushed."
    )
    lind = claim_with(text, "the path was ruined")
    assert mention_and_speaker(lind) == ("Marta Lind", "Marta Lind")
    assert lind.speaker is not None and lind.speaker.affiliation == "walking group Open Fells"
    moss = claim_with(text, "the vote was rushed")
    assert mention_and_speaker(moss) == ("Piet Moss", "Piet Moss")


def test_a_statement_from_an_organisation_is_said_by_it() -> None:
    text = (
        "Headline.\n\nAccording to a statement from Dunmore Ferries, the crew had followed "
        "every safety rule."
    )
    c = claim_with(text, "the crew had followed")
    assert c.speaker is not None
    assert (c.speaker.name, c.speaker.kind) == ("Dunmore Ferries", "organisation")


def test_the_answers_of_a_transcript_are_the_interviewees() -> None:
    text = (
        "An hour with the harbour master.\n\nHarbour master Jon Berke took our questions. "
        "Berke has run the port for a decade.\n\nQ: Will the fees rise?\n\n"
        "A: Not this year. We have the money we need."
    )
    c = claim_with(text, "Not this year")
    assert mention_and_speaker(c) == ("A", "Jon Berke")


def test_said_a_name_of_a_place_or_group_is_the_person() -> None:
    text = (
        'Headline.\n\n"It is over," said Sen. Jeff Lee of Oregon. "Done," said Dara Whit '
        "of Saint Brendan's Chapel in Kellmore."
    )
    assert mention_and_speaker(claim_with(text, "It is over")) == ("Jeff Lee", "Jeff Lee")
    assert mention_and_speaker(claim_with(text, "Done")) == ("Dara Whit", "Dara Whit")


def test_party_tags_and_places_in_apposition_are_skipped() -> None:
    text = (
        "Headline.\n\nSen. Rand Okafor, R-Ky., told reporters that polls could be wrong. "
        "For now, Lena Varga, at the Harbour Studies Institute, said the two had a pact."
    )
    c = claim_with(text, "polls could be wrong")
    assert mention_and_speaker(c) == ("Rand Okafor", "Rand Okafor")
    c = claim_with(text, "the two had a pact")
    assert mention_and_speaker(c) == ("Lena Varga", "Lena Varga")


def test_a_participle_takes_the_subject_of_an_irregular_past_verb() -> None:
    text = (
        "Headline.\n\nKarla Fiore threw her support behind Ted Cole on Wednesday, saying it "
        "is time to win."
    )
    c = claim_with(text, "it is time to win")
    assert mention_and_speaker(c) == ("Karla Fiore", "Karla Fiore")


def test_she_refers_to_a_person_introduced_by_occupation_or_relative_clause() -> None:
    text = (
        "Headline.\n\nMayor Kari Lund said the harbour would stay open.\n\n"
        "Marine biologist Asta Myr, who has studied the bay for years, is more cautious. "
        "The noise, she warned, could drive the cod away."
    )
    c = claim_with(text, "could drive the cod away")
    assert mention_and_speaker(c) == ("she", "Asta Myr")


def test_an_honorific_name_in_apposition_and_a_participle_apposition() -> None:
    text = (
        "Headline.\n\nThe council's transport lead, Cllr Gary Pick, said the buses would go. "
        "Deputy Governor Hana Rua, sitting beside him, said the banks were safe."
    )
    assert mention_and_speaker(claim_with(text, "the buses would go")) == ("Gary Pick", "Gary Pick")
    assert mention_and_speaker(claim_with(text, "the banks were safe")) == ("Hana Rua", "Hana Rua")


def test_a_name_after_group_is_an_organisation_not_the_she() -> None:
    text = (
        "Headline.\n\nAsta Myr of the walking group Open Fells said the levy was fair.\n\n"
        "She warned, however, that the money must reach the paths."
    )
    c = claim_with(text, "the money must reach the paths")
    assert mention_and_speaker(c) == ("She", "Asta Myr")


def test_she_skips_a_man_named_after_the_woman() -> None:
    text = (
        "Headline.\n\nSenator Nancy Vale met the union on Monday. Union leader Peter Holm "
        "listened.\n\nLater she said the deal was fair."
    )
    c = claim_with(text, "the deal was fair")
    assert mention_and_speaker(c) == ("she", "Nancy Vale")


def test_a_title_tells_the_gender_of_a_surname() -> None:
    text = (
        "Headline.\n\nMs. Tal Brenn chaired the meeting. Mr. Orin Vask signed the papers.\n\n"
        "Later she said the deal was dead."
    )
    c = claim_with(text, "the deal was dead")
    assert mention_and_speaker(c) == ("she", "Tal Brenn")


def test_a_middle_initial_stays_in_the_name_and_places_are_not_people() -> None:
    text = (
        "Headline.\n\nSenator Paul D. Rane spoke first. Later he visited New Harlow City "
        "and toured Vask Tower.\n\nThere he said the budget was sound."
    )
    c = claim_with(text, "the budget was sound")
    assert mention_and_speaker(c) == ("he", "Paul D. Rane")


def test_an_adverb_after_and_is_skipped_to_the_subject() -> None:
    text = (
        "Headline.\n\nCarl Moss took a ferry ticket out of his coat and defiantly "
        "offered to lend it to the mayor."
    )
    c = claim_with(text, "to lend it")
    assert mention_and_speaker(c) == ("Carl Moss", "Carl Moss")


def test_appositions_with_a_party_tag_a_group_or_a_title() -> None:
    text = (
        "Headline.\n\nAmong those backing Mr. Cole, Dara Whit of the Kellmore Rowing Club in "
        "Dunmore, said he had rung the ferrymen. Sen. Jack Lee (D-R.I.), said at the quay that he "
        "had not read the plan. Another ally, Transport Secretary Tom Okafor, told "
        "reporters that the catch was good."
    )
    assert mention_and_speaker(claim_with(text, "he had rung the ferrymen")) == (
        "Dara Whit",
        "Dara Whit",
    )
    c = claim_with(text, "he had not read the plan")
    assert mention_and_speaker(c) == ("Jack Lee", "Jack Lee")
    c = claim_with(text, "the catch was good")
    assert mention_and_speaker(c) == ("Tom Okafor", "Tom Okafor")
    assert c.speaker is not None and c.speaker.role == "Transport Secretary"


def test_a_description_is_proposed_as_written_unless_the_article_names_that_role() -> None:
    text = (
        "Headline.\n\nMayor Ana Ruiz opened the fair on Sunday. The governor said the roads "
        "would be fixed by spring.\n\nCouncil spokesperson Lin Qiao spoke next. The "
        "spokesperson said the budget was already spent. The Vermont senator said the fair "
        "should move."
    )
    c = claim_with(text, "the roads would be fixed")
    assert mention_and_speaker(c) == ("The governor", "governor")
    c = claim_with(text, "the budget was already spent")
    assert mention_and_speaker(c) == ("The spokesperson", "Lin Qiao")
    c = claim_with(text, "the fair should move")
    assert c.speaker is not None and c.speaker.name == "Vermont senator"


def test_a_modal_or_negated_verb_is_not_part_of_the_speaker() -> None:
    text = (
        "Headline.\n\nThe campaign would not say whether the mayor had paid. "
        "Tom Baxter wouldn't say whether the fee was waived."
    )
    c = claim_with(text, "whether the mayor had paid")
    assert mention_and_speaker(c) == ("The campaign", "campaign")
    c = claim_with(text, "whether the fee was waived")
    assert mention_and_speaker(c) == ("Tom Baxter", "Tom Baxter")


def test_the_subject_says_the_participle_not_the_object_before_the_comma() -> None:
    text = (
        "Headline.\n\nMayor Ana Ruiz spoke on Monday. Ruiz took a shot at Tom Baxter, "
        "saying his plan would fail.\n\nBaxter hit back again, saying the mayor was too "
        "busy polishing her ferry speech to notice the potholes."
    )
    c = claim_with(text, "his plan would fail")
    assert mention_and_speaker(c) == ("Ruiz", "Ana Ruiz")
    c = claim_with(text, "the mayor was too busy")
    assert mention_and_speaker(c) == ("Baxter", "Tom Baxter")


def test_a_party_tag_and_an_apposition_or_a_quantified_group_before_the_cue() -> None:
    text = (
        "Headline.\n\nSen. Tom Baxter, R-Ky., a long-shot candidate, said the mayor is "
        "overselling the plan. Several candidates, including Ana Ruiz, said the city should "
        "refuse the money."
    )
    c = claim_with(text, "the mayor is overselling the plan")
    assert mention_and_speaker(c) == ("Tom Baxter", "Tom Baxter")
    c = claim_with(text, "the city should refuse the money")
    assert mention_and_speaker(c) == ("Several candidates", "Several candidates")


def test_a_parenthesis_between_the_subject_and_the_cue_is_skipped() -> None:
    text = (
        "Headline.\n\nJudge Ann Roe, in her dissent, said the law was unfair. Sen. Tom "
        "Baxter, facing a tough race in Maine, a harbour state, said he would win. "
        "Carl Moss, then 38, said the port sent him to hire a ferry pilot. Dara Whit has since "
        "said she would back a cut in fares."
    )
    c = claim_with(text, "the law was unfair")
    assert mention_and_speaker(c) == ("Ann Roe", "Ann Roe")
    c = claim_with(text, "he would win")
    assert mention_and_speaker(c) == ("Tom Baxter", "Tom Baxter")
    c = claim_with(text, "the port sent him to hire a ferry pilot")
    assert mention_and_speaker(c) == ("Carl Moss", "Carl Moss")
    c = claim_with(text, "she would back a cut in fares")
    assert mention_and_speaker(c) == ("Dara Whit", "Dara Whit")


def test_a_described_speaker_after_the_cue() -> None:
    text = (
        'Headline.\n\n"We will win," said retired ferryman Ben Carlo. "We will lose," said '
        'a longtime adviser to Carlo, who asked not to be named. "We might," said the '
        "younger Mr. Carlo."
    )
    c = claim_with(text, "We will win")
    assert mention_and_speaker(c) == ("Ben Carlo", "Ben Carlo")
    assert c.speaker is not None and c.speaker.role == "retired ferryman"
    c = claim_with(text, "We will lose")
    assert mention_and_speaker(c) == ("a longtime adviser to Carlo", "longtime adviser to Carlo")
    c = claim_with(text, "We might")
    assert mention_and_speaker(c) == ("Carlo", "Ben Carlo")


def test_a_time_phrase_or_an_adverb_before_the_cue_is_not_the_speaker() -> None:
    text = (
        "Headline.\n\nSen. Tom Baxter on Friday evening also called on the city to press "
        "the county. Ann Roe, whose fame rests on her ferry rescues, seldom speaks of the "
        "brother who drowned. The mayor, still sore about the jeers, grudgingly agreed "
        "to sit next to Roe."
    )
    c = claim_with(text, "the city to press the county")
    assert mention_and_speaker(c) == ("Tom Baxter", "Tom Baxter")
    c = claim_with(text, "the brother who drowned")
    assert mention_and_speaker(c) == ("Ann Roe", "Ann Roe")
    c = claim_with(text, "to sit next to Roe")
    assert mention_and_speaker(c) == ("The mayor", "mayor")


def test_a_supporter_of_a_named_person_is_not_that_person() -> None:
    text = (
        'Headline.\n\nBen Carlo spoke in Tulsa.\n\n"We will win," wrote one Carlo '
        'supporter, tweeting a link. "We might," said a local Carlo supporter.'
    )
    c = claim_with(text, "We will win")
    assert mention_and_speaker(c) == ("one Carlo supporter", "Carlo supporter")
    c = claim_with(text, "We might")
    assert mention_and_speaker(c) == ("a local Carlo supporter", "local Carlo supporter")


def test_a_document_before_a_participle_is_said_by_the_subject() -> None:
    text = (
        "Headline.\n\nShortly after the news, Senator Ann Roe issued a statement saying that "
        "the vote should wait. The Daily Ledger replied in an article claiming that the "
        "town was the capital."
    )
    c = claim_with(text, "the vote should wait")
    assert mention_and_speaker(c) == ("Ann Roe", "Ann Roe")
    c = claim_with(text, "the town was the capital")
    assert mention_and_speaker(c) == ("The Daily Ledger", "Daily Ledger")


def test_initials_parentheses_and_possessive_appositions_before_the_cue() -> None:
    text = (
        "Headline.\n\nThe port director, Nils B. Okafor, said on Tuesday that there was no "
        "leak. Ann Roe, the Commissioner for Ferry Safety (CFS), reacted coolly to "
        "the deal, saying it was weak. Tracy Moss, Ann's father, issued a statement "
        "Thursday, saying a fund is focusing on lifeboats. Vice President Tom Baxter, who was "
        "to sail to Kellmore, Maine, on Wednesday, said they talked about the fares."
    )
    assert mention_and_speaker(claim_with(text, "there was no leak")) == (
        "Nils B. Okafor",
        "Nils B. Okafor",
    )
    assert mention_and_speaker(claim_with(text, "it was weak")) == ("Ann Roe", "Ann Roe")
    c = claim_with(text, "a fund is focusing on lifeboats")
    assert mention_and_speaker(c) == ("Tracy Moss", "Tracy Moss")
    c = claim_with(text, "they talked about the fares")
    assert mention_and_speaker(c) == ("Tom Baxter", "Tom Baxter")


def test_a_bare_plural_or_a_share_after_a_quote_is_the_speaker() -> None:
    text = (
        'Headline.\n\n"The damage is enormous," harbour inspectors wrote in the report. '
        "In the poll, 21 percent said the plan was unlikely. Back in the nineties, when "
        "allies argued over whether the port should close, nobody listened."
    )
    c = claim_with(text, "The damage is enormous")
    assert mention_and_speaker(c) == ("harbour inspectors", "harbour inspectors")
    c = claim_with(text, "the plan was unlikely")
    assert mention_and_speaker(c) == ("21 percent", "21 percent")
    assert all(c.mention is None or c.mention.text != "when allies" for c in suggest_article(text))


def test_a_participle_after_a_quote_and_its_attribution_has_that_speaker() -> None:
    text = (
        'Headline.\n\n"Let us say they are in the majority," Tom Baxter said, referring to '
        'the seats the party holds.\n\n"The office is committed to openness," said '
        "spokesman Ed Kirby, referring to the report."
    )
    c = claim_with(text, "the seats the party holds")
    assert mention_and_speaker(c) == ("Tom Baxter", "Tom Baxter")
    c = claim_with(text, "the report")
    assert mention_and_speaker(c) == ("Ed Kirby", "Ed Kirby")


def test_a_surname_is_the_person_not_a_group_or_a_firm_bearing_it() -> None:
    text = (
        "Headline.\n\nDino Carlo toured the harbour on Monday. The Carlo campaign said "
        "the visit went well. Carlo Industries said it would build there.\n\nCarlo said "
        "the tower would be finished by spring."
    )
    c = claim_with(text, "the tower would be finished")
    assert mention_and_speaker(c) == ("Carlo", "Dino Carlo")


def test_words_after_the_head_are_not_part_of_a_described_speaker() -> None:
    text = (
        "Headline.\n\nThe board of pilots on Monday said the charts were accurate. "
        "The candidates unanimously agreed that the debate should move."
    )
    c = claim_with(text, "the charts were accurate")
    assert c.speaker is not None and c.speaker.name == "board of pilots"
    c = claim_with(text, "the debate should move")
    assert c.speaker is not None and c.speaker.name == "candidates"


def test_a_title_case_headline_verb_ends_the_name() -> None:
    text = (
        "Rep Ruiz Announces Bill Revoking visas for crews\n\nRuiz said the fees would end in May."
    )
    c = claim_with(text, "the fees would end")
    assert mention_and_speaker(c) == ("Ruiz", "Ruiz")


def test_a_possessor_before_a_noun_cue_is_proposed_by_name() -> None:
    text = (
        "Headline.\n\nSenator Ann Roe spoke on Monday. Roe's claim that the port was safe "
        "was false."
    )
    c = claim_with(text, "the port was safe")
    assert c.speaker is not None
    assert (c.speaker.name, c.speaker.kind) == ("Ann Roe", "person")


def test_who_is_the_source_of_a_relative_clause_and_names_only_its_antecedent() -> None:
    text = (
        "Headline.\n\nMayor Ana Ruiz spoke first on Monday at the harbour, and the crowd "
        "cheered for a long time.\n\nSeveral council members who had said the plan was "
        "sound stayed away. Tom Baxter, who, on a call Friday, said the council was silent, "
        "resigned."
    )
    c = claim_with(text, "the council was silent")
    assert mention_and_speaker(c) == ("who", "Tom Baxter")
    c = claim_with(text, "the plan was sound")
    assert c.mention is not None and c.mention.text == "who"
    # the group the phrase names, not Ana Ruiz, named long before
    assert c.speaker is not None and c.speaker.name == "council members"


def test_a_place_before_a_described_speaker_is_an_affiliation() -> None:
    text = (
        'Headline.\n\n"The concern is the court," said Idaho salmon executive Frank '
        "Vale, who had backed Ruiz."
    )
    c = claim_with(text, "The concern is the court")
    assert mention_and_speaker(c) == ("Frank Vale", "Frank Vale")
    assert c.speaker is not None and c.speaker.affiliation == "Idaho"


def test_with_a_speaker_and_a_participle_and_a_role_named_later() -> None:
    text = (
        "Headline.\n\nThe council opened its session on Monday with Norland's foreign "
        "minister warning that the body risked losing its credibility.\n\nForeign Minister "
        "Ada Brekke said the vote was close."
    )
    c = claim_with(text, "the body risked losing its credibility")
    assert c.mention is not None and c.mention.text == "Norland's foreign minister"
    assert c.speaker is not None and c.speaker.name == "Ada Brekke"


def test_a_phrase_between_the_subject_and_the_verb_is_not_the_speaker() -> None:
    text = (
        "Headline.\n\nSenator Tom Reyes on his weekly podcast said the ferry plan was dead. "
        "Net menders who had cheered the new crane warned on Friday that the budget "
        "was short. A ferry captain talking to the Vale Courier said the engines were old."
    )
    reyes = claim_with(text, "the ferry plan was dead")
    assert mention_and_speaker(reyes) == ("Tom Reyes", "Tom Reyes")
    menders = claim_with(text, "the budget was short")
    assert menders.mention is not None and menders.mention.text == "Net menders"
    captain = claim_with(text, "the engines were old")
    assert captain.mention is not None and captain.mention.text == "A ferry captain"


def test_the_subject_of_a_clause_after_a_time_word_still_speaks() -> None:
    text = "Headline.\n\nThree days after Mayor Ana Ruiz announced the vote, the pier closed."
    c = claim_with(text, "the vote")
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_a_clause_still_open_before_the_cue_gives_its_subject() -> None:
    text = (
        "Headline.\n\nCaptain Ed Kirby stirred up the meeting when he raised the mooring fees "
        "and then said the new berth was theft. The clerk phoned Ann Roe, who watched the "
        "collision and described it in a letter."
    )
    kirby = claim_with(text, "the new berth was theft")
    assert mention_and_speaker(kirby) == ("he", "Ed Kirby")
    roe = claim_with(text, "it in a letter")
    assert mention_and_speaker(roe) == ("who", "Ann Roe")


def test_a_participle_after_a_clause_between_commas_hangs_on_its_subject() -> None:
    text = (
        "Headline.\n\nInside the ferry terminal, Mayor Ana Ruiz on Friday waved off the "
        "harbour master as a tired leader, arguing that the port had lost money."
    )
    c = claim_with(text, "the port had lost money")
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_names_with_initials_suffixes_and_a_party_apposition_are_speakers() -> None:
    text = (
        "Headline.\n\nCouncillor Ana B. Ruiz Jr., who was due at the pier on Monday, said the "
        "fees were fair. Senator Tom Reyes, Liberal of North Vale, said the vote was rushed. "
        '"We are ready," Kent, who used to run the ferry, said of the timetable.'
    )
    ruiz = claim_with(text, "the fees were fair")
    assert mention_and_speaker(ruiz) == ("Ana B. Ruiz Jr", "Ana B. Ruiz Jr")
    reyes = claim_with(text, "the vote was rushed")
    assert mention_and_speaker(reyes) == ("Tom Reyes", "Tom Reyes")
    kent = claim_with(text, "We are ready")
    assert kent.mention is not None and kent.mention.text == "Kent"


def test_a_second_verb_after_a_quote_and_and_keeps_the_speaker() -> None:
    text = (
        'Headline.\n\nOn Monday, Mayor Ana Ruiz called the timetable "a farce," and '
        "threatened to close the pier for good."
    )
    c = claim_with(text, "to close the pier for good")
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_descriptions_and_titles_around_a_name_after_the_cue() -> None:
    text = (
        'Headline.\n\n"We will sail on time," said former ferry captain Ola Berg at the '
        'council meeting. "The fares are fair," said Oregon harbour-services manager Ida '
        'Holm, who runs the port. "It is a disgrace," said a senior Liberal Party board '
        'member who asked not to be named. "Now we wait," said the 52-year-old. "It was a '
        'long night," Councillor Nils T. Bishop, Liberal of North Vale, said of the vote. Mia '
        'Sand, warden of the Vale chapel and a ferry user, said: "We pray for calm seas."'
    )
    assert mention_and_speaker(claim_with(text, "We will sail on time")) == ("Ola Berg", "Ola Berg")
    assert mention_and_speaker(claim_with(text, "The fares are fair")) == ("Ida Holm", "Ida Holm")
    member = claim_with(text, "It is a disgrace")
    assert member.mention is not None
    assert member.mention.text == "a senior Liberal Party board member"
    age = claim_with(text, "Now we wait")
    assert age.mention is not None and age.mention.text == "the 52-year-old"
    bishop = claim_with(text, "It was a long night")
    assert mention_and_speaker(bishop) == ("Nils T. Bishop", "Nils T. Bishop")
    sand = claim_with(text, "We pray for calm seas")
    assert mention_and_speaker(sand) == ("Mia Sand", "Mia Sand")


def test_a_long_source_after_according_to_is_the_mention() -> None:
    text = (
        "Headline.\n\nAccording to first returns of ballots gathered for the Vale Courier and "
        "two radio stations, most voters backed the ferry plan."
    )
    c = claim_with(text, "most voters backed the ferry plan")
    assert c.mention is not None
    assert c.mention.text == (
        "first returns of ballots gathered for the Vale Courier and two radio stations"
    )


def test_an_opening_participle_is_no_speaker_the_subject_after_it_is() -> None:
    text = (
        "Headline.\n\nHaving ruled that the pier would stay shut, Judge Ann Varga went on to "
        "read out the costs. The old plan was dead when Mayor Ed Lee in his first speech "
        "called the ferry a wreck and promised to build a bridge."
    )
    varga = claim_with(text, "the pier would stay shut")
    assert varga.mention is not None and varga.mention.text == "Ann Varga"
    lee = claim_with(text, "to build a bridge")
    assert mention_and_speaker(lee) == ("Ed Lee", "Ed Lee")


def test_a_participle_after_a_second_clause_with_its_own_subject() -> None:
    text = (
        "Headline.\n\nThe skippers complained about the fees, but Mayor Ed Lee kept to "
        "the timetable, saying the ferry would run on Sundays."
    )
    c = claim_with(text, "the ferry would run on Sundays")
    assert mention_and_speaker(c) == ("Ed Lee", "Ed Lee")


def test_who_before_a_second_verb_or_an_adverb_is_the_speaker() -> None:
    text = (
        "Headline.\n\nThe skipper Ed Lee spoke first. Mayor Ana Ruiz, who has both thanked the "
        "crew and criticized the fares, stayed quiet. The Vale diver who first revealed that "
        "the hull was cracked lost her job."
    )
    ruiz = claim_with(text, "the fares")
    assert mention_and_speaker(ruiz) == ("who", "Ana Ruiz")
    diver = claim_with(text, "the hull was cracked")
    assert diver.mention is not None and diver.mention.text == "who"


def test_the_name_before_a_participial_aside_with_places_is_the_speaker() -> None:
    text = (
        "Headline.\n\nMayor Ed Lee, talking to dock workers in Camden, N.J., warned that the "
        'ferry would stop. "We are not giving up," Ruiz said, instead seeking to talk about '
        "the fares."
    )
    lee = claim_with(text, "the ferry would stop")
    assert mention_and_speaker(lee) == ("Ed Lee", "Ed Lee")
    ruiz = claim_with(text, "to talk about the fares")
    assert ruiz.mention is not None and ruiz.mention.text == "Ruiz"


def test_a_passive_cue_is_said_by_the_one_after_by() -> None:
    text = (
        "Headline.\n\nMayor Ed Lee was asked by presenter Ann Roe whether the ferry would "
        "run. Lee was asked by Vale Radio anchor Tove Lind whether the fares would rise."
    )
    roe = claim_with(text, "whether the ferry would run")
    assert mention_and_speaker(roe) == ("Ann Roe", "Ann Roe")
    lind = claim_with(text, "whether the fares would rise")
    assert mention_and_speaker(lind) == ("Tove Lind", "Tove Lind")


def test_an_opening_phrase_or_an_age_aside_hides_no_speaker() -> None:
    text = (
        "Headline.\n\nIn a letter to the harbour board on Sunday, Lee rips the pier sale, "
        "arguing that the buyers got a bargain. Ona Berg, 81, a former net mender from Vale, "
        "supported the bridge last year, but now plans to vote for the ferry."
    )
    lee = claim_with(text, "the buyers got a bargain")
    assert lee.mention is not None and lee.mention.text == "Lee"
    berg = claim_with(text, "to vote for the ferry")
    assert mention_and_speaker(berg) == ("Ona Berg", "Ona Berg")


def test_a_name_in_apposition_after_a_long_title_keeps_its_name() -> None:
    text = "Headline.\n\nVale's envoy to the IMO in Oslo, Ana Ruiz, said that the report was wrong."
    c = claim_with(text, "the report was wrong")
    assert mention_and_speaker(c) == ("Ana Ruiz", "Ana Ruiz")


def test_a_long_parenthesis_between_the_name_and_the_cue_is_skipped() -> None:
    text = (
        "Headline.\n\nThe harbour has many critics, but Councillor Ola Berg (a Vale Liberal "
        "who once ran the ticket office for a decade) says the ferry must keep running."
    )
    c = claim_with(text, "the ferry must keep running")
    assert mention_and_speaker(c) == ("Ola Berg", "Ola Berg")


def test_a_name_with_an_epithet_is_the_speaker() -> None:
    text = "Headline.\n\nSo Mayor Lee the optimist thinks that the ferry will run again."
    c = claim_with(text, "the ferry will run again")
    assert c.mention is not None and c.mention.text == "Lee"


def test_who_before_a_parenthesis_is_the_speaker() -> None:
    text = 'Headline.\n\nThe skippers, who, on Sunday evening, said "We will strike."'
    c = claim_with(text, "We will strike.")
    assert c.mention is not None and c.mention.text == "who"


def test_a_pronoun_opening_the_sentence_carries_a_later_participle() -> None:
    text = (
        "Headline.\n\nThe audit faults the harbour board. It goes on to single out the "
        "ticket office, saying the cash was never counted."
    )
    c = claim_with(text, "the cash was never counted")
    assert c.mention is not None and c.mention.text == "It"


def test_a_group_named_with_a_common_word_and_a_hyphenated_head_speak() -> None:
    text = (
        'Headline.\n\n"The ledger hides the fees," Vale Watch added. "I admire the crew," '
        "a Lee stand-in declared at the pier. Mayor Lee launched a pre-emptive attack "
        "against the board."
    )
    watch = claim_with(text, "The ledger hides the fees")
    assert watch.mention is not None and watch.mention.text == "Vale Watch"
    double = claim_with(text, "I admire the crew")
    assert double.mention is not None and double.mention.text == "a Lee stand-in"


def test_a_pronoun_after_a_long_opening_clause_is_the_speaker() -> None:
    text = (
        "Headline.\n\nWhen Ed Lee, the skipper, was asked if the mayor would hold a vote "
        'after the storm, he shrugged and said, "Let them try."'
    )
    c = claim_with(text, "Let them try.")
    assert mention_and_speaker(c) == ("he", "Ed Lee")


def test_said_adding_and_a_former_title_of_state_before_a_name() -> None:
    text = (
        "Headline.\n\nThe ferry ran late all week, a harbour clerk said, adding that the "
        "engines were old. At the hearing the next speaker, former Secretary of State Ann "
        "Roe, struck another tone, saying that the fares were fine."
    )
    clerk = claim_with(text, "the engines were old")
    assert clerk.mention is not None and clerk.mention.text == "a harbour clerk"
    roe = claim_with(text, "the fares were fine")
    assert mention_and_speaker(roe) == ("Ann Roe", "Ann Roe")


def test_who_after_a_title_and_surname_names_that_person() -> None:
    text = "Headline.\n\nMr. Olsen, who said last week that the judge was biased, left the pier."
    c = claim_with(text, "the judge was biased")
    assert mention_and_speaker(c) == ("who", "Mr. Olsen")


def test_a_headline_is_no_part_of_the_organisation_that_opens_the_text() -> None:
    text = (
        "Ferry Fares Rise Today\n\nThe harbour board met Ms. Olsen, who said the fares would rise."
    )
    [claim] = suggest_article(text)
    assert claim.speaker is not None and claim.speaker.name == "Ms. Olsen"


def test_a_lone_adverb_is_never_the_speaker() -> None:
    text = (
        "Headline.\n\nThe pilots waited. Then she did - softly and deftly - contradict"
        " the harbour master's account."
    )
    c = claim_with(text, "account")
    assert c.mention is None or c.mention.text != "deftly"
    assert c.speaker is None or c.speaker.name != "deftly"
