"""A small phrase bank and the rng make text of believable, varied length.

Most answers are a few sentences; about one in eight runs to a few hundred words, as
the keenest teachers write. Everything is drawn from the shared rng, so a seed gives the
same text every time.
"""

# Opening sentences per reflection prompt kind (coursework Prompt.Kind).
OPENINGS = {
    "mindset": (
        "Honestly, I still treat my principal a little like a gatekeeper: I bring requests and wait for a yes or no.",
        "I have started to see my administrator as a partner rather than a supervisor, but old habits return.",
        "When budgets are tight I slip into seeing {admin} as a client I have to convince.",
        "I came into this course thinking of the library as a service; I now think of it as part of leadership.",
        "When our reading scores came out I stopped defending the library and asked what the team needed.",
        "A conversation about {topic} went better when I asked questions first instead of pitching.",
    ),
    "own_view": (
        "I want every student to leave us knowing how to find and judge a source, and I worry about time.",
        "What I most want is for {topic} to be something we own together, not my side project.",
        "I worry that I will be seen as asking for more resources rather than offering help.",
        "For students, I want the library to be the place where {topic} becomes visible.",
    ),
    "administrator_view": (
        "{admin} is juggling attendance, a new curriculum and a tired staff.",
        "From {admin}'s chair, the week is meetings, discipline and the district's data requests.",
        "A partnership is worth {admin}'s time if it moves a goal already on their list, like {topic}.",
        "If I were the principal I would want fewer new initiatives and more help with the ones we have.",
    ),
    "observer_view": (
        "An observer would see two people who care about students but talk past each other.",
        "Watching us, you would notice that I talk about programs and {admin} talks about data.",
        "An observer would see that we agree on more than we think: students need more time with books.",
        "From the outside, our meetings look friendly but end without a clear decision.",
    ),
    "norms": (
        "Meetings start late and decisions are made in the hallway afterwards.",
        "The unspoken norm here is that you do not bring a problem without a solution.",
        "Staff trust each other, but nobody says no to the principal in a meeting.",
        "I would like us to agree on a short agenda, a decision at the end and a follow-up email within a day.",
    ),
    "habits": (
        "Listening with understanding and empathy, so I hear priorities before I pitch anything.",
        "Thinking flexibly, so a no to one idea becomes a question about what would work.",
        "Questioning and posing problems: I want to ask what success looks like before we plan.",
        "Persisting is the hard one: when a request stalls I let it drop.",
        "Managing impulsivity — I tend to offer solutions before the problem is clear.",
    ),
    "reflection": (
        "The biggest change is that I now see {admin} as someone with goals I can help with.",
        "Both meetings taught me that trust grows from small promises kept, like sending notes the same day.",
        "I am most confident about the first steps of the plan; the outcome on {topic} will be hardest.",
        "What will keep this going is the touch point calendar we agreed on, and the people we brought in.",
        "My advice to a colleague: listen for the principal's goals first and bring evidence, not wishes.",
        "I used to think partnership meant getting a yes; now I think it means deciding together.",
    ),
}

# Sentences that fit almost any answer; drawn to make answers longer.
ELABORATIONS = (
    "It comes from years of budget conversations where the library was the last line item.",
    "I noticed this most clearly in our last staff meeting.",
    "When I wrote it down, I realised how often I assume the answer will be no.",
    "The students I think of first are the ones who never come in unless a teacher sends them.",
    "Our school improvement plan mentions {topic}, but nobody owns it yet.",
    "I want to test this assumption in the first meeting rather than plan around it.",
    "Time is the real constraint: every proposal has to fit inside what teachers already do.",
    "The data I have is partial, so I will say what I know and what I am guessing.",
    "A colleague in my collaborative challenged me on this, and she was right.",
    "I would rather start small and show results than promise a program I cannot sustain.",
    "This matters for {school} because our students change so much between grades.",
    "I keep coming back to a conversation with a grade 6 student who said the library was not for her.",
    "If I am honest, part of this is about wanting my work to be seen.",
    "The district's plan gives us language we can borrow, which makes the case easier.",
    "I will bring this to {admin} as a question, not a conclusion.",
    "We already agree on the goal; the difference is in how we would get there.",
    "Writing this made me more patient with how slowly decisions are made here.",
    "Next time I want to ask for a decision and a date before we leave the room.",
    "I have seen this work at another school in {district}, on a smaller scale.",
    "There is a risk that this becomes one more initiative, so it has to replace something.",
    "The families I talk to want the same thing, even if they describe it differently.",
    "I can picture what success looks like in a year, which I could not a month ago.",
    "Some of this is about my own confidence in speaking up in leadership meetings.",
    "The hardest part will be keeping it going after the first burst of energy.",
)

RATING_EVIDENCE = (
    "Monthly check-ins with the principal since September; we set two shared goals.",
    "Grade 7 book club runs every week with 25 regulars; circulation up 18% on last year.",
    "I have not yet turned circulation data into a report for leadership.",
    "No grant applications yet; the budget is the district allocation only.",
    "Co-taught three units with the science team this year.",
    "I sit on the leadership team but rarely speak about the library's role.",
    "Students use the databases only when a teacher books a class visit.",
    "Ran two digital citizenship lessons per grade; no follow-up yet.",
    "The collection audit showed 40% of nonfiction is over fifteen years old.",
    "Teachers ask me for resources, but rarely to plan with them.",
    "Family reading evening last spring drew about twenty families.",
    "I share a monthly newsletter with staff; open rate is low.",
)

NOTE_LINES = (
    "{admin} spoke first about {topic} and how it shows up in the data.",
    "Wants fewer new programs; prefers improving what already exists.",
    "Mentioned the district's mid-year review in February.",
    "Asked me what I would stop doing to make time for this.",
    "Would welcome a short monthly update rather than long meetings.",
    "Named the grade-level leads as the people to bring in early.",
    "Budget is tight, but there is some flexibility in the literacy line.",
    "Sees the library as underused in the mornings.",
    "Agreed to meet again in three weeks to look at focus areas.",
    "Was candid that staff morale is the biggest worry this year.",
)

ADMIN_COMMENTS = (
    "I like this; it connects directly to what we told the board in October.",
    "This one feels the most doable this year.",
    "Could we start with one grade level and grow from there?",
    "The evidence here is strong. I would add the attendance numbers.",
    "I am less sure about the timing — spring is testing season.",
    "Good. Please keep the grade-level leads in the loop from the start.",
)

TEACHER_COMMENTS = (
    "I have added the survey numbers as evidence.",
    "Happy to narrow this to grade 6 for a first term.",
    "I will check with the team leads before our meeting.",
    "Thank you — that is a helpful way to frame it.",
)

PLAN_COMMENTS = (
    "Can we move the survey a week later so it does not clash with conferences?",
    "I spoke to the team leads; they are in.",
    "The first numbers look encouraging.",
    "Let's make sure the newsletter mentions this before the break.",
    "I added a step for the family evening.",
    "Budget for the new titles is approved.",
)

IDEAS = (
    "Ask students to design the display for the new collection.",
    "A short video for families on how to log in from home.",
    "Pair each new teacher with a student library aide.",
    "Use the morning announcements to share a book a day.",
    "Invite the local librarian to the family evening.",
    "Track which classes visit and share a simple chart each month.",
)

TOUCH_REFLECTIONS = (
    "Progress is slower than we hoped, but the numbers are moving in the right direction.",
    "We were honest that the second step stalled; the schedule change took longer than planned.",
    "Students noticed the changes before the staff did.",
    "We kept to thirty minutes and left with three decisions, which felt like a win.",
    "The data source for one outcome is unreliable; we agreed to switch to the survey.",
)

NEXT_STEPS = (
    "Send the summary to the team leads by Friday.",
    "Move the family evening to a Thursday.",
    "Ask the district office for the attendance breakdown.",
    "Recruit two more teachers for the next unit.",
    "Review the budget at the next touch point.",
)

POSTS = (
    "I keep framing the library as *support* for teachers. After the first interview I wonder whether our "
    "principal sees it as a **leadership** space instead.\n\nHas anyone asked their administrator that directly?",
    "Sharing where I am. I'd love ideas for the research stage: which district documents were most useful?",
    "My principal asked what I would **stop** doing to make time for this. How did you answer that?",
    "Our second meeting is next week. What helped you choose between two good focus areas?",
    "A small win: the grade 7 team agreed to twenty minutes of reading time.\n\n- started Monday\n- 4 classes",
    "> What would a successful partnership look like a year from now?\n\nThis question from the interview "
    "guide changed the whole conversation for me.",
    "How are you measuring outcomes that are about feelings, like belonging? Surveys feel thin.",
    "I am stuck on the action plan: every step seems to land on me. How did you share ownership?",
)

REPLIES = {
    "challenge": (
        "Is it either/or? What would change in your focus areas if it were both?",
        "I wonder whether that assumption is yours or your principal's.",
        "Could the measure you picked move without the students you care about changing?",
    ),
    "question": (
        "What did the strategic plan say about the library, if anything?",
        "Who else at your school would notice if this worked?",
        "What would your principal say is the risk here?",
    ),
    "idea": (
        "Board minutes from the last two budget meetings told me more than the plan itself.",
        "We used exit cards with two questions; quick and surprisingly honest.",
        "Try naming a co-owner for every step, even if it is a student group.",
    ),
    "support": (
        "This is such a helpful way to put it — thank you for sharing.",
        "Same here. It helped to hear I'm not the only one.",
        "Love this. Congratulations on the first win!",
    ),
}

FEEDBACK = (
    "A thoughtful start. Your note on seeing the work from your principal's chair is worth bringing to the meeting.",
    "Clear and specific. Add one line of evidence for the ratings where you chose 'Leading'.",
    "Good range of sources. Please add the date of the board minutes and a note on what they decided.",
    "Strong interview notes. Which of the opportunities did your administrator seem most energised by?",
    "The focus areas are well grounded. The second one needs a clearer statement of who it serves.",
    "Please revise: the outcomes need a baseline and a target date before the plan is measurable.",
    "A candid reflection — thank you. Keep the touch point calendar you described.",
)

EVAL_WORKED = (
    "Preparing for the second meeting with the focus areas side by side.",
    "The interview questions gave me a way in with an administrator I barely knew.",
    "Seeing the work from the administrator's chair.",
    "The collaborative — my thought partners asked the questions I was avoiding.",
    "Having to write measurable outcomes; it changed how my principal talked about the library.",
)

EVAL_CHANGE = (
    "The research stage took far longer than the estimate; more example sources would help.",
    "Spread the due dates out around report-card week.",
    "More examples of finished action plans.",
    "",
    "Shorter prompts in the first stage; there were a lot of them.",
)


def fill(text, values):
    return text.format(**values) if "{" in text else text


def size(rng):
    """How long an answer runs: mostly short or medium, sometimes a few hundred words."""
    roll = rng.random()
    if roll < 0.3:
        return rng.randint(1, 2)
    if roll < 0.875:
        return rng.randint(3, 6)
    return rng.randint(14, 30)


def passage(rng, opening, values, sentences=None):
    """An opening sentence and `sentences - 1` more, in paragraphs of about five."""
    sentences = size(rng) if sentences is None else sentences
    picked = [opening] + [rng.choice(ELABORATIONS) for _ in range(sentences - 1)]
    paragraphs = [" ".join(picked[i : i + 5]) for i in range(0, len(picked), 5)]
    return fill("\n\n".join(paragraphs), values)


def values_for(row, theme):
    """Names a teacher's text refers to."""
    return {
        "admin": row.admin.first_name or "my principal",
        "school": row.teacher.school or "our school",
        "district": row.teacher.district or "our district",
        "topic": theme.topic,
    }
