"""The demo council's news as data: topics, press contacts and the releases (invented for this
demo; the hubs, services and places they name are the demo directory's)."""

from ..site import heading, paragraph

TOPICS = [
    (
        "Cabinet decisions",
        "cabinet-decisions",
        "Decisions the council's cabinet has taken about family hubs.",
    ),
    (
        "Consultations",
        "consultations",
        "Where we asked families what they think, and what they told us.",
    ),
    ("Inspections", "inspections", "What inspectors found when they visited our services."),
    ("New hubs", "new-hubs", "Family hubs opening, moving or adding services."),
    ("Funding", "funding", "Money for family hubs: grants, budgets and what they pay for."),
    ("Early years", "early-years", "Support for babies, toddlers and their parents."),
]

PRESS_CONTACTS = {
    "priya": {
        "name": "Priya Raman",
        "role": "Senior communications officer",
        "phone": "01902 555 0142",
        "email": "press@wulfrun.example",
    },
    "tom": {
        "name": "Tom Whitfield",
        "role": "Communications officer, children's services",
        "phone": "01902 555 0147",
        "email": "press@wulfrun.example",
    },
}

NOTES_TO_EDITORS = (
    "<ol>"
    "<li>Wulfrun Borough Council runs family hubs across the borough for families with children "
    "from pregnancy to 19, or up to 25 for young people with special educational needs and "
    "disabilities.</li>"
    "<li>Photographs and interviews are available on request from the press office.</li>"
    "</ol>"
)

CABINET_MEMBER = ("Councillor Helen Okafor", "Cabinet Member for Children and Families")
DIRECTOR = ("Dr Sam Ellis", "Director of Children's Services")


def quote(text: str, speaker: tuple[str, str]) -> tuple[str, dict]:
    name, role = speaker
    return ("quote", {"quote": text, "name": name, "role": role})


# Oldest first: a release may name earlier ones as related pages.
RELEASES = [
    {
        "slug": "cabinet-agrees-plan-for-family-hubs",
        "title": "Cabinet agrees plan to turn children's centres into family hubs",
        "date": (2022, 3, 14, 10, 0),
        "topics": ["cabinet-decisions"],
        "contact": "priya",
        "image": ("meeting", "teal", "Illustration: six people around a meeting table"),
        "summary": "Wulfrun's cabinet has agreed to bring children's centres, baby clinics and "
        "youth services together in family hubs, starting in 2023.",
        "body": [
            paragraph(
                "Wulfrun Borough Council's cabinet has agreed a three-year plan to replace the "
                "borough's children's centres with family hubs: places where parents, carers and "
                "young people can get help with anything from infant feeding to money worries "
                "under one roof.",
                "The first hubs will open in 2023 in buildings the council already owns, so that "
                "more of the money goes on staff and sessions rather than on rent.",
            ),
            heading("What changes for families"),
            paragraph(
                "Services that families now find in different places, such as health visitor "
                "clinics, stay and play, parenting courses and youth work, will be offered from "
                "the same hubs, with longer opening hours.",
            ),
            quote(
                "Parents told us they were tired of being sent from one office to another. "
                "Family hubs mean one front door, with people behind it who can help.",
                CABINET_MEMBER,
            ),
        ],
        "related": ["about-family-hubs"],
    },
    {
        "slug": "have-your-say-on-family-hub-locations",
        "title": "Have your say on where Wulfrun's family hubs should be",
        "date": (2022, 6, 20, 9, 30),
        "topics": ["consultations"],
        "contact": "tom",
        "image": ("consultation", "blue", "Illustration: a crowd of people with speech bubbles"),
        "summary": "A twelve-week consultation asks families which buildings, opening times and "
        "services would make family hubs easiest to use.",
        "body": [
            paragraph(
                "Families, carers and professionals can now comment on proposals for ten "
                "family hubs across Wulfrun. The consultation runs for twelve weeks, online and "
                "on paper at libraries and children's centres.",
                "We are asking about locations, opening times, and which services people would "
                "like to see in their nearest hub.",
            ),
            quote(
                "We want every family to be able to reach a hub by bus or on foot. Tell us what "
                "would make the difference for you.",
                DIRECTOR,
            ),
        ],
        "related": ["cabinet-agrees-plan-for-family-hubs", "contact-us"],
    },
    {
        "slug": "families-ask-for-evening-and-weekend-sessions",
        "title": "Consultation results: families ask for evening and weekend sessions",
        "date": (2022, 11, 7, 11, 0),
        "topics": ["consultations"],
        "contact": "tom",
        "image": ("family", "sunset", "Illustration: two adults and two children walking together"),
        "summary": "More than 2,400 people answered our family hubs consultation. The most common "
        "request was for sessions outside school and working hours.",
        "body": [
            paragraph(
                "2,431 people took part in the consultation on family hubs, three in four of "
                "them parents or carers. Most supported the ten proposed locations; many asked "
                "for hubs to open later on weekdays and on Saturday mornings.",
            ),
            heading("What we will do"),
            paragraph(
                "Three hubs will open in the evening at least once a week, and four will open "
                "on Saturday mornings. Two proposed locations will move to buildings closer to "
                "bus routes.",
            ),
            quote(
                "Working dads barely get a look in at the moment. A Saturday session would mean "
                "I could come along too.",
                ("Daniel", "a parent who took part in the consultation"),
            ),
        ],
        "related": ["have-your-say-on-family-hub-locations"],
    },
    {
        "slug": "first-family-hub-opens-in-bilston",
        "title": "First family hub opens in Bilston",
        "date": (2023, 2, 27, 10, 0),
        "topics": ["new-hubs"],
        "contact": "priya",
        "image": (
            "building",
            "teal",
            "Illustration: a single-storey family hub with a yellow front door",
        ),
        "caption": "Bilston Family Hub, in the former Bilston children's centre.",
        "summary": "Bilston Family Hub is open on weekdays, with a baby clinic, stay and play, "
        "money advice and a quiet room for confidential advice.",
        "body": [
            paragraph(
                "Wulfrun's first family hub opened its doors on Monday in the refurbished "
                "children's centre on Mount Pleasant, Bilston. More than 300 people came to the "
                "open day.",
                "Health visitors, speech and language therapists, family hub staff and advisers "
                "from Wulfrun Money Matters now work from the same building.",
            ),
            quote(
                "I came for the baby weighing and left with a place on a parenting course and "
                "help with my council tax. That's the point of a hub.",
                ("Mariam", "a parent at Bilston"),
            ),
            (
                "call_to_action",
                {
                    "heading": "Find out what happens at a family hub",
                    "text": "Drop in: most sessions are free and you do not need to book.",
                    "link": {"page": "about-family-hubs", "url": "", "text": ""},
                },
            ),
        ],
        "related": ["families-ask-for-evening-and-weekend-sessions", "about-family-hubs"],
    },
    {
        "slug": "money-for-infant-feeding-and-perinatal-mental-health",
        "title": "£1.2 million to expand infant feeding and perinatal mental health support",
        "date": (2023, 5, 15, 9, 0),
        "topics": ["funding", "early-years"],
        "contact": "priya",
        "image": ("chart", "green", "Illustration: a bar chart rising beside a gold coin"),
        "summary": "New funding will pay for infant feeding specialists and a perinatal mental "
        "health team for parents who are struggling.",
        "body": [
            paragraph(
                "Wulfrun has been awarded £1.2 million over three years to expand support for "
                "new parents. The money will pay for four infant feeding specialists working "
                "with the breastfeeding cafes and the infant feeding helpline, and for a "
                "perinatal mental health team at Ashmore Park Clinic that also visits parents "
                "at home.",
            ),
            heading("Who it is for"),
            paragraph(
                "Infant feeding support is for any parent from pregnancy until their baby is "
                "two: drop in to a breastfeeding cafe or call the infant feeding helpline. The "
                "perinatal mental health team sees mothers referred by their midwife, health "
                "visitor or GP, in pregnancy and the first year.",
            ),
        ],
        "related": ["first-family-hub-opens-in-bilston"],
    },
    {
        "slug": "three-more-family-hubs-open",
        "title": "Stay and play sessions triple as three more hubs open",
        "date": (2023, 9, 4, 10, 30),
        "topics": ["new-hubs", "early-years"],
        "contact": "tom",
        "image": ("building", "plum", "Illustration: a family hub with trees either side"),
        "summary": "Wednesfield, Low Hill and Whitmore Reans family hubs open this week, and "
        "there are now three times as many stay and play sessions in the borough.",
        "body": [
            paragraph(
                "Three family hubs open this week, in Wednesfield, Low Hill and Whitmore Reans. "
                "With Bilston, that makes four, and stay and play goes from 2 sessions a week to "
                "6, at Bilston, Wednesfield and Low Hill.",
            ),
            quote(
                "Stay and play is often the first time a parent talks to us. The more sessions "
                "there are, the earlier we can help.",
                DIRECTOR,
            ),
        ],
        "related": ["first-family-hub-opens-in-bilston"],
    },
    {
        "slug": "cabinet-approves-longer-opening-hours",
        "title": "Cabinet approves longer opening hours at three family hubs",
        "date": (2024, 1, 22, 14, 0),
        "topics": ["cabinet-decisions"],
        "contact": "priya",
        "image": ("meeting", "blue", "Illustration: people in a meeting with papers on the table"),
        "summary": "From April, three family hubs will open in the evening or on Saturday "
        "mornings, as families asked in the 2022 consultation.",
        "body": [
            paragraph(
                "Cabinet has agreed longer opening hours at three family hubs from 1 April. "
                "Bilston Family Hub will open on Saturday mornings. Whitmore Reans Family Hub "
                "will open from 8:30am to 6pm on weekdays, and on Saturday mornings. Wednesfield "
                "Family Hub will stay open until 8pm on Tuesdays for its youth club.",
                "The £180,000 a year cost comes from the family hubs budget, by sharing "
                "reception staff with the youth service.",
            ),
            quote(
                "Families told us what they needed in 2022. This decision delivers it.",
                CABINET_MEMBER,
            ),
        ],
        "related": ["families-ask-for-evening-and-weekend-sessions", "three-more-family-hubs-open"],
    },
    {
        "slug": "consultation-on-support-for-parents-of-teenagers",
        "title": "Consultation opens on support for parents of teenagers",
        "date": (2024, 4, 10, 9, 0),
        "topics": ["consultations"],
        "contact": "tom",
        "image": (
            "consultation",
            "sunset",
            "Illustration: people talking, with three speech bubbles above them",
        ),
        "summary": "Parents, carers and young people are asked what help family hubs should offer "
        "families with children aged 11 to 19.",
        "body": [
            paragraph(
                "Most of what family hubs offer today is for families with young children. We "
                "want to do more for families with teenagers, and we are asking parents, carers "
                "and young people what that should be.",
                "The consultation is open for eight weeks. Young people can also take part at "
                "the youth club at Wednesfield Family Hub.",
            ),
        ],
        "related": ["have-your-say-on-family-hub-locations", "contact-us"],
    },
    {
        "slug": "inspectors-praise-early-help-for-families",
        "title": "Inspectors praise Wulfrun's early help for families",
        "date": (2024, 7, 18, 10, 0),
        "topics": ["inspections"],
        "contact": "priya",
        "image": (
            "inspection",
            "teal",
            "Illustration: a clipboard of ticked items beside a rosette",
        ),
        "summary": "An inspection of children's services found that families get help early and "
        "that family hubs are making it easier to ask for support.",
        "body": [
            paragraph(
                "Inspectors who visited Wulfrun's children's services in June found that "
                "families are getting help earlier than at the last inspection, and that family "
                "hubs have made it easier for parents to ask for support without a referral.",
                "The report asks the council to make sure that help for fathers and male carers "
                "is as good as the help offered to mothers.",
            ),
            quote(
                "This is a tribute to staff in every hub. We accept the recommendation on "
                "support for dads and will report on progress within six months.",
                DIRECTOR,
            ),
        ],
        "related": ["three-more-family-hubs-open"],
    },
    {
        "slug": "speech-and-language-drop-ins-at-three-hubs",
        "title": "Speech and language drop-ins now at three family hubs",
        "date": (2025, 2, 3, 9, 30),
        "topics": ["early-years"],
        "contact": "tom",
        "image": ("speech", "plum", "Illustration: a parent and a small child talking"),
        "summary": "Parents worried about their child's talking can now see a speech and language "
        "therapist at Bilston, Tettenhall or City Centre family hubs, without an appointment.",
        "body": [
            paragraph(
                "Weekly speech and language drop-ins, trialled at Bilston last year, now also "
                "run at Tettenhall and City Centre family hubs, on Wednesday and Saturday "
                "mornings. Parents of children under five can ask for advice without a referral "
                "or an appointment.",
                "In the trial, two in three children seen at a drop-in needed no further "
                "referral: a few simple changes at home were enough.",
            ),
        ],
        "related": ["first-family-hub-opens-in-bilston"],
    },
    {
        "slug": "penn-family-hub-opens-with-community-garden",
        "title": "Penn family hub opens with a community garden",
        "date": (2025, 6, 30, 10, 0),
        "topics": ["new-hubs"],
        "contact": "priya",
        "image": ("garden", "green", "Illustration: a garden with swings, trees and flowers"),
        "caption": "The garden at Penn was planted by volunteers from the neighbourhood.",
        "credit": "Illustration: Wulfrun Borough Council",
        "summary": "Wulfrun's tenth family hub has a garden and outdoor play area, designed with "
        "families from Penn.",
        "body": [
            paragraph(
                "Penn Family Hub opened on Saturday with a community garden and an outdoor "
                "play area designed with local families. Stay and play will move out into the "
                "garden whenever it is dry.",
                "Penn is the tenth family hub to open since 2023, after Tettenhall, Ettingshall, "
                "Pendeford, Bushbury and City Centre, and the last of the ten in the plan "
                "cabinet agreed in 2022. It is open from Tuesday to Saturday, with a Dads' "
                "Saturday club.",
            ),
        ],
        "related": ["three-more-family-hubs-open"],
    },
    {
        "slug": "family-hubs-budget-2026-to-2027",
        "title": "Council sets out family hubs budget for 2026 to 2027",
        "date": (2025, 10, 13, 16, 0),
        "topics": ["cabinet-decisions", "funding"],
        "contact": "priya",
        "image": ("chart", "sunset", "Illustration: a bar chart with a coin above it"),
        "summary": "The proposed budget keeps every family hub open and protects frontline "
        "sessions, with savings from shared buildings and back-office costs.",
        "body": [
            paragraph(
                "Cabinet has published its proposed family hubs budget for 2026 to 2027. All "
                "ten hubs stay open with the same hours; savings of £240,000 come from sharing "
                "buildings with libraries and health services, and from back-office costs.",
            ),
            quote(
                "Money is tight, but we have protected every session families use.",
                CABINET_MEMBER,
            ),
        ],
        "related": ["cabinet-approves-longer-opening-hours"],
    },
    {
        "slug": "inspection-finds-family-hubs-welcoming-and-well-run",
        "title": "Inspection finds family hubs 'welcoming and well run'",
        "date": (2026, 3, 9, 10, 0),
        "topics": ["inspections"],
        "contact": "tom",
        "image": ("inspection", "blue", "Illustration: a clipboard with four ticks and a rosette"),
        "summary": "A follow-up inspection found that support for fathers has improved and that "
        "families describe hubs as welcoming and well run.",
        "body": [
            paragraph(
                "Inspectors returned in February to check progress since 2024. They found that "
                "the number of fathers using hubs has doubled, helped by the Dads' Saturday "
                "club at Bilston and Penn family hubs.",
            ),
        ],
        "related": ["inspectors-praise-early-help-for-families"],
    },
    {
        "slug": "have-your-say-on-send-support-in-family-hubs",
        "title": "Have your say on family hub services for children with SEND",
        "date": (2026, 9, 21, 9, 0),
        "topics": ["consultations"],
        "contact": "tom",
        "image": ("family", "green", "Illustration: a family of four in the sunshine"),
        "summary": "We are asking families of children with special educational needs and "
        "disabilities what would make family hubs work better for them.",
        "body": [
            paragraph(
                "Families of children and young people with special educational needs and "
                "disabilities (SEND) can tell us what would make family hubs easier to use: "
                "quieter sessions, changing facilities, or help with forms and assessments.",
                "The consultation is open until 14 December.",
            ),
        ],
        "related": ["consultation-on-support-for-parents-of-teenagers", "contact-us"],
    },
]

EMBARGOED_RELEASE = {
    "slug": "winter-warm-spaces-at-family-hubs",
    "title": "Warm spaces at family hubs, and free holiday activities, this winter",
    "topics": ["early-years", "funding"],
    "contact": "priya",
    "image": ("garden", "plum", "Illustration: a play area with trees and flowers"),
    "summary": "Every family hub will be a free warm space this winter, and children on free "
    "school meals can book holiday activities with a hot meal.",
    "body": [
        paragraph(
            "From December, all ten family hubs will be free warm spaces whenever they are "
            "open, with hot drinks and somewhere to sit and play. The hubs close for Christmas "
            "from 24 December to 1 January.",
            "In the Christmas holidays, children who get benefits-related free school meals can "
            "book free activities and a hot meal at Phoenix Community Centre and Codsall Village "
            "Hall, with the code their school sends home.",
        ),
    ],
    "related": [],
}
