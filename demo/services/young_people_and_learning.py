"""Demo services for young people, and learning for parents."""

from decimal import Decimal

from .spec import MONDAY, SATURDAY, THURSDAY, TUESDAY, WEDNESDAY, Contact, DemoService, p

SERVICES = [
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
