"""Demo services for parenting, childcare, school readiness and SEND."""

from decimal import Decimal

from .spec import (
    FRIDAY,
    MONDAY,
    SATURDAY,
    SUNDAY,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
    Contact,
    DemoService,
    h2,
    p,
    ul,
)

SERVICES = [
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
]
