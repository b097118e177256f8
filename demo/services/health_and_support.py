"""Demo services for health, mental health, domestic abuse, money, housing and food."""

from decimal import Decimal

from .spec import (
    FRIDAY,
    MONDAY,
    SUNDAY,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
    WEEKDAYS,
    Contact,
    DemoService,
    h2,
    p,
    ul,
)

SERVICES = [
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
]
