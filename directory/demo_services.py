"""The demo council's service directory: /services/ and 60-odd services across the taxonomy,
run by the council, the NHS trust and local charities (invented names), at the demo hubs and at
libraries, clinics and community centres of their own, with a mix of ages, costs, referral
routes and ways of getting help (in person, online, by phone, at home). Two reviewed long ago,
so the stale-content report has something to show.

Each service says what a family would be told at the door: what happens, what to bring, who it
is for, how to get a place, and when it runs at each place. Sessions at a hub fall inside the
hub's opening hours (directory/demo.py); a service with no sessions at a hub runs whenever the
hub is open (directory.opening_hours.held_at).

Like every demo loader it creates what is missing and leaves what exists alone."""

from dataclasses import dataclass, field
from datetime import time, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from website.demo import add_navigation_link, ensure_child_page

from . import taxonomy_seed
from .models import (
    FamilyHubPage,
    Organisation,
    ServiceContact,
    ServiceIndexPage,
    ServiceLocation,
    ServicePage,
    ServiceSession,
    Taxonomy,
    TaxonomyTerm,
)

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
WEEKDAYS = range(5)
EVERY_DAY = range(7)

ORGANISATIONS = {
    "council": (
        "Wulfrun Borough Council",
        "The council's family hubs, early help and youth services.",
        "https://www.wulfrun.example/",
        "01902 555 0100",
    ),
    "nhs": (
        "Black Country Community Healthcare NHS Trust (Wulfrun)",
        "Health visitors, midwives, speech and language therapy and school nurses.",
        "https://nhs.wulfrun.example/",
        "01902 555 0300",
    ),
    "bumps": (
        "Bumps and Babies Wulfrun",
        "A charity of trained volunteers supporting parents in pregnancy and the first year.",
        "https://bumps.wulfrun.example/",
        "01902 555 0400",
    ),
    "safe": (
        "Safe Haven Wulfrun",
        "Domestic abuse support, refuges and recovery programmes.",
        "https://safehaven.wulfrun.example/",
        "0800 555 0500",
    ),
    "sendiass": (
        "Wulfrun SEND Information, Advice and Support",
        "Free, impartial advice for families of children with SEND.",
        "https://sendiass.wulfrun.example/",
        "01902 555 0600",
    ),
    "money": (
        "Wulfrun Money Matters",
        "A charity giving free advice on benefits, debt and housing.",
        "https://moneymatters.wulfrun.example/",
        "01902 555 0700",
    ),
    "youth": (
        "Wulfrun Youth Trust",
        "Youth clubs, mentoring and holiday activities for young people.",
        "https://youthtrust.wulfrun.example/",
        "01902 555 0800",
    ),
}

# Places that are not hubs: (name, address line, town, postcode, latitude, longitude).
PLACES = {
    "central-library": ("Central Library", "Snow Hill", "Wulfrun", "WV2 4AA", 52.5834, -2.1262),
    "penn-library": ("Penn Library", "Coalway Road", "Penn", "WV3 7AA", 52.5700, -2.1600),
    "ashmore-clinic": (
        "Ashmore Park Clinic",
        "Griffiths Drive",
        "Wednesfield",
        "WV11 2AA",
        52.6110,
        -2.0650,
    ),
    "phoenix-centre": (
        "Phoenix Community Centre",
        "Parkfield Road",
        "Ettingshall",
        "WV4 6AA",
        52.5620,
        -2.1110,
    ),
    "willenhall-pool": (
        "Bentley Leisure Centre",
        "Bentley Lane",
        "Willenhall",
        "WV12 4AA",
        52.6000,
        -2.0400,
    ),
    "codsall-hall": ("Codsall Village Hall", "Church Road", "Codsall", "WV8 1AA", 52.6280, -2.1950),
}

# Weekly sessions: (weekday, opens, closes).
Session = tuple[int, str, str]


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


@dataclass(frozen=True)
class Contact:
    """A role to ask for (ORUK "contact"), not a private person."""

    name: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class DemoService:
    title: str
    summary: str
    description: str  # HTML: p(), h2(), ul()
    categories: tuple[str, ...]
    organisation: str
    # Where families go (hub slugs and PLACES keys), each with its weekly sessions there; an
    # empty list: whenever that place is open, or by appointment.
    places: dict[str, list[Session]] = field(default_factory=dict)
    # Sessions of a service nobody travels to: a phone line's hours.
    remote_hours: list[Session] = field(default_factory=list)
    # Ages are the child's (or young person's) age in years; the parent's go in `eligibility`.
    minimum_age: int | None = None
    maximum_age: int | None = None
    pregnancy: bool = False
    eligibility: str = ""
    cost: Decimal | None = None  # None: free
    cost_description: str = ""
    self_referral: bool = True
    referral: str = ""
    online: bool = False
    by_phone: bool = False
    at_home: bool = False
    phone: str = ""
    email: str = ""
    website: str = ""
    contacts: tuple[Contact, ...] = ()
    languages: str = "en"
    accessibility: str = ""
    closed_on_bank_holidays: bool = True
    # One page per place ("Stay and play, Bilston"): a paragraph for one place's page, and the
    # languages spoken there when they differ.
    place_notes: dict[str, str] = field(default_factory=dict)
    place_languages: dict[str, str] = field(default_factory=dict)
    # One page per place, run by the hub's own team: the hub's phone and email.
    hub_contact: bool = False


SERVICES = [
    DemoService(
        title="Antenatal classes",
        summary="Get ready for birth and the first weeks with a midwife and other parents-to-be.",
        description=p(
            "A course of 4 weekly classes led by a community midwife. You will find out about "
            "the signs of labour, pain relief, what happens on the labour ward and at a home "
            "birth, feeding your baby, and caring for yourself and your baby in the first "
            "weeks.",
            "Classes are relaxed and small, and you can ask anything. Birth partners are "
            "welcome at every class.",
        )
        + h2("What to bring")
        + ul("your maternity notes", "a drink and a snack"),
        categories=("antenatal-classes",),
        organisation="nhs",
        places={
            "bilston": [(TUESDAY, "10:00", "12:00")],
            "pendeford": [(WEDNESDAY, "10:00", "12:00")],
            "city-centre": [(SATURDAY, "10:00", "12:00")],
        },
        pregnancy=True,
        eligibility="Anyone who is pregnant, and their birth partner. Most people start the "
        "course when they are about 30 weeks pregnant.",
        referral="Book a course by phone or email, or ask your midwife to book it for you. "
        "Choose the hub and day that suit you: the Saturday course at City Centre is for "
        "parents who work in the week.",
        phone="01902 555 0310",
        email="antenatal@nhs.wulfrun.example",
        contacts=(Contact("Antenatal education midwife"),),
        accessibility="An interpreter can come to the classes with you: ask when you book.",
    ),
    DemoService(
        title="Midwife appointments",
        summary="Pregnancy check-ups with your community midwife.",
        description=p(
            "Your community midwife checks on you and your baby throughout your pregnancy: "
            "your blood pressure and urine, your baby's growth and heartbeat, and how you are "
            "feeling. It is a chance to ask questions and plan where and how you would like to "
            "give birth.",
            "Your midwife will give you an appointment in one of these clinics. After your "
            "baby is born, a midwife visits you at home for the first days.",
        )
        + h2("What to bring")
        + ul(
            "your maternity notes",
            "a sample of your urine, in a pot from the clinic",
            "a list of any medicines you take",
        ),
        categories=("midwifery",),
        organisation="nhs",
        places={
            "wednesfield": [(MONDAY, "09:00", "12:00")],
            "whitmore-reans": [(TUESDAY, "09:30", "12:30")],
            "low-hill": [(THURSDAY, "13:00", "16:00")],
        },
        pregnancy=True,
        at_home=True,
        eligibility="Anyone who is pregnant and lives in Wulfrun, until a few weeks after the "
        "baby is born.",
        referral="Refer yourself as soon as you know you are pregnant, by phone or on the "
        "trust's website. You do not need to see your GP first.",
        phone="01902 555 0320",
        email="midwives@nhs.wulfrun.example",
    ),
    DemoService(
        title="Baby clinic",
        summary="Weigh your baby and talk to a health visitor. Just drop in.",
        description=p(
            "A health visitor or community nursery nurse weighs your baby and writes it in "
            "their red book. You can ask about feeding, sleep, teething, crying, how your baby "
            "is developing, or how you are feeling yourself.",
            "There are no appointments: come at any time in the session. It can be busy at "
            "the start, so you may need to wait. If you would like to talk somewhere private, "
            "ask and we will find a quiet room.",
        )
        + h2("What to bring")
        + ul(
            "your baby's red book (personal child health record)",
            "a clean nappy: babies are weighed without one",
        ),
        categories=("health-visiting",),
        organisation="nhs",
        places={
            "bilston": [(TUESDAY, "09:30", "11:30")],
            "tettenhall": [(THURSDAY, "16:00", "18:30")],
            "whitmore-reans": [(MONDAY, "09:30", "11:30")],
            "penn": [(FRIDAY, "10:00", "12:00")],
            "low-hill": [(WEDNESDAY, "13:30", "15:30")],
        },
        place_notes={
            "tettenhall": "This clinic runs into the early evening, so parents who work can "
            "come after work.",
            "whitmore-reans": "A health visitor who speaks Punjabi is at this clinic.",
        },
        place_languages={"whitmore-reans": "en, pa"},
        minimum_age=0,
        maximum_age=4,
        eligibility="Babies and children under 5, with a parent or carer.",
        phone="01902 555 0330",
        email="healthvisiting@nhs.wulfrun.example",
    ),
    DemoService(
        title="Breastfeeding cafe",
        summary="Peer supporters, a comfy seat and a cup of tea while you feed.",
        description=p(
            "Trained breastfeeding peer supporters, who have all breastfed themselves, help "
            "with latching, feeding positions, expressing, and knowing your baby is getting "
            "enough. If you need more help, they can book you in with an infant feeding "
            "specialist.",
            "Come while you are pregnant to find out what to expect, or at any time while "
            "you are feeding. Partners and grandparents are welcome. Tea, coffee and biscuits "
            "are free.",
        ),
        categories=("breastfeeding",),
        organisation="bumps",
        places={
            "wednesfield": [(MONDAY, "10:00", "12:00")],
            "city-centre": [(FRIDAY, "10:00", "12:00")],
            "central-library": [(WEDNESDAY, "10:30", "12:00")],
        },
        place_notes={
            "central-library": "The cafe is in the children's library on the ground floor. "
            "There is a lift from the car park.",
        },
        pregnancy=True,
        minimum_age=0,
        maximum_age=1,
        eligibility="Anyone breastfeeding a baby under 2, or pregnant and thinking about it, "
        "and the people who support them.",
        phone="01902 555 0400",
        email="feeding@bumps.wulfrun.example",
        contacts=(Contact("Breastfeeding peer support coordinator"),),
    ),
    DemoService(
        title="Infant feeding helpline",
        summary="Call a trained supporter about breast or bottle feeding, seven days a week.",
        description=p(
            "Talk to a trained infant feeding supporter about breastfeeding, expressing, "
            "bottle feeding, combining the two, or starting solid food. They will listen, help "
            "you work out what is happening and, if you need it, arrange a visit from a "
            "specialist or a place at a breastfeeding cafe.",
            "Calls are free from mobiles and landlines.",
            "If your baby seems unwell, has fewer wet nappies than usual or will not feed, "
            "call NHS 111 or your GP straight away.",
        ),
        categories=("breastfeeding", "bottle-feeding-and-weaning"),
        organisation="bumps",
        remote_hours=[(day, "08:00", "22:00") for day in EVERY_DAY],
        closed_on_bank_holidays=False,
        by_phone=True,
        pregnancy=True,
        minimum_age=0,
        maximum_age=1,
        eligibility="Parents, carers and parents-to-be in Wulfrun feeding a baby under 2, "
        "however they feed.",
        phone="0800 555 0410",
    ),
    DemoService(
        title="Starting solids workshop",
        summary="When and how to start your baby on solid food.",
        description=p(
            "A 90-minute workshop with a community nursery nurse about starting solid food at "
            "around 6 months: the signs your baby is ready, first foods and finger foods, how "
            "much to give, and foods to avoid.",
            "You will taste some first foods and see how to make them cheaply at home. Bring "
            "your baby if you like: there are mats and toys.",
        ),
        categories=("bottle-feeding-and-weaning", "healthy-eating-and-activity"),
        organisation="nhs",
        places={
            "ettingshall": [(THURSDAY, "13:30", "15:00")],
            "pendeford": [(THURSDAY, "10:00", "11:30")],
        },
        minimum_age=0,
        maximum_age=0,
        eligibility="Parents and carers of babies aged 4 to 7 months.",
        referral="Book a place by phone. Your health visitor can also book one for you at "
        "your baby's 3 to 4 month review.",
        phone="01902 555 0330",
        email="healthvisiting@nhs.wulfrun.example",
    ),
    DemoService(
        title="Baby massage",
        summary="Learn to massage your baby: a calm way to bond and soothe.",
        description=p(
            "A course of 5 weekly sessions led by a community nursery nurse trained in baby "
            "massage. You will learn simple strokes that help your baby relax and sleep and "
            "can ease wind and colic, with time to talk to other parents.",
            "We use an unscented plant oil. Tell us if your baby has a skin condition.",
        )
        + h2("What to bring")
        + ul("a towel for your baby to lie on", "a clean nappy and wipes"),
        categories=("health-visiting", "parent-peer-support"),
        organisation="nhs",
        places={
            "pendeford": [(TUESDAY, "10:00", "11:00")],
            "low-hill": [(MONDAY, "13:30", "14:30")],
        },
        minimum_age=0,
        maximum_age=0,
        eligibility="Babies from 6 weeks old until they start crawling, with a parent or carer.",
        referral="Book by phone: a new course starts every 5 weeks.",
        phone="01902 555 0330",
        email="healthvisiting@nhs.wulfrun.example",
    ),
    DemoService(
        title="Stay and play",
        summary="Songs, messy play and a chance to meet other families.",
        description=p(
            "A play session for babies and children under 5 with their parent, grandparent "
            "or carer: messy play, toys, books, and songs at the end. Family hub staff are "
            "there to chat to about anything, from sleep to money worries.",
            "It is free and you do not need to book: just come along. You stay with your "
            "child for the session.",
        )
        + h2("What to bring")
        + ul("a drink for your child", "a change of clothes: messy play can be messy"),
        categories=("stay-and-play",),
        organisation="council",
        places={
            "bilston": [(MONDAY, "13:30", "15:00"), (WEDNESDAY, "13:30", "15:00")],
            "wednesfield": [(TUESDAY, "09:30", "11:00"), (THURSDAY, "13:30", "15:00")],
            "low-hill": [(MONDAY, "09:30", "11:00"), (FRIDAY, "09:30", "11:00")],
            "penn": [(WEDNESDAY, "10:00", "11:30")],
            "bushbury": [(THURSDAY, "09:30", "11:00")],
        },
        place_notes={
            "penn": "Penn has a garden, so the session moves outside when it is dry.",
        },
        minimum_age=0,
        maximum_age=4,
        eligibility="Children under 5 with a parent, grandparent or carer. Childminders are "
        "welcome.",
        hub_contact=True,
    ),
    DemoService(
        title="Rhyme time",
        summary="Songs and rhymes for babies and toddlers, and their grown-ups.",
        description=p(
            "Half an hour of songs, action rhymes and shakers for babies and toddlers, then "
            "time to play and chat. Singing together helps babies learn to listen and talk, "
            "and it is a gentle way to meet other families.",
            "You do not need to book. Buggies can be left in the entrance.",
        ),
        categories=("early-language-groups",),
        organisation="council",
        places={"pendeford": [(FRIDAY, "09:30", "10:15")]},
        minimum_age=0,
        maximum_age=2,
        eligibility="Babies and toddlers under 3, with a parent or carer.",
        phone="01902 555 0208",
        email="pendeford.hub@wulfrun.example",
    ),
    DemoService(
        title="Chatterbox early language group",
        summary="Stories, rhymes and games that get little ones talking.",
        description=p(
            "A weekly group for children aged 1 to 4 and their grown-ups, led by an early "
            "years practitioner trained by the speech and language therapy team. Each session "
            "has songs, a story and games that build listening and talking.",
            "You will pick up simple things to do at home, like sharing books and talking "
            "about what your child is doing. If you are worried about your child's talking, "
            "the practitioner will tell you about the speech and language drop-in.",
        ),
        categories=("early-language-groups",),
        organisation="council",
        places={
            "tettenhall": [(MONDAY, "10:00", "11:00")],
            "ettingshall": [(WEDNESDAY, "10:00", "11:00")],
            "penn-library": [(FRIDAY, "10:00", "11:00")],
        },
        minimum_age=1,
        maximum_age=4,
        eligibility="Children aged 1 to 4, with a parent or carer.",
        referral="There are 10 places in each group: phone to book one.",
        phone="01902 555 0140",
        email="earlyyears@wulfrun.example",
    ),
    DemoService(
        title="Speech and language drop-in",
        summary="Worried about your child's talking? Ask a speech and language therapist.",
        description=p(
            "A speech and language therapist or assistant sees you and your child for about "
            "15 minutes. They will listen to what is worrying you, watch your child play and "
            "talk, and give you ideas to try at home.",
            "Most children need nothing more. If your child needs therapy, the therapist can "
            "refer them there and then, without going through your GP.",
            "You do not need an appointment. Come at any time in the session; you may need to "
            "wait.",
        ),
        categories=("speech-and-language-therapy",),
        organisation="nhs",
        places={
            "tettenhall": [(WEDNESDAY, "09:30", "11:30")],
            "bilston": [(THURSDAY, "13:30", "15:30")],
            "city-centre": [(SATURDAY, "10:00", "12:00")],
        },
        minimum_age=0,
        maximum_age=4,
        eligibility="Parents and carers of children under 5 who live in Wulfrun.",
        phone="01902 555 0340",
        email="slt@nhs.wulfrun.example",
    ),
    DemoService(
        title="Speech and language therapy",
        summary="Assessment and therapy for children with speech, language or communication needs.",
        description=p(
            "A speech and language therapist assesses your child and, if they need it, plans "
            "therapy with you: usually a block of sessions, with activities to practise at "
            "home, nursery or school in between.",
            "Appointments are at Ashmore Park Clinic or Phoenix Community Centre. Therapists "
            "also see children at nursery or school, and at home if a child cannot come to a "
            "clinic.",
            "We will write to you with your first appointment.",
        ),
        categories=("speech-and-language-therapy", "send-advice"),
        organisation="nhs",
        places={"ashmore-clinic": [], "phoenix-centre": []},
        at_home=True,
        minimum_age=0,
        maximum_age=18,
        eligibility="Children and young people up to 18 with speech, language, communication "
        "or swallowing needs, who live in Wulfrun or go to school here.",
        self_referral=False,
        referral="A health visitor, GP, nursery, school or other professional can refer your "
        "child. If your child is under 5, you can also get a referral at a speech and language "
        "drop-in.",
        phone="01902 555 0340",
        email="slt@nhs.wulfrun.example",
    ),
    DemoService(
        title="Stammering support group",
        summary="A friendly group for children who stammer and their parents.",
        description=p(
            "Children who stammer meet others who stammer, with games and activities led by a "
            "specialist speech and language therapist. Parents meet in the room next door to "
            "share what helps and ask the therapist questions.",
            "If you cannot get to Central Library, you can join the same group on a video "
            "call: ask for the link.",
        ),
        categories=("speech-and-language-therapy", "parent-peer-support"),
        organisation="nhs",
        places={"central-library": [(SATURDAY, "10:00", "11:30")]},
        online=True,
        minimum_age=5,
        maximum_age=16,
        eligibility="Children aged 5 to 16 who stammer, and their parents or carers. Your "
        "child does not need to be having therapy.",
        referral="Phone or email the speech and language therapy team to join.",
        phone="01902 555 0340",
        email="stammering@nhs.wulfrun.example",
    ),
    DemoService(
        title="Incredible Years parenting course",
        summary="A 14-week course for parents of children aged 3 to 6: play, praise and calm "
        "limits.",
        description=p(
            "Incredible Years is a group course for parents and carers who want things to be "
            "calmer at home. Over 14 weekly sessions you will learn ways to play with your "
            "child, praise and reward what you want to see more of, set clear limits, and "
            "handle tantrums without shouting.",
            "Groups have 8 to 12 parents and two trained leaders. There are short video clips, "
            "discussion and things to try at home between sessions. Nobody has to talk about "
            "anything they do not want to.",
            "There is a free creche for children under 5 while you are at the session: tell "
            "us when you book.",
        ),
        categories=("parenting-courses",),
        organisation="council",
        places={
            "whitmore-reans": [(WEDNESDAY, "09:30", "11:30")],
            "low-hill": [(TUESDAY, "13:00", "15:00")],
            "bilston": [(THURSDAY, "09:30", "11:30")],
        },
        minimum_age=3,
        maximum_age=6,
        eligibility="Parents and carers of children aged 3 to 6.",
        referral="Book a place by phone or at any family hub. A health visitor, school or "
        "social worker can also book one for you. New groups start in September, January and "
        "April.",
        phone="01902 555 0110",
        email="parenting@wulfrun.example",
        contacts=(Contact("Parenting programmes coordinator"),),
        accessibility="An interpreter can come to the sessions with you: ask when you book.",
    ),
    DemoService(
        title="Parenting teenagers course",
        summary="Six early-evening sessions on talking, boundaries and staying close.",
        description=p(
            "A course of 6 weekly sessions for parents and carers of 11 to 19 year olds. "
            "Each session looks at one thing: how teenagers' brains change, talking and "
            "listening, boundaries and consequences, staying safe online, and looking after "
            "yourself.",
            "It runs straight after work during the hub's late opening. You can also join "
            "the same group on a video call.",
        ),
        categories=("parenting-courses", "family-relationships"),
        organisation="council",
        places={"tettenhall": [(THURSDAY, "17:00", "19:00")]},
        online=True,
        minimum_age=11,
        maximum_age=19,
        eligibility="Parents and carers of young people aged 11 to 19.",
        referral="Book by phone or email. Courses start in September, January and April.",
        phone="01902 555 0110",
        email="parenting@wulfrun.example",
        contacts=(Contact("Parenting programmes coordinator"),),
    ),
    DemoService(
        title="Dads' Saturday club",
        summary="Play, breakfast and football for dads, male carers and their kids.",
        description=p(
            "A Saturday morning for dads, granddads, stepdads, uncles and male carers with "
            "their children: breakfast, play for the little ones, a kickabout for older "
            "children, and other dads to talk to.",
            "A family hub worker is there if you want to talk about anything, from money to "
            "your child's behaviour, but nobody will make you. It is free and you do not need "
            "to book.",
        ),
        categories=("dads-and-male-carers", "stay-and-play"),
        organisation="council",
        places={
            "penn": [(SATURDAY, "10:00", "12:00")],
            "bilston": [(SATURDAY, "10:00", "12:00")],
        },
        minimum_age=0,
        maximum_age=11,
        eligibility="Dads and male carers with children up to 11.",
        phone="01902 555 0100",
        email="dads@wulfrun.example",
        contacts=(Contact("Dads' worker"),),
    ),
    DemoService(
        title="Reducing parental conflict",
        summary="Support for parents who argue, whether together or apart.",
        description=p(
            "Arguments now and then are normal. When they are frequent, bitter or never "
            "sorted out, they affect children, whether their parents live together or apart. "
            "A relationship practitioner works with you, on your own or with the other "
            "parent, on ways to disagree without harming your children.",
            "Most families have 4 to 6 sessions, at Bushbury Family Hub, on a video call or by "
            "phone. If you have separated, the team also offers family mediation to help you "
            "agree arrangements for the children.",
            "This is not for relationships where one person controls, threatens or hurts the "
            "other. If that is happening, call the domestic abuse helpline.",
        ),
        categories=("family-relationships", "healthy-relationships"),
        organisation="council",
        places={"bushbury": []},
        online=True,
        by_phone=True,
        eligibility="Parents and carers in Wulfrun with a child under 19, whether they live "
        "together or apart.",
        referral="Phone or email to ask for an appointment. A school, health visitor or "
        "family hub worker can also refer you.",
        phone="01902 555 0120",
        email="relationships@wulfrun.example",
        contacts=(Contact("Relationship support team"),),
    ),
    DemoService(
        title="Home-Start volunteers",
        summary="A volunteer parent visits you at home each week.",
        description=p(
            "A trained volunteer, who is a parent too, visits you at home for 2 or 3 hours a "
            "week. They can help you get out with the children, come with you to appointments, "
            "listen when things feel too much, and help you find other support.",
            "Families usually have a volunteer for 6 months to a year. Volunteers are checked "
            "(DBS) and supported by a paid coordinator, who visits you first to talk about what "
            "would help.",
            "What you say stays between you, your volunteer and the coordinator, unless "
            "someone is at risk of harm.",
        ),
        categories=("parent-peer-support",),
        organisation="bumps",
        at_home=True,
        pregnancy=True,
        minimum_age=0,
        maximum_age=4,
        eligibility="Families in Wulfrun expecting a baby or with a child under 5 who are "
        "finding things hard, for whatever reason: twins, illness, feeling alone, a new baby.",
        referral="Phone or email us, or ask your health visitor, midwife or GP to refer you.",
        phone="01902 555 0420",
        email="homestart@bumps.wulfrun.example",
        contacts=(Contact("Home-Start coordinator"),),
    ),
    DemoService(
        title="Funded childcare for 2 year olds",
        summary="Free early education for eligible 2 year olds: check if you can get it.",
        description=p(
            "Some 2 year olds can get 15 hours a week of free early education and childcare, "
            "for 38 weeks a year, at a nursery, pre-school or childminder that offers funded "
            "places.",
            "Check online or by phone whether your child can get it. If they can, we will "
            "send you a code to give to the childcare provider you choose. Places start the "
            "term after your child's second birthday.",
        )
        + h2("Which 2 year olds can get it")
        + ul(
            "families who get Universal Credit and whose household take-home pay is £15,400 a "
            "year or less",
            "families who get some other benefits, such as Income Support or income-based "
            "Jobseeker's Allowance",
            "children who are looked after by the council, adopted, or have an education, "
            "health and care (EHC) plan or Disability Living Allowance",
        )
        + p(
            "If you work, you may be able to get free childcare for your 2 year old another "
            "way: check on GOV.UK."
        ),
        categories=("childcare-and-nurseries",),
        organisation="council",
        online=True,
        by_phone=True,
        minimum_age=2,
        maximum_age=2,
        eligibility="2 year olds who live in Wulfrun and meet one of the conditions above.",
        referral="Apply online or by phone. You will need your National Insurance number and "
        "your child's date of birth.",
        phone="01902 555 0130",
        email="childcare@wulfrun.example",
        website="https://www.wulfrun.example/free-childcare",
    ),
    DemoService(
        title="Ready for school sessions",
        summary="Getting your child ready to start Reception.",
        description=p(
            "A 90-minute session for children starting Reception next September and their "
            "parents. Children play school-style games while you find out what helps them "
            "settle: going to the toilet on their own, putting on a coat, sitting for a story, "
            "and saying goodbye at the door.",
            "You can also get help applying for a school place, which you need to do by 15 "
            "January. In the summer term, Reception teachers from local schools come to answer "
            "questions.",
        ),
        categories=("school-readiness",),
        organisation="council",
        places={
            "ettingshall": [(FRIDAY, "13:00", "14:30")],
            "tettenhall": [(MONDAY, "13:00", "14:30")],
        },
        minimum_age=3,
        maximum_age=4,
        eligibility="Children starting Reception next September, with a parent or carer.",
        referral="You do not need to book: just come along.",
        phone="01902 555 0140",
        email="earlyyears@wulfrun.example",
    ),
    DemoService(
        title="Holiday childcare club",
        summary="Childcare and activities in the school holidays.",
        description=p(
            "A full-day club in the Easter, summer and October half-term holidays, Monday to "
            "Friday from 8:30am to 5:30pm. Children do sport, crafts, cooking and trips with "
            "qualified playworkers.",
            "Book and pay for days online or by phone at least a week before. The club is "
            "registered with Ofsted, so you can pay with Tax-Free Childcare or claim the cost "
            "back through Universal Credit.",
        )
        + h2("What to bring")
        + ul(
            "a packed lunch, unless your child gets free school meals",
            "a water bottle",
            "clothes for playing outside, and sun cream in the summer",
        ),
        categories=("childcare-and-nurseries", "youth-clubs"),
        organisation="youth",
        places={"phoenix-centre": []},
        minimum_age=5,
        maximum_age=11,
        eligibility="Children aged 5 to 11 at primary school.",
        cost=Decimal("15.00"),
        cost_description="per day, free for children who get benefits-related free school meals",
        referral="Book online or by phone.",
        phone="01902 555 0810",
        email="holidayclub@youthtrust.wulfrun.example",
    ),
    DemoService(
        title="SEND information and advice",
        summary="Free, impartial advice on EHC plans, support at school and your rights.",
        description=p(
            "Wulfrun SENDIASS gives free, confidential and impartial information, advice and "
            "support about special educational needs and disabilities (SEND). We are funded by "
            "the council but work separately from it.",
            "We can explain the law and your rights, help you ask for an education, health "
            "and care (EHC) needs assessment, go through a draft EHC plan with you, come with "
            "you to meetings at school, and help you get ready for an appeal.",
            "Come to a drop-in, call us on a weekday, or email. Young people aged 16 to 25 can "
            "contact us themselves.",
        ),
        categories=("send-advice",),
        organisation="sendiass",
        places={
            "city-centre": [(TUESDAY, "10:00", "13:00")],
            "low-hill": [(THURSDAY, "10:00", "13:00")],
        },
        online=True,
        by_phone=True,
        minimum_age=0,
        maximum_age=25,
        eligibility="Parents and carers of children with special educational needs or "
        "disabilities, and young people with SEND up to 25. You do not need a diagnosis.",
        phone="01902 555 0600",
        email="advice@sendiass.wulfrun.example",
        website="https://sendiass.wulfrun.example/",
        contacts=(Contact("Helpline adviser"),),
    ),
    DemoService(
        title="Short breaks play scheme",
        summary="Activities for disabled children that give families a break.",
        description=p(
            "A Saturday play scheme for disabled children and young people: swimming, sensory "
            "play, sport, and arts and crafts, with staff trained in personal care, giving "
            "medicines and using communication aids.",
            "Each child has a support worker, one to one if they need it. Parents and carers "
            "drop their child off and have the day to themselves.",
        ),
        categories=("short-breaks",),
        organisation="council",
        places={"willenhall-pool": [(SATURDAY, "10:00", "15:00")]},
        minimum_age=5,
        maximum_age=18,
        eligibility="Disabled children and young people aged 5 to 18 who live in Wulfrun.",
        self_referral=False,
        referral="Your child needs a short breaks assessment from the disabled children's "
        "team. Phone the team to ask for one, or ask your child's social worker, school or "
        "health visitor.",
        phone="01902 555 0150",
        email="shortbreaks@wulfrun.example",
        contacts=(Contact("Short breaks coordinator"),),
        accessibility="A Changing Places toilet with a hoist, a sensory room, and step-free "
        "access throughout.",
    ),
    DemoService(
        title="Autism and ADHD parent support",
        summary="Meet other parents and learn strategies that help.",
        description=p(
            "A group for parents and carers of children who are autistic, have ADHD, or are "
            "waiting for an assessment. Each week starts with a short talk on one subject, "
            "such as sleep, meltdowns, eating, school or brothers and sisters, then there is "
            "time to talk with other parents.",
            "You do not need a diagnosis to come: many parents come while they wait for one. "
            "Children do not come to the group. You can also join on a video call.",
        ),
        categories=("autism-and-adhd", "parent-peer-support"),
        organisation="sendiass",
        places={
            "whitmore-reans": [(WEDNESDAY, "10:00", "11:30")],
            "tettenhall": [(TUESDAY, "17:00", "18:30")],
        },
        online=True,
        minimum_age=0,
        maximum_age=25,
        eligibility="Parents and carers of children and young people up to 25 who are "
        "autistic, have ADHD, or are waiting for an assessment.",
        phone="01902 555 0600",
        email="parentgroups@sendiass.wulfrun.example",
        contacts=(Contact("Parent support worker"),),
    ),
    DemoService(
        title="Sensory play sessions",
        summary="Calm sensory play for children with SEND and their families.",
        description=p(
            "A quiet, small play session in the sensory room, with lights, textures, sounds "
            "and soft play, for children with special educational needs or disabilities and "
            "their brothers and sisters.",
            "Each session is kept to 6 families, so it never gets too loud or busy. Staff "
            "understand that children may need to move about, make noise or leave early, and "
            "that is fine.",
        ),
        categories=("autism-and-adhd", "stay-and-play"),
        organisation="council",
        places={
            "bilston": [(FRIDAY, "10:00", "11:30")],
            "city-centre": [(SUNDAY, "10:30", "12:00")],
        },
        minimum_age=0,
        maximum_age=7,
        eligibility="Children under 8 with SEND, with or without a diagnosis, with their "
        "parent or carer. Brothers and sisters are welcome.",
        referral="Phone to book: each session has 6 places.",
        phone="01902 555 0100",
        email="sensoryplay@wulfrun.example",
    ),
    DemoService(
        title="Health visitor advice line",
        summary="Call a health visitor about feeding, sleep or development.",
        description=p(
            "Talk to a health visitor on the phone about your baby's or young child's "
            "feeding, sleep, crying, development or behaviour, or about how you are feeling. "
            "If you leave a message, a health visitor will call you back the same day.",
            "The health visitor can also arrange a home visit, or your child's next "
            "development review.",
            "If your child is very unwell, call NHS 111, or 999 in an emergency.",
        ),
        categories=("health-visiting",),
        organisation="nhs",
        remote_hours=[(day, "09:00", "17:00") for day in WEEKDAYS],
        by_phone=True,
        minimum_age=0,
        maximum_age=4,
        eligibility="Parents and carers of children under 5 who live in Wulfrun.",
        phone="01902 555 0350",
    ),
    DemoService(
        title="Family cooking on a budget",
        summary="Six sessions of cheap, healthy family meals.",
        description=p(
            "Cook a family meal from scratch each week with a community cook, and take it "
            "home. Over 6 weeks you will learn quick meals that cost less than a takeaway, how "
            "to plan a week's shopping, and how to use up leftovers.",
            "You get the recipe card and a shopping list every week. All the meat is halal and "
            "there is always a vegetarian choice: tell us about allergies when you book.",
        ),
        categories=("healthy-eating-and-activity", "food-and-essentials"),
        organisation="council",
        places={
            "ettingshall": [(WEDNESDAY, "10:00", "12:00")],
            "pendeford": [(MONDAY, "10:00", "12:00")],
        },
        eligibility="Parents and carers in Wulfrun. Children do not come to the sessions; at "
        "Ettingshall there is a free creche for under-5s.",
        cost=Decimal("2.00"),
        cost_description="per session, ingredients included",
        referral="Phone to book: each course has 8 places.",
        phone="01902 555 0100",
        email="cooking@wulfrun.example",
    ),
    DemoService(
        title="Family swim and fitness",
        summary="Swim and play sessions for families.",
        description=p(
            "On Sunday mornings the learner pool is kept for families, with floats, toys, and "
            "an inflatable for the last half hour. Lifeguards are on duty.",
            "Children under 8 must be in the water with an adult, and each adult can bring up "
            "to 2 children under 5.",
        ),
        categories=("healthy-eating-and-activity",),
        organisation="council",
        places={"willenhall-pool": [(SUNDAY, "09:00", "11:00")]},
        minimum_age=0,
        maximum_age=16,
        eligibility="Families with children up to 16.",
        cost=Decimal("3.50"),
        cost_description="per family (up to 2 adults and 4 children)",
        referral="Pay at the door: you do not need to book.",
        phone="01902 555 0160",
        accessibility="A pool hoist and an accessible changing room.",
    ),
    DemoService(
        title="Stop smoking service",
        summary="Free support and nicotine replacement, in pregnancy and after.",
        description=p(
            "A stop smoking adviser helps you make a plan and supports you every week for 12 "
            "weeks, at a clinic or by phone. You get free nicotine replacement, such as patches "
            "and gum, or a vape starter kit.",
            "If you are pregnant, a specialist adviser supports you until your baby is born, "
            "and anyone who lives with you can get help too. Your midwife can refer you, or "
            "you can refer yourself.",
        ),
        categories=("stop-smoking",),
        organisation="nhs",
        places={
            "low-hill": [(MONDAY, "13:00", "16:00")],
            "ettingshall": [(THURSDAY, "09:30", "12:00")],
        },
        by_phone=True,
        pregnancy=True,
        eligibility="Anyone in Wulfrun who smokes and is pregnant, is a parent or carer, or "
        "lives with a child or someone who is pregnant.",
        referral="Drop in to a clinic, or phone to talk to an adviser.",
        phone="01902 555 0360",
        email="stopsmoking@nhs.wulfrun.example",
    ),
    DemoService(
        title="Brushing for life",
        summary="Free toothbrushes and tips for healthy teeth.",
        description=p(
            "Pick up a free Brushing for Life pack at reception: a toothbrush, family "
            "fluoride toothpaste and a leaflet on brushing your child's teeth. Health visitors "
            "also give packs at your child's 1 year and 2 year reviews.",
            "Start brushing as soon as the first tooth comes through, twice a day: a smear of "
            "toothpaste for children under 3, and a pea-sized amount from 3. Spit, do not "
            "rinse.",
            "If your child does not have a dentist, ask at reception for the dentists taking "
            "on NHS patients.",
        ),
        categories=("oral-health",),
        organisation="nhs",
        places={"tettenhall": [], "wednesfield": []},
        minimum_age=0,
        maximum_age=4,
        eligibility="Children under 5.",
        referral="Ask at reception whenever the hub is open.",
        phone="01902 555 0330",
    ),
    DemoService(
        title="Perinatal mental health team",
        summary="Specialist support for mothers with mental health needs in pregnancy and the "
        "first year.",
        description=p(
            "A team of specialist nurses, psychologists, psychiatrists and nursery nurses for "
            "women with moderate to severe mental health problems in pregnancy or in the first "
            "year after birth, such as severe depression or anxiety, birth trauma, bipolar "
            "disorder or postpartum psychosis.",
            "We see you at Ashmore Park Clinic or at home. Support can include talking "
            "therapy, advice about medicines in pregnancy and breastfeeding, help with bonding "
            "with your baby, and planning for the birth if you have been unwell before.",
            "If you are thinking of harming yourself or your baby, call NHS 111 and choose "
            "the mental health option, or call 999.",
        ),
        categories=("perinatal-mental-health",),
        organisation="nhs",
        places={"ashmore-clinic": []},
        at_home=True,
        pregnancy=True,
        minimum_age=0,
        maximum_age=0,
        eligibility="Women who are pregnant or have a baby under 1 and are registered with a "
        "GP in Wulfrun.",
        self_referral=False,
        referral="Your GP, midwife, health visitor or mental health team can refer you. If we "
        "have seen you before, you can contact us yourself.",
        phone="01902 555 0370",
        email="perinatal@nhs.wulfrun.example",
        contacts=(Contact("Duty nurse, perinatal mental health team"),),
    ),
    DemoService(
        title="Mums' wellbeing group",
        summary="A relaxed group for mums feeling low or anxious.",
        description=p(
            "A weekly group for mums who are feeling low, anxious or not themselves, in "
            "pregnancy or with a baby under 2. It is run by a peer supporter who has been "
            "there, with a perinatal mental health practitioner.",
            "Sessions mix a cup of tea and a chat with a short activity: relaxation, a walk, or "
            "ideas for sleep. Bring your baby: there are mats and toys.",
            "This group is not for a crisis. If you feel you cannot keep yourself or your baby "
            "safe, call NHS 111 and choose the mental health option, or call 999.",
        ),
        categories=("perinatal-mental-health", "adult-mental-health"),
        organisation="bumps",
        places={
            "ettingshall": [(THURSDAY, "10:00", "11:30")],
            "penn": [(TUESDAY, "13:00", "14:30")],
        },
        pregnancy=True,
        minimum_age=0,
        maximum_age=1,
        eligibility="Mums who are pregnant or have a baby under 2. You do not need a diagnosis "
        "or a referral.",
        referral="Just come along, or phone first if you would like someone to meet you at the "
        "door.",
        phone="01902 555 0400",
        email="wellbeing@bumps.wulfrun.example",
        contacts=(Contact("Peer support lead"),),
    ),
    DemoService(
        title="Young minds drop-in",
        summary="Talk to a mental health practitioner about worries, anxiety or low mood.",
        description=p(
            "Young people can talk to a mental health practitioner about anything that is "
            "worrying them: stress, anxiety, low mood, friendships, exams, self-harm or things "
            "at home. You can come on your own or bring someone.",
            "It is confidential. We only tell someone else what you have said if we think you "
            "or someone else is at risk of serious harm, and we will talk to you first.",
            "If you cannot get there, you can message the same team online.",
        ),
        categories=("children-and-young-peoples-mental-health",),
        organisation="nhs",
        places={"city-centre": [(THURSDAY, "15:30", "17:00")]},
        online=True,
        minimum_age=11,
        maximum_age=18,
        eligibility="Young people aged 11 to 18 who live or go to school in Wulfrun.",
        referral="Just come along after school. You do not need an appointment or a parent's "
        "permission.",
        phone="01902 555 0380",
        email="youngminds@nhs.wulfrun.example",
    ),
    DemoService(
        title="Talking therapies for parents",
        summary="Free counselling and courses for anxiety and depression.",
        description=p(
            "NHS talking therapies for adults with anxiety, depression, stress, panic, "
            "phobias, OCD or trauma. After an assessment on the phone, you may be offered an "
            "online course, a group, or one-to-one therapy such as cognitive behavioural "
            "therapy (CBT) or counselling.",
            "Appointments are by phone or video call, with some in the evening for parents "
            "who work.",
            "This service is not for emergencies. If you need help now, call NHS 111 and "
            "choose the mental health option.",
        ),
        categories=("adult-mental-health",),
        organisation="nhs",
        online=True,
        by_phone=True,
        eligibility="Adults aged 18 and over who are registered with a GP in Wulfrun.",
        referral="Refer yourself online or by phone. You do not need to see your GP first.",
        phone="01902 555 0390",
        website="https://nhs.wulfrun.example/talking-therapies",
    ),
    DemoService(
        title="Domestic abuse helpline",
        summary="Confidential advice, safety planning and refuge places, 24 hours a day.",
        description=p(
            "If a partner, ex-partner or family member is hurting, threatening, controlling "
            "or frightening you, you can call the helpline at any time, day or night. You do "
            "not have to give your name.",
            "A trained adviser will listen, help you make a plan to keep yourself and your "
            "children safe, and explain your options: a place in a refuge, help to stay safely "
            "at home, and protection through the courts. They will not tell you what to do.",
            "Friends, family and professionals who are worried about someone can call too.",
            "If you are in danger now, call 999. If you cannot speak, call 999 and press 55 "
            "when asked: the police will know it is a real emergency.",
        ),
        categories=("domestic-abuse-support",),
        organisation="safe",
        by_phone=True,
        closed_on_bank_holidays=False,
        eligibility="Anyone aged 16 or over who is experiencing, or has experienced, domestic "
        "abuse, whatever their gender, and anyone worried about someone else. You do not need "
        "to have children.",
        phone="0800 555 0500",
        website="https://safehaven.wulfrun.example/",
        accessibility="Interpreters for any language on request, and Relay UK for callers "
        "who are deaf or have difficulty speaking.",
    ),
    DemoService(
        title="Freedom programme",
        summary="A 12-week group for women who have experienced domestic abuse.",
        description=p(
            "The Freedom Programme helps women understand the beliefs and tactics of abusive "
            "men, how abuse affects children, and how to spot warning signs in future "
            "relationships. It runs for 12 weekly sessions and you can join at any point.",
            "Groups are small and led by two trained facilitators. You do not have to share "
            "anything about yourself.",
            "There is a free creche for children under 5: tell us when you join.",
        ),
        categories=("domestic-abuse-support",),
        organisation="safe",
        places={"phoenix-centre": [(WEDNESDAY, "10:00", "12:00")]},
        eligibility="Women aged 16 or over who have experienced, or are experiencing, domestic "
        "abuse.",
        referral="Phone Safe Haven to join. We will talk with you first, in confidence, about "
        "whether now is the right time and how to get there safely.",
        phone="01902 555 0510",
        contacts=(Contact("Freedom Programme facilitator"),),
    ),
    DemoService(
        title="Healthy relationships for teens",
        summary="A course on respect, consent and spotting control.",
        description=p(
            "A 6-week course for young people aged 13 to 18 on what a healthy relationship "
            "looks like: respect, trust, consent, jealousy, controlling behaviour online and "
            "offline, and where to get help.",
            "Groups are small and led by youth workers. The course is for young people who "
            "have been in, or are at risk of, an unhealthy relationship, and for those who "
            "have seen abuse at home.",
        ),
        categories=("healthy-relationships",),
        organisation="youth",
        places={
            "wednesfield": [(MONDAY, "15:45", "17:00")],
            "tettenhall": [(TUESDAY, "16:00", "17:30")],
        },
        minimum_age=13,
        maximum_age=18,
        eligibility="Young people aged 13 to 18.",
        self_referral=False,
        referral="A school, youth worker, social worker or school nurse can refer a young "
        "person. Young people can ask any youth worker to refer them.",
        phone="01902 555 0800",
        email="relationships@youthtrust.wulfrun.example",
    ),
    DemoService(
        title="Benefits and debt advice",
        summary="Check what you can claim and get help with debts.",
        description=p(
            "A Money Matters adviser checks that you get all the benefits and help you are "
            "entitled to, such as Universal Credit, Child Benefit, Council Tax Reduction, free "
            "school meals and help with childcare costs, and helps you claim.",
            "If you are in debt, they can help you work out what to pay first, talk to the "
            "people you owe, and set up a plan you can afford. Advice is free, confidential, "
            "and independent of the council.",
        )
        + h2("What to bring")
        + ul(
            "letters about your benefits, rent or council tax",
            "bills and letters from anyone you owe money to",
            "your bank statements for the last month, if you have them",
        ),
        categories=("benefits-and-debt",),
        organisation="money",
        places={
            "city-centre": [(MONDAY, "09:30", "12:30")],
            "bilston": [(THURSDAY, "09:30", "12:30")],
            "low-hill": [(WEDNESDAY, "13:30", "16:30")],
        },
        by_phone=True,
        eligibility="Families in Wulfrun with children, or expecting a baby.",
        referral="Drop in during the session and you will be seen in turn, or phone to book a "
        "phone appointment.",
        phone="01902 555 0700",
        email="advice@moneymatters.wulfrun.example",
        languages="en, pa, pl",
    ),
    DemoService(
        title="Housing advice surgery",
        summary="Help if you are homeless or might lose your home.",
        description=p(
            "Talk to a housing adviser if you have been asked to leave, are behind with your "
            "rent or mortgage, have been given notice by your landlord, or your home is unsafe. "
            "The sooner you ask, the more we can do.",
            "The adviser can check whether a notice is valid, talk to your landlord, help you "
            "apply for a Discretionary Housing Payment, and explain your options if you have "
            "to move.",
            "If you have nowhere to stay tonight, phone the council's housing team straight "
            "away on 01902 555 0170.",
        )
        + h2("What to bring")
        + ul(
            "any letters or notices from your landlord or lender",
            "your tenancy agreement",
            "proof of your income",
        ),
        categories=("housing-advice",),
        organisation="council",
        places={"city-centre": [(WEDNESDAY, "09:00", "12:00")]},
        by_phone=True,
        eligibility="Families in Wulfrun with children, or expecting a baby.",
        referral="Drop in during the surgery, or phone for advice.",
        phone="01902 555 0170",
        email="housingadvice@wulfrun.example",
        languages="en, pa, pl",
    ),
    DemoService(
        title="Baby bank",
        summary="Free clothes, prams and cots for families who need them.",
        description=p(
            "The baby bank gives families good second-hand baby clothes, prams, cots and toys, "
            "and new nappies, wipes and toiletries, all given by local families and checked by "
            "volunteers.",
            "A professional refers you and tells us what you need. We then give you a time to "
            "collect, or arrange a delivery if you cannot get to the hub.",
            "To give things, bring them clean to the hub during the baby bank session. We "
            "cannot take used car seats, cot mattresses or breast pumps.",
        ),
        categories=("food-and-essentials",),
        organisation="bumps",
        places={"ettingshall": [(FRIDAY, "10:00", "13:00")]},
        pregnancy=True,
        minimum_age=0,
        maximum_age=4,
        eligibility="Families in Wulfrun expecting a baby or with children under 5 who cannot "
        "afford what they need.",
        self_referral=False,
        referral="A midwife, health visitor, social worker, family hub worker or other "
        "professional can refer you by email.",
        phone="01902 555 0430",
        email="babybank@bumps.wulfrun.example",
    ),
    DemoService(
        title="Holiday activities and food",
        summary="Free activities and a meal in the school holidays for children on free school "
        "meals.",
        description=p(
            "Free holiday clubs in the Easter, summer and Christmas holidays for children who "
            "get benefits-related free school meals, with a healthy meal every day. Activities "
            "include sport, dance, arts, cooking and trips.",
            "Clubs run for 4 hours a day, 4 days a week: for 4 weeks in the summer holidays, "
            "and for a week at Easter and at Christmas. The booking page has the dates.",
        ),
        categories=("food-and-essentials", "youth-clubs"),
        organisation="youth",
        places={"phoenix-centre": [], "codsall-hall": []},
        minimum_age=5,
        maximum_age=16,
        eligibility="Children aged 5 to 16 who get benefits-related free school meals.",
        referral="Book a place online with the code your child's school sends home. If you "
        "have not had a code, ask the school office.",
        phone="01902 555 0810",
        email="haf@youthtrust.wulfrun.example",
        website="https://youthtrust.wulfrun.example/holidays",
    ),
    DemoService(
        title="Youth club",
        summary="Games, sport, music and trips, with youth workers.",
        description=p(
            "Pool, table tennis, music, cooking, sport and somewhere to hang out with friends. "
            "Youth workers run activities, organise trips in the holidays, and are there to "
            "talk to if something is on your mind.",
            "It costs £1 a session, with free toast and squash. You do not need to book: the "
            "first time you come, a youth worker will ask you and your parent or carer to fill "
            "in a short form.",
        ),
        categories=("youth-clubs",),
        organisation="youth",
        places={
            "wednesfield": [(TUESDAY, "17:30", "20:00")],
            "pendeford": [(WEDNESDAY, "17:30", "20:00")],
            "bushbury": [(MONDAY, "15:30", "17:00"), (WEDNESDAY, "15:30", "17:00")],
        },
        place_notes={
            "bushbury": "At Bushbury the club runs straight after school.",
        },
        minimum_age=11,
        maximum_age=19,
        eligibility="Young people aged 11 to 19, or up to 25 with special educational needs "
        "or disabilities.",
        cost=Decimal("1.00"),
        cost_description="per session",
        phone="01902 555 0800",
        email="youthclubs@youthtrust.wulfrun.example",
    ),
    DemoService(
        title="Young carers group",
        summary="Time out and support for young people who look after someone.",
        description=p(
            "If you help look after someone in your family who is ill, disabled, has a mental "
            "health problem, or uses drugs or alcohol, you are a young carer. This group is a "
            "break: activities, trips, food, and time with others who understand.",
            "A young carers worker can also talk to your school and help you and your family "
            "get support.",
        ),
        categories=("youth-support",),
        organisation="youth",
        places={"city-centre": [(SATURDAY, "10:30", "12:30")]},
        minimum_age=8,
        maximum_age=18,
        eligibility="Young carers aged 8 to 18 who live in Wulfrun.",
        referral="Anyone can refer a young carer: you, a parent, a teacher or a professional. "
        "Phone or email and a worker will meet you first.",
        phone="01902 555 0820",
        email="youngcarers@youthtrust.wulfrun.example",
        contacts=(Contact("Young carers worker"),),
    ),
    DemoService(
        title="Mentoring for young people",
        summary="A trained mentor meets you each week.",
        description=p(
            "A trained volunteer mentor meets you for an hour a week, for up to a year, to "
            "talk, set goals and try new things: getting back into school, finding a club, or "
            "just having someone on your side.",
            "You meet at a family hub or somewhere you both choose, like a cafe or a library, "
            "and can keep in touch by phone or video call in between.",
        ),
        categories=("youth-support",),
        organisation="youth",
        places={"city-centre": [], "bushbury": [], "wednesfield": []},
        online=True,
        by_phone=True,
        minimum_age=11,
        maximum_age=18,
        eligibility="Young people aged 11 to 18 who would like someone on their side.",
        self_referral=False,
        referral="A school, social worker, youth worker or family hub worker refers you. Talk "
        "to any of them if you would like a mentor.",
        phone="01902 555 0830",
        email="mentoring@youthtrust.wulfrun.example",
        contacts=(Contact("Mentoring coordinator"),),
    ),
    DemoService(
        title="Next steps careers advice",
        summary="Help into college, apprenticeships and work.",
        description=p(
            "A careers adviser helps young people who are not in education, employment or "
            "training find their next step: a college course, an apprenticeship, a traineeship "
            "or a job.",
            "They can help with applications, CVs and interviews, check what money you can get "
            "while you study or train, and keep in touch until you are settled.",
            "Drop in, or phone to book a time. Video appointments are available too.",
        ),
        categories=("education-employment-training",),
        organisation="council",
        places={
            "city-centre": [(MONDAY, "13:00", "16:00")],
            "low-hill": [(WEDNESDAY, "10:00", "12:30")],
        },
        online=True,
        minimum_age=16,
        maximum_age=24,
        eligibility="Young people aged 16 to 24 who are not in education, employment or training.",
        phone="01902 555 0180",
        email="nextsteps@wulfrun.example",
    ),
    DemoService(
        title="ESOL for parents",
        summary="English classes with a creche.",
        description=p(
            "English for Speakers of Other Languages (ESOL) classes for parents and carers, "
            "from beginners to more advanced. You will practise the English you need to talk "
            "to your child's school, the doctor, shops and neighbours.",
            "There is a free creche for children under 5 in the next room. Classes are free.",
            "The first time, come 15 minutes early so a tutor can check your level and find "
            "the right class for you.",
        ),
        categories=("english-language",),
        organisation="council",
        places={
            "whitmore-reans": [(TUESDAY, "09:30", "11:30"), (THURSDAY, "09:30", "11:30")],
            "city-centre": [(WEDNESDAY, "13:00", "15:00")],
        },
        eligibility="Parents and carers aged 19 or over whose first language is not English "
        "and who live in Wulfrun.",
        referral="Just come along to a class.",
        phone="01902 555 0190",
        email="esol@wulfrun.example",
        languages="en, pa, pl, ro",
    ),
    DemoService(
        title="Digital skills for parents",
        summary="Get online: email, forms and staying safe.",
        description=p(
            "A small, friendly class for parents and carers who want to be more confident "
            "online: setting up email, filling in forms such as Universal Credit and school "
            "applications, video calls, online banking, and keeping your family safe online.",
            "Use the library's laptops or bring your own phone or tablet. Ask about a free "
            "refurbished laptop and mobile data if you do not have them at home.",
        ),
        categories=("adult-learning",),
        organisation="council",
        places={"penn-library": [(WEDNESDAY, "13:00", "15:00")]},
        eligibility="Parents and carers in Wulfrun. You do not need any experience.",
        referral="Phone to book, or just come along: there are 8 places.",
        phone="01902 555 0190",
        email="adultlearning@wulfrun.example",
    ),
]

# Most services are one page for all their places; these are listed once per place ("Stay and
# play, Bilston"), as councils' directories do for sessions that differ from place to place.
PER_PLACE = {
    "Stay and play",
    "Baby clinic",
    "Youth club",
    "Breastfeeding cafe",
    "Chatterbox early language group",
    "Speech and language drop-in",
    "Benefits and debt advice",
}
STALE = {"Brushing for life", "Baby bank"}


@dataclass(frozen=True)
class DemoPage:
    """One service page: the service, its title, and the places it lists."""

    service: DemoService
    title: str
    places: tuple[str, ...]


def slug_for(text: str) -> str:
    return slugify(text)


def ensure_organisations() -> dict[str, Organisation]:
    organisations = {}
    for key, (name, description, website, phone) in ORGANISATIONS.items():
        organisations[key], _ = Organisation.objects.get_or_create(
            name=name,
            defaults={"description": description, "website": website, "phone": phone},
        )
    return organisations


def ensure_index(home) -> ServiceIndexPage:
    index, _ = ensure_child_page(
        home,
        ServiceIndexPage(
            title="Find a service",
            slug="services",
            summary="Search every service for families in Wulfrun: near you, for your "
            "child's age, free or paid.",
            intro="<p>Services for families run by the council, the NHS and local charities, at "
            "family hubs and across Wulfrun.</p>",
        ),
    )
    return index


def sessions_for(page: DemoPage, hubs) -> list[ServiceSession]:
    """Each place's sessions, held at its hub when it is one. A session not tied to a hub is
    held at each of the page's places, so only a page with one place may have them."""
    service = page.service
    if not page.places:
        weekly = [(None, session) for session in service.remote_hours]
    else:
        weekly = [
            (hubs.get(key), session) for key in page.places for session in service.places[key]
        ]
    if len(page.places) > 1 and any(hub is None for hub, _ in weekly):
        raise ValueError(f"{page.title}: a session at a place that is not a hub, among several")
    return [
        ServiceSession(
            weekday=day, opens=time.fromisoformat(opens), closes=time.fromisoformat(closes), hub=hub
        )
        for hub, (day, opens, closes) in weekly
    ]


def description_for(page: DemoPage) -> str:
    """The service's description, with what is particular to this page's place after its
    opening paragraphs (before "What to bring" and the like)."""
    service = page.service
    notes = p(*(service.place_notes[key] for key in page.places if key in service.place_notes))
    opening, heading, rest = service.description.partition("<h2>")
    return opening + notes + heading + rest


def build_service(page: DemoPage, hubs, organisations, terms, today) -> ServicePage:
    spec = page.service
    own_hub = hubs[page.places[0]] if spec.hub_contact else None
    service = ServicePage(
        title=page.title,
        slug=slug_for(page.title),
        summary=spec.summary,
        description=description_for(page),
        organisation=organisations[spec.organisation],
        minimum_age=spec.minimum_age,
        maximum_age=spec.maximum_age,
        pregnancy=spec.pregnancy,
        eligibility_description=spec.eligibility,
        is_free=spec.cost is None,
        cost_amount=spec.cost,
        cost_description=spec.cost_description,
        self_referral=spec.self_referral,
        referral_description=spec.referral,
        in_person=bool(page.places),
        online=spec.online,
        by_phone=spec.by_phone,
        at_home=spec.at_home,
        phone=own_hub.phone if own_hub else spec.phone,
        email=own_hub.email if own_hub else spec.email,
        website=spec.website,
        languages=next(
            (spec.place_languages[key] for key in page.places if key in spec.place_languages),
            spec.languages,
        ),
        accessibility=spec.accessibility,
        closed_on_bank_holidays=spec.closed_on_bank_holidays,
        last_reviewed=today - timedelta(days=500 if spec.title in STALE else 30),
    )
    service.categories = [terms[code] for code in spec.categories]
    service.hubs = [hubs[key] for key in page.places if key in hubs]
    service.locations = [
        ServiceLocation(
            name=PLACES[key][0],
            address_line_1=PLACES[key][1],
            town=PLACES[key][2],
            postcode=PLACES[key][3],
            latitude=PLACES[key][4],
            longitude=PLACES[key][5],
        )
        for key in page.places
        if key in PLACES
    ]
    service.opening_sessions = sessions_for(page, hubs)
    service.contacts = [
        ServiceContact(name=contact.name, phone=contact.phone, email=contact.email)
        for contact in spec.contacts
    ]
    return service


def place_name(key: str, hubs) -> str:
    if key in hubs:
        return hubs[key].title.removesuffix(" Family Hub")
    return PLACES[key][0]


def demo_pages(hubs) -> list[DemoPage]:
    """Every demo service page, with the places it lists (those that exist)."""
    pages = []
    for service in SERVICES:
        places = tuple(key for key in service.places if key in hubs or key in PLACES)
        if service.title in PER_PLACE:
            pages.extend(
                DemoPage(service, f"{service.title}, {place_name(key, hubs)}", (key,))
                for key in places
            )
        else:
            pages.append(DemoPage(service, service.title, places))
    return pages


def load(site) -> None:
    home = site.root_page.specific
    index = ensure_index(home)
    add_navigation_link(site, index, position=1)
    organisations = ensure_organisations()
    # Seeded by a migration; again here for a database emptied since (the browser tests').
    taxonomy_seed.seed(Taxonomy, TaxonomyTerm)
    terms = {term.code: term for term in TaxonomyTerm.objects.all()}
    hubs = {hub.slug: hub for hub in FamilyHubPage.objects.all()}
    today = timezone.localdate()
    existing = set(index.get_children().values_list("slug", flat=True))
    for page in demo_pages(hubs):
        if slug_for(page.title) in existing:
            continue
        ensure_child_page(index, build_service(page, hubs, organisations, terms, today))
