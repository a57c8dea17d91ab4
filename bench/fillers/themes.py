"""What a school might work on: each theme threads through goals, the interview,
focus areas and the plan, so one teacher's work reads as one story.

Numbers are (baseline, target) pairs; `{school}` and `{district}` are filled in per teacher.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    key: str
    topic: str
    school_goal: str
    district_goal: str
    opportunity: str
    title: str
    need: str
    rationale: str
    serves: tuple  # (students, teachers, community)
    question: str
    answer: str
    revised_need: str
    goal: str
    outcomes: tuple  # (measure, baseline, target, data source)
    steps: tuple
    stakeholders: tuple  # (level, group, name, role in the plan)
    partner: tuple  # (name, kind, role, need)


THEMES = (
    Theme(
        "reading",
        "reading for pleasure",
        "Raise the share of students who read for pleasure in a typical week from 28% to 45% by June.",
        "Every learner reads at grade level by the end of grade 8 (district literacy goal 1).",
        "Students rarely choose to read outside class; independent reading time gets squeezed by test prep.",
        "Reading for pleasure across the middle grades",
        "Fewer than a third of our students say they read for pleasure in a typical week, and the number "
        "drops every year between grade 6 and grade 8.",
        "The district literacy goal names independent reading; the library already runs book clubs that "
        "work, so we can grow something proven instead of starting from scratch.",
        (True, False, True),
        "How would you know the change came from the library and not from the new ELA curriculum?",
        "We would compare classes with and without protected reading time, and ask students in the survey "
        "where they found the book they are reading.",
        "About 28% of our students say they read for pleasure in a typical week (spring survey, n=412), and "
        "the share halves between grade 6 and grade 8.",
        "By June, {target}% of our students read for pleasure at least once a week, and every grade 6–8 "
        "class has twenty minutes of protected reading time each week.",
        (
            ("Students who report reading for pleasure weekly (%)", 28, 45, "Library reading survey, each term"),
            ("Books checked out per student per month", 1.4, 2.5, "Circulation report"),
            ("Classes with protected weekly reading time", 4, 18, "Master schedule"),
        ),
        (
            "Run the baseline reading survey in advisory",
            "Agree on twenty minutes of reading time with grade-level leads",
            "Refresh the graphic novel and high-interest collection",
            "Start a lunchtime book club for grade 8",
            "Share survey results at the staff meeting",
            "Invite families to a reading evening",
        ),
        (
            ("school", "educators", "Grade 6–8 ELA team", "Protect reading time and nominate reluctant readers"),
            ("school", "students", "Student library advisory group", "Choose titles and run book talks"),
            ("school", "parents", "PTA reading committee", "Host the family reading evening"),
        ),
        ("Riverside Public Library", "community", "collaborative", "Library cards for every student"),
    ),
    Theme(
        "research",
        "inquiry and research skills",
        "Every grade 7 student completes one inquiry project with a researched, cited product.",
        "Graduates can find, evaluate and use information responsibly (district graduate profile).",
        "Teachers say students copy from the first search result and cannot judge sources.",
        "Co-taught research units in grade 7 science and social studies",
        "Teachers report that most students cannot tell a reliable source from an advertisement, and "
        "research projects end as copied paragraphs.",
        "The graduate profile asks for information literacy; co-teaching puts the library where the "
        "learning already happens instead of adding another program.",
        (True, True, False),
        "Which teachers have asked for this, and how much of their planning time would it take?",
        "Two science and one social studies teacher asked; we would co-plan in their existing PLC time, "
        "about one session per unit.",
        "In a sample of 60 grade 7 projects, 41 cited no source beyond the first search result, and three "
        "teachers have asked for help teaching source evaluation.",
        "By the end of the year, every grade 7 student completes a co-taught inquiry unit and {target}% "
        "meet the standard on the source-evaluation rubric.",
        (
            (
                "Grade 7 students meeting the source-evaluation standard (%)",
                35,
                70,
                "Shared rubric, scored twice a year",
            ),
            ("Co-taught research units", 1, 6, "Library planning calendar"),
            ("Teachers co-planning with the library", 3, 10, "PLC notes"),
        ),
        (
            "Draft a shared source-evaluation rubric",
            "Co-plan the first unit with the science PLC",
            "Score a sample of projects with the rubric",
            "Build a research guide for each unit",
            "Present student work at the spring showcase",
        ),
        (
            ("school", "educators", "Grade 7 science PLC", "Co-plan and co-teach the first unit"),
            ("school", "other_administrators", "Assistant principal for curriculum", "Protect PLC time"),
            ("district", "district_administration", "District library services", "Share databases and training"),
        ),
        ("State university library outreach", "provider", "expert", "Training on source evaluation"),
    ),
    Theme(
        "digital",
        "digital access and citizenship",
        "All students can use school digital resources from home by spring.",
        "Every student has a device and home internet access for learning (district digital equity plan).",
        "Families do not know how to log in to the databases; hotspot checkouts are unmanaged.",
        "Digital access at home for every family",
        "About one family in five has no reliable internet at home, and most families do not know the "
        "school's databases and e-books exist.",
        "The board approved the take-home device pilot and asked for data on home access; the library "
        "already lends hotspots and can run the help desk.",
        (True, False, True),
        "Do we have numbers on home access, or is one in five an estimate?",
        "It comes from the district's fall survey for our school; I will bring the breakdown by grade.",
        "The district's fall survey shows 19% of our families without reliable home internet, and fewer "
        "than 10% of students have ever logged in to the e-book collection from home.",
        "By spring, every student who needs it has a device and a hotspot, and half of families have "
        "used a school digital resource from home.",
        (
            ("Students with reliable home internet (%)", 81, 95, "District access survey"),
            ("Families who used a school digital resource from home (%)", 10, 50, "Database and e-book logins"),
            ("Hotspots checked out and returned on time (%)", 62, 90, "Library circulation"),
        ),
        (
            "Map which students still need a hotspot",
            "Set up a library help desk at pickup time",
            "Translate the login guide into Spanish and Vietnamese",
            "Run a family tech night",
            "Report access data to the principal monthly",
        ),
        (
            ("school", "support_staff", "Office and tech support staff", "Run device checkouts"),
            ("school", "parents", "Family liaison", "Reach families without internet"),
            ("district", "board", "Board technology committee", "Receives the pilot data"),
        ),
        ("City digital inclusion alliance", "community", "collaborative", "Low-cost internet sign-ups"),
    ),
    Theme(
        "attendance",
        "attendance and belonging",
        "Reduce chronic absenteeism from 18% to 12% this school year.",
        "Cut chronic absenteeism district-wide by a third by 2028.",
        "Students who are often absent say there is nowhere they feel they belong before school.",
        "A before-school library space for students who feel they do not belong",
        "Chronic absenteeism is 18% and highest among students who tell us they have no adult or group "
        "at school they connect with.",
        "Attendance is the principal's top goal this year; the library is open early anyway and can be "
        "a welcoming place with clubs students choose.",
        (True, False, True),
        "What would the library do differently from the existing advisory program?",
        "Advisory is assigned; the library offers something students choose — clubs, games, quiet space — "
        "which is what the students we interviewed asked for.",
        "Chronic absenteeism is 18% (42 students this fall); in our interviews, 9 of 12 chronically absent "
        "students said there is no group at school they feel part of.",
        "By June, chronic absenteeism among students in the morning library program falls to {target}%, "
        "and forty students attend at least twice a week.",
        (
            ("Chronic absenteeism among program students (%)", 18, 12, "Attendance system"),
            ("Students attending the morning program twice a week", 0, 40, "Sign-in sheet"),
            ("Program students who name an adult they trust at school (%)", 30, 70, "Belonging survey"),
        ),
        (
            "Interview twelve students about what would bring them in early",
            "Open the library at 7:30 with two student-chosen clubs",
            "Agree with the attendance team how students are invited",
            "Track attendance of program students monthly",
            "Ask the counselors to join one morning a week",
        ),
        (
            ("school", "support_staff", "Attendance team and counselors", "Invite students and follow up"),
            ("school", "students", "Student council", "Choose the clubs"),
            ("district", "parents", "District family engagement office", "Reach families"),
        ),
        ("Boys & Girls Club", "community", "coach", "Mentors for the morning clubs"),
    ),
    Theme(
        "multilingual",
        "multilingual learners",
        "Increase the share of multilingual learners making a year's growth in reading to 70%.",
        "Multilingual learners reach English proficiency within five years (district equity goal).",
        "Newcomer students have almost no books in their home languages and few bilingual materials.",
        "Books and belonging for multilingual learners",
        "Over a hundred students speak a language other than English at home, and the library has fewer "
        "than two hundred titles in those languages.",
        "The district equity goal names multilingual learners; home-language reading is one of the "
        "strongest predictors of English reading growth.",
        (True, True, True),
        "Which languages, and how many students in each? Budget will depend on it.",
        "Spanish (64), Vietnamese (21), Arabic (14) and Dari (9) from the fall roster; I would start with those four.",
        "108 students speak Spanish, Vietnamese, Arabic or Dari at home, and the library holds 170 titles in "
        "those languages, most of them picture books.",
        "By June, the home-language collection doubles and {target}% of multilingual learners check out a "
        "book at least twice a month.",
        (
            ("Multilingual learners checking out two books a month (%)", 22, 60, "Circulation by student group"),
            ("Titles in students' home languages", 170, 400, "Catalogue report"),
            ("Multilingual learners making a year's reading growth (%)", 52, 70, "District reading assessment"),
        ),
        (
            "Survey families about the languages they read at home",
            "Order home-language titles with the ELD teacher",
            "Label the collection in four languages",
            "Run a bilingual storytelling evening",
            "Review circulation by student group each term",
        ),
        (
            ("school", "educators", "ELD teachers", "Choose titles and bring classes"),
            ("school", "parents", "Multilingual family group", "Recommend books and read aloud"),
            ("district", "community_groups", "Refugee resettlement agency", "Connect with newcomer families"),
        ),
        ("Local refugee resettlement agency", "community", "critical_friend", "Reaching newcomer families"),
    ),
    Theme(
        "teachers",
        "support for new teachers",
        "Retain 90% of first- and second-year teachers into next year.",
        "Every new teacher has a mentor and planning support in their first two years.",
        "New teachers plan alone and do not know what the library can do for their units.",
        "Planning support for teachers in their first two years",
        "Nine of our teachers are in their first or second year; most plan alone and say they do not have "
        "time to find resources for their units.",
        "Retaining new teachers is a school goal and a district priority; the library can save them hours "
        "by building unit resources with them.",
        (False, True, False),
        "How does this fit with the district mentoring program? I do not want to duplicate it.",
        "Mentors cover classroom practice; this is resources and co-planning for units, and I would ask the "
        "mentors which units to start with.",
        "Nine teachers are in their first two years; six told the mentoring survey that finding resources "
        "for units is their biggest time cost.",
        "By June, every teacher in their first two years has co-planned at least two units with the "
        "library and 80% say it saved them time.",
        (
            ("New teachers who co-planned two units with the library", 0, 9, "Library planning calendar"),
            ("New teachers saying the support saved them time (%)", 0, 80, "End-of-year survey"),
            ("New teachers returning next year (%)", 78, 90, "HR records"),
        ),
        (
            "Meet each new teacher for twenty minutes in September",
            "Build a resource list for their first unit",
            "Offer a drop-in planning hour every Thursday",
            "Ask the mentors for the units that matter most",
            "Survey new teachers in May",
        ),
        (
            ("school", "educators", "New teachers and their mentors", "Choose units and give feedback"),
            ("school", "principal", "Principal", "Protects planning time"),
            ("district", "local_association", "Teachers' association", "Supports the mentoring link"),
        ),
        ("Regional teacher centre", "provider", "coach", "Workshops on unit planning"),
    ),
    Theme(
        "families",
        "family engagement",
        "Hold four family learning evenings with at least 60 families each.",
        "Families are partners in learning at every school (district family partnership goal).",
        "Only a handful of families come to school events, and the same ones every time.",
        "Family literacy evenings that families actually come to",
        "Family events draw fewer than thirty families, mostly the same ones, and families tell us the "
        "times and the format do not work for them.",
        "Family partnership is one of the three district priorities; the library is the one space every "
        "family already recognises.",
        (True, False, True),
        "Have we asked the families who don't come what would work for them?",
        "Not yet — that would be the first step: a short survey at pickup and through the class messaging app.",
        "Family evenings drew 18 to 27 families last year, about 5% of our families, and 70% of those came "
        "to every event.",
        "This year we hold four family learning evenings with at least {target} families each, half of "
        "them families who had not come before.",
        (
            ("Families attending each family evening", 22, 60, "Sign-in sheet"),
            ("First-time families at each evening (%)", 20, 50, "Sign-in sheet"),
            ("Families who say the evening helped them support reading at home (%)", 0, 75, "Exit card"),
        ),
        (
            "Survey families about times and formats",
            "Plan the first evening with the PTA",
            "Arrange childcare and a simple meal",
            "Invite families personally through teachers",
            "Share what families said with staff",
        ),
        (
            ("school", "parents", "PTA", "Co-host the evenings"),
            ("school", "community", "Neighbourhood faith and community centres", "Spread the word"),
            ("district", "community_groups", "District family engagement office", "Translators and funding"),
        ),
        ("Community food bank", "community", "collaborative", "A simple meal at each evening"),
    ),
    Theme(
        "wellbeing",
        "student wellbeing",
        "Raise the share of students who feel safe and connected at school from 61% to 75%.",
        "Every school supports students' social and emotional wellbeing (district strategic priority 3).",
        "Counselors are stretched; students ask for quiet spaces and books about feelings and stress.",
        "A calm corner and a wellbeing collection in the library",
        "Only 61% of students say they feel safe and connected at school, and the counselors see more "
        "students than they can help.",
        "The climate survey is a board-level measure this year; a calm space and good books are a small, "
        "visible step that supports the counselors.",
        (True, False, False),
        "Is the library the right place for this, or would it pull you away from instruction?",
        "The corner runs itself once set up; the counselors would choose the books, and I would keep "
        "instruction time as it is.",
        "61% of students feel safe and connected (climate survey), and the counselors' waiting list for "
        "drop-in sessions is three weeks long.",
        "By June, {target}% of students say they feel safe and connected, and the library's calm corner "
        "is used by at least thirty students a week.",
        (
            ("Students who feel safe and connected at school (%)", 61, 75, "Climate survey"),
            ("Students using the calm corner each week", 0, 30, "Tally sheet"),
            ("Wellbeing titles checked out per month", 12, 60, "Circulation report"),
        ),
        (
            "Ask the counselors which titles to add",
            "Set up the calm corner with student input",
            "Agree on how students are referred to it",
            "Count weekly use for a month",
            "Share climate survey results with the student council",
        ),
        (
            ("school", "support_staff", "School counselors", "Choose titles and refer students"),
            ("school", "students", "Student council", "Design the corner"),
            ("district", "district_administration", "District wellbeing team", "Share resources"),
        ),
        ("Community mental health centre", "provider", "expert", "Advice on safe spaces"),
    ),
)
